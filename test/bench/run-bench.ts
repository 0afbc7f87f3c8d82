/**
 * Galley's benchmark (`npm run bench`, which builds first): speed, scaling and memory of the
 * analyser on the seed text repeated, and start-up of the CLI, measured side by side in one run
 * against a trivial regex pass over the same text and `natural`'s WordTokenizer (whose speed
 * issue 2 quotes: a yardstick for this machine against that one); the phases of an analysis
 * (phases.ts); super-linearity (super-linearity.ts): the time
 * of an input twice as large over that of the input, for the seed and adversarial inputs (one
 * 10 MB line, "the the …"); then Galley against retext-repeated-words
 * (retext-comparison.ts): its speed on the same input and the doubled phrases each finds; and
 * the review app on a 1,000-page document (review-app.ts): review page and decision times. A
 * report: it exits 0 when a target is missed, and prints MISSED for it.
 *
 *   npm run bench [-- --quick] [-- --json]
 *
 * --quick  fewer repetitions, for CI (3 timed rounds instead of 7, one memory run, 5 CLI runs;
 *          retext timed on the seed ×1 and ×10 instead of ×10 and ×100; 5 timed requests per
 *          review-app measure instead of 21)
 * --json   one JSON object on stdout instead of the table (progress still goes to stderr)
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countLinesAndWords } from './baseline-pass';
import { ISSUE_TOKENIZER_MBPS, makeWordTokenizer } from './reference-tokenizer';
import { readSeed, repeatSeed, repositoryRoot, seedPath, utf8Bytes } from './bench-input';
import { loadBuiltAnalyser } from './built-analyser';
import { timeCli, type CommandTiming } from './cli-timing';
import { judge, throughputs, type Measure } from './measure';
import { PAGE_STRUCTURE_KINDS } from '../../src/analyser/kinds';
import { runMemoryProbe } from './measure-memory';
import { formatTarget, formatValue, renderTable } from './report-table';
import { compareWithRetext, describeComparisons } from './retext-comparison';
import { measurePhases } from './phases';
import { measureSuperLinearity } from './super-linearity';
import { measureReviewApp, REVIEW_COPIES } from './review-app';
import { median, ratiosByRound, summarise } from './statistics';
import { timeBackToBack, timeInRounds } from './timing';

interface Plan {
  warmUpRounds: number;
  rounds: number;
  memoryRuns: number;
  cliRuns: number;
  /** Timed requests per review-app measure. */
  reviewRequests: number;
}

const plans: Record<'full' | 'quick', Plan> = {
  full: { warmUpRounds: 1, rounds: 7, memoryRuns: 3, cliRuns: 10, reviewRequests: 21 },
  quick: { warmUpRounds: 1, rounds: 3, memoryRuns: 1, cliRuns: 5, reviewRequests: 5 },
};

/** The targets, in the units of their measures. */
const targets = {
  throughputMBps: 20,
  scalingRatio: 12,
  memoryMultiple: 20,
  cliHelpMs: 500,
};

const largeCopies = 100;
const smallCopies = 10;

/** The page-structure kinds and capitals (issue 2), without doubled phrases, quotes or spacing. */
const LAYOUT_KINDS = [...PAGE_STRUCTURE_KINDS, 'capitalisation' as const];

function parseFlags(argv: readonly string[]): { quick: boolean; json: boolean } {
  const flags = { quick: false, json: false };
  for (const argument of argv) {
    if (argument === '--quick') flags.quick = true;
    else if (argument === '--json') flags.json = true;
    else {
      process.stderr.write(`run-bench: unknown option ${argument} (known: --quick, --json)\n`);
      process.exit(2);
    }
  }
  return flags;
}

