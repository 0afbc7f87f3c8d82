/**
 * The built command line, run as a user runs it. `npm test` does not build first, so this file
 * builds dist/ when dist/cli.js is missing or older than a source file.
 *
 * It guards stdout: `natural`'s index loads dotenv, which prints a banner to stdout when the
 * working folder holds a `.env` file, and that would corrupt `--format json`. The analyser may
 * import only deep paths of `natural` (`natural/lib/natural/...`).
 */

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A child process on a busy machine (the whole suite runs in parallel) may need more than 5 s.
jest.setTimeout(30_000);

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist', 'cli.js');
let folder: string;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

function isBuildStale(): boolean {
  if (!fs.existsSync(cli)) return true;
  const built = fs.statSync(cli).mtimeMs;
  return sourceFiles(path.join(root, 'src')).some((file) => fs.statSync(file).mtimeMs > built);
}

beforeAll(() => {
  if (isBuildStale()) {
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
        cwd: root,
        stdio: 'pipe',
      });
    } catch (error) {
      // tsc emits even with type errors (the type check is `npm run lint`'s job); only a build
      // that produced nothing stops these tests.
      if (!fs.existsSync(cli)) throw error;
    }
  }
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-built-'));
  fs.writeFileSync(path.join(folder, '.env'), 'GALLEY_PROBE=1\nOTHER=2\n');
  fs.copyFileSync(path.join(root, 'fixtures', 'seed.txt'), path.join(folder, 'seed.txt'));
}, 120_000);

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

function galley(...argv: string[]): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(process.execPath, [cli, ...argv], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, DOTENV_CONFIG_QUIET: undefined },
  });
  return { status, stdout, stderr };
}

test('analyse --format json prints exactly one JSON object and nothing on stderr, beside a .env file', () => {
  const outcome = galley('analyse', 'seed.txt', '--format', 'json');
  expect(outcome.stderr).toBe('');
  expect(outcome.status).toBe(0);
  // JSON.parse refuses anything before or after the one value.
  const report = JSON.parse(outcome.stdout);
  expect(report).toMatchObject({ file: 'seed.txt', length: expect.any(Number), findings: expect.any(Array) });
  expect(Array.isArray(report)).toBe(false);
});

test('a usage error exits 2 with one line on stderr and nothing on stdout', () => {
  expect(galley('analyse', 'missing.txt')).toEqual({
    status: 2,
    stdout: '',
    stderr: 'galley: cannot read missing.txt: no such file or directory\n',
  });
});

test('--help exits 0', () => {
  const outcome = galley('--help');
  expect(outcome.status).toBe(0);
  expect(outcome.stdout).toMatch(/^Usage: galley/);
});

test('no source file imports the whole of natural', () => {
  const whole = /(?:from\s+|require\(\s*|import\(\s*)['"]natural['"]/;
  const offenders = sourceFiles(path.join(root, 'src')).filter((file) =>
    whole.test(fs.readFileSync(file, 'utf8')),
  );
  expect(offenders).toEqual([]);
});
