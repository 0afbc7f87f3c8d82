/**
 * Where an analysis spends its time: the layout (lines, furniture, footnotes, joins, blocks),
 * the body view and its words (built on first use by the detectors that read sentences), each
 * detector, and the rest (overlaps, ids, checks), taken as the whole analysis minus the parts.
 * Each part is timed on its own, round by round, on the code `npm run build` compiled; the
 * figures are medians. They show where work on speed would pay, not a target of their own.
 */

import { loadBuiltModule } from './built-analyser';
import type { Measure } from './measure';
import { median, summarise } from './statistics';
import { collectGarbage, timeMs, type RoundsOptions } from './timing';

type LayoutModule = typeof import('../../src/analyser/layout/page-layout');
type DetectorsModule = typeof import('../../src/analyser/detectors');
type AnalyseModule = typeof import('../../src/analyser/analyse');

export async function measurePhases(
  input: string,
  copies: number,
  options: RoundsOptions,
): Promise<Measure[]> {
  const { computeLayout } = await loadBuiltModule<LayoutModule>('analyser/layout/page-layout.js');
  const { DETECTORS } = await loadBuiltModule<DetectorsModule>('analyser/detectors/index.js');
  const { analyse } = await loadBuiltModule<AnalyseModule>('analyser/analyse.js');
  const times = new Map<string, number[]>();
  const record = (name: string, ms: number): void => {
    const list = times.get(name);
    if (list) list.push(ms);
    else times.set(name, [ms]);
  };
  let kept: unknown;
  for (let round = 0; round < options.warmUpRounds + options.rounds; round++) {
    const timed = round >= options.warmUpRounds;
    collectGarbage();
    const whole = timeMs(() => (kept = analyse(input)));
    collectGarbage();
    let layout!: ReturnType<LayoutModule['computeLayout']>;
    const parts: Array<[string, number]> = [['layout', timeMs(() => (layout = computeLayout(input)))]];
    parts.push(['body view', timeMs(() => layout.bodyView())]);
    parts.push(['body words', timeMs(() => layout.bodyWords())]);
    for (const detector of DETECTORS) {
      parts.push([`detector ${detector.meta.id}`, timeMs(() => (kept = detector.detect(layout, {})))]);
    }
    if (!timed) continue;
    for (const [name, ms] of parts) record(name, ms);
    record('rest: overlaps, ids, checks', whole - parts.reduce((sum, [, ms]) => sum + ms, 0));
    record('whole analysis', whole);
  }
  void kept;
  const total = median(times.get('whole analysis')!);
  return [...times].map(([name, values]) => ({
    id: `phase-${name.replace(/[^a-z]+/g, '-')}`,
    label: `phase of analyse ×${copies}: ${name} (${((median(values) / total) * 100).toFixed(0)} %)`,
    unit: 'ms' as const,
    summary: summarise(values),
  }));
}
