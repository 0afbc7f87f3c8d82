/**
 * A YAML front-matter block at the very top ("---" lines around "key: value" lines), as in
 * the seed. It is kept untouched in every edition and kept out of the analysis.
 */

import type { Line } from './lines';

const FENCE = /^---\s*$/;
const MAX_FRONT_MATTER_LINES = 200;

/** The number of lines the front matter takes, fences included; 0 when there is none. */
export function frontMatterLineCount(text: string, lines: readonly Line[]): number {
  const lineText = (index: number): string => text.slice(lines[index]!.start, lines[index]!.end);
  if (lines.length < 2 || !FENCE.test(lineText(0))) return 0;
  const limit = Math.min(lines.length, MAX_FRONT_MATTER_LINES);
  for (let i = 1; i < limit; i++) {
    const content = lineText(i);
    if (FENCE.test(content)) return i + 1;
    // Every line inside is a YAML key, a list item, a continuation or a comment; anything else
    // ("---" followed by prose) means the first line was a rule, not a front-matter fence.
    if (!/^(\s*$|\s*#|[\w"'-][^:]*:|\s+\S|-\s)/.test(content)) return 0;
  }
  return 0;
}
