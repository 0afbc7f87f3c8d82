/**
 * The analyser's data, as plain serialisable records. CONTRACT.md is the source of truth for
 * every field named there; the fields added here extend it without changing it.
 */

import type { Kind } from './kinds';

/** A note carried by a `footnote` finding: what the edition prints in its notes. */
export interface FootnoteBody {
  /** The label as printed on the page: "1", "iv", "*". */
  label: string;
  /** The note's text, its wrapped lines joined, without the label. */
  text: string;
}

/**
 * One suspected artefact. Offsets are UTF-16 code units into the analysed text (after a BOM
 * is dropped), `start` inclusive, `end` exclusive. `line` and `column` are 1-based and derived
 * from `start`.
 */
export interface Finding {
  /** Stable across runs on the same text: the kind plus a hash of the text around the range. */
  id: string;
  kind: Kind;
  start: number;
  end: number;
  line: number;
  column: number;
  /** The source text in the range. */
  text: string;
  /** The suggested text for the range, or null when there is no safe suggestion (flag only). */
  replacement: string | null;
  /** 0 to 1: how likely an editor accepts the suggestion. */
  confidence: number;
  /** One sentence an editor understands. */
  message: string;
  /** `footnote` findings: the note the edition keeps when the body is removed. */
  footnote?: FootnoteBody;
  /** `footnote-marker` findings: the id of the footnote finding the marker refers to. */
  footnoteId?: string;
  /** The page of the original (as printed) the range starts on, when the document shows it. */
  page?: string;
}

/**
 * A finding as a detector proposes it: in its final shape, the engine filling in the id, the
 * line, the column and the text (see detectors/draft.ts).
 */
export type Draft = Finding & {
  /** `footnote-marker` drafts: where the footnote they refer to starts; the engine links the ids. */
  footnoteStart?: number;
};

/** What `analyse` returns. */
export interface Analysis {
  /** Length of the analysed text in UTF-16 code units. */
  length: number;
  /** Sorted by `start`, then by widest range first (an enclosing finding before the ones inside it). */
  findings: Finding[];
  /** The headings the layout recognised, for editions that mark them (Markdown). */
  headings: Heading[];
}

/** A heading's range in the source: from its first character to the end of its last line. */
export interface Heading {
  start: number;
  end: number;
}

export interface AnalyseOptions {
  /** Only these kinds are reported (all when absent). */
  kinds?: readonly Kind[];
  /** Findings below this confidence are dropped. */
  minConfidence?: number;
  /** Normalise every quotation mark in the document to one style, as ordinary quote findings. */
  quoteStyle?: 'curly' | 'straight';
}
