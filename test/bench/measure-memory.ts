import path from 'node:path';
import type { MemoryProbeResult } from './memory-probe';
import { runProbe } from './probe-process';

const probePath = path.join(__dirname, 'memory-probe.ts');

/**
 * Runs memory-probe.ts in a fresh node process on `copies` copies of the seed. The probe runs
 * under tsx (`--import tsx`, resolved from the repository root) and loads the analyser from dist/.
 */
export function runMemoryProbe(copies: number): MemoryProbeResult {
  return runProbe<MemoryProbeResult>('memory probe', probePath, [String(copies)], ['--expose-gc']);
}
