/**
 * Sentences and paragraphs cut by a page break: the last line of one page and the first of the
 * next are joined across the furniture and footnotes between them ("innovation-driven
 * development,⏎380⏎Strive to work" → "development, Strive to work"); a word split by a hyphen
 * across the break is joined the same way hyphenation.ts joins it. The finding encloses the
 * furniture and notes between the pieces, so accepting it settles them too. A break where the
 * paragraph really ends ("... in the new era." / "3. consolidate the ...") is left to
 * paragraph-break.ts. The spurious capital after the break is capitalisation's.
 */

import { gapRange } from '../layout/line-ranges';
import type { Draft } from '../types';
import type { Detector } from './detector';
import { draft } from './draft';
import { pagedDocument } from './examples.data';

export const pageBreak: Detector = {
  meta: {
    id: 'page-break',
    kind: 'page-break',
    description: 'A sentence cut by a page break; the pieces joined across the furniture.',
    examples: [
      {
        before: pagedDocument([
          ['The opening-up continued. China adheres to', 'innovation-driven development,'],
          ['Strive to work with all countries.'],
          ['Section 2: The Next Step'],
        ]),
        after: [
          'China Aerospace Studies Institute',
          '12',
          'The opening-up continued. China adheres to',
          'innovation-driven development, Strive to work with all countries.',
          'China Aerospace Studies Institute',
          '14',
          'Section 2: The Next Step',
          '',
        ].join('\n'),
      },
    ],
  },
  detect(layout) {
    const drafts: Draft[] = [];
    for (const join of layout.joinsOf('page-break')) {
      const gap = gapRange(layout, join.from, join.to);
      const hyphen = join.hyphen;
      drafts.push(
        draft({
          kind: 'page-break',
          start: hyphen ? gap.start - 1 : gap.start,
          end: gap.end,
          replacement: hyphen ? (hyphen.join ? '' : '-') : ' ',
          confidence: join.confidence,
          message: hyphen
            ? `A word is split by the page break: join it as "${hyphen.word}".`
            : `Sentence cut by a page break (${join.reason}): join the two pieces.`,
          page: layout.pageLabel(join.from),
        }),
      );
    }
    return drafts;
  },
};
