import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { analyse } from '../../src/analyser';
import type { SqliteStore } from '../../src/store';
import { FLAG_ONLY, SAMPLE, temporaryDatabase, type TemporaryDatabase } from '../web/test-helpers';

let database: TemporaryDatabase;
let store: SqliteStore;

beforeEach(() => {
  database = temporaryDatabase();
  store = database.open();
});

afterEach(() => {
  store.close();
  database.remove();
});

function findingOf(documentId: number, kind: string): string {
  const finding = store.findings(documentId).findings.find((candidate) => candidate.kind === kind);
  if (!finding) throw new Error(`no ${kind} finding`);
  return finding.id;
}

describe('importDocument', () => {
  it.each(['footnote-forms', 'crlf-pages', 'no-furniture'])(
    'keeps the text unchanged and the findings exactly as the analyser produced them, in order (%s)',
    (name) => {
      const text = fs.readFileSync(path.join(__dirname, '../../fixtures/cases', name, 'input.txt'), 'utf8');
      const document = store.importDocument(name, text);
      expect(store.getSource(document.id)).toEqual({ text, headings: analyse(text).headings });
      const stored = store
        .findings(document.id)
        .findings.map(({ documentId, status, decisionText, ...finding }) => {
          expect([documentId, status, decisionText]).toEqual([document.id, 'pending', null]);
          return finding;
        });
      // The analyser's optional fields (page, footnote, footnoteId) are absent, not null, when unset.
      expect(stored).toEqual(JSON.parse(JSON.stringify(analyse(text).findings)));
      expect(stored.length).toBeGreaterThan(0);
    },
  );

  it('returns the new document with its counts', () => {
    const seedLike = analyse(SAMPLE).findings.length;
    const document = store.importDocument('Sample', SAMPLE);
    expect(document).toMatchObject({ id: 1, title: 'Sample', length: SAMPLE.length, findings: seedLike });
    expect(document.byStatus).toEqual({ pending: seedLike, accepted: 0, rejected: 0, edited: 0 });
    expect(Object.keys(document.byKind)).toEqual(['line-wrap', 'hyphenation', 'doubled-phrase', 'spacing']);
  });

  it('stores an empty document with no findings', () => {
    const document = store.importDocument('Empty', '');
    expect(document).toMatchObject({ findings: 0, length: 0, byKind: {} });
    expect(store.findings(document.id)).toEqual({ total: 0, findings: [] });
  });
});

