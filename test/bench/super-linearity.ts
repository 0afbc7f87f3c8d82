/**
 * Super-linearity (issue 5): the analysis time of an input of size 2N over that of size N, for
 * the seed and for adversarial inputs that defeat per-line or per-word shortcuts: one line of
 * prose 5 then 10 MB long, "the the the …" (a run the doubled-phrase detector follows and
 * removes), "very very very …" (a run it looks at on every word and rejects), and blank lines.
 * Linear is 2; the target is at most 2.5. Each pair is timed side by side in the same rounds
 * (timing.ts), and the figure is the median of the ratios taken round by round, as the
 * benchmark's ×10 → ×100 scaling is; the note gives the ratio of the two medians too.
 */

import type { Analysis } from '../../src/analyser';
import { readSeed, repeatSeed } from './bench-input';
import type { Measure } from './measure';
import { median, ratiosByRound, summarise } from './statistics';
import { timeInRounds, type RoundsOptions } from './timing';

export const SUPER_LINEARITY_TARGET = 2.5;

interface InputPair {
  id: string;
  label: string;
  /** The input at size N (1) and 2N (2). */
  make: (scale: 1 | 2) => string;
}

/** One line of the seed's prose, cut to `length` characters. */
function proseLine(seed: string, length: number): string {
  const prose = seed.slice(seed.indexOf('Chapter XIV')).replace(/\s+/g, ' ');
  return prose.repeat(Math.ceil(length / prose.length)).slice(0, length);
}

function pairs(seed: string): InputPair[] {
  return [
    {
      id: 'seed',
      label: 'the seed ×25 → ×50',
      make: (scale) => repeatSeed(seed, 25 * scale),
    },
    {
      id: 'one-line',
      label: 'one line of prose, 5 → 10 MB',
      make: (scale) => proseLine(seed, 5_000_000 * scale),
    },
    {
      id: 'the-the',
      label: '"the the …" ×250,000 → ×500,000',
      make: (scale) => `It was ${'the '.repeat(250_000 * scale)}end.\n`,
    },
    {
      id: 'very-very',
      label: '"very very …" ×250,000 → ×500,000',
      make: (scale) => `It is ${'very '.repeat(250_000 * scale)}hot.\n`,
    },
    {
      id: 'blank-lines',
      label: '2 → 4 million blank lines',
      make: (scale) => '\n'.repeat(2_000_000 * scale),
    },
  ];
}

/** The measures: one ratio per pair, held to the target. */
export function measureSuperLinearity(
  analyse: (text: string) => Analysis,
  rounds: RoundsOptions,
  progress: (line: string) => void,
): Measure[] {
  const inputs = pairs(readSeed());
  const texts = new Map(
    inputs.flatMap((pair) => [1, 2].map((scale) => [`${pair.id}-${scale}`, pair.make(scale as 1 | 2)])),
  );
  let lastResult: unknown;
  const times = timeInRounds(
    [...texts].map(([name, text]) => ({ name, run: () => (lastResult = analyse(text)) })),
    {
      ...rounds,
      onRound: (round, total, warmUp) =>
        progress(`super-linearity: round ${round}/${total}${warmUp ? ' (warm-up)' : ''}`),
    },
  );
  void lastResult;
  return inputs.map((pair) => {
    const small = times.get(`${pair.id}-1`)!;
    const large = times.get(`${pair.id}-2`)!;
    return {
      id: `super-linearity-${pair.id}`,
      label: `super-linearity: time 2N / N, ${pair.label} (linear: 2)`,
      unit: 'ratio',
      summary: summarise(ratiosByRound(large, small)),
      target: { comparison: 'at-most', value: SUPER_LINEARITY_TARGET },
      note: `ratio of medians ${(median(large) / median(small)).toFixed(2)} (${formatMs(median(small))} → ${formatMs(median(large))})`,
    } satisfies Measure;
  });
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
