/**
 * Crash safety, for real: the built `galley serve` in a child process, killed with SIGKILL
 * while it decides, then started again on the same database (README, "Where the data lives":
 * every decision and every batch is one transaction, so a `kill -9` loses no decision that was
 * answered). After each restart:
 *
 * - a batch is all there or not at all: the history holds none of it, or every pending line
 *   wrap of the moment under one batch id (and all of it when its answer arrived);
 * - every decision whose answer (200) arrived is in the history;
 * - each finding's status and version are its latest decision's, and checkIntegrity() is empty.
 *
 * The batch is killed at several moments: after its answer; at 0.3 to 2 times the time that
 * answer took (some before the transaction has ended, some after, on a fast machine or a slow
 * one); and at once, before the request can arrive. SQLite by default; PostgreSQL, a schema of its own, when
 * GALLEY_TEST_DATABASE_URL is set (test/store/backends.ts). GALLEY_DURABILITY_REPORT=1 prints
 * when each kill came and whether the batch was in.
 */

import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildIfStale, root } from '../cli/built-cli';
import {
  disagreements,
  importDocument,
  listFindings,
  listHistory,
  postJson,
  type ApiDecision,
  type ApiFinding,
} from './api-client';
import { startBuiltServer, type BuiltServer } from './built-server';
import { testDatabase, type ServedDatabase } from './served-database';

// Child processes on a machine that runs the whole suite in parallel.
jest.setTimeout(60_000);

/** The seed ×5: about 3,500 line wraps, a batch that takes tens of milliseconds to write. */
const BATCH_COPIES = 5;
/**
 * When to kill, as multiples of the time the first batch took to be answered: a batch's time
 * varies by a factor of two or more from one to the next on a busy machine, so they reach past it.
 */
const KILL_MULTIPLES = [0.3, 0.6, 0.9, 1.3, 2];
const EDITORS = 8;

let seed: string;
let database: ServedDatabase;
let server: BuiltServer | undefined;

beforeAll(() => {
  buildIfStale();
  seed = fs.readFileSync(path.join(root, 'fixtures', 'seed.txt'), 'utf8');
}, 120_000);

beforeEach(async () => {
  database = await testDatabase();
});

afterEach(async () => {
  await server?.stop('SIGKILL');
  server = undefined;
  await database.remove();
});

/** Kills the running server with SIGKILL and starts a new one on the same database. */
async function crashAndRestart(): Promise<BuiltServer> {
  await server?.stop('SIGKILL');
  server = await startBuiltServer(database);
  return server;
}

async function expectIntegrity(): Promise<void> {
  const store = await database.openStore();
  try {
    expect(await store.checkIntegrity()).toEqual([]);
  } finally {
    await store.close();
  }
}

/** What the history holds of a batch decided on a document that had no decision before. */
function batchesIn(history: readonly ApiDecision[]): Map<string | null, ApiDecision[]> {
  const byBatch = new Map<string | null, ApiDecision[]>();
  for (const entry of history) byBatch.set(entry.batch, [...(byBatch.get(entry.batch) ?? []), entry]);
  return byBatch;
}

/** When a batch is killed: after its answer, at a multiple of the first answer's time, or at once. */
type KillMoment = 'answer' | number | 'at once';

interface BatchRun {
  /** When the kill came, as said in the report: "after the answer", "37 ms", "at once". */
  killAt: string;
  /** Whether the batch is in the history after the restart. */
  outcome: 'in' | 'out';
}

