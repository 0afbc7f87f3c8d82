import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from './bench-input';
import { distDirectory } from './built-analyser';

export const cliPath = path.join(distDirectory, 'cli.js');

export type CommandTiming =
  | { outcome: 'timed'; timesMs: number[] }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'failed'; reason: string };

/**
 * Wall time of `node dist/cli.js ARGS`, from spawn to exit, run `runs` times after one untimed
 * run (which warms the file cache). stdout goes to /dev/null, as in `... > /dev/null`.
 */
export function timeCli(args: readonly string[], runs: number): CommandTiming {
  if (!existsSync(cliPath)) return { outcome: 'skipped', reason: 'dist/cli.js not built' };
  const timesMs: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [cliPath, ...args], {
      cwd: repositoryRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 60 * 1000,
    });
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (child.error) return { outcome: 'failed', reason: child.error.message };
    if (child.status !== 0) {
      const firstLine = child.stderr.trim().split('\n')[0] ?? '';
      return { outcome: 'failed', reason: `exit status ${child.status ?? child.signal}: ${firstLine}` };
    }
    if (run > 0) timesMs.push(elapsedMs);
  }
  return { outcome: 'timed', timesMs };
}