describe('decisions and statuses', () => {
  it('derives the status from the latest decision: accept, reject, edit, reset', () => {
    const { id } = store.importDocument('Sample', SAMPLE);
    const double = findingOf(id, 'doubled-phrase');
    expect(store.decide(id, double, 'accept')).toMatchObject({ status: 'accepted', decisionText: null });
    expect(store.decide(id, double, 'reject')).toMatchObject({ status: 'rejected' });
    expect(store.decide(id, double, 'edit', ' and hardship', 'ann')).toMatchObject({
      status: 'edited',
      decisionText: ' and hardship',
    });
    expect(store.finding(id, double)).toMatchObject({ status: 'edited', decisionText: ' and hardship' });
    expect(store.decide(id, double, 'reset')).toMatchObject({ status: 'pending', decisionText: null });
    expect(store.history(id).map((entry) => [entry.decision, entry.text, entry.editor])).toEqual([
      ['accept', null, null],
      ['reject', null, null],
      ['edit', ' and hardship', 'ann'],
      ['reset', null, null],
    ]);
  });

  it('accepts an edit to the empty text', () => {
    const { id } = store.importDocument('Sample', SAMPLE);
    expect(store.decide(id, findingOf(id, 'spacing'), 'edit', '')).toMatchObject({
      status: 'edited',
      decisionText: '',
    });
  });

  it('answers undefined for an unknown finding or document, and records nothing', () => {
    const { id } = store.importDocument('Sample', SAMPLE);
    expect(store.decide(id, 'line-wrap-nothing', 'accept')).toBeUndefined();
    expect(store.decide(99, findingOf(id, 'spacing'), 'accept')).toBeUndefined();
    expect(store.history(id)).toEqual([]);
  });

  it('throws on an edit without text or a text without an edit: only a bug does that', () => {
    const { id } = store.importDocument('Sample', SAMPLE);
    expect(() => store.decide(id, findingOf(id, 'spacing'), 'edit')).toThrow(/needs text/);
    expect(() => store.decide(id, findingOf(id, 'spacing'), 'accept', 'x')).toThrow(/takes no text/);
  });

  it('gives renderEdition the accepted and edited findings only', () => {
    const { id } = store.importDocument('Sample', SAMPLE);
    store.decide(id, findingOf(id, 'doubled-phrase'), 'accept');
    store.decide(id, findingOf(id, 'spacing'), 'edit', ' ');
    store.decide(id, findingOf(id, 'hyphenation'), 'reject');
    expect(store.decisionsOf(id)).toEqual(
      new Map([
        [findingOf(id, 'doubled-phrase'), { status: 'accepted' }],
        [findingOf(id, 'spacing'), { status: 'edited', text: ' ' }],
      ]),
    );
  });

  it('refuses to change a decision once written: the history is append-only', () => {
    const { id } = store.importDocument('Sample', SAMPLE);
    store.decide(id, findingOf(id, 'spacing'), 'accept');
    store.close();
    const db = new Database(database.file);
    try {
      expect(() => db.prepare("UPDATE decisions SET decision = 'reject'").run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
    store = database.open();
  });
});

describe('batches', () => {
  it('decides every pending finding that matches, in one batch, and undoes it', () => {
    const { id } = store.importDocument('Sample', SAMPLE);
    store.decide(id, findingOf(id, 'spacing'), 'reject');
    const batch = store.decideMany(id, { decision: 'accept', minConfidence: 0.9 });
    // The spacing finding was decided already; the others are at or above 0.9.
    expect(batch.count).toBe(3);
    expect(batch.batch).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.summarise(id)!.byStatus).toEqual({ pending: 0, accepted: 3, rejected: 1, edited: 0 });
    expect(store.decideMany(id, { decision: 'accept' })).toEqual({ count: 0, batch: null });

    expect(store.undoBatch(id, batch.batch!)).toEqual({ count: 3 });
    expect(store.summarise(id)!.byStatus).toEqual({ pending: 3, accepted: 0, rejected: 1, edited: 0 });
    expect(store.undoBatch(id, batch.batch!)).toEqual({ count: 0 });
    expect(store.undoBatch(id, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('filters by kind and confidence', () => {
    const { id } = store.importDocument('Sample', SAMPLE);
    expect(store.decideMany(id, { decision: 'reject', kind: 'line-wrap' }).count).toBe(1);
    expect(store.decideMany(id, { decision: 'accept', minConfidence: 0.96 }).count).toBe(0);
    expect(store.decideMany(id, { decision: 'accept', minConfidence: 0.95 }).count).toBe(2);
  });

  it('leaves a decision made by hand after the batch alone when undoing it', () => {
    const { id } = store.importDocument('Sample', SAMPLE);
    const { batch } = store.decideMany(id, { decision: 'accept' });
    store.decide(id, findingOf(id, 'doubled-phrase'), 'reject');
    expect(store.undoBatch(id, batch!, 'bob')).toEqual({ count: 3 });
    expect(store.finding(id, findingOf(id, 'doubled-phrase'))!.status).toBe('rejected');
    const resets = store.history(id).filter((entry) => entry.decision === 'reset');
    expect(resets.map((entry) => [entry.batch, entry.editor])).toEqual(Array(3).fill([batch, 'bob']));
  });

  it('does not batch-accept a finding that has no suggestion', () => {
    const { id } = store.importDocument('Flag', FLAG_ONLY);
    expect(store.findings(id).findings.map((finding) => finding.replacement)).toEqual([null]);
    expect(store.decideMany(id, { decision: 'accept' })).toEqual({ count: 0, batch: null });
    expect(store.decideMany(id, { decision: 'reject' }).count).toBe(1);
  });

  it('keeps batches of two documents apart', () => {
    const first = store.importDocument('First', SAMPLE);
    const second = store.importDocument('Second', SAMPLE);
    const { batch } = store.decideMany(first.id, { decision: 'reject' });
    expect(store.undoBatch(second.id, batch!)).toBeUndefined();
    expect(store.summarise(second.id)!.byStatus.pending).toBe(4);
  });
});

describe('queries', () => {
  it('filters and pages findings in analysis order, with the total before paging', () => {
    const { id } = store.importDocument('Sample', SAMPLE);
    const all = store.findings(id).findings;
    expect(all.map((finding) => finding.start)).toEqual(
      [...all.map((finding) => finding.start)].sort((a, b) => a - b),
    );
    expect(store.findings(id, { offset: 1, limit: 2 })).toEqual({ total: 4, findings: all.slice(1, 3) });
    expect(store.findings(id, { kind: 'spacing' }).findings.map((finding) => finding.kind)).toEqual([
      'spacing',
    ]);
    expect(store.findings(id, { minConfidence: 0.96 }).total).toBe(1);
    store.decide(id, all[0]!.id, 'reject');
    expect(store.findings(id, { status: 'rejected' }).findings.map((finding) => finding.id)).toEqual([
      all[0]!.id,
    ]);
    expect(store.findings(id, { status: 'pending' }).total).toBe(3);
  });

  it('tells a finding’s place among the findings of its kind, in analysis order', () => {
    const seed = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'seed.txt'), 'utf8');
    const { id } = store.importDocument('Seed', seed);
    const other = store.importDocument('Seed again', seed).id;
    const wraps = store.findings(id, { kind: 'line-wrap' }).findings;
    for (const place of [0, 1, 57, wraps.length - 1])
      expect(store.placeInKind(id, wraps[place]!.id)).toBe(place);
    expect(store.placeInKind(other, store.findings(other, { kind: 'line-wrap' }).findings[3]!.id)).toBe(3);
    expect(store.placeInKind(id, 'no-such-finding')).toBe(0);
  });

  it('lists documents with counts by status and by kind', () => {
    const first = store.importDocument('First', SAMPLE);
    store.importDocument('Second', FLAG_ONLY);
    store.decide(first.id, findingOf(first.id, 'spacing'), 'accept');
    const [one, two] = store.listDocuments();
    expect(one).toMatchObject({ title: 'First', findings: 4, byStatus: { pending: 3, accepted: 1 } });
    expect(one!.byKind.spacing).toEqual({ total: 1, pending: 0, accepted: 1, rejected: 0, edited: 0 });
    expect(two).toMatchObject({ title: 'Second', findings: 1, byKind: { quote: { total: 1, pending: 1 } } });
  });

  it('deletes a document with its findings and history', () => {
    const { id } = store.importDocument('Sample', SAMPLE);
    store.decideMany(id, { decision: 'accept' });
    expect(store.deleteDocument(id)).toBe(true);
    expect(store.deleteDocument(id)).toBe(false);
    expect(store.getDocument(id)).toBeUndefined();
    expect(store.findings(id).total).toBe(0);
    expect(store.history(id)).toEqual([]);
    expect(store.hasDocuments()).toBe(false);
    expect(store.hasHadDocuments()).toBe(true);
    // A deleted document's id is never given again: public finding ids contain it.
    expect(store.importDocument('Next', SAMPLE).id).toBe(id + 1);
  });
});

describe('durability', () => {
  it('keeps every document and decision when the store is closed and opened again', () => {
    expect(store.hasHadDocuments()).toBe(false);
    const { id } = store.importDocument('Sample', SAMPLE);
    store.decide(id, findingOf(id, 'doubled-phrase'), 'edit', '');
    const { batch } = store.decideMany(id, { decision: 'reject', kind: 'line-wrap' });
    const before = { findings: store.findings(id), history: store.history(id) };
    store.close();

    store = database.open();
    expect(store.hasHadDocuments()).toBe(true);
    expect({ findings: store.findings(id), history: store.history(id) }).toEqual(before);
    expect(store.undoBatch(id, batch!)).toEqual({ count: 1 });
  });

  it('records its schema version and refuses a database from a newer Galley', () => {
    store.close();
    const db = new Database(database.file);
    try {
      expect(db.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: 1 }]);
      db.prepare("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')").run();
    } finally {
      db.close();
    }
    expect(() => database.open()).toThrow(/schema version 99, newer than this Galley knows \(1\)/);
    store = { close: () => undefined } as SqliteStore;
  });
});