describe('a server killed with SIGKILL', () => {
  it('keeps a batch whole or not at all, however far the batch had gone', async () => {
    server = await startBuiltServer(database);
    const text = Array.from({ length: BATCH_COPIES }, () => seed).join('\n');
    let answerMs = 0;
    const runs: BatchRun[] = [];
    // First killed after the answer (acknowledged, so durable), whose time paces the others;
    // last killed at once, before the request can reach the server (nothing of it).
    const moments: KillMoment[] = ['answer', ...KILL_MULTIPLES, 'at once'];

    for (const [index, moment] of moments.entries()) {
      const documentId = await importDocument(server.url, `Seed ×${BATCH_COPIES}, run ${index}`, text);
      const pending = (await listFindings(server.url, documentId, { kind: 'line-wrap', status: 'pending' }))
        .length;
      const started = performance.now();
      const request = postJson<{ count: number; batch: string }>(
        `${server.url}/api/documents/${documentId}/decisions`,
        { decision: 'accept', kind: 'line-wrap' },
      ).catch(() => undefined);
      let killAt: string;
      if (moment === 'at once') {
        server.child.kill('SIGKILL');
        killAt = 'at once';
      } else if (moment === 'answer') {
        await request;
        answerMs = performance.now() - started;
        killAt = 'after the answer';
      } else {
        await sleep(Math.round(answerMs * moment));
        killAt = `${Math.round(performance.now() - started)} ms`;
      }
      server = await crashAndRestart();
      const answer = await request;

      const history = await listHistory(server.url, documentId);
      const batches = batchesIn(history);
      // Nothing but the batch decided this document: one batch id, or none at all.
      expect(batches.size).toBeLessThanOrEqual(1);
      const [batch, decisions] = [...batches][0] ?? [null, []];
      if (answer?.status === 200) expect(answer.body).toEqual({ count: pending, batch });
      if (decisions.length > 0) {
        expect(batch).not.toBeNull();
        expect(decisions).toHaveLength(pending);
        expect(new Set(decisions.map((entry) => `${entry.decision} v${entry.version}`))).toEqual(
          new Set(['accept v1']),
        );
      }
      expect(disagreements(await listFindings(server.url, documentId), history)).toEqual([]);
      await expectIntegrity();
      runs.push({ killAt, outcome: decisions.length > 0 ? 'in' : 'out' });
    }

    expect(runs[0]!.outcome).toBe('in');
    expect(runs[runs.length - 1]!.outcome).toBe('out');
    if (process.env.GALLEY_DURABILITY_REPORT)
      process.stderr.write(
        `kill.test (${database.backend}): batch answered in ${answerMs.toFixed(0)} ms; killed at ` +
          `${runs.map((run) => `${run.killAt}: ${run.outcome}`).join(', ')}\n`,
      );
  });

  it('keeps every decision it answered', async () => {
    server = await startBuiltServer(database);
    const documentId = await importDocument(server.url, 'Seed', seed);
    const findings = await listFindings(server.url, documentId);
    const decisions = [
      { decision: 'accept' },
      { decision: 'reject' },
      { decision: 'edit', text: 'edited' },
      { decision: 'reset' },
    ] as const;

    const rounds: string[] = [];
    let written = 0;
    // Killed once this many answers have arrived, and a few milliseconds more: whatever the
    // machine's speed, while decisions are flowing.
    for (const [run, answersBeforeKill] of [1, 25, 80].entries()) {
      const acknowledged: string[] = [];
      const unexpected: number[] = [];
      const url = server.url;
      let enoughAnswers = (): void => undefined;
      const answered = new Promise<void>((resolve) => (enoughAnswers = resolve));
      // Editors deciding one finding after another, until the server dies under them.
      const editors = Array.from({ length: EDITORS }, async (_, editor) => {
        for (let k = editor; ; k += EDITORS) {
          const finding = findings[(k * 7919 + run * 101) % findings.length]!;
          const body = decisions[k % decisions.length]!;
          let answer;
          try {
            answer = await postJson<ApiFinding>(`${url}/api/findings/${finding.id}/decision`, body);
          } catch {
            return;
          }
          if (answer.status !== 200) unexpected.push(answer.status);
          else acknowledged.push(`${finding.id} v${answer.body.version} ${body.decision}`);
          if (acknowledged.length >= answersBeforeKill) enoughAnswers();
        }
      });
      await answered;
      await sleep(run * 3);
      server = await crashAndRestart();
      await Promise.all(editors);

      expect(unexpected).toEqual([]);
      const history = await listHistory(server.url, documentId);
      const recorded = new Set(
        history.map((entry) => `${entry.finding} v${entry.version} ${entry.decision}`),
      );
      expect(acknowledged.filter((decision) => !recorded.has(decision))).toEqual([]);
      expect(disagreements(await listFindings(server.url, documentId), history)).toEqual([]);
      await expectIntegrity();
      rounds.push(`${acknowledged.length} answered, ${history.length - written} written`);
      written = history.length;
    }
    if (process.env.GALLEY_DURABILITY_REPORT)
      process.stderr.write(`kill.test (${database.backend}): decisions killed after ${rounds.join('; ')}\n`);
  });
});
