/**
 * The text cut into lines once, with the offsets every layout step and detector shares.
 */

export interface Line {
  /** 0-based line number. */
  index: number;
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past its last character, before any `\r\n` or `\n`. */
  end: number;
  /** Offset of the next line's first character (`end` on the last line). */
  next: number;
  /** The content without leading and trailing white space. */
  trimmed: string;
  /** Offset of the first non-space character (`end` for a blank line). */
  contentStart: number;
  /** Offset just past the last non-space character (`start` for a blank line). */
  contentEnd: number;
}

/** Spaces and tabs, no-break and typographic spaces; not line breaks. */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 0xa0 ||
    code === 12 ||
    code === 11 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200b)
  );
}

export function splitLines(text: string): Line[] {
  return splitShapedLines(text).lines;
}

/**
 * The length and the first and last character of every line's trimmed text, in typed arrays:
 * what most scans over all lines test first, read without visiting each line's object and
 * string (blank lines have length 0 and characters 0).
 */
export interface LineShapes {
  length: Int32Array;
  first: Uint16Array;
  last: Uint16Array;
}

/**
 * splitLines, with the shapes of the lines noted as they are cut, and the line break the
 * document uses most: what an inserted break should look like. The breaks are counted in the
 * first megabyte, as they are met.
 */
export function splitShapedLines(text: string): {
  lines: Line[];
  shapes: LineShapes;
  lineBreak: '\n' | '\r\n';
} {
  const lines: Line[] = [];
  let shapes = emptyShapes(1024);
  let crlf = 0;
  let lf = 0;
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    let end = newline === -1 ? text.length : newline;
    const returnBefore = end > start && text.charCodeAt(end - 1) === 13;
    if (returnBefore) end--;
    if (newline !== -1 && newline < LINE_BREAK_SAMPLE) {
      if (returnBefore) crlf++;
      else lf++;
    }
    const line = makeLine(text, lines.length, start, end, next);
    if (lines.length === shapes.length.length) shapes = grownShapes(shapes);
    if (line.trimmed.length > 0) {
      shapes.length[lines.length] = line.trimmed.length;
      shapes.first[lines.length] = text.charCodeAt(line.contentStart);
      shapes.last[lines.length] = text.charCodeAt(line.contentEnd - 1);
    }
    lines.push(line);
    if (newline === -1) break;
    start = next;
  }
  const count = lines.length;
  return {
    lines,
    lineBreak: crlf > lf ? '\r\n' : '\n',
    shapes: {
      length: shapes.length.subarray(0, count),
      first: shapes.first.subarray(0, count),
      last: shapes.last.subarray(0, count),
    },
  };
}

function makeLine(text: string, index: number, start: number, end: number, next: number): Line {
  let contentStart = start;
  while (contentStart < end && isSpace(text.charCodeAt(contentStart))) contentStart++;
  let contentEnd = end;
  while (contentEnd > contentStart && isSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
  const blank = contentStart === end;
  return {
    index,
    start,
    end,
    next,
    trimmed: blank ? '' : text.slice(contentStart, contentEnd),
    contentStart,
    contentEnd: blank ? start : contentEnd,
  };
}

/** Shapes for `size` lines, all blank. */
export function emptyShapes(size: number): LineShapes {
  return { length: new Int32Array(size), first: new Uint16Array(size), last: new Uint16Array(size) };
}

function grownShapes(shapes: LineShapes): LineShapes {
  const grown = emptyShapes(shapes.length.length * 2);
  grown.length.set(shapes.length);
  grown.first.set(shapes.first);
  grown.last.set(shapes.last);
  return grown;
}

/** How much of the text decides which line break it uses most: its first megabyte. */
const LINE_BREAK_SAMPLE = 1 << 20;

/** The index of the line that holds `offset`. */
export function lineAtOffset(lines: readonly Line[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
