/**
 * Measures the memory one `analyse` call takes, alone in a fresh process so that nothing else
 * the benchmark did is counted. measure-memory.ts runs it as
 *
 *   node --expose-gc --import tsx test/bench/memory-probe.ts COPIES
 *
 * and reads one JSON line (a MemoryProbeResult) from its stdout.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { readSeed, repeatSeed, utf8Bytes } from './bench-input';
import { loadBuiltAnalyser } from './built-analyser';

export interface MemoryProbeResult {
  inputBytes: number;
  /** Resident set size just before the call, after a full garbage collection. */
  rssBeforeBytes: number;
  /** The highest resident set size seen while the call ran. */
  peakRssBytes: number;
  /** Heap in use after the call and a full collection, minus before: what the result holds on to. */
  retainedHeapBytes: number;
  /** How the peak was seen: the kernel's high-water mark, and/or a sampling thread. */
  peakSources: string[];
  findings: number;
}

/**
 * Samples the process's resident set size every millisecond on a worker thread, which keeps
 * running while the main thread is inside the synchronous `analyse` call. The peak, in KiB, is
 * shared through one Int32 slot.
 */
const samplerSource = `
const { workerData } = require('node:worker_threads');
const peakKiB = new Int32Array(workerData);
setInterval(() => {
  const kib = Math.ceil(process.memoryUsage.rss() / 1024);
  if (kib > Atomics.load(peakKiB, 0)) Atomics.store(peakKiB, 0, kib);
}, 1);
`;

/** Linux keeps the peak RSS (VmHWM) exactly; writing 5 to clear_refs restarts it from now. */
function restartKernelPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return readKernelPeak() !== undefined;
  } catch {
    return false;
  }
}

function readKernelPeak(): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const copies = Number(process.argv[2]);
  if (!Number.isInteger(copies) || copies < 1) throw new Error('usage: memory-probe.ts COPIES');
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with node --expose-gc');

  const { analyse } = await loadBuiltAnalyser();
  const seed = readSeed();
  // Warm up on one copy: compiled code and lazily built data are not what the call costs.
  analyse(seed);
  const input = repeatSeed(seed, copies);

  const peakKiB = new Int32Array(new SharedArrayBuffer(4));
  const sampler = new Worker(samplerSource, { eval: true, workerData: peakKiB.buffer });
  while (Atomics.load(peakKiB, 0) === 0) await sleep(5);

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage.rss();
  Atomics.store(peakKiB, 0, Math.ceil(rssBefore / 1024));
  const kernelPeakRestarted = restartKernelPeak();

  const result = analyse(input);

  const rssAfter = process.memoryUsage.rss();
  const sampledPeak = Atomics.load(peakKiB, 0) * 1024;
  const kernelPeak = kernelPeakRestarted ? readKernelPeak() : undefined;
  await sampler.terminate();
  gc();
  const heapAfter = process.memoryUsage().heapUsed;

  const peakSources = ['1 ms sampling'];
  if (kernelPeak !== undefined) peakSources.unshift('VmHWM');
  const report: MemoryProbeResult = {
    inputBytes: utf8Bytes(input),
    rssBeforeBytes: rssBefore,
    peakRssBytes: Math.max(rssAfter, sampledPeak, kernelPeak ?? 0),
    // A result that holds nothing can measure a few bytes below zero: collection is not exact.
    retainedHeapBytes: Math.max(0, heapAfter - heapBefore),
    peakSources,
    // Read after the last measurement, so that the result is alive throughout (and the input, above).
    findings: result.findings.length,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`memory-probe: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
