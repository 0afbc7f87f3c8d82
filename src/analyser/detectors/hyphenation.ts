/**
 * Hyphens at line ends: a word split by the wrap is joined ("empha-⏎sis" → "emphasis"), a real
 * compound keeps its hyphen and loses the line break ("all-⏎round" → "all-round",
 * "people-to-⏎people", "China-⏎France"). The evidence is in layout/hyphens.ts: the document's
 * own spelling first, then the lexicon. A dash with a space before it (" -") is punctuation,
 * not a hyphen, and is left to line-wrap.
 */

import { gapRange } from '../layout/line-ranges';
import type { Draft } from '../types';
import type { Detector } from './detector';
import { draft } from './draft';

/** Below this the join/keep decision is left to the editor. */
const UNSURE = 0.8;

export const hyphenation: Detector = {
  meta: {
    id: 'hyphenation',
    kind: 'hyphenation',
    description: 'A hyphen at a line end: the split word joined, or the hyphen kept in a real compound.',
    examples: [
      {
        before: 'The editors put special empha-\nsis on the all-\nround opening of the economy.\n',
        after: 'The editors put special emphasis on the all-round opening of the economy.\n',
      },
    ],
  },
  detect(layout) {
    const drafts: Draft[] = [];
    for (const join of layout.joinsOf('hyphenation')) {
      if (!join.hyphen) continue;
      const gap = gapRange(layout, join.from, join.to);
      // Unsure whether to join the word, sure that the line break goes: the break alone is a
      // finding of its own inside this one, so that rejecting the join still mends the line
      // ("writ-⏎large" → "writ-large").
      if (join.confidence < UNSURE) {
        drafts.push(
          draft({
            kind: 'line-wrap',
            start: gap.start,
            end: gap.end,
            replacement: '',
            confidence: 0.9,
            message: 'Line break after a hyphen: join the lines, keeping the hyphen as printed.',
            page: layout.pageLabel(join.from),
          }),
        );
      }
      drafts.push(
        draft({
          kind: 'hyphenation',
          start: gap.start - 1,
          end: gap.end,
          replacement: join.hyphen.join ? '' : '-',
          confidence: join.confidence,
          message: join.hyphen.join
            ? `Word split at the line end: join it as "${join.hyphen.word}" (${join.hyphen.reason}).`
            : `Compound at the line end: keep "${join.hyphen.word}" with its hyphen (${join.hyphen.reason}).`,
          page: layout.pageLabel(join.from),
        }),
      );
    }
    return drafts;
  },
};
