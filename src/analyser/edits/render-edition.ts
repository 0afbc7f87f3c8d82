/**
 * The cleaned edition: the source plus the accepted (and edited) findings, and nothing else.
 * What the formats add is derived from those findings and from the analysis:
 * - kept footnotes (accepted `footnote` findings, or ones an accepted enclosing finding settles)
 *   are numbered in document order (the seed's per-page numbering becomes one sequence) and
 *   printed after the text: a "Notes" section in text, Markdown footnotes `[^n]: ...`;
 * - an accepted marker of a kept footnote prints the note's reference, `[n]` or `[^n]`;
 * - Markdown marks headings with `#`.
 * With no accepted findings the text format is the source, byte for byte.
 */

import type { Finding, Heading } from '../types';
import { applyEdits, type Edit } from './apply-edits';
import { selectEdits, type Decisions } from './decisions';

export type EditionFormat = 'text' | 'markdown';

export interface EditionOptions {
  format: EditionFormat;
  /** Headings from the analysis, marked as such in Markdown. */
  headings?: readonly Heading[];
}

export interface Edition {
  text: string;
  /** Where each applied finding's change landed in `text`. */
  changes: Array<{ findingId: string; start: number; end: number }>;
  /** The kept notes, in the order they are numbered. */
  notes: Array<{ number: number; findingId: string; text: string }>;
}

export function renderEdition(
  source: string,
  findings: readonly Finding[],
  decisions: Decisions,
  options: EditionOptions,
): Edition {
  const markdown = options.format === 'markdown';
  const { edits, inEdition } = selectEdits(findings, decisions);

  const notes: Edition['notes'] = [];
  const noteNumber = new Map<string, number>();
  for (const finding of findings) {
    if (finding.kind !== 'footnote' || !finding.footnote || !inEdition.has(finding.id)) continue;
    const decision = decisions.get(finding.id);
    if (decision?.status === 'edited' && decision.text.trim().length > 0) continue;
    notes.push({ number: notes.length + 1, findingId: finding.id, text: finding.footnote.text });
    noteNumber.set(finding.id, notes.length);
  }

  const byId = new Map(findings.map((finding) => [finding.id, finding]));
  const withReferences: Edit[] = edits.map((edit) => {
    const finding = edit.findingId ? byId.get(edit.findingId) : undefined;
    if (!finding || finding.kind !== 'footnote-marker' || decisions.get(finding.id)?.status === 'edited')
      return edit;
    const number = finding.footnoteId ? noteNumber.get(finding.footnoteId) : undefined;
    if (number === undefined) return edit;
    return { ...edit, text: markdown ? `[^${number}]` : `[${number}]` };
  });

  const headingMarks: Edit[] = markdown
    ? (options.headings ?? []).map((heading) => ({
        start: heading.start,
        end: heading.start,
        expected: '',
        text: `${'#'.repeat(headingLevel(source.slice(heading.start, heading.end)))} `,
      }))
    : [];

  const applied = applyEdits(source, [...withReferences, ...headingMarks]);
  let text = applied.text;
  if (notes.length > 0) {
    const lineBreak = source.includes('\r\n') ? '\r\n' : '\n';
    const body = text.replace(/(\r?\n)*$/, '');
    const printed = notes.map((note) =>
      markdown ? `[^${note.number}]: ${note.text}` : `[${note.number}] ${note.text}`,
    );
    const heading = markdown ? [] : ['Notes', ''];
    text = [body, '', ...heading, ...printed, ''].join(lineBreak);
  }
  return {
    text,
    changes: applied.applied
      .filter((edit) => edit.findingId !== undefined)
      .map((edit) => ({ findingId: edit.findingId!, start: edit.outputStart, end: edit.outputEnd })),
    notes,
  };
}

/** "Chapter XIV: ..." is a top heading, "Section 1: ..." the next level, numbered ones below. */
function headingLevel(heading: string): number {
  if (/^(chapter|part)\b/i.test(heading)) return 1;
  if (/^section\b/i.test(heading)) return 2;
  if (/^\d+\.\d+/.test(heading)) return 4;
  return 3;
}
