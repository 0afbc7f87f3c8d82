import Database from 'better-sqlite3';
import { analyse } from '../../src/analyser';
import { openStore, VersionConflict, type Analyser, type SqliteStore, type Store } from '../../src/store';
import { MIGRATIONS } from '../../src/store/migrations';
import { SAMPLE, temporaryDatabase, type TemporaryDatabase } from '../web/test-helpers';
import { backends, findingIdOf, type TestDatabase } from './backends';

describe.each(backends)('$name', (backend) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await backend.create();
    store = await database.open();
  });

  afterEach(async () => {
    await store.close();
    await database.remove();
  });

  const findingOf = (documentId: number, kind: string): Promise<string> =>
    findingIdOf(store, documentId, kind);

  describe('versions', () => {
    it('counts a finding’s decisions, batches and undos included', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      const wrap = await findingOf(id, 'line-wrap');
      expect((await store.finding(id, wrap))!.version).toBe(0);
      expect(await store.decide(id, wrap, { decision: 'accept', version: 0 })).toMatchObject({ version: 1 });
      await store.decide(id, wrap, { decision: 'reset' });
      const { batch } = await store.decideMany(id, { decision: 'reject', kind: 'line-wrap' });
      await store.undoBatch(id, batch!);
      expect((await store.finding(id, wrap))!.version).toBe(4);
      expect((await store.history(id)).map((entry) => entry.version)).toEqual([1, 2, 3, 4]);
    });

    it('refuses a decision made on an old version, writes nothing, and says what the finding is now', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      const double = await findingOf(id, 'doubled-phrase');
      await store.decide(id, double, { decision: 'accept', version: 0, editor: 'Ann' });
      const second = store.decide(id, double, { decision: 'reject', version: 0, editor: 'Bob' });
      await expect(second).rejects.toThrow(VersionConflict);
      await expect(second).rejects.toMatchObject({
        expected: 0,
        current: { id: double, status: 'accepted', version: 1 },
      });
      expect((await store.history(id)).map((entry) => entry.editor)).toEqual(['Ann']);
    });

    it('lets exactly one of many decisions on the same version through', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      const double = await findingOf(id, 'doubled-phrase');
      const outcomes = await Promise.allSettled(
        ['accept', 'reject', 'accept', 'reject'].map((decision, editor) =>
          store.decide(id, double, { decision: decision as 'accept', version: 0, editor: String(editor) }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(await store.history(id)).toHaveLength(1);
    });

    it('decides concurrent decisions each on its own: one conflict fails alone, the rest are written', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      const [first, second, third] = (await store.findings(id)).findings;
      const outcomes = await Promise.allSettled([
        store.decide(id, first!.id, { decision: 'accept', version: 0, editor: 'a' }),
        store.decide(id, first!.id, { decision: 'reject', version: 0, editor: 'b' }),
        store.decide(id, second!.id, { decision: 'reject', version: 0, editor: 'c' }),
        store.decide(id, 'no-such-finding', { decision: 'reject' }),
        store.decide(id, third!.id, { decision: 'edit', text: 'x', editor: 'd' }),
      ]);
      // Of the two editors who both saw version 0 of the first finding, one wins (which one is
      // the database's choice), the other gets a conflict.
      const [a, b] = outcomes;
      expect([a!.status, b!.status].sort()).toEqual(['fulfilled', 'rejected']);
      const loser = (a!.status === 'rejected' ? a : b) as PromiseRejectedResult;
      const winner = a!.status === 'fulfilled' ? 'a' : 'b';
      expect(loser.reason).toBeInstanceOf(VersionConflict);
      expect(outcomes.slice(2).map((outcome) => outcome.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      expect((outcomes[3] as PromiseFulfilledResult<unknown>).value).toBeUndefined();
      expect(outcomes[4]).toMatchObject({ value: { status: 'edited', decisionText: 'x', version: 1 } });
      // Each answer is the finding as stored.
      for (const [k, finding] of [
        [winner === 'a' ? 0 : 1, first],
        [2, second],
        [4, third],
      ] as const)
        expect((outcomes[k] as PromiseFulfilledResult<unknown>).value).toEqual(
          await store.finding(id, finding!.id),
        );
      expect((await store.history(id)).map((entry) => entry.editor).sort()).toEqual([winner, 'c', 'd']);
      expect(await store.checkIntegrity()).toEqual([]);
    });

    it('writes a decision still waiting to be committed before it closes', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      const finding = (await store.findings(id)).findings[0]!;
      const decided = store.decide(id, finding.id, { decision: 'accept' });
      await store.close();
      await expect(decided).resolves.toMatchObject({ status: 'accepted' });
      store = await database.open();
      expect(await store.history(id)).toHaveLength(1);
    });
  });

  describe('re-analysis', () => {
    /** The analyser of a later Galley: it no longer flags spacing, and flags something new. */
    const laterAnalyser: Analyser = (text) => {
      const analysis = analyse(text);
      const kept = analysis.findings.filter((finding) => finding.kind !== 'spacing');
      const added = { ...kept[0]!, id: 'line-wrap-new', start: 0, end: 0, text: '', replacement: null };
      return { ...analysis, findings: [added, ...kept] };
    };

    it('keeps every decision whose finding is found again, and lists those whose finding is gone', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      const double = await findingOf(id, 'doubled-phrase');
      const spacing = await findingOf(id, 'spacing');
      await store.decide(id, double, { decision: 'accept' });
      await store.decide(id, spacing, { decision: 'edit', text: ',', editor: 'Ann' });
      const history = await store.history(id);
      await store.close();

      store = await database.open(laterAnalyser);
      const outcome = await store.reanalyse(id);
      expect(outcome).toMatchObject({ kept: 3, added: 1, removed: 1 });
      expect(outcome!.orphaned).toEqual([history[1]]);
      expect(await store.finding(id, double)).toMatchObject({ status: 'accepted', version: 1 });
      expect(await store.finding(id, spacing)).toBeUndefined();
      // Nothing is dropped: the history still has both decisions, and the retired one is listed.
      expect(await store.history(id)).toEqual(history);
      expect(await store.orphanedDecisions(id)).toEqual([history[1]]);
      expect((await store.decisionsOf(id)).has(spacing)).toBe(false);
      expect(await store.checkIntegrity()).toEqual([]);

      // Back to an analyser that finds it again: its decision comes back with it.
      await store.close();
      store = await database.open();
      expect(await store.reanalyse(id)).toMatchObject({ kept: 3, added: 1, removed: 1, orphaned: [] });
      expect(await store.finding(id, spacing)).toMatchObject({
        status: 'edited',
        decisionText: ',',
        version: 1,
      });
    });

    it('answers undefined for a document it does not have', async () => {
      expect(await store.reanalyse(42)).toBeUndefined();
    });
  });

  describe('export and import of decisions', () => {
    it('moves a document’s decisions to another database, and skips what is already there', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      await store.decide(id, await findingOf(id, 'doubled-phrase'), { decision: 'accept', editor: 'Ann' });
      await store.decide(id, await findingOf(id, 'spacing'), { decision: 'edit', text: ',' });
      await store.decideMany(id, { decision: 'reject', kind: 'line-wrap' });
      const exported = (await store.exportDecisions(id))!;
      expect(exported).toMatchObject({
        format: 'galley-decisions',
        formatVersion: 1,
        document: { title: 'Sample' },
      });
      expect(exported.decisions).toHaveLength(3);

      const other = await backend.create();
      const copy = await other.open();
      try {
        const { id: copyId } = await copy.importDocument('Copy', SAMPLE);
        expect(await copy.importDecisions(copyId, exported)).toEqual({
          imported: 3,
          alreadyPresent: 0,
          unmatched: [],
          sameText: true,
        });
        expect(await copy.findings(copyId)).toEqual({
          total: 4,
          findings: (await store.findings(id)).findings.map((finding) => ({
            ...finding,
            documentId: copyId,
          })),
        });
        expect(await copy.importDecisions(copyId, exported)).toMatchObject({
          imported: 0,
          alreadyPresent: 3,
        });
        expect(await copy.history(copyId)).toHaveLength(3);
      } finally {
        await copy.close();
        await other.remove();
      }
    });

    it('lists the decisions about findings the document does not have, and says the text differs', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      await store.decide(id, await findingOf(id, 'doubled-phrase'), { decision: 'accept' });
      const exported = (await store.exportDecisions(id))!;
      const { id: other } = await store.importDocument('Other', 'A short text , with one finding.\n');
      const outcome = await store.importDecisions(other, exported);
      expect(outcome).toMatchObject({ imported: 0, sameText: false });
      expect(outcome!.unmatched).toEqual(exported.decisions);
      expect(await store.history(other)).toEqual([]);
    });
  });
});

