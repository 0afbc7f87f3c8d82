/**
 * The harness's own view of a text's lines, so that scoring does not depend on the analyser's
 * internals: offsets of each line (lines end at `\n`, a `\r` before it belongs to the break),
 * where its words start and end, and the YAML front matter at the top (not body text).
 */

export interface TextLine {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, before `\r\n` or `\n`. */
  end: number;
  /** Offset of the first non-space character (`end` when blank). */
  contentStart: number;
  /** Offset just past the last non-space character (`contentStart` when blank). */
  contentEnd: number;
  blank: boolean;
}

const SPACE = /[ \t\u00a0\f\v\u2000-\u200b\u3000]/;
const FENCE = /^---\s*$/;
const MAX_FRONT_MATTER_LINES = 200;

export function textLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    let end = newline === -1 ? text.length : newline;
    if (end > start && text[end - 1] === '\r') end--;
    let contentStart = start;
    while (contentStart < end && SPACE.test(text[contentStart]!)) contentStart++;
    let contentEnd = end;
    while (contentEnd > contentStart && SPACE.test(text[contentEnd - 1]!)) contentEnd--;
    lines.push({ start, end, contentStart, contentEnd, blank: contentStart === contentEnd });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/** How many lines a front-matter block ("---" ... "---" at the very top) takes; 0 when there is none. */
export function frontMatterLineCount(text: string, lines: readonly TextLine[]): number {
  const lineText = (i: number): string => text.slice(lines[i]!.start, lines[i]!.end);
  if (lines.length < 2 || !FENCE.test(lineText(0))) return 0;
  for (let i = 1; i < Math.min(lines.length, MAX_FRONT_MATTER_LINES); i++) {
    if (FENCE.test(lineText(i))) return i + 1;
  }
  return 0;
}