function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const plan = flags.quick ? plans.quick : plans.full;
  const { analyse, decodeText } = await loadBuiltAnalyser();

  const seed = readSeed();
  const largeInput = repeatSeed(seed, largeCopies);
  const smallInput = repeatSeed(seed, smallCopies);
  const largeBytes = utf8Bytes(largeInput);
  const smallBytes = utf8Bytes(smallInput);
  const largeEncoded = Buffer.from(largeInput, 'utf8');
  if (decodeText(largeEncoded) !== largeInput) throw new Error('decodeText changed the benchmark input');

  // Results are kept in a variable that outlives the loop, so no call can be optimised away.
  let lastResult: unknown;
  const countTokens = makeWordTokenizer();
  const times = timeInRounds(
    [
      { name: 'baseline', run: () => (lastResult = countLinesAndWords(largeInput)) },
      { name: 'word-tokenizer', run: () => (lastResult = countTokens(largeInput)) },
      { name: 'analyse-large', run: () => (lastResult = analyse(largeInput)) },
      {
        name: 'analyse-layout-large',
        run: () => (lastResult = analyse(largeInput, { kinds: LAYOUT_KINDS })),
      },
      { name: 'decode-analyse-large', run: () => (lastResult = analyse(decodeText(largeEncoded))) },
      { name: 'analyse-small', run: () => (lastResult = analyse(smallInput)) },
    ],
    {
      warmUpRounds: plan.warmUpRounds,
      rounds: plan.rounds,
      onRound: (round, total, warmUp) => progress(`round ${round}/${total}${warmUp ? ' (warm-up)' : ''}`),
    },
  );
  void lastResult;
  const timesOf = (name: string): number[] => times.get(name)!;

  /**
   * The same analysis again once the process has analysed texts of other shapes (the inputs of
   * the super-linearity measures: one long line, a run of one word, blank lines), as a server
   * does: V8 recompiles code for what it meets, and a loop that once read past the end of a
   * text ran twice as slow for every text after it.
   */
  const measureAfterOtherTexts = (): Measure[] => {
    const after = timeInRounds([{ name: 'analyse-after', run: () => (lastResult = analyse(largeInput)) }], {
      warmUpRounds: 0,
      rounds: plan.rounds,
    }).get('analyse-after')!;
    return [
      {
        id: 'analyse-throughput-after-other-texts',
        label: `analyse ×${largeCopies}, throughput, after the super-linearity inputs in the same process`,
        unit: 'MB/s',
        summary: summarise(throughputs(largeBytes, after)),
      },
      {
        id: 'analyse-after-other-texts-ratio',
        label: 'time: analyse ×100 after those inputs / before them, ratio of medians (1: no slower)',
        unit: 'ratio',
        summary: summarise([median(after) / median(timesOf('analyse-large'))]),
      },
    ];
  };
  /**
   * The same analysis run back to back, with no forced full collection between runs, and how
   * its time compares with the headline rounds, which force one before each run: a ratio above
   * 1 says the collection costs the next analysis time (V8 throwing away its optimised code).
   */
  const measureBackToBack = (): Measure[] => {
    const backToBack = timeBackToBack(() => (lastResult = analyse(largeInput)), {
      warmUpRounds: plan.warmUpRounds,
      rounds: plan.rounds,
    });
    return [
      {
        id: 'analyse-throughput-back-to-back',
        label: `analyse ×${largeCopies}, throughput, run back to back with no forced full GC between runs`,
        unit: 'MB/s',
        summary: summarise(throughputs(largeBytes, backToBack)),
      },
      {
        id: 'analyse-forced-gc-ratio',
        label: `time: analyse ×${largeCopies} after a forced full GC (the headline) / back to back, ratio of medians (1: the GC costs nothing)`,
        unit: 'ratio',
        summary: summarise([median(timesOf('analyse-large')) / median(backToBack)]),
      },
    ];
  };
  const measures: Measure[] = [
    {
      id: 'analyse-throughput',
      label: `analyse ×${largeCopies} (${formatMB(largeBytes)}), throughput`,
      unit: 'MB/s',
      summary: summarise(throughputs(largeBytes, timesOf('analyse-large'))),
      target: { comparison: 'at-least', value: targets.throughputMBps },
    },
    {
      id: 'analyse-layout-throughput',
      label: `analyse ×${largeCopies}, page-structure kinds only (issue 2)`,
      unit: 'MB/s',
      summary: summarise(throughputs(largeBytes, timesOf('analyse-layout-large'))),
    },
    {
      id: 'analyse-time',
      label: `analyse ×${largeCopies}, time`,
      unit: 'ms',
      summary: summarise(timesOf('analyse-large')),
    },
    {
      id: 'decode-analyse-throughput',
      label: `decodeText + analyse ×${largeCopies}, throughput`,
      unit: 'MB/s',
      summary: summarise(throughputs(largeBytes, timesOf('decode-analyse-large'))),
      target: { comparison: 'at-least', value: targets.throughputMBps },
    },
    {
      id: 'analyse-small-throughput',
      label: `analyse ×${smallCopies} (${formatMB(smallBytes)}), throughput`,
      unit: 'MB/s',
      summary: summarise(throughputs(smallBytes, timesOf('analyse-small'))),
    },
    {
      id: 'scaling-ratio',
      label: `scaling: time ×${largeCopies} / time ×${smallCopies} (linear: 10)`,
      unit: 'ratio',
      summary: summarise(ratiosByRound(timesOf('analyse-large'), timesOf('analyse-small'))),
      target: { comparison: 'at-most', value: targets.scalingRatio },
    },
    {
      id: 'baseline-throughput',
      label: `regex baseline ×${largeCopies} (lines, words), throughput`,
      unit: 'MB/s',
      summary: summarise(throughputs(largeBytes, timesOf('baseline'))),
    },
    {
      id: 'analyse-to-baseline-ratio',
      label: `time: analyse ×${largeCopies} / regex baseline`,
      unit: 'ratio',
      summary: summarise(ratiosByRound(timesOf('analyse-large'), timesOf('baseline'))),
    },
    {
      id: 'word-tokenizer-throughput',
      label: `natural WordTokenizer ×${largeCopies}, throughput (issue 2: ${ISSUE_TOKENIZER_MBPS} MB/s on its machine)`,
      unit: 'MB/s',
      summary: summarise(throughputs(largeBytes, timesOf('word-tokenizer'))),
    },
    {
      id: 'analyse-to-tokenizer-ratio',
      label: `time: analyse ×${largeCopies} / natural WordTokenizer (20 MB/s on issue 2's machine: ${(ISSUE_TOKENIZER_MBPS / targets.throughputMBps).toFixed(2)})`,
      unit: 'ratio',
      summary: summarise(ratiosByRound(timesOf('analyse-large'), timesOf('word-tokenizer'))),
    },
    ...measureSuperLinearity(analyse, { warmUpRounds: plan.warmUpRounds, rounds: plan.rounds }, progress),
    ...measureAfterOtherTexts(),
    ...measureBackToBack(),
    ...measureMemory(plan),
    cliMeasure(
      'cli-help',
      'CLI start-up: node dist/cli.js --help',
      timeCli(['--help'], plan.cliRuns),
      targets.cliHelpMs,
    ),
    cliMeasure(
      'cli-analyse-seed',
      `CLI: node dist/cli.js analyse ${path.relative(repositoryRoot, seedPath)} --format json`,
      timeCli(['analyse', seedPath, '--format', 'json'], plan.cliRuns),
    ),
    ...coldCliMeasures(largeInput, largeBytes, Math.min(plan.cliRuns, 5)),
  ];
  progress('phases of an analysis');
  measures.push(
    ...(await measurePhases(largeInput, largeCopies, {
      warmUpRounds: plan.warmUpRounds,
      rounds: plan.rounds,
    })),
  );
  const retext = await compareWithRetext(
    flags.quick,
    analyse,
    new Map([
      [largeCopies, median(timesOf('analyse-large'))],
      [smallCopies, median(timesOf('analyse-small'))],
    ]),
    progress,
  );
  measures.push(...retext.measures);
  progress(`review app on the seed ×${REVIEW_COPIES}`);
  measures.push(...(await measureReviewApp(seed, plan.reviewRequests)));

  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cpus: os.cpus().length,
  };
  const missed = measures.filter((measure) => ['MISSED', 'FAILED'].includes(judge(measure)));

  if (flags.json) {
    const report = {
      mode: flags.quick ? 'quick' : 'full',
      machine,
      plan,
      input: { seedBytes: utf8Bytes(seed), largeCopies, largeBytes, smallCopies, smallBytes },
      measures: measures.map((measure) => ({ ...measure, verdict: judge(measure) })),
      retextRepeats: retext.comparisons,
      missed: missed.map((measure) => measure.id),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }

  const lines = [
    `Galley benchmark (${flags.quick ? 'quick' : 'full'}): node ${machine.node}, ${machine.platform}, ` +
      `${machine.cpus} × ${machine.cpu}`,
    `${plan.rounds} timed rounds after ${plan.warmUpRounds} warm-up; memory: ${plan.memoryRuns} child ` +
      `process(es); CLI: ${plan.cliRuns} runs. MB = 1e6 bytes of UTF-8.`,
    '',
    renderTable(measures),
    '',
    'retext-repeated-words against the labelled doubled phrases (fixtures/seed/artefacts.json; the texts of',
    'test/eval/inject-artefacts.ts), and whether Galley finds the same ones:',
    ...describeComparisons(retext.comparisons, 20),
    '',
  ];
  if (missed.length === 0) {
    lines.push('All targets met.');
  } else {
    // Spelled out once more below the table, so that a CI log shows it without lining up columns.
    lines.push(`MISSED or FAILED: ${missed.length} measure(s)`);
    for (const measure of missed) lines.push(`  ${judge(measure)}  ${describeMiss(measure)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function measureMemory(plan: Plan): Measure[] {
  const peakLabel = `memory: peak RSS growth, analyse ×${largeCopies}`;
  const heapLabel = `memory: heap retained by the result`;
  const target = { comparison: 'below', value: targets.memoryMultiple } as const;
  const peakMultiples: number[] = [];
  const heapMultiples: number[] = [];
  let peakSources: string[] = [];
  try {
    for (let run = 1; run <= plan.memoryRuns; run++) {
      progress(`memory: child process ${run}/${plan.memoryRuns}`);
      const probe = runMemoryProbe(largeCopies);
      peakMultiples.push((probe.peakRssBytes - probe.rssBeforeBytes) / probe.inputBytes);
      heapMultiples.push(probe.retainedHeapBytes / probe.inputBytes);
      peakSources = probe.peakSources;
    }
  } catch (error) {
    const note = error instanceof Error ? error.message : String(error);
    return [
      { id: 'memory-peak-rss', label: peakLabel, unit: 'x input', target, note, failed: true },
      { id: 'memory-retained-heap', label: heapLabel, unit: 'x input', target, note, failed: true },
    ];
  }
  return [
    {
      id: 'memory-peak-rss',
      label: peakLabel,
      unit: 'x input',
      summary: summarise(peakMultiples),
      target,
      note: `by ${peakSources.join(' + ')}`,
    },
    {
      id: 'memory-retained-heap',
      label: heapLabel,
      unit: 'x input',
      summary: summarise(heapMultiples),
      target,
    },
  ];
}

/**
 * A book analysed as an editor runs it: one command, a fresh process, the JIT cold, the JSON
 * written out. Whole-process time and throughput; the in-process figures above are warm.
 */
function coldCliMeasures(input: string, bytes: number, runs: number): Measure[] {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-'));
  const file = path.join(directory, `seed-x${largeCopies}.txt`);
  try {
    writeFileSync(file, input);
    const label = `CLI: node dist/cli.js analyse <the seed ×${largeCopies}> --format json`;
    const timing = timeCli(['analyse', file, '--format', 'json'], runs);
    const measures = [cliMeasure('cli-analyse-large', label, timing)];
    if (timing.outcome === 'timed') {
      measures.push({
        id: 'cli-analyse-large-throughput',
        label: `${label}, whole-process throughput (cold)`,
        unit: 'MB/s',
        summary: summarise(throughputs(bytes, timing.timesMs)),
      });
    }
    return measures;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function cliMeasure(id: string, label: string, timing: CommandTiming, targetMs?: number): Measure {
  progress(`${label}: ${timing.outcome}`);
  const target = targetMs === undefined ? undefined : ({ comparison: 'below', value: targetMs } as const);
  switch (timing.outcome) {
    case 'timed':
      return { id, label, unit: 'ms', summary: summarise(timing.timesMs), target };
    case 'skipped':
      return { id, label, unit: 'ms', target, note: timing.reason };
    case 'failed':
      return { id, label, unit: 'ms', target, note: timing.reason, failed: true };
  }
}

function describeMiss(measure: Measure): string {
  const median = measure.summary ? formatValue(measure.summary.median, measure.unit) : measure.note;
  const target = measure.target ? `, target ${formatTarget(measure.target, measure.unit)}` : '';
  return `${measure.label}: ${median}${target}`;
}

function formatMB(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

main().catch((error: unknown) => {
  process.stderr.write(`run-bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
