/**
 * Two real server processes (`galley serve`, built) on one PostgreSQL database, as a team runs
 * them: they start at the same moment on a new database (one migrates and imports the seed,
 * the other finds both done), a decision made through one is seen through the other, and two
 * rival decisions on the same version, one sent to each at once, let exactly one through.
 * Runs only when GALLEY_TEST_DATABASE_URL names a PostgreSQL database (test/store/backends.ts).
 */

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEED_TITLE } from '../../src/web/paths';
import { buildIfStale, cli } from '../cli/built-cli';
import { TEST_DATABASE_URL, postgres, type TestDatabase } from '../store/backends';

jest.setTimeout(60_000);

interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far. */
  output(): string;
}

/** The parts of the API's answers these tests read. */
interface Finding {
  id: string;
  status: string;
  version: number;
}

const describeWithPostgres =
  TEST_DATABASE_URL === undefined
    ? (name: string, tests: () => void) =>
        describe.skip(`${name} (skipped: set GALLEY_TEST_DATABASE_URL to a postgres:// URL to run it)`, tests)
    : describe;

describeWithPostgres('two server processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let folder: string;
  let servers: ServerProcess[] = [];
  let documentId: number;
  let findings: Finding[];

  beforeAll(async () => {
    buildIfStale();
    database = await postgres.create();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-processes-'));
    servers = await Promise.all([startServer(), startServer()]);
    const listed = (await getJson(`${servers[0]!.url}/api/documents`)) as {
      documents: Array<{ id: number }>;
    };
    documentId = listed.documents[0]!.id;
    findings = (
      (await getJson(`${servers[0]!.url}/api/documents/${documentId}/findings?limit=50`)) as {
        findings: Finding[];
      }
    ).findings;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map(stopServer));
    await database?.remove();
    if (folder !== undefined) fs.rmSync(folder, { recursive: true, force: true });
  });

  function startServer(): Promise<ServerProcess> {
    const env: NodeJS.ProcessEnv = { ...process.env, GALLEY_DATABASE_URL: database.location };
    for (const name of ['GALLEY_DB', 'GALLEY_TOKEN'] as const) delete env[name];
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      cwd: folder,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    return new Promise((resolve, reject) => {
      const read = (chunk: Buffer): void => {
        output += chunk.toString('utf8');
        const serving = /Galley is serving (\S+)\//.exec(output);
        if (serving) resolve({ child, url: serving[1]!, output: () => output });
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (status) => reject(new Error(`galley serve exited with ${status}: ${output}`)));
    });
  }

  async function stopServer(server: ServerProcess): Promise<void> {
    if (server.child.exitCode !== null) return;
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }

  async function getJson(url: string): Promise<unknown> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  }

  function decide(server: ServerProcess, finding: string, body: object): Promise<Response> {
    return fetch(`${server.url}/api/findings/${finding}/decision`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async function findingThrough(server: ServerProcess, id: string): Promise<Finding> {
    const { findings: all } = (await getJson(
      `${server.url}/api/documents/${documentId}/findings?limit=50`,
    )) as { findings: Finding[] };
    return all.find((finding) => finding.id === id)!;
  }

  it('start at once on a new database: one imports the seed, both serve it', async () => {
    const seeded = servers.filter((server) => server.output().includes('Imported the seed sample'));
    expect(seeded).toHaveLength(1);
    for (const server of servers) {
      expect(server.output()).toContain(`(database ${database.location.replace(/:[^:@/]+@/, ':***@')})`);
      const listed = (await getJson(`${server.url}/api/documents`)) as {
        documents: Array<{ title: string }>;
      };
      expect(listed.documents.map((document) => document.title)).toEqual([SEED_TITLE]);
    }
  });

  it('shows a decision made through one process through the other', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const finding = findings[0]!;
    expect((await decide(first, finding.id, { decision: 'accept', version: 0, editor: 'Ann' })).status).toBe(
      200,
    );
    expect(await findingThrough(second, finding.id)).toMatchObject({ status: 'accepted', version: 1 });
    expect((await decide(second, finding.id, { decision: 'reject', version: 1 })).status).toBe(200);
    expect(await findingThrough(first, finding.id)).toMatchObject({ status: 'rejected', version: 2 });
  });

  it('lets exactly one of two rival decisions on the same version through, one sent to each at once', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    // Twenty races, each on a finding nobody decided yet: one answer 200, the other 409.
    const rivals = findings.slice(10, 30);
    const statuses = await Promise.all(
      rivals.map(async (finding) => {
        const answers = await Promise.all([
          decide(first, finding.id, { decision: 'accept', version: 0, editor: 'Ann' }),
          decide(second, finding.id, { decision: 'reject', version: 0, editor: 'Bob' }),
        ]);
        return answers.map((answer) => answer.status).sort();
      }),
    );
    expect(statuses).toEqual(rivals.map(() => [200, 409]));

    const { decisions } = (await getJson(`${second.url}/api/documents/${documentId}/history`)) as {
      decisions: Array<{ finding: string; version: number }>;
    };
    for (const finding of rivals) {
      expect(decisions.filter((entry) => entry.finding === finding.id)).toMatchObject([{ version: 1 }]);
    }
  });
});
