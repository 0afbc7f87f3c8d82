import fs from 'node:fs';
import path from 'node:path';
import { analyse } from '../../src/analyser';
import { VersionConflict, type Store } from '../../src/store';
import { FLAG_ONLY, SAMPLE } from '../web/test-helpers';
import { TEST_DATABASE_URL, backends, findingIdOf, postgres, type TestDatabase } from './backends';

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

  describe('importDocument', () => {
    it.each(['footnote-forms', 'crlf-pages', 'no-furniture'])(
      'keeps the text unchanged and the findings exactly as the analyser produced them, in order (%s)',
      async (name) => {
        const text = fs.readFileSync(path.join(__dirname, '../../fixtures/cases', name, 'input.txt'), 'utf8');
        const document = await store.importDocument(name, text);
        expect(await store.getSource(document.id)).toEqual({ text, headings: analyse(text).headings });
        const stored = (await store.findings(document.id)).findings.map(
          ({ documentId, status, decisionText, version, ...finding }) => {
            expect([documentId, status, decisionText, version]).toEqual([document.id, 'pending', null, 0]);
            return finding;
          },
        );
        // The analyser's optional fields (page, footnote, footnoteId) are absent, not null, when unset.
        expect(stored).toEqual(JSON.parse(JSON.stringify(analyse(text).findings)));
        expect(stored.length).toBeGreaterThan(0);
      },
    );

    it('returns the new document with its counts', async () => {
      const seedLike = analyse(SAMPLE).findings.length;
      const document = await store.importDocument('Sample', SAMPLE);
      expect(document).toMatchObject({ id: 1, title: 'Sample', length: SAMPLE.length, findings: seedLike });
      expect(document.byStatus).toEqual({ pending: seedLike, accepted: 0, rejected: 0, edited: 0 });
      expect(Object.keys(document.byKind)).toEqual(['line-wrap', 'hyphenation', 'doubled-phrase', 'spacing']);
    });

    it('stores an empty document with no findings', async () => {
      const document = await store.importDocument('Empty', '');
      expect(document).toMatchObject({ findings: 0, length: 0, byKind: {} });
      expect(await store.findings(document.id)).toEqual({ total: 0, findings: [] });
    });
  });

  describe('decisions and statuses', () => {
    it('derives the status from the latest decision: accept, reject, edit, reset', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      const double = await findingOf(id, 'doubled-phrase');
      expect(await store.decide(id, double, { decision: 'accept' })).toMatchObject({
        status: 'accepted',
        decisionText: null,
      });
      expect(await store.decide(id, double, { decision: 'reject' })).toMatchObject({ status: 'rejected' });
      expect(
        await store.decide(id, double, { decision: 'edit', text: ' and hardship', editor: 'ann' }),
      ).toMatchObject({
        status: 'edited',
        decisionText: ' and hardship',
      });
      expect(await store.finding(id, double)).toMatchObject({
        status: 'edited',
        decisionText: ' and hardship',
      });
      expect(await store.decide(id, double, { decision: 'reset' })).toMatchObject({
        status: 'pending',
        decisionText: null,
      });
      expect((await store.history(id)).map((entry) => [entry.decision, entry.text, entry.editor])).toEqual([
        ['accept', null, null],
        ['reject', null, null],
        ['edit', ' and hardship', 'ann'],
        ['reset', null, null],
      ]);
    });

    it('accepts an edit to the empty text', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      expect(
        await store.decide(id, await findingOf(id, 'spacing'), { decision: 'edit', text: '' }),
      ).toMatchObject({
        status: 'edited',
        decisionText: '',
      });
    });

    it('answers undefined for an unknown finding or document, and records nothing', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      expect(await store.decide(id, 'line-wrap-nothing', { decision: 'accept' })).toBeUndefined();
      expect(await store.decide(99, await findingOf(id, 'spacing'), { decision: 'accept' })).toBeUndefined();
      expect(await store.history(id)).toEqual([]);
    });

    it('throws on an edit without text or a text without an edit: only a bug does that', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      const spacing = await findingOf(id, 'spacing');
      await expect(store.decide(id, spacing, { decision: 'edit' })).rejects.toThrow(/needs text/);
      await expect(store.decide(id, spacing, { decision: 'accept', text: 'x' })).rejects.toThrow(
        /takes no text/,
      );
    });

    it('gives renderEdition the accepted and edited findings only', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      await store.decide(id, await findingOf(id, 'doubled-phrase'), { decision: 'accept' });
      await store.decide(id, await findingOf(id, 'spacing'), { decision: 'edit', text: ' ' });
      await store.decide(id, await findingOf(id, 'hyphenation'), { decision: 'reject' });
      expect(await store.decisionsOf(id)).toEqual(
        new Map([
          [await findingOf(id, 'doubled-phrase'), { status: 'accepted' }],
          [await findingOf(id, 'spacing'), { status: 'edited', text: ' ' }],
        ]),
      );
    });

    it('refuses to change a decision once written: the history is append-only', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      await store.decide(id, await findingOf(id, 'spacing'), { decision: 'accept' });
      await store.close();
      await expect(database.execute("UPDATE decisions SET decision = 'reject'")).rejects.toThrow(
        /append-only/,
      );
      store = await database.open();
      expect((await store.history(id)).map((entry) => entry.decision)).toEqual(['accept']);
    });
  });

  describe('batches', () => {
    it('decides every pending finding that matches, in one batch, and undoes it', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      await store.decide(id, await findingOf(id, 'spacing'), { decision: 'reject' });
      const batch = await store.decideMany(id, { decision: 'accept', minConfidence: 0.9 });
      // The spacing finding was decided already; the others are at or above 0.9.
      expect(batch.count).toBe(3);
      expect(batch.batch).toMatch(/^[0-9a-f-]{36}$/);
      expect((await store.summarise(id))!.byStatus).toEqual({
        pending: 0,
        accepted: 3,
        rejected: 1,
        edited: 0,
      });
      expect(await store.decideMany(id, { decision: 'accept' })).toEqual({ count: 0, batch: null });

      expect(await store.undoBatch(id, batch.batch!)).toEqual({ count: 3 });
      expect((await store.summarise(id))!.byStatus).toEqual({
        pending: 3,
        accepted: 0,
        rejected: 1,
        edited: 0,
      });
      expect(await store.undoBatch(id, batch.batch!)).toEqual({ count: 0 });
      expect(await store.undoBatch(id, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('filters by kind and confidence', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      expect((await store.decideMany(id, { decision: 'reject', kind: 'line-wrap' })).count).toBe(1);
      expect((await store.decideMany(id, { decision: 'accept', minConfidence: 0.96 })).count).toBe(0);
      expect((await store.decideMany(id, { decision: 'accept', minConfidence: 0.95 })).count).toBe(2);
    });

    it('leaves a decision made by hand after the batch alone when undoing it', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      const { batch } = await store.decideMany(id, { decision: 'accept' });
      await store.decide(id, await findingOf(id, 'doubled-phrase'), { decision: 'reject' });
      expect(await store.undoBatch(id, batch!, 'bob')).toEqual({ count: 3 });
      expect((await store.finding(id, await findingOf(id, 'doubled-phrase')))!.status).toBe('rejected');
      const resets = (await store.history(id)).filter((entry) => entry.decision === 'reset');
      expect(resets.map((entry) => [entry.batch, entry.editor])).toEqual(Array(3).fill([batch, 'bob']));
    });

    it('does not batch-accept a finding that has no suggestion', async () => {
      const { id } = await store.importDocument('Flag', FLAG_ONLY);
      expect((await store.findings(id)).findings.map((finding) => finding.replacement)).toEqual([null]);
      expect(await store.decideMany(id, { decision: 'accept' })).toEqual({ count: 0, batch: null });
      expect((await store.decideMany(id, { decision: 'reject' })).count).toBe(1);
    });

    it('keeps batches of two documents apart', async () => {
      const first = await store.importDocument('First', SAMPLE);
      const second = await store.importDocument('Second', SAMPLE);
      const { batch } = await store.decideMany(first.id, { decision: 'reject' });
      expect(await store.undoBatch(second.id, batch!)).toBeUndefined();
      expect((await store.summarise(second.id))!.byStatus.pending).toBe(4);
    });
  });

  describe('queries', () => {
    it('filters and pages findings in analysis order, with the total before paging', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      const all = (await store.findings(id)).findings;
      expect(all.map((finding) => finding.start)).toEqual(
        [...all.map((finding) => finding.start)].sort((a, b) => a - b),
      );
      expect(await store.findings(id, { offset: 1, limit: 2 })).toEqual({
        total: 4,
        findings: all.slice(1, 3),
      });
      expect((await store.findings(id, { kind: 'spacing' })).findings.map((finding) => finding.kind)).toEqual(
        ['spacing'],
      );
      expect((await store.findings(id, { minConfidence: 0.96 })).total).toBe(1);
      await store.decide(id, all[0]!.id, { decision: 'reject' });
      expect(
        (await store.findings(id, { status: 'rejected' })).findings.map((finding) => finding.id),
      ).toEqual([all[0]!.id]);
      expect((await store.findings(id, { status: 'pending' })).total).toBe(3);
    });

    it('filters by several kinds at once, in analysis order', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      const all = (await store.findings(id)).findings;
      const some = await store.findings(id, { kinds: ['spacing', 'doubled-phrase'], limit: 1 });
      expect(some.total).toBe(2);
      expect(some.findings).toEqual(
        all.filter((finding) => ['spacing', 'doubled-phrase'].includes(finding.kind)).slice(0, 1),
      );
      expect((await store.findings(id, { kinds: [] })).total).toBe(0);
      expect((await store.findings(id, { kinds: ['spacing'], kind: 'line-wrap' })).total).toBe(0);
    });

    it('tells a finding’s place among the findings of its kind, in analysis order', async () => {
      const seed = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'seed.txt'), 'utf8');
      const { id } = await store.importDocument('Seed', seed);
      const other = (await store.importDocument('Seed again', seed)).id;
      const wraps = (await store.findings(id, { kind: 'line-wrap' })).findings;
      for (const place of [0, 1, 57, wraps.length - 1])
        expect(await store.placeInKind(id, wraps[place]!.id)).toBe(place);
      expect(
        await store.placeInKind(other, (await store.findings(other, { kind: 'line-wrap' })).findings[3]!.id),
      ).toBe(3);
      expect(await store.placeInKind(id, 'no-such-finding')).toBe(0);
    });

    it('lists documents with counts by status and by kind', async () => {
      const first = await store.importDocument('First', SAMPLE);
      await store.importDocument('Second', FLAG_ONLY);
      await store.decide(first.id, await findingOf(first.id, 'spacing'), { decision: 'accept' });
      const [one, two] = await store.listDocuments();
      expect(one).toMatchObject({ title: 'First', findings: 4, byStatus: { pending: 3, accepted: 1 } });
      expect(one!.byKind.spacing).toEqual({ total: 1, pending: 0, accepted: 1, rejected: 0, edited: 0 });
      expect(two).toMatchObject({
        title: 'Second',
        findings: 1,
        byKind: { quote: { total: 1, pending: 1 } },
      });
    });

    it('deletes a document with its findings and history', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      await store.decideMany(id, { decision: 'accept' });
      expect(await store.deleteDocument(id)).toBe(true);
      expect(await store.deleteDocument(id)).toBe(false);
      expect(await store.getDocument(id)).toBeUndefined();
      expect((await store.findings(id)).total).toBe(0);
      expect(await store.history(id)).toEqual([]);
      expect(await store.hasDocuments()).toBe(false);
      expect(await store.hasHadDocuments()).toBe(true);
      // A deleted document's id is never given again: public finding ids contain it.
      expect((await store.importDocument('Next', SAMPLE)).id).toBe(id + 1);
    });
  });

  describe('durability', () => {
    it('keeps every document and decision when the store is closed and opened again', async () => {
      expect(await store.hasHadDocuments()).toBe(false);
      const { id } = await store.importDocument('Sample', SAMPLE);
      await store.decide(id, await findingOf(id, 'doubled-phrase'), { decision: 'edit', text: '' });
      const { batch } = await store.decideMany(id, { decision: 'reject', kind: 'line-wrap' });
      const before = { findings: await store.findings(id), history: await store.history(id) };
      await store.close();

      store = await database.open();
      expect(await store.hasHadDocuments()).toBe(true);
      expect({ findings: await store.findings(id), history: await store.history(id) }).toEqual(before);
      expect(await store.undoBatch(id, batch!)).toEqual({ count: 1 });
    });

    it('records its schema version and refuses a database from a newer Galley', async () => {
      await store.close();
      expect(await database.execute('SELECT version FROM schema_version ORDER BY version')).toEqual(
        backend.schemaVersions.map((version) => ({ version })),
      );
      await database.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')");
      const known = backend.schemaVersions[backend.schemaVersions.length - 1];
      await expect(database.open()).rejects.toThrow(
        `the database has schema version 99, newer than this Galley knows (${known}): upgrade Galley`,
      );
      store = { close: async () => undefined } as unknown as Store;
    });
  });

  describe('one database, several stores (as several processes)', () => {
    it('opens a new database from three stores at once: one migrates it, the others find it done', async () => {
      const fresh = await backend.create();
      try {
        const stores = await Promise.all([fresh.open(), fresh.open(), fresh.open()]);
        await Promise.all(stores.map((each) => each.close()));
        expect(await fresh.execute('SELECT version FROM schema_version ORDER BY version')).toEqual(
          backend.schemaVersions.map((version) => ({ version })),
        );
      } finally {
        await fresh.remove();
      }
    });

    it('imports the first document once, however many stores try at the same moment', async () => {
      const others = await Promise.all([database.open(), database.open()]);
      try {
        let reads = 0;
        const readText = (): string => {
          reads += 1;
          return SAMPLE;
        };
        const imported = await Promise.all(
          [store, ...others].map((each) => each.importFirstDocument('Seed', readText)),
        );
        expect(imported.filter((summary) => summary !== undefined)).toMatchObject([{ id: 1, findings: 4 }]);
        // PostgreSQL reads and analyses under its lock; SQLite analyses before its write lock (the
        // analysis may run in a worker), so stores starting at the same instant may each read it.
        if (backend.name === 'PostgreSQL') expect(reads).toBe(1);
        else expect(reads).toBeGreaterThanOrEqual(1);
        expect(await store.listDocuments()).toHaveLength(1);
        await store.deleteDocument(1);
        expect(await others[0]!.importFirstDocument('Seed', readText)).toBeUndefined();
      } finally {
        await Promise.all(others.map((each) => each.close()));
      }
    });

    it('shows a decision made through one store through the other, and lets one of two rivals through', async () => {
      const other = await database.open();
      try {
        const { id } = await store.importDocument('Sample', SAMPLE);
        const double = await findingOf(id, 'doubled-phrase');
        await store.decide(id, double, { decision: 'accept', version: 0 });
        expect(await other.finding(id, double)).toMatchObject({ status: 'accepted', version: 1 });

        const spacing = await findingOf(id, 'spacing');
        const outcomes = await Promise.allSettled([
          store.decide(id, spacing, { decision: 'accept', version: 0, editor: 'Ann' }),
          other.decide(id, spacing, { decision: 'reject', version: 0, editor: 'Bob' }),
        ]);
        expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect((await other.history(id)).filter((entry) => entry.findingId === spacing)).toHaveLength(1);
        expect(await other.checkIntegrity()).toEqual([]);
      } finally {
        await other.close();
      }
    });
  });

  describe('checkIntegrity', () => {
    it('finds nothing wrong in a sound database, and a gap in a finding’s versions', async () => {
      const { id } = await store.importDocument('Sample', SAMPLE);
      await store.decideMany(id, { decision: 'accept' });
      expect(await store.checkIntegrity()).toEqual([]);
      await database.execute(
        `INSERT INTO decisions (document_id, finding_id, version, decision, decided_at)
         VALUES (${id}, 'spacing-by-hand', 3, 'accept', 'now')`,
      );
      expect(await store.checkIntegrity()).toEqual([
        `finding spacing-by-hand of document ${id} has 1 decisions but version 3`,
      ]);
    });
  });
});

