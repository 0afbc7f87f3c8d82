/**
 * Paragraph ends, made explicit: in the edition every paragraph is one line and paragraphs are
 * separated by one blank line (CONTRACT.md, `clean`). A paragraph that ends on a single line
 * break ("in the new era.⏎Section 1: ...") or is followed by several blank lines, or whose end
 * falls at a page break, gets one blank line after it. A gap that is already one blank line is
 * left alone. Decided by layout/blocks.ts.
 */

import { gapRange } from '../layout/line-ranges';
import { Role, type PageLayout } from '../layout/page-layout';
import type { Draft } from '../types';
import type { Detector } from './detector';
import { draft } from './draft';

export const paragraphBreak: Detector = {
  meta: {
    id: 'paragraph-break',
    kind: 'paragraph-break',
    description: 'The end of a paragraph or heading; separated by one blank line in the edition.',
    examples: [
      {
        before:
          "China's foreign affairs work in the new era.\nSection 1: China's Plan\nToday's world is changing.\n",
        after:
          "China's foreign affairs work in the new era.\n\nSection 1: China's Plan\n\nToday's world is changing.\n",
      },
    ],
  },
  detect(layout) {
    const separator = layout.lineBreak + layout.lineBreak;
    const drafts: Draft[] = [];
    const afterFrontMatter = frontMatterGap(layout, separator);
    if (afterFrontMatter) drafts.push(afterFrontMatter);
    for (const join of layout.joinsOf('paragraph-break')) {
      const gap = gapRange(layout, join.from, join.to);
      if (layout.text.slice(gap.start, gap.end) === separator) continue;
      drafts.push(
        draft({
          kind: 'paragraph-break',
          ...gap,
          replacement: separator,
          confidence: join.confidence,
          message: join.across
            ? `The paragraph ends at the page break (${join.reason}): keep the break.`
            : `Paragraph end (${join.reason}): separate the paragraphs with one blank line.`,
          page: layout.pageLabel(join.from),
        }),
      );
    }
    return drafts;
  },
};

/** Blank lines between the front matter and the first line of text, folded to one. */
function frontMatterGap(layout: PageLayout, separator: string): Draft | undefined {
  const first = layout.body[0];
  if (layout.firstLine === 0 || first === undefined) return undefined;
  const start = layout.lines[layout.firstLine - 1]!.end;
  const end = layout.lines[first]!.contentStart;
  if (layout.text.slice(start, end) === separator) return undefined;
  if (layout.role.subarray(layout.firstLine, first).some((role) => role !== Role.Blank)) return undefined;
  return draft({
    kind: 'paragraph-break',
    start,
    end,
    replacement: separator,
    confidence: 0.95,
    message: 'Blank lines after the front matter: keep one.',
  });
}
