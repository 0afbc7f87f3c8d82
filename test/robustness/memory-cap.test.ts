/**
 * A text within the size limit that would need more memory to analyse than the process has
 * (almost all line breaks): refused with a clear error by the built command line, and by the
 * built server, which goes on serving. The cap is lowered (GALLEY_ANALYSIS_MEMORY_MB=64) so
 * that 2 MB of blank lines trip it fast.
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale, cli } from '../cli/built-cli';
import { startBuiltServer } from '../durability/built-server';

jest.setTimeout(60_000);

const BLANK_LINES = '\n'.repeat(2_000_000);
const LOW_CAP = { GALLEY_ANALYSIS_MEMORY_MB: '64' };

let folder: string;

beforeAll(() => {
  buildIfStale();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-memory-'));
  fs.writeFileSync(path.join(folder, 'blank.txt'), BLANK_LINES);
}, 120_000);

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

test('the command line refuses it with one line and exit status 2', () => {
  const { status, stdout, stderr } = spawnSync(process.execPath, [cli, 'analyse', 'blank.txt'], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, ...LOW_CAP },
  });
  expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
  expect(stderr).toBe(
    'galley: the document needs more than 64 MB of memory to analyse (2,000,001 lines): split it, or raise the limit (GALLEY_ANALYSIS_MEMORY_MB)\n',
  );
});

test('the command line refuses a limit that is not a number of MB', () => {
  const { status, stderr } = spawnSync(process.execPath, [cli, 'analyse', 'blank.txt'], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, GALLEY_ANALYSIS_MEMORY_MB: 'lots' },
  });
  expect(status).toBe(2);
  expect(stderr).toMatch(/GALLEY_ANALYSIS_MEMORY_MB must be a whole number of MB from 64, not 'lots'/);
});

test('the server answers 413, imports nothing, and goes on serving', async () => {
  const database = path.join(folder, 'galley.db');
  const server = await startBuiltServer({
    serveArguments: ['--db', database],
    serveEnvironment: { ...process.env, ...LOW_CAP },
  });
  try {
    const refused = await fetch(`${server.url}/api/documents?title=Blank`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: BLANK_LINES,
    });
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: string }).error).toMatch(/needs more than 64 MB of memory/);
    const listed = (await (await fetch(`${server.url}/api/documents`)).json()) as { documents: unknown[] };
    expect(listed.documents).toHaveLength(1); // the seed only
    // A book-sized text is still analysed (in a worker: it is over the in-process size).
    const book = fs.readFileSync(path.join(__dirname, '../../fixtures/seed.txt'), 'utf8').repeat(6);
    const imported = await fetch(`${server.url}/api/documents?title=Book`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: book,
    });
    expect(imported.status).toBe(201);
  } finally {
    await server.stop('SIGTERM');
  }
});
