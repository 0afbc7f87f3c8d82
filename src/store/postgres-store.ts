/**
 * The PostgreSQL store: a team's shared database, with the SQLite store's behaviour call for
 * call (store.ts). Several Galley processes may serve one database, so every write on a
 * document takes that document's row lock first (`SELECT … FOR UPDATE`) inside its
 * transaction: two decisions on one document are made one after the other, the second seeing
 * the first. The unique index on (document, finding, version) stays the last guard: a
 * violation there is a VersionConflict, or a retry when the editor named no version.
 *
 * Every statement is named and prepared once per connection (postgres-statements.ts).
 * Statuses come from the `finding_statuses` view (postgres-migrations.ts), never from a
 * stored column.
 */

import { randomUUID } from 'node:crypto';
import pg, { type PoolClient, type QueryConfig, type QueryResultRow } from 'pg';
import { analyse, type Decision, type Decisions, type Heading } from '../analyser';
import { advisoryLockSql, migratePostgres } from './postgres-migrations';
import { INTEGRITY_CHECKS, SQL } from './postgres-statements';
import {
  checkDecisionText,
  exportedDecision,
  groupCounts,
  headingsJson,
  sha256,
  toFinding,
  withCounts,
  type CountRow,
  type FindingRow,
} from './rows';
import type {
  Analyser,
  AnalysisResult,
  BatchOutcome,
  BatchQuery,
  DecisionInput,
  DecisionsExport,
  DecisionsImportOutcome,
  DocumentRecord,
  DocumentSource,
  DocumentSummary,
  ExportedDecision,
  FindingPage,
  FindingQuery,
  FindingStatus,
  HistoryEntry,
  ReanalysisOutcome,
  ReviewedFinding,
  Store,
} from './types';
import { VersionConflict } from './version-conflict';

/** Findings per INSERT on import: a few round trips for the seed ×45's 42,000, not one each. */
const FINDINGS_PER_INSERT = 5000;
/** Attempts of a decision that named no version, should the unique index refuse it. */
const DECIDE_ATTEMPTS = 3;
const CONNECT_TIMEOUT_MS = 10_000;
const INT8_OID = 20;
const UNIQUE_VIOLATION = '23505';

/**
 * Opens the store at a `postgres://` URL: connects, and brings the schema up to date (one
 * transaction under an advisory lock). The URL's `options=-c search_path=…` picks a schema.
 */
export async function openPostgresStore(url: string, analyser: Analyser = analyse): Promise<PostgresStore> {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: 'galley',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // count(*) and bigint ids come back as JS numbers, as SQLite gives them, not strings: every
    // count and id Galley stores is far below 2^53. Only this pool's connections parse so.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID && format !== 'binary'
          ? Number
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // A connection that breaks while idle (the server restarted) is dropped by the pool and the
  // next query opens another; without a listener the error would end the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
    return new PostgresStore(pool, analyser);
  } catch (error) {
    await pool.end();
    throw error;
  }
}

type Findings = AnalysisResult['findings'];

interface DecisionRow {
  finding_id: string;
  version: number;
  decision: string;
  text: string | null;
  editor: string | null;
  batch_id: string | null;
  decided_at: string;
}

/** What a query runs on: the pool, or one connection inside a transaction. */
type Queryable = Pick<PoolClient, 'query'>;

