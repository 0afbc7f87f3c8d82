/**
 * The built command line, run as a user runs it (built first when stale: built-cli.ts).
 *
 * It guards stdout: `natural`'s index loads dotenv, which prints a banner to stdout when the
 * working folder holds a `.env` file, and that would corrupt `--format json`. The analyser may
 * import only deep paths of `natural` (`natural/lib/natural/...`).
 */

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale, cli, root, sourceFiles } from './built-cli';

// A child process on a busy machine (the whole suite runs in parallel) may need more than 5 s.
jest.setTimeout(30_000);

let folder: string;

beforeAll(() => {
  buildIfStale();
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

test('serve loses no answered decision when killed with SIGKILL', async () => {
  const database = path.join(folder, 'killed.db');
  const start = (): { child: ChildProcess; url: Promise<string> } => {
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--db', database], {
      cwd: folder,
      env: { ...process.env, GALLEY_TOKEN: '' },
    });
    const url = new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /serving (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
    return { child, url };
  };
  const killed = (child: ChildProcess): Promise<unknown> =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });

  const first = start();
  const url = await first.url;
  const listing = (await (await fetch(`${url}api/documents/1/findings?limit=3`)).json()) as {
    findings: Array<{ id: string }>;
  };
  const decisions = [{ decision: 'accept' }, { decision: 'reject' }, { decision: 'edit', text: 'x' }];
  for (const [index, body] of decisions.entries()) {
    const answer = await fetch(`${url}api/findings/${listing.findings[index]!.id}/decision`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(200);
  }
  await killed(first.child);

  const second = start();
  const again = await second.url;
  const after = (await (await fetch(`${again}api/documents/1/findings?limit=3`)).json()) as {
    findings: Array<{ status: string; decisionText: string | null }>;
  };
  await killed(second.child);
  expect(after.findings.map(({ status, decisionText }) => [status, decisionText])).toEqual([
    ['accepted', null],
    ['rejected', null],
    ['edited', 'x'],
  ]);
});
