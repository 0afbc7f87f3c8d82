/**
 * The ranges findings cover, computed one way for every detector: a whole line with its line
 * break (furniture, footnotes), and the gap between two body lines (wraps, breaks).
 */

import type { PageLayout } from './page-layout';
import { Role } from './page-layout';

/**
 * A line, its line break, and the blank lines after it when more furniture or notes follow,
 * so that removing a whole block of furniture leaves no blank lines behind.
 */
export function wholeLinesRange(
  layout: PageLayout,
  first: number,
  last: number,
): { start: number; end: number } {
  const { lines, role } = layout;
  let end = lines[last]!.next;
  let next = last + 1;
  while (next < lines.length && role[next] === Role.Blank) next++;
  if (next < lines.length && (role[next] === Role.Furniture || role[next] === Role.Footnote)) {
    end = lines[next]!.start;
  }
  return { start: lines[first]!.start, end };
}

/** From the end of one body line's text to the start of the next body line's text. */
export function gapRange(layout: PageLayout, from: number, to: number): { start: number; end: number } {
  return { start: layout.lines[from]!.contentEnd, end: layout.lines[to]!.contentStart };
}
