/**
 * Hyphens at line ends: a word split by the wrap is joined ("empha-⏎sis" → "emphasis"), a real
 * compound keeps its hyphen and loses the line break ("all-⏎round" → "all-round",
 * "people-to-⏎people", "China-⏎France"). The evidence is in layout/hyphens.ts: the document's
 * own spelling first, then the lexicon. A dash with a space before it (" -") is punctuation,
 * not a hyphen, and is left to line-wrap.
 */

import { gapRange } from '../layout/line-ranges';
import type { Detector } from './detector';

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
    const drafts = [];
    for (const join of layout.joins) {
      if (join.kind !== 'hyphenation' || !join.hyphen) continue;
      const gap = gapRange(layout, join.from, join.to);
      drafts.push({
        kind: 'hyphenation' as const,
        start: gap.start - 1,
        end: gap.end,
        replacement: join.hyphen.join ? '' : '-',
        confidence: join.confidence,
        message: join.hyphen.join
          ? `Word split at the line end: join it as "${join.hyphen.word}" (${join.hyphen.reason}).`
          : `Compound at the line end: keep "${join.hyphen.word}" with its hyphen (${join.hyphen.reason}).`,
        page: layout.pageLabel(join.from),
      });
    }
    return drafts;
  },
};
