/**
 * A full garbage collection between two analyses must not make V8 throw away the analyser's
 * optimised code (see src/analyser/keep-shape.ts). The built analyser runs in a child process
 * with `--trace-deopt`, analysing the seed ×10 eight times with a forced collection before each
 * run; V8 reports each function whose code it throws away for a collected object as "reason:
 * weak objects". Before the hot paths moved to module functions on kept shapes, each run after
 * the second lost 10 to 14 functions this way; now the last runs lose none or one.
 *
 * This counts what V8 does, not time: it holds on any machine, but a new major version of Node
 * may compile differently, and the bound may then need a fresh look.
 */

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIfStale, root } from '../cli/built-cli';

jest.setTimeout(60_000);

const RUNS = 8;
/** The runs counted: the first ones still compile for the first time. */
const COUNTED_FROM = 4;

const script = `
const { analyse } = require(${JSON.stringify(path.join(root, 'dist', 'analyser', 'analyse.js'))});
const seed = require('node:fs').readFileSync(${JSON.stringify(path.join(root, 'fixtures', 'seed.txt'))}, 'utf8');
const input = Array(10).fill(seed).join('\\n');
for (let run = 0; run < ${RUNS}; run++) {
  console.log('run ' + run);
  gc();
  analyse(input);
}
`;

beforeAll(() => buildIfStale(), 120_000);

test('the analyser keeps its optimised code across a full garbage collection', () => {
  const { status, stdout, stderr } = spawnSync(
    process.execPath,
    ['--expose-gc', '--trace-deopt', '-e', script],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  let run = -1;
  const lost: string[] = [];
  for (const line of stdout.split('\n')) {
    const started = /^run (\d+)$/.exec(line);
    if (started) run = Number(started[1]);
    else if (run >= COUNTED_FROM && line.includes('reason: weak objects')) {
      lost.push(`run ${run}: ${/<SharedFunctionInfo ([^>]*)>/.exec(line)?.[1] ?? line}`);
    }
  }
  // The runs were all seen, so a silent change of V8's output cannot pass as "none lost".
  expect(run).toBe(RUNS - 1);
  expect(stdout).toMatch(/reason: /);
  expect(lost.length).toBeLessThanOrEqual(2);
});
