/**
 * Offsets to 1-based lines and columns and back. Lines end at `\n`; a `\r` before it belongs
 * to the line break, not to the line's content. Positions are derived here and never stored
 * as truth.
 */

export interface LineIndex {
  /** Offset of the first character of each line. */
  readonly starts: Int32Array;
  readonly length: number;
}

export function buildLineIndex(text: string): LineIndex {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
  return { starts, length: text.length };
}

/** 0-based index of the line holding `offset`. */
export function lineIndexAt(index: LineIndex, offset: number): number {
  const { starts } = index;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function positionAt(index: LineIndex, offset: number): { line: number; column: number } {
  const line = lineIndexAt(index, offset);
  return { line: line + 1, column: offset - index.starts[line]! + 1 };
}
