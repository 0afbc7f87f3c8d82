/**
 * Hard line breaks inside a paragraph, left by the PDF's line wrapping: "faced with the new
 * situation⏎that the world" → one space. Decided by layout/blocks.ts; a line break that ends a
 * paragraph or a heading is not a wrap (see paragraph-break.ts), nor is one with a hyphen before
 * it (see hyphenation.ts).
 */

import type { Detector } from './detector';
import { draft } from './draft';

export const lineWrap: Detector = {
  meta: {
    id: 'line-wrap',
    kind: 'line-wrap',
    description: 'A hard line break inside a paragraph; becomes a space.',
    examples: [
      {
        before:
          'Since the congress, faced with the new situation\nthat the world is changing, the party has acted.\n',
        after:
          'Since the congress, faced with the new situation that the world is changing, the party has acted.\n',
      },
    ],
  },
  detect(layout) {
    return layout.joinsOf('line-wrap').map((join) =>
      draft({
        kind: 'line-wrap',
        start: layout.lines[join.from]!.contentEnd,
        end: layout.lines[join.to]!.contentStart,
        replacement: ' ',
        confidence: join.confidence,
        message: 'Line break inside a paragraph: join the lines.',
        page: layout.pageLabel(join.from),
      }),
    );
  },
};