(TEST_DATABASE_URL === undefined ? describe.skip : describe)('PostgreSQL only', () => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await postgres.create();
    store = await database.open();
  });

  afterEach(async () => {
    await store.close();
    await database.remove();
  });

  it('reports what someone did by hand: a disabled trigger, a sequence set back', async () => {
    await store.importDocument('First', SAMPLE);
    await store.importDocument('Second', SAMPLE);
    await database.execute('ALTER TABLE decisions DISABLE TRIGGER decisions_are_append_only');
    await database.execute("SELECT setval(pg_get_serial_sequence('documents', 'id'), 1)");
    expect(await store.checkIntegrity()).toEqual([
      'the sequence of documents.id is at 1, below the highest id 2: new rows would reuse ids',
      'trigger decisions_are_append_only on decisions is disabled',
    ]);
  });

  it('turns a second version n + 1 refused by the unique index into a VersionConflict, or retries', async () => {
    const { id } = await store.importDocument('Sample', SAMPLE);
    const spacing = (await store.findings(id, { kind: 'spacing' })).findings[0]!.id;
    // A view that always says "version 0, pending": what a writer that skipped the lock would see.
    await database.execute(
      `CREATE OR REPLACE VIEW finding_statuses AS
       SELECT f.*, 'pending'::text AS status, NULL::text AS decision_text, NULL::text AS decision_batch,
         0 AS version
       FROM findings AS f`,
    );
    await store.decide(id, spacing, { decision: 'accept', version: 0 });
    await expect(store.decide(id, spacing, { decision: 'reject', version: 0 })).rejects.toThrow(
      VersionConflict,
    );
    await expect(store.decide(id, spacing, { decision: 'reject' })).rejects.toThrow(
      /duplicate key value violates unique constraint "decisions_by_finding"/,
    );
    expect(await store.history(id)).toHaveLength(1);
  });
});
