/**
 * Editors deciding at the same moment, through a real listening server and parallel HTTP
 * connections (one per request): of the decisions sent on the same version of a finding,
 * exactly one is written and the others are answered 409 with the finding as it now is; a
 * batch racing single decisions leaves every finding with one decision per version, statuses
 * that agree with the history, and a sound database. SQLite by default; PostgreSQL, a schema of
 * its own, when GALLEY_TEST_DATABASE_URL is set (test/store/backends.ts).
 */

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Store } from '../../src/store';
import { createApp } from '../../src/web/app';
import {
  disagreements,
  importDocument,
  listFindings,
  listHistory,
  postJson,
  type Answer,
  type ApiDecision,
  type ApiFinding,
} from './api-client';
import { root } from '../cli/built-cli';
import { testDatabase, type ServedDatabase } from './served-database';

jest.setTimeout(30_000);

const seed = fs.readFileSync(path.join(root, 'fixtures', 'seed.txt'), 'utf8');

let database: ServedDatabase;
let store: Store;
let server: http.Server;
let base: string;
const bugs: unknown[] = [];

beforeEach(async () => {
  database = await testDatabase();
  store = await database.openStore();
  bugs.length = 0;
  server = http.createServer(createApp({ store, logError: (error) => bugs.push(error) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  await database.remove();
  expect(bugs).toEqual([]);
});

type Decision = { decision: 'accept' | 'reject' | 'reset' } | { decision: 'edit'; text: string };

/** An editor's decision, varied by a number: accept, reject, edit, reset, … */
function decisionNumber(number: number, editor: string): Decision {
  const decisions: Decision[] = [
    { decision: 'accept' },
    { decision: 'reject' },
    { decision: 'edit', text: `${editor}’s text` },
    { decision: 'reset' },
  ];
  return decisions[number % decisions.length]!;
}

function decide(finding: string, body: object): Promise<Answer<ApiFinding & { finding?: ApiFinding }>> {
  return postJson(`${base}/api/findings/${finding}/decision`, body);
}

/** One decision per finding and version: versions 1, 2, … n with no gap. */
function versionProblems(history: readonly ApiDecision[]): string[] {
  const versions = new Map<string, number[]>();
  for (const entry of history)
    versions.set(entry.finding, [...(versions.get(entry.finding) ?? []), entry.version]);
  return [...versions]
    .filter(([, list]) => list.sort((a, b) => a - b).some((version, index) => version !== index + 1))
    .map(([finding, list]) => `${finding}: versions ${list.join(', ')}`);
}

async function expectSound(documentId: number): Promise<ApiDecision[]> {
  const history = await listHistory(base, documentId);
  expect(versionProblems(history)).toEqual([]);
  expect(disagreements(await listFindings(base, documentId), history)).toEqual([]);
  expect(await store.checkIntegrity()).toEqual([]);
  return history;
}

describe('editors deciding the same finding at once', () => {
  it.each([
    [1, 2, 1],
    [20, 5, 3],
  ])(
    '%i finding(s) × %i editors sending the same version, %i round(s): one wins, the others get 409',
    async (findingCount, editorCount, rounds) => {
      const documentId = await importDocument(base, 'Seed', seed);
      const all = await listFindings(base, documentId);
      // Spread over the document and its kinds.
      const findings = Array.from(
        { length: findingCount },
        (_, index) => all[Math.floor((index * all.length) / findingCount)]!,
      );

      for (let round = 0; round < rounds; round++) {
        const answers = await Promise.all(
          findings.flatMap((finding, index) =>
            Array.from({ length: editorCount }, (_, number) => {
              const editor = `editor ${number}`;
              const body = { ...decisionNumber(index + number + round, editor), editor, version: round };
              return decide(finding.id, body).then((answer) => ({ finding: finding.id, editor, answer }));
            }),
          ),
        );
        expect(
          answers.map(({ answer }) => answer.status).filter((status) => status !== 200 && status !== 409),
        ).toEqual([]);
        const history = await expectSound(documentId);
        for (const finding of findings) {
          const mine = answers.filter((race) => race.finding === finding.id);
          const winners = mine.filter(({ answer }) => answer.status === 200);
          expect(winners).toHaveLength(1);
          const [winner] = winners;
          expect(winner!.answer.body.version).toBe(round + 1);
          // The losers see the finding as the winner left it, and nothing of theirs was written.
          for (const { answer } of mine.filter((race) => race !== winner)) {
            expect(answer.status).toBe(409);
            expect(answer.body).toEqual({ error: expect.any(String), finding: winner!.answer.body });
          }
          const entries = history.filter((entry) => entry.finding === finding.id);
          expect(entries).toHaveLength(round + 1);
          expect(entries[round]).toMatchObject({ version: round + 1, editor: winner!.editor });
        }
      }
    },
  );

  it('lets a batch race single decisions without two decisions on one version', async () => {
    const documentId = await importDocument(base, 'Seed', seed);
    const wraps = await listFindings(base, documentId, { kind: 'line-wrap' });
    const singles = wraps.filter((_, index) => index % 5 === 0);

    // Half of the single decisions carry the version their editor saw (0), half none; the
    // batch leaves in the middle of them, so that some arrive before it and some after.
    const sendSingle = (finding: ApiFinding, index: number) => {
      const editor = `editor ${index % 7}`;
      const body = { ...decisionNumber(index, editor), editor, ...(index % 2 === 0 && { version: 0 }) };
      return decide(finding.id, body).then((answer) => ({ finding, body, answer }));
    };
    const middle = Math.floor(singles.length / 2);
    const before = singles.slice(0, middle).map(sendSingle);
    const batch = postJson<{ count: number; batch: string }>(
      `${base}/api/documents/${documentId}/decisions`,
      {
        decision: 'accept',
        kind: 'line-wrap',
        editor: 'batch editor',
      },
    );
    const after = singles.slice(middle).map((finding, index) => sendSingle(finding, middle + index));
    const [batchAnswer, ...answers] = await Promise.all([batch, ...before, ...after]);

    expect(batchAnswer.status).toBe(200);
    const history = await expectSound(documentId);
    const batched = history.filter((entry) => entry.batch === batchAnswer.body.batch);
    expect(batched).toHaveLength(batchAnswer.body.count);
    for (const { finding, body, answer } of answers) {
      const entries = history.filter((entry) => entry.finding === finding.id);
      if (answer.status === 200) {
        // Written, before or after the batch.
        expect(entries).toContainEqual(
          expect.objectContaining({
            version: answer.body.version,
            decision: body.decision,
            editor: body.editor,
          }),
        );
      } else {
        // Only a decision on version 0 can lose, and only to the batch.
        expect(answer.status).toBe(409);
        expect('version' in body).toBe(true);
        expect(entries).toEqual([expect.objectContaining({ version: 1, batch: batchAnswer.body.batch })]);
        expect(answer.body.finding).toMatchObject({ id: finding.id, status: 'accepted', version: 1 });
      }
    }
    // The batch decided every line wrap that was pending when it ran, and no other.
    for (const finding of wraps) {
      const entries = history.filter((entry) => entry.finding === finding.id);
      const inBatch = entries.filter((entry) => entry.batch === batchAnswer.body.batch);
      expect(inBatch.length).toBeLessThanOrEqual(1);
      if (inBatch.length === 1) {
        const before = entries.filter((entry) => entry.version < inBatch[0]!.version);
        expect(before.every((entry) => entry.decision === 'reset')).toBe(true);
      } else if (finding.replacement !== null) {
        expect(entries.some((entry) => entry.decision !== 'reset')).toBe(true);
      }
    }
  });
});
