/**
 * Page numbers left in the text: a line that is only the number of its page ("359", "page 12",
 * "Page 12 of 40", "- 12 -", "xiv"), in a sequence that layout/page-numbers.ts found. A number
 * alone on a line that is not part of such a sequence (a year, a list number) is left alone.
 */

import { wholeLinesRange } from '../layout/line-ranges';
import type { Detector } from './detector';
import { draft } from './draft';
import { pagedDocument } from './examples.data';

export const pageNumber: Detector = {
  meta: {
    id: 'page-number',
    kind: 'page-number',
    description: 'A furniture line that is a page number.',
    examples: [
      {
        before: pagedDocument([
          ['The reform of the', 'global system.'],
          ['Peace and development', 'remain.'],
          ['The end.'],
        ]),
        after: [
          'China Aerospace Studies Institute',
          'The reform of the',
          'global system.',
          'China Aerospace Studies Institute',
          'Peace and development',
          'remain.',
          'China Aerospace Studies Institute',
          'The end.',
          '',
        ].join('\n'),
      },
    ],
  },
  detect(layout) {
    return layout.furniture
      .filter((item) => item.kind === 'page-number')
      .map((item) =>
        draft({
          kind: 'page-number',
          ...wholeLinesRange(layout, item.line, item.line),
          replacement: '',
          confidence: item.confidence,
          message: `Page number ${item.pageLabel ?? ''} left in the text: remove the line.`.replace(
            '  ',
            ' ',
          ),
          page: layout.pageLabel(item.line),
        }),
      );
  },
};
