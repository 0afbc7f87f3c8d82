import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repositoryRoot } from './bench-input';
import type { MemoryProbeResult } from './memory-probe';

const probePath = path.join(__dirname, 'memory-probe.ts');

/**
 * Runs memory-probe.ts in a fresh node process on `copies` copies of the seed. The probe runs
 * under tsx (`--import tsx`, resolved from the repository root) and loads the analyser from dist/.
 */
export function runMemoryProbe(copies: number): MemoryProbeResult {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', probePath, String(copies)], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60 * 1000,
  });
  if (child.error) throw child.error;
  if (child.status !== 0) {
    const reason = child.stderr.trim().split('\n').pop() ?? '';
    throw new Error(`memory probe exited with ${child.status ?? child.signal}: ${reason}`);
  }
  return JSON.parse(child.stdout) as MemoryProbeResult;
}
