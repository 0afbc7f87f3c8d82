import fs from 'node:fs';
import path from 'node:path';
import { SEED_TITLE } from '../../src/web/paths';
import { StartError, isLoopback, startServer, type RunningServer } from '../../src/web/server';
import { SAMPLE, temporaryDatabase, type TemporaryDatabase } from './test-helpers';

let database: TemporaryDatabase;
const running: RunningServer[] = [];

beforeEach(() => {
  database = temporaryDatabase();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  database.remove();
});

async function start(options: Partial<Parameters<typeof startServer>[0]> = {}): Promise<RunningServer> {
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    database: database.file,
    logError: () => undefined,
    ...options,
  });
  running.push(server);
  return server;
}

/** The parts of the API's answers these tests read. */
interface Answer {
  documents: Array<{ id: number; title: string; findings: number }>;
  findings: Array<{ id: string; status: string }>;
}

async function getJson(url: string): Promise<Answer> {
  return (await fetch(url)).json() as Promise<Answer>;
}

async function stop(server: RunningServer): Promise<void> {
  running.splice(running.indexOf(server), 1);
  await server.close();
}

describe('startServer', () => {
  it('imports the seed into a new database only: not on a restart, not after the seed is deleted', async () => {
    const first = await start();
    expect(first.seeded).toBe(true);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const listed = await getJson(`${first.url}/api/documents`);
    expect(listed.documents).toMatchObject([{ id: 1, title: SEED_TITLE }]);
    expect(listed.documents[0]!.findings).toBeGreaterThan(500);
    await stop(first);

    const second = await start();
    expect(second.seeded).toBe(false);
    expect(await second.store.listDocuments()).toHaveLength(1);
    await fetch(`${second.url}/api/documents/1`, { method: 'DELETE' });
    await stop(second);

    const third = await start();
    expect(third.seeded).toBe(false);
    expect(await third.store.hasDocuments()).toBe(false);
  });

  it('keeps every decision across a restart', async () => {
    const seedFile = path.join(database.folder, 'seed.txt');
    fs.writeFileSync(seedFile, SAMPLE);
    const first = await start({ seedFile });
    const { findings } = await getJson(`${first.url}/api/documents/1/findings`);
    const decide = (server: RunningServer, id: string, body: object) =>
      fetch(`${server.url}/api/findings/${id}/decision`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await decide(first, findings[0]!.id, { decision: 'accept' })).status).toBe(200);
    expect((await decide(first, findings[1]!.id, { decision: 'edit', text: '!' })).status).toBe(200);
    const before = await getJson(`${first.url}/api/documents/1/findings`);
    await stop(first);

    const second = await start({ seedFile });
    const after = await getJson(`${second.url}/api/documents/1/findings`);
    expect(after).toEqual(before);
    expect(after.findings.map((finding: { status: string }) => finding.status)).toEqual([
      'accepted',
      'edited',
      'pending',
      'pending',
    ]);
  });

  it('creates the database folder', async () => {
    const file = path.join(database.folder, 'deep', 'er', 'galley.db');
    const seedFile = path.join(database.folder, 'seed.txt');
    fs.writeFileSync(seedFile, SAMPLE);
    await start({ database: file, seedFile });
    expect(fs.existsSync(file)).toBe(true);
  });

  it('says so when the seed cannot be read, and imports it on the next start', async () => {
    const seedFile = path.join(database.folder, 'seed.txt');
    await expect(start({ seedFile })).rejects.toThrow(
      new StartError(
        `cannot read the seed sample ${seedFile}: ENOENT: no such file or directory, open '${seedFile}'`,
      ),
    );
    fs.writeFileSync(seedFile, SAMPLE);
    expect((await start({ seedFile })).seeded).toBe(true);
  });

  it('refuses to listen beyond loopback without a token, and a token that is too short', async () => {
    await expect(start({ host: '0.0.0.0' })).rejects.toThrow(
      new StartError(
        '--host 0.0.0.0 is reachable from other machines: set GALLEY_TOKEN to a secret the team shares, or serve on 127.0.0.1',
      ),
    );
    await expect(start({ host: '::', token: 'short' })).rejects.toThrow(
      /GALLEY_TOKEN must be at least 16 characters/,
    );
    expect(fs.existsSync(database.file)).toBe(false);
  });

  it('requires the token on every API call when it has one', async () => {
    const token = 'a-token-of-twenty-chars';
    const server = await start({ host: '0.0.0.0', token });
    const url = server.url.replace('0.0.0.0', '127.0.0.1');
    expect((await fetch(`${url}/api/documents`)).status).toBe(401);
    expect(
      (await fetch(`${url}/api/documents`, { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });

  it('says so when the port is taken', async () => {
    const first = await start();
    const port = Number(new URL(first.url).port);
    const other = temporaryDatabase();
    try {
      await expect(start({ port, database: other.file })).rejects.toThrow(
        new StartError(`port ${port} is already in use on 127.0.0.1: stop the other server or use --port`),
      );
    } finally {
      other.remove();
    }
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.0.2', false],
    ['galley.example.org', false],
    ['127.0.0.1.example.org', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });
});
