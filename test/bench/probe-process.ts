/**
 * Runs a probe script (a TypeScript file beside the bench) in a child process under tsx and
 * parses the one JSON object it prints: for measures that need a fresh process (memory) or a
 * library loaded apart from the analyser (retext).
 */

import { spawnSync } from 'node:child_process';
import { repositoryRoot } from './bench-input';

export function runProbe<T>(
  name: string,
  probePath: string,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
): T {
  const child = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', probePath, ...args], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60 * 1000,
  });
  if (child.error) throw child.error;
  if (child.status !== 0) {
    const reason = child.stderr.trim().split('\n').pop() ?? '';
    throw new Error(`${name} exited with ${child.status ?? child.signal}: ${reason}`);
  }
  return JSON.parse(child.stdout) as T;
}
