/**
 * What a labelled document says is true, in one shape for the hand-labelled seed
 * (fixtures/seed/labels.json) and for the generated extractions (fake-extraction.ts).
 * Every line number is 1-based, counted in the file as it is (front matter included).
 */

export interface Truth {
  /** Every line of page furniture. A blank line inside a furniture block is not listed. */
  furniture: Array<{ line: number; kind: 'running-header' | 'page-number' }>;
  /** Every footnote body at a page bottom, all its lines. */
  footnotes: Array<{ firstLine: number; lastLine: number; label: string }>;
  /**
   * Every in-text footnote marker: the line and 1-based column of the label's first character,
   * and the label exactly as printed ("1", "i", "¹", "[3]" is labelled "3" at the "3").
   */
  markers: Array<{ line: number; column: number; label: string }>;
  /**
   * Every page boundary that falls between two pieces of body text: `afterLine` is the last body
   * line before the furniture/footnotes, `beforeLine` the first body line after them. `join` is
   * true when the paragraph (or sentence) goes on across the break. `capital` is set when the
   * first word after a joined break carries a spurious capital ("Strive" after "development,").
   */
  pageBreaks: Array<{ afterLine: number; beforeLine: number; join: boolean; capital?: string }>;
  /**
   * Every body line that ends with a hyphen joined to the next body line: `join` for a word split
   * by the line end ("empha-" + "sis"), `keep` for a real compound ("all-" + "round").
   */
  hyphens: Array<{ line: number; word: string; decision: 'join' | 'keep' }>;
  /**
   * Every body line that ends a block (paragraph or heading) while more body text follows on the
   * same page. Every other body line followed by body text on the same page is a wrapped line.
   */
  blockEnds: number[];
  /** Every heading: its first and last line ("Section 1: ... and the" + "Future of the World"). */
  headings: Array<{ firstLine: number; lastLine: number }>;
  /**
   * Translation-engine artefacts, as spans of the source (fixtures/seed/artefacts.json for the
   * seed, inject-artefacts.ts for generated texts). Absent: the document is not labelled for them.
   */
  artefacts?: ArtefactLabel[];
  /** Spans that look like artefacts and are not: a finding of one of `kinds` on them is a trap flagged. */
  traps?: TrapLabel[];
}

/** The kinds labelled as spans of text (issue 3); `capitalisation` here means a capital in mid-sentence. */
export type ArtefactKind = 'doubled-phrase' | 'quote' | 'spacing' | 'capitalisation';

export const ARTEFACT_KINDS: readonly ArtefactKind[] = [
  'doubled-phrase',
  'quote',
  'spacing',
  'capitalisation',
];

/**
 * One artefact: `line` and `column` (1-based, the column in code points) of the span's first
 * character in the file as it is, and `text`, the exact source span (with "\n" where it crosses a
 * line break). `fixed` is the span as corrected, when one correction is unambiguous.
 */
export interface ArtefactLabel {
  kind: ArtefactKind;
  line: number;
  column: number;
  text: string;
  fixed?: string;
  /**
   * A span where a finding of this kind is neither right nor wrong (a garbled passage, a quote
   * artefact's space for `spacing`): findings on it are not counted, and missing it is no miss.
   */
  doubtful?: boolean;
  /** Why the call was made, quoting the text. */
  note?: string;
}

/** A span that must not be flagged as any of `kinds`: an idiom, an apostrophe, a name. */
export interface TrapLabel {
  line: number;
  column: number;
  text: string;
  kinds: ArtefactKind[];
  note: string;
}

/** A truth with nothing in it, to fill in. */
export function emptyTruth(): Truth {
  return {
    furniture: [],
    footnotes: [],
    markers: [],
    pageBreaks: [],
    hyphens: [],
    blockEnds: [],
    headings: [],
  };
}

export interface LabelledDocument {
  name: string;
  text: string;
  truth: Truth;
}
