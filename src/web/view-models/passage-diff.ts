/**
 * A finding's passage as a word-level diff: the flagged span with some of the text around it
 * (up to `context` characters each side, cut at a word and never past a line break), compared
 * with the same passage after the suggestion. Line breaks show as ⏎ so a join is visible.
 */

import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  text: string;
  added: boolean;
  removed: boolean;
}

export function passageDiff(
  source: string,
  start: number,
  end: number,
  replacement: string,
  context = 80,
): DiffPart[] {
  const before = contextBefore(source, start, context);
  const after = contextAfter(source, end, context);
  const original = visibleBreaks(before + source.slice(start, end) + after);
  const cleaned = visibleBreaks(before + replacement + after);
  return diffWordsWithSpace(original, cleaned).map((change) => ({
    text: change.value,
    added: change.added,
    removed: change.removed,
  }));
}

function contextBefore(source: string, start: number, context: number): string {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  let from = Math.max(lineStart, start - context);
  if (from > lineStart) {
    const space = source.indexOf(' ', from);
    from = space === -1 || space >= start ? start : space + 1;
  }
  return source.slice(from, start);
}

function contextAfter(source: string, end: number, context: number): string {
  const newline = source.indexOf('\n', end);
  const lineEnd = newline === -1 ? source.length : newline;
  let to = Math.min(lineEnd, end + context);
  if (to < lineEnd) {
    const space = source.lastIndexOf(' ', to);
    to = space <= end ? end : space;
  }
  return source.slice(end, to).replace(/\r$/, '');
}

/** Line breaks shown as ⏎ (and still broken), so that a joined line is visible as such. */
export function visibleBreaks(text: string): string {
  return text.replace(/\r?\n/g, '⏎\n');
}