export class PostgresStore implements Store {
  private closed = false;
  /** The transactions under way, for close() to wait for. */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly analyser: Analyser = analyse,
  ) {}

  async importDocument(title: string, text: string): Promise<DocumentSummary> {
    // The analysis runs outside the transaction: it is pure and may take a while.
    const analysis = await this.analyser(text);
    const id = await this.transaction((client) => this.insertDocument(client, title, text, analysis));
    return (await this.summarise(id))!;
  }

  async importFirstDocument(title: string, readText: () => string): Promise<DocumentSummary | undefined> {
    // The advisory lock makes check-and-import one step across processes: a second server
    // starting at the same moment waits here, then finds the first import recorded.
    const id = await this.transaction(async (client) => {
      await client.query(advisoryLockSql('firstImport'));
      if (await this.present(client, SQL.everAnyDocument)) return undefined;
      const text = readText();
      return this.insertDocument(client, title, text, await this.analyser(text));
    });
    return id === undefined ? undefined : this.summarise(id);
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const [documents, counts] = await Promise.all([
      this.rows<DocumentRecord>(this.pool, SQL.documents),
      this.rows<CountRow>(this.pool, SQL.allCounts),
    ]);
    const byDocument = groupCounts(counts);
    return documents.map((document) => withCounts(document, byDocument.get(document.id)));
  }

  async hasDocuments(): Promise<boolean> {
    return this.present(this.pool, SQL.anyDocument);
  }

  async hasHadDocuments(): Promise<boolean> {
    return this.present(this.pool, SQL.everAnyDocument);
  }

  async getDocument(id: number): Promise<DocumentRecord | undefined> {
    return (await this.rows<DocumentRecord>(this.pool, SQL.document, [id]))[0];
  }

  async summarise(id: number): Promise<DocumentSummary | undefined> {
    const [document, counts] = await Promise.all([
      this.getDocument(id),
      this.rows<CountRow>(this.pool, SQL.countsOf, [id]),
    ]);
    return document && withCounts(document, counts);
  }

  async getSource(id: number): Promise<DocumentSource | undefined> {
    const [row] = await this.rows<{ text: string; headings: Heading[] }>(this.pool, SQL.source, [id]);
    return row && { text: row.text, headings: row.headings };
  }

  async deleteDocument(id: number): Promise<boolean> {
    return ((await this.pool.query({ ...SQL.deleteDocument, values: [id] })).rowCount ?? 0) > 0;
  }

  async findings(documentId: number, query: FindingQuery = {}): Promise<FindingPage> {
    const filter = filterOf(documentId, query);
    const [counted, rows] = await Promise.all([
      this.rows<{ total: number }>(this.pool, SQL.countFindings, filter),
      this.rows<FindingRow>(this.pool, SQL.findings, [...filter, query.limit ?? null, query.offset ?? 0]),
    ]);
    return { total: counted[0]!.total, findings: rows.map(toFinding) };
  }

  async finding(documentId: number, findingId: string): Promise<ReviewedFinding | undefined> {
    return this.findingIn(this.pool, documentId, findingId);
  }

  async placeInKind(documentId: number, findingId: string): Promise<number> {
    return (await this.rows<{ place: number }>(this.pool, SQL.placeInKind, [documentId, findingId]))[0]!
      .place;
  }

  async decide(
    documentId: number,
    findingId: string,
    input: DecisionInput,
  ): Promise<ReviewedFinding | undefined> {
    checkDecisionText(input);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.withDocumentLocked(documentId, (client) =>
          this.insertDecision(client, documentId, findingId, input),
        );
      } catch (error) {
        // Only a writer that skipped the document's lock can get here: the index refused a
        // second version n + 1.
        if (!isUniqueViolation(error)) throw error;
        if (input.version !== undefined) {
          const current = await this.finding(documentId, findingId);
          if (current) throw new VersionConflict(current, input.version);
        }
        if (attempt >= DECIDE_ATTEMPTS) throw error;
      }
    }
  }

  async decideMany(documentId: number, query: BatchQuery): Promise<BatchOutcome> {
    const outcome = await this.withDocumentLocked(documentId, async (client) => {
      const batch = randomUUID();
      const { rowCount } = await client.query({
        ...SQL.insertBatch,
        values: [
          ...filterOf(documentId, {
            kind: query.kind,
            status: 'pending',
            minConfidence: query.minConfidence,
          }),
          query.decision,
          query.editor ?? null,
          batch,
          new Date().toISOString(),
        ],
      });
      const count = rowCount ?? 0;
      return { count, batch: count > 0 ? batch : null };
    });
    return outcome ?? { count: 0, batch: null };
  }

  async undoBatch(
    documentId: number,
    batch: string,
    editor?: string,
  ): Promise<{ count: number } | undefined> {
    return this.withDocumentLocked(documentId, async (client) => {
      if (!(await this.present(client, SQL.batchExists, [documentId, batch]))) return undefined;
      const { rowCount } = await client.query({
        ...SQL.insertUndo,
        values: [documentId, batch, editor ?? null, new Date().toISOString()],
      });
      return { count: rowCount ?? 0 };
    });
  }

  async history(documentId: number): Promise<HistoryEntry[]> {
    return this.rows<HistoryEntry>(this.pool, SQL.history, [documentId]);
  }

  async orphanedDecisions(documentId: number): Promise<HistoryEntry[]> {
    return this.rows<HistoryEntry>(this.pool, SQL.orphaned, [documentId]);
  }

  async reanalyse(documentId: number): Promise<ReanalysisOutcome | undefined> {
    const source = await this.getSource(documentId);
    if (!source) return undefined;
    // A document's text never changes, so the analysis can run before the lock is taken.
    const analysis = await this.analyser(source.text);
    return this.withDocumentLocked(documentId, async (client) => {
      const ids = await this.rows<{ finding_id: string }>(client, SQL.findingIds, [documentId]);
      const before = new Set(ids.map((row) => row.finding_id));
      const kept = analysis.findings.filter((finding) => before.has(finding.id)).length;
      await client.query({ ...SQL.deleteFindings, values: [documentId] });
      await this.insertFindings(client, documentId, analysis.findings);
      await client.query({
        ...SQL.updateAnalysis,
        values: [documentId, analysis.length, headingsJson(analysis.headings)],
      });
      return {
        kept,
        added: analysis.findings.length - kept,
        removed: before.size - kept,
        orphaned: await this.rows<HistoryEntry>(client, SQL.orphaned, [documentId]),
      };
    });
  }

  async exportDecisions(documentId: number): Promise<DecisionsExport | undefined> {
    const [document, source, history] = await Promise.all([
      this.getDocument(documentId),
      this.getSource(documentId),
      this.history(documentId),
    ]);
    if (!document || !source) return undefined;
    return {
      format: 'galley-decisions',
      formatVersion: 1,
      document: { title: document.title, length: document.length, sha256: sha256(source.text) },
      decisions: history.map(exportedDecision),
    };
  }

  async importDecisions(
    documentId: number,
    exported: DecisionsExport,
  ): Promise<DecisionsImportOutcome | undefined> {
    const source = await this.getSource(documentId);
    if (!source) return undefined;
    exported.decisions.forEach(checkDecisionText);
    const outcome = await this.withDocumentLocked(documentId, (client) =>
      this.appendDecisions(client, documentId, exported),
    );
    return outcome && { ...outcome, sameText: exported.document.sha256 === sha256(source.text) };
  }

  async checkIntegrity(): Promise<string[]> {
    const problems: string[] = [];
    for (const check of INTEGRITY_CHECKS)
      for (const row of (await this.pool.query<{ problem: string }>(check)).rows) problems.push(row.problem);
    return problems;
  }

  async decisionsOf(documentId: number): Promise<Decisions> {
    const rows = await this.rows<{ finding_id: string; status: FindingStatus; decision_text: string | null }>(
      this.pool,
      SQL.decided,
      [documentId],
    );
    const decisions = new Map<string, Decision>();
    for (const row of rows) {
      decisions.set(
        row.finding_id,
        row.status === 'edited'
          ? { status: 'edited', text: row.decision_text ?? '' }
          : { status: 'accepted' },
      );
    }
    return decisions;
  }

  /** Lets the transactions under way finish (a decision asked for is written), then disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.running]);
    await this.pool.end();
  }

  // Transactions.

  /** Runs `work` in one transaction on one connection: committed when it returns, rolled back when it throws. */
  private async transaction<Result>(work: (client: PoolClient) => Promise<Result>): Promise<Result> {
    const running = this.runTransaction(work);
    this.running.add(running);
    try {
      return await running;
    } finally {
      this.running.delete(running);
    }
  }

  private async runTransaction<Result>(work: (client: PoolClient) => Promise<Result>): Promise<Result> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is closed rather than given to the next caller.
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * A transaction that first locks the document's row: every write on one document, from any
   * process, waits here for the one before it. Undefined when there is no such document.
   */
  private async withDocumentLocked<Result>(
    documentId: number,
    work: (client: PoolClient) => Promise<Result>,
  ): Promise<Result | undefined> {
    return this.transaction(async (client) => {
      const { rowCount } = await client.query({ ...SQL.lockDocument, values: [documentId] });
      return rowCount === 0 ? undefined : work(client);
    });
  }

  // The bodies of the transactions.

  private async insertDocument(
    client: PoolClient,
    title: string,
    text: string,
    analysis: AnalysisResult,
  ): Promise<number> {
    const createdAt = new Date().toISOString();
    const [{ id }] = (await this.rows<{ id: number }>(client, SQL.insertDocument, [
      title,
      text,
      analysis.length,
      headingsJson(analysis.headings),
      createdAt,
    ])) as [{ id: number }];
    await this.insertFindings(client, id, analysis.findings);
    await client.query({ ...SQL.markFirstImport, values: [createdAt] });
    return id;
  }

  private async insertFindings(client: PoolClient, documentId: number, findings: Findings): Promise<void> {
    for (let first = 0; first < findings.length; first += FINDINGS_PER_INSERT) {
      const chunk = findings.slice(first, first + FINDINGS_PER_INSERT);
      await client.query({
        ...SQL.insertFindings,
        values: [
          documentId,
          chunk.map((finding) => finding.id),
          chunk.map((_, index) => first + index),
          chunk.map((finding) => finding.kind),
          chunk.map((finding) => finding.start),
          chunk.map((finding) => finding.end),
          chunk.map((finding) => finding.line),
          chunk.map((finding) => finding.column),
          chunk.map((finding) => finding.text),
          chunk.map((finding) => finding.replacement),
          chunk.map((finding) => finding.confidence),
          chunk.map((finding) => finding.message),
          chunk.map((finding) => finding.page ?? null),
          chunk.map((finding) => (finding.footnote ? JSON.stringify(finding.footnote) : null)),
          chunk.map((finding) => finding.footnoteId ?? null),
        ],
      });
    }
  }

  private async insertDecision(
    client: PoolClient,
    documentId: number,
    findingId: string,
    input: DecisionInput,
  ): Promise<ReviewedFinding | undefined> {
    const current = await this.findingIn(client, documentId, findingId);
    if (!current) return undefined;
    if (input.version !== undefined && input.version !== current.version)
      throw new VersionConflict(current, input.version);
    await client.query({
      ...SQL.insertDecision,
      values: [
        documentId,
        findingId,
        current.version + 1,
        input.decision,
        input.text ?? null,
        input.editor ?? null,
        null,
        new Date().toISOString(),
      ],
    });
    return this.findingIn(client, documentId, findingId);
  }

  /**
   * The export's decisions about findings the document has, appended in the export's order;
   * one already in the history (same finding, decision, text, editor, batch and time) is skipped.
   * Set-wise: three statements for the whole export, however long.
   */
  private async appendDecisions(
    client: PoolClient,
    documentId: number,
    exported: DecisionsExport,
  ): Promise<Omit<DecisionsImportOutcome, 'sameText'>> {
    const ids = await this.rows<{ finding_id: string }>(client, SQL.findingIds, [documentId]);
    const existing = await this.rows<DecisionRow>(client, SQL.decisionsOfDocument, [documentId]);
    const findingIds = new Set(ids.map((row) => row.finding_id));
    const present = new Set(existing.map((row) => decisionKey(row)));
    const latest = new Map<string, number>();
    for (const row of existing)
      latest.set(row.finding_id, Math.max(latest.get(row.finding_id) ?? 0, row.version));

    const outcome = { imported: 0, alreadyPresent: 0, unmatched: [] as ExportedDecision[] };
    const appended: DecisionRow[] = [];
    for (const entry of exported.decisions) {
      const row: DecisionRow = {
        finding_id: entry.findingId,
        version: (latest.get(entry.findingId) ?? 0) + 1,
        decision: entry.decision,
        text: entry.text ?? null,
        editor: entry.editor ?? null,
        batch_id: entry.batch ?? null,
        decided_at: entry.decidedAt,
      };
      const key = decisionKey(row);
      if (!findingIds.has(entry.findingId)) {
        outcome.unmatched.push(entry);
      } else if (present.has(key)) {
        outcome.alreadyPresent += 1;
      } else {
        appended.push(row);
        present.add(key);
        latest.set(row.finding_id, row.version);
        outcome.imported += 1;
      }
    }
    if (appended.length > 0) {
      await client.query({
        ...SQL.insertDecisions,
        values: [
          documentId,
          appended.map((row) => row.finding_id),
          appended.map((row) => row.version),
          appended.map((row) => row.decision),
          appended.map((row) => row.text),
          appended.map((row) => row.editor),
          appended.map((row) => row.batch_id),
          appended.map((row) => row.decided_at),
        ],
      });
    }
    return outcome;
  }

  // Reading.

  private async findingIn(
    queryable: Queryable,
    documentId: number,
    findingId: string,
  ): Promise<ReviewedFinding | undefined> {
    const [row] = await this.rows<FindingRow>(queryable, SQL.finding, [documentId, findingId]);
    return row && toFinding(row);
  }

  private async rows<Row extends QueryResultRow>(
    queryable: Queryable,
    sql: Pick<QueryConfig, 'name' | 'text'>,
    values: unknown[] = [],
  ): Promise<Row[]> {
    return (await queryable.query<Row>({ ...sql, values })).rows;
  }

  private async present(
    queryable: Queryable,
    sql: Pick<QueryConfig, 'name' | 'text'>,
    values: unknown[] = [],
  ): Promise<boolean> {
    return (await this.rows<{ present: boolean }>(queryable, sql, values))[0]!.present;
  }
}

/** The MATCHING parameters, $1 to $5. */
function filterOf(documentId: number, query: FindingQuery): unknown[] {
  return [
    documentId,
    query.kind ?? null,
    query.kinds === undefined ? null : [...query.kinds],
    query.status ?? null,
    query.minConfidence ?? null,
  ];
}

/** What makes two decisions the same one, for an import: all but the row id and the version. */
function decisionKey(row: DecisionRow): string {
  return JSON.stringify([row.finding_id, row.decision, row.text, row.editor, row.batch_id, row.decided_at]);
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof pg.DatabaseError &&
    error.code === UNIQUE_VIOLATION &&
    error.constraint === 'decisions_by_finding'
  );
}