describe('SQLite: migration from schema 1', () => {
  let database: TemporaryDatabase;
  let store: SqliteStore | undefined;

  afterEach(async () => {
    await store?.close();
    database.remove();
  });

  it('numbers the versions of the decisions already made and keeps them', async () => {
    database = temporaryDatabase();
    const db = new Database(database.file);
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL) STRICT');
    db.exec(MIGRATIONS[0]!.sql);
    db.prepare("INSERT INTO schema_version VALUES (1, 'then')").run();
    const finding = analyse(SAMPLE).findings[0]!;
    db.prepare(
      "INSERT INTO documents (title, text, analysed_length, headings, created_at) VALUES ('Old', ?, ?, '[]', 'then')",
    ).run(SAMPLE, SAMPLE.length);
    db.prepare(
      `INSERT INTO findings (document_id, finding_id, ordinal, kind, start, "end", line, "column", text,
         replacement, confidence, message) VALUES (1, ?, 0, ?, ?, ?, 1, 1, ?, ?, ?, ?)`,
    ).run(finding.id, finding.kind, finding.start, finding.end, finding.text, finding.replacement, 0.9, 'm');
    const decide = db.prepare(
      "INSERT INTO decisions (document_id, finding_id, decision, decided_at) VALUES (1, ?, ?, 'then')",
    );
    decide.run(finding.id, 'accept');
    decide.run(finding.id, 'reject');
    db.close();

    store = openStore(database.file);
    expect((await store.history(1)).map((entry) => [entry.decision, entry.version])).toEqual([
      ['accept', 1],
      ['reject', 2],
    ]);
    expect(await store.finding(1, finding.id)).toMatchObject({ status: 'rejected', version: 2 });
    expect(await store.checkIntegrity()).toEqual([]);
  });
});
