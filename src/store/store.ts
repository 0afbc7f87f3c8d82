/**
 * The SQLite store: every statement is prepared once here, and every change is one
 * transaction (a document with all its findings, one decision, one batch, one undo). Statuses
 * come from the `finding_statuses` view (migrations.ts), never from a stored column.
 */

import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import {
  KINDS,
  analyse,
  type Decision,
  type Decisions,
  type FootnoteBody,
  type Heading,
  type Kind,
} from '../analyser';
import { migrate } from './migrations';
import { openDatabase, type Connection } from './open-database';
import type {
  BatchOutcome,
  BatchQuery,
  DecisionKind,
  DocumentRecord,
  DocumentSource,
  DocumentSummary,
  FindingCounts,
  FindingPage,
  FindingQuery,
  FindingStatus,
  HistoryEntry,
  ReviewedFinding,
  StatusCounts,
  Store,
} from './types';

/** Opens (creating and migrating as needed) the store in `file`; `:memory:` for a throwaway one. */
export function openStore(file: string): SqliteStore {
  const db = openDatabase(file);
  try {
    migrate(db);
    return new SqliteStore(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

interface FindingRow {
  document_id: number;
  finding_id: string;
  kind: string;
  start: number;
  end: number;
  line: number;
  column: number;
  text: string;
  replacement: string | null;
  confidence: number;
  message: string;
  page: string | null;
  footnote: string | null;
  footnote_id: string | null;
  status: FindingStatus;
  decision_text: string | null;
}

interface CountRow {
  documentId: number;
  kind: Kind;
  status: FindingStatus;
  count: number;
}

/** The filters of findings() and decideMany(), bound by name; null means "any". */
interface FindingFilter {
  documentId: number;
  kind: string | null;
  status: string | null;
  minConfidence: number | null;
}

const MATCHING = `
  document_id = @documentId
  AND (@kind IS NULL OR kind = @kind)
  AND (@status IS NULL OR status = @status)
  AND (@minConfidence IS NULL OR confidence >= @minConfidence)`;

const DOCUMENT_COLUMNS = 'id, title, analysed_length AS length, created_at AS createdAt';

export class SqliteStore implements Store {
  private readonly statements;
  private readonly importTransaction;
  private readonly decideTransaction;
  private readonly batchTransaction;
  private readonly undoTransaction;

  constructor(private readonly db: Connection) {
    const prepare = <Row>(sql: string): Statement<unknown[], Row> => db.prepare<unknown[], Row>(sql);
    this.statements = {
      insertDocument: prepare(
        `INSERT INTO documents (title, text, analysed_length, headings, created_at)
         VALUES (@title, @text, @length, @headings, @createdAt)`,
      ),
      insertFinding: prepare(
        `INSERT INTO findings (document_id, finding_id, ordinal, kind, start, "end", line, "column", text,
           replacement, confidence, message, page, footnote, footnote_id)
         VALUES (@documentId, @findingId, @ordinal, @kind, @start, @end, @line, @column, @text,
           @replacement, @confidence, @message, @page, @footnote, @footnoteId)`,
      ),
      anyDocument: prepare<{ present: number }>('SELECT EXISTS (SELECT 1 FROM documents) AS present'),
      // AUTOINCREMENT keeps the highest id ever given in sqlite_sequence, deletions or not.
      everAnyDocument: prepare<{ present: number }>(
        "SELECT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'documents') AS present",
      ),
      document: prepare<DocumentRecord>(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = ?`),
      documents: prepare<DocumentRecord>(`SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY id`),
      source: prepare<{ text: string; headings: string }>(
        'SELECT text, headings FROM documents WHERE id = ?',
      ),
      deleteDocument: prepare('DELETE FROM documents WHERE id = ?'),
      countsOf: prepare<CountRow>(
        `SELECT document_id AS documentId, kind, status, count(*) AS count FROM finding_statuses
         WHERE document_id = ? GROUP BY kind, status`,
      ),
      allCounts: prepare<CountRow>(
        `SELECT document_id AS documentId, kind, status, count(*) AS count FROM finding_statuses
         GROUP BY document_id, kind, status`,
      ),
      findings: prepare<FindingRow>(
        `SELECT * FROM finding_statuses WHERE ${MATCHING} ORDER BY ordinal LIMIT @limit OFFSET @offset`,
      ),
      countFindings: prepare<{ total: number }>(
        `SELECT count(*) AS total FROM finding_statuses WHERE ${MATCHING}`,
      ),
      finding: prepare<FindingRow>('SELECT * FROM finding_statuses WHERE document_id = ? AND finding_id = ?'),
      placeInKind: prepare<{ place: number }>(
        `SELECT count(*) AS place FROM findings AS other, findings AS one
         WHERE one.document_id = @documentId AND one.finding_id = @findingId
           AND other.document_id = one.document_id AND other.kind = one.kind
           AND other.ordinal < one.ordinal`,
      ),
      insertDecision: prepare(
        `INSERT INTO decisions (document_id, finding_id, decision, text, editor, batch_id, decided_at)
         VALUES (@documentId, @findingId, @decision, @text, @editor, NULL, @decidedAt)`,
      ),
      // A batch accept leaves out flag-only findings: accepting one changes nothing, and each
      // needs an editor's own look.
      insertBatch: prepare(
        `INSERT INTO decisions (document_id, finding_id, decision, text, editor, batch_id, decided_at)
         SELECT document_id, finding_id, @decision, NULL, @editor, @batch, @decidedAt
         FROM finding_statuses
         WHERE ${MATCHING} AND (@decision <> 'accept' OR replacement IS NOT NULL)
         ORDER BY ordinal`,
      ),
      batchExists: prepare<{ present: number }>(
        'SELECT EXISTS (SELECT 1 FROM decisions WHERE document_id = ? AND batch_id = ?) AS present',
      ),
      // Only the findings the batch still decides: a later decision by hand stands.
      insertUndo: prepare(
        `INSERT INTO decisions (document_id, finding_id, decision, text, editor, batch_id, decided_at)
         SELECT document_id, finding_id, 'reset', NULL, @editor, @batch, @decidedAt
         FROM finding_statuses
         WHERE document_id = @documentId AND decision_batch = @batch AND status <> 'pending'
         ORDER BY ordinal`,
      ),
      history: prepare<HistoryEntry>(
        `SELECT id, finding_id AS findingId, decision, text, editor, batch_id AS batch, decided_at AS decidedAt
         FROM decisions WHERE document_id = ? ORDER BY id`,
      ),
      decided: prepare<{ finding_id: string; status: FindingStatus; decision_text: string | null }>(
        `SELECT finding_id, status, decision_text FROM finding_statuses
         WHERE document_id = ? AND status IN ('accepted', 'edited')`,
      ),
    };

    this.importTransaction = db.transaction(this.insertDocument.bind(this));
    this.decideTransaction = db.transaction(this.insertDecision.bind(this));
    this.batchTransaction = db.transaction(this.insertBatch.bind(this));
    this.undoTransaction = db.transaction(this.insertUndo.bind(this));
  }

  importDocument(title: string, text: string): DocumentSummary {
    // The analysis runs outside the transaction: it is pure and may take a while.
    const analysis = analyse(text);
    const id = this.importTransaction.immediate(
      title,
      text,
      analysis.length,
      analysis.headings,
      analysis.findings,
    );
    return this.summarise(id)!;
  }

  listDocuments(): DocumentSummary[] {
    const counts = groupCounts(this.statements.allCounts.all());
    return this.statements.documents.all().map((document) => withCounts(document, counts.get(document.id)));
  }

  hasDocuments(): boolean {
    return this.statements.anyDocument.get()!.present === 1;
  }

  hasHadDocuments(): boolean {
    return this.statements.everAnyDocument.get()!.present === 1;
  }

  getDocument(id: number): DocumentRecord | undefined {
    return this.statements.document.get(id);
  }

  summarise(id: number): DocumentSummary | undefined {
    const document = this.getDocument(id);
    if (!document) return undefined;
    return withCounts(document, groupCounts(this.statements.countsOf.all(id)).get(id));
  }

  getSource(id: number): DocumentSource | undefined {
    const row = this.statements.source.get(id);
    return row && { text: row.text, headings: JSON.parse(row.headings) as Heading[] };
  }

  deleteDocument(id: number): boolean {
    return this.statements.deleteDocument.run(id).changes > 0;
  }

  findings(documentId: number, query: FindingQuery = {}): FindingPage {
    const filter = filterOf(documentId, query);
    const total = this.statements.countFindings.get(filter)!.total;
    const rows = this.statements.findings.all({
      ...filter,
      offset: query.offset ?? 0,
      limit: query.limit ?? -1,
    });
    return { total, findings: rows.map(toFinding) };
  }

  finding(documentId: number, findingId: string): ReviewedFinding | undefined {
    const row = this.statements.finding.get(documentId, findingId);
    return row && toFinding(row);
  }

  placeInKind(documentId: number, findingId: string): number {
    return this.statements.placeInKind.get({ documentId, findingId })!.place;
  }

  decide(
    documentId: number,
    findingId: string,
    decision: DecisionKind,
    text?: string,
    editor?: string,
  ): ReviewedFinding | undefined {
    if ((decision === 'edit') !== (text !== undefined)) {
      throw new Error(`a decision '${decision}' ${decision === 'edit' ? 'needs' : 'takes no'} text`);
    }
    return this.decideTransaction.immediate(documentId, findingId, decision, text ?? null, editor ?? null);
  }

  decideMany(documentId: number, query: BatchQuery): BatchOutcome {
    return this.batchTransaction.immediate(documentId, query);
  }

  undoBatch(documentId: number, batch: string, editor?: string): { count: number } | undefined {
    return this.undoTransaction.immediate(documentId, batch, editor ?? null);
  }

  history(documentId: number): HistoryEntry[] {
    return this.statements.history.all(documentId);
  }

  decisionsOf(documentId: number): Decisions {
    const decisions = new Map<string, Decision>();
    for (const row of this.statements.decided.all(documentId)) {
      decisions.set(
        row.finding_id,
        row.status === 'edited'
          ? { status: 'edited', text: row.decision_text ?? '' }
          : { status: 'accepted' },
      );
    }
    return decisions;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // The bodies of the transactions.

  private insertDocument(
    title: string,
    text: string,
    length: number,
    headings: readonly Heading[],
    findings: ReturnType<typeof analyse>['findings'],
  ): number {
    const { lastInsertRowid } = this.statements.insertDocument.run({
      title,
      text,
      length,
      headings: JSON.stringify(headings.map(({ start, end }) => ({ start, end }))),
      createdAt: new Date().toISOString(),
    });
    const documentId = Number(lastInsertRowid);
    findings.forEach((finding, ordinal) => {
      this.statements.insertFinding.run({
        documentId,
        findingId: finding.id,
        ordinal,
        kind: finding.kind,
        start: finding.start,
        end: finding.end,
        line: finding.line,
        column: finding.column,
        text: finding.text,
        replacement: finding.replacement,
        confidence: finding.confidence,
        message: finding.message,
        page: finding.page ?? null,
        footnote: finding.footnote ? JSON.stringify(finding.footnote) : null,
        footnoteId: finding.footnoteId ?? null,
      });
    });
    return documentId;
  }

  private insertDecision(
    documentId: number,
    findingId: string,
    decision: DecisionKind,
    text: string | null,
    editor: string | null,
  ): ReviewedFinding | undefined {
    if (!this.statements.finding.get(documentId, findingId)) return undefined;
    this.statements.insertDecision.run({
      documentId,
      findingId,
      decision,
      text,
      editor,
      decidedAt: new Date().toISOString(),
    });
    return this.finding(documentId, findingId);
  }

  private insertBatch(documentId: number, query: BatchQuery): BatchOutcome {
    const batch = randomUUID();
    const { changes } = this.statements.insertBatch.run({
      ...filterOf(documentId, { kind: query.kind, status: 'pending', minConfidence: query.minConfidence }),
      decision: query.decision,
      editor: query.editor ?? null,
      batch,
      decidedAt: new Date().toISOString(),
    });
    return { count: changes, batch: changes > 0 ? batch : null };
  }

  private insertUndo(
    documentId: number,
    batch: string,
    editor: string | null,
  ): { count: number } | undefined {
    if (this.statements.batchExists.get(documentId, batch)!.present !== 1) return undefined;
    const { changes } = this.statements.insertUndo.run({
      documentId,
      batch,
      editor,
      decidedAt: new Date().toISOString(),
    });
    return { count: changes };
  }
}

function filterOf(documentId: number, query: FindingQuery): FindingFilter {
  return {
    documentId,
    kind: query.kind ?? null,
    status: query.status ?? null,
    minConfidence: query.minConfidence ?? null,
  };
}

function toFinding(row: FindingRow): ReviewedFinding {
  const finding: ReviewedFinding = {
    id: row.finding_id,
    kind: row.kind as Kind,
    start: row.start,
    end: row.end,
    line: row.line,
    column: row.column,
    text: row.text,
    replacement: row.replacement,
    confidence: row.confidence,
    message: row.message,
    documentId: row.document_id,
    status: row.status,
    decisionText: row.decision_text,
  };
  if (row.page !== null) finding.page = row.page;
  if (row.footnote !== null) finding.footnote = JSON.parse(row.footnote) as FootnoteBody;
  if (row.footnote_id !== null) finding.footnoteId = row.footnote_id;
  return finding;
}

function emptyStatusCounts(): StatusCounts {
  return { pending: 0, accepted: 0, rejected: 0, edited: 0 };
}

/** Count rows grouped by document. */
function groupCounts(rows: readonly CountRow[]): Map<number, CountRow[]> {
  const byDocument = new Map<number, CountRow[]>();
  for (const row of rows) {
    const list = byDocument.get(row.documentId);
    if (list) list.push(row);
    else byDocument.set(row.documentId, [row]);
  }
  return byDocument;
}

function withCounts(document: DocumentRecord, rows: readonly CountRow[] = []): DocumentSummary {
  const byStatus = emptyStatusCounts();
  const byKind: Partial<Record<Kind, FindingCounts>> = {};
  let total = 0;
  for (const { kind, status, count } of rows) {
    total += count;
    byStatus[status] += count;
    const counts = (byKind[kind] ??= { total: 0, ...emptyStatusCounts() });
    counts.total += count;
    counts[status] += count;
  }
  return { ...document, findings: total, byStatus, byKind: inKindOrder(byKind) };
}

/** The kinds in their documented order (KINDS), whatever order SQLite grouped them in. */
function inKindOrder<Value>(record: Partial<Record<Kind, Value>>): Partial<Record<Kind, Value>> {
  const ordered: Partial<Record<Kind, Value>> = {};
  for (const kind of KINDS) if (record[kind] !== undefined) ordered[kind] = record[kind];
  return ordered;
}
