/**
 * Running headers and footers: furniture lines that are text ("China Aerospace Studies
 * Institute", "Translation published Fall 2023Basic Issues of ...", "166   BASIC QUESTIONS").
 * Found by layout/furniture.ts; this detector only reports them. The suggestion removes the line.
 */

import { wholeLinesRange } from '../layout/line-ranges';
import type { Detector } from './detector';
import { draft } from './draft';
import { pagedDocument } from './examples.data';

export const runningHeader: Detector = {
  meta: {
    id: 'running-header',
    kind: 'running-header',
    description: 'A line of page furniture that is text: a running header or footer, a repeated title.',
    examples: [
      {
        before: pagedDocument([
          ['The reform of the', 'global system.'],
          ['Peace and development', 'remain.'],
          ['The end.'],
        ]),
        after: [
          '12',
          'The reform of the',
          'global system.',
          '13',
          'Peace and development',
          'remain.',
          '14',
          'The end.',
          '',
        ].join('\n'),
      },
    ],
  },
  detect(layout) {
    return layout.furniture
      .filter((item) => item.kind === 'running-header')
      .map((item) =>
        draft({
          kind: 'running-header',
          ...wholeLinesRange(layout, item.line, item.line),
          replacement: '',
          confidence: item.confidence,
          message: 'Running header or footer left in the text: remove the line.',
          page: layout.pageLabel(item.line),
        }),
      );
  },
};
