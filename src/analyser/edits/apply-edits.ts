/**
 * The one place where text is spliced. An edit replaces `source[start, end)`, which must still
 * read `expected`, with `text`; edits must be disjoint. Applying edits to a text they were not
 * made for (for instance a second time, to their own output) is refused, because the expected
 * source no longer matches.
 */

export interface Edit {
  start: number;
  end: number;
  /** What the source holds in the range; checked before anything is spliced. */
  expected: string;
  /** What replaces it. */
  text: string;
  /** The finding the edit comes from, for tracing every change back to its decision. */
  findingId?: string;
}

export interface AppliedEdits {
  text: string;
  /** The edits applied, sorted by `start`, with where each one landed in the output. */
  applied: Array<Edit & { outputStart: number; outputEnd: number }>;
  /** Edits that, applied to `text`, give back the source. */
  inverse: Edit[];
}

export class EditConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditConflictError';
  }
}

export function applyEdits(source: string, edits: readonly Edit[]): AppliedEdits {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  const applied: AppliedEdits['applied'] = [];
  const inverse: Edit[] = [];
  let cursor = 0;
  let outputLength = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) {
      throw new EditConflictError(`edits overlap at offset ${edit.start}`);
    }
    if (edit.end < edit.start || edit.end > source.length) {
      throw new EditConflictError(`edit range [${edit.start}, ${edit.end}) lies outside the text`);
    }
    if (source.slice(edit.start, edit.end) !== edit.expected) {
      throw new EditConflictError(
        `the text at [${edit.start}, ${edit.end}) is not what the edit expects: was it applied already?`,
      );
    }
    const kept = source.slice(cursor, edit.start);
    parts.push(kept, edit.text);
    outputLength += kept.length;
    const outputStart = outputLength;
    outputLength += edit.text.length;
    applied.push({ ...edit, outputStart, outputEnd: outputLength });
    inverse.push({
      start: outputStart,
      end: outputLength,
      expected: edit.text,
      text: edit.expected,
      findingId: edit.findingId,
    });
    cursor = edit.end;
  }
  parts.push(source.slice(cursor));
  return { text: parts.join(''), applied, inverse };
}
