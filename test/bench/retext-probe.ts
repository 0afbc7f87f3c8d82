/**
 * Times retext-repeated-words on copies of the seed, alone in a fresh process: at 0.2-1.5 MB/s it
 * takes half a minute and about 1 GB on the seed ×100, which the benchmark's own process should
 * not carry. retext-comparison.ts runs it as
 *
 *   node --import tsx test/bench/retext-probe.ts COPIES [COPIES ...]
 *
 * and reads one JSON line (a RetextProbeResult) from its stdout. Each size is timed once, after
 * one untimed run on the seed itself (the JIT warms up; the plugin loads).
 */

import { readSeed, repeatSeed, utf8Bytes } from './bench-input';
import { loadRetextRepeats } from './retext-repeats';
import { timeMs } from './timing';

export interface RetextProbeResult {
  runs: Array<{ copies: number; bytes: number; ms: number; repeats: number }>;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  if (sizes.length === 0 || sizes.some((copies) => !Number.isInteger(copies) || copies < 1)) {
    throw new Error('usage: retext-probe.ts COPIES [COPIES ...]');
  }
  const findRepeats = await loadRetextRepeats();
  const seed = readSeed();
  findRepeats(seed);
  const result: RetextProbeResult = { runs: [] };
  for (const copies of sizes) {
    const input = repeatSeed(seed, copies);
    let repeats = 0;
    const ms = timeMs(() => {
      repeats = findRepeats(input).length;
    });
    result.runs.push({ copies, bytes: utf8Bytes(input), ms, repeats });
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`retext-probe: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
