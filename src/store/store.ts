/**
 * The SQLite store: every statement is prepared once here, and every change is one
 * transaction (a document with all its findings, one decision, one batch, one undo). Statuses
 * come from the `finding_statuses` view (migrations.ts), never from a stored column.
 */

import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { analyse, type Decision, type Decisions, type Heading } from '../analyser';
import { GroupCommit } from './group-commit';
import { migrate } from './migrations';
import { openDatabase, type Connection } from './open-database';
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
  FindingPage,
  FindingQuery,
  FindingStatus,
  HistoryEntry,
  ReanalysisOutcome,
  ReviewedFinding,
  Store,
} from './types';
import { VersionConflict } from './version-conflict';

/** The status a decision gives its finding (the `finding_statuses` view says the same in SQL). */
const STATUS_AFTER: Record<DecisionInput['decision'], FindingStatus> = {
  accept: 'accepted',
  reject: 'rejected',
  edit: 'edited',
  reset: 'pending',
};

/** Opens (creating and migrating as needed) the store in `file`; `:memory:` for a throwaway one. */
export function openStore(file: string, analyser: Analyser = analyse): SqliteStore {
  const db = openDatabase(file);
  try {
    migrate(db);
    return new SqliteStore(db, analyser);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The filters of findings() and decideMany(), bound by name; null means "any". */
interface FindingFilter {
  documentId: number;
  kind: string | null;
  /** A JSON array of kinds. */
  kinds: string | null;
  status: string | null;
  minConfidence: number | null;
}

const MATCHING = `
  document_id = @documentId
  AND (@kind IS NULL OR kind = @kind)
  AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
  AND (@status IS NULL OR status = @status)
  AND (@minConfidence IS NULL OR confidence >= @minConfidence)`;

const DOCUMENT_COLUMNS = 'id, title, analysed_length AS length, created_at AS createdAt';
const HISTORY_COLUMNS = `id, finding_id AS findingId, version, decision, text, editor, batch_id AS batch,
  decided_at AS decidedAt`;

type Findings = ReturnType<typeof analyse>['findings'];

export class SqliteStore implements Store {
  private readonly statements;
  private readonly importTransaction;
  private readonly firstImportTransaction;
  private readonly decideTransaction;
  private readonly batchTransaction;
  private readonly undoTransaction;
  private readonly reanalyseTransaction;
  private readonly importDecisionsTransaction;
  private readonly groupCommit: GroupCommit;

  constructor(
    private readonly db: Connection,
    private readonly analyser: Analyser = analyse,
  ) {
    const prepare = <Row>(sql: string): Statement<unknown[], Row> => db.prepare<unknown[], Row>(sql);
    this.statements = {
      insertDocument: prepare(
        `INSERT INTO documents (title, text, analysed_length, headings, created_at)
         VALUES (@title, @text, @length, @headings, @createdAt)`,
      ),
      updateAnalysis: prepare(
        'UPDATE documents SET analysed_length = @length, headings = @headings WHERE id = @id',
      ),
      insertFinding: prepare(
        `INSERT INTO findings (document_id, finding_id, ordinal, kind, start, "end", line, "column", text,
           replacement, confidence, message, page, footnote, footnote_id)
         VALUES (@documentId, @findingId, @ordinal, @kind, @start, @end, @line, @column, @text,
           @replacement, @confidence, @message, @page, @footnote, @footnoteId)`,
      ),
      deleteFindings: prepare('DELETE FROM findings WHERE document_id = ?'),
      findingIds: prepare<{ finding_id: string }>('SELECT finding_id FROM findings WHERE document_id = ?'),
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
      latestVersion: prepare<{ version: number }>(
        `SELECT coalesce(max(version), 0) AS version FROM decisions WHERE document_id = ? AND finding_id = ?`,
      ),
      insertDecision: prepare(
        `INSERT INTO decisions (document_id, finding_id, version, decision, text, editor, batch_id, decided_at)
         VALUES (@documentId, @findingId, @version, @decision, @text, @editor, @batch, @decidedAt)`,
      ),
      // A batch accept leaves out flag-only findings: accepting one changes nothing, and each
      // needs an editor's own look.
      insertBatch: prepare(
        `INSERT INTO decisions (document_id, finding_id, version, decision, text, editor, batch_id, decided_at)
         SELECT document_id, finding_id, version + 1, @decision, NULL, @editor, @batch, @decidedAt
         FROM finding_statuses
         WHERE ${MATCHING} AND (@decision <> 'accept' OR replacement IS NOT NULL)
         ORDER BY ordinal`,
      ),
      batchExists: prepare<{ present: number }>(
        'SELECT EXISTS (SELECT 1 FROM decisions WHERE document_id = ? AND batch_id = ?) AS present',
      ),
      // Only the findings the batch still decides: a later decision by hand stands.
      insertUndo: prepare(
        `INSERT INTO decisions (document_id, finding_id, version, decision, text, editor, batch_id, decided_at)
         SELECT document_id, finding_id, version + 1, 'reset', NULL, @editor, @batch, @decidedAt
         FROM finding_statuses
         WHERE document_id = @documentId AND decision_batch = @batch AND status <> 'pending'
         ORDER BY ordinal`,
      ),
      history: prepare<HistoryEntry>(
        `SELECT ${HISTORY_COLUMNS} FROM decisions WHERE document_id = ? ORDER BY id`,
      ),
      orphaned: prepare<HistoryEntry>(
        `SELECT ${HISTORY_COLUMNS} FROM decisions AS d WHERE document_id = ?
           AND NOT EXISTS (SELECT 1 FROM findings AS f
             WHERE f.document_id = d.document_id AND f.finding_id = d.finding_id)
         ORDER BY id`,
      ),
      sameDecision: prepare<{ present: number }>(
        `SELECT EXISTS (SELECT 1 FROM decisions WHERE document_id = @documentId AND finding_id = @findingId
           AND decision = @decision AND text IS @text AND editor IS @editor AND batch_id IS @batch
           AND decided_at = @decidedAt) AS present`,
      ),
      decided: prepare<{ finding_id: string; status: FindingStatus; decision_text: string | null }>(
        `SELECT finding_id, status, decision_text FROM finding_statuses
         WHERE document_id = ? AND status IN ('accepted', 'edited')`,
      ),
      // A finding's versions run 1, 2, … n with no gap and no repeat (the unique index forbids repeats).
      versionGaps: prepare<{ documentId: number; findingId: string; versions: number; decisions: number }>(
        `SELECT document_id AS documentId, finding_id AS findingId, max(version) AS versions, count(*) AS decisions
         FROM decisions GROUP BY document_id, finding_id HAVING max(version) <> count(*)`,
      ),
    };

    this.importTransaction = db.transaction(this.insertDocument.bind(this));
    this.firstImportTransaction = db.transaction(this.insertFirstDocument.bind(this));
    this.decideTransaction = db.transaction(this.insertDecision.bind(this));
    this.batchTransaction = db.transaction(this.insertBatch.bind(this));
    this.undoTransaction = db.transaction(this.insertUndo.bind(this));
    this.reanalyseTransaction = db.transaction(this.replaceFindings.bind(this));
    this.importDecisionsTransaction = db.transaction(this.appendDecisions.bind(this));
    this.groupCommit = new GroupCommit(db);
  }

  async importDocument(title: string, text: string): Promise<DocumentSummary> {
    // The analysis runs outside the transaction: it is pure and may take a while.
    const analysis = await this.analyser(text);
    const id = this.importTransaction.immediate(
      title,
      text,
      analysis.length,
      analysis.headings,
      analysis.findings,
    );
    return (await this.summarise(id))!;
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const counts = groupCounts(this.statements.allCounts.all());
    return this.statements.documents.all().map((document) => withCounts(document, counts.get(document.id)));
  }

  async hasDocuments(): Promise<boolean> {
    return this.statements.anyDocument.get()!.present === 1;
  }

  async hasHadDocuments(): Promise<boolean> {
    return this.statements.everAnyDocument.get()!.present === 1;
  }

  async importFirstDocument(title: string, readText: () => string): Promise<DocumentSummary | undefined> {
    if (this.statements.everAnyDocument.get()!.present === 1) return undefined;
    // Analysed before the transaction (it may run in a worker); IMMEDIATE: a second process
    // starting on the same file waits there, then finds the document and writes nothing.
    const text = readText();
    const analysis = await this.analyser(text);
    const id = this.firstImportTransaction.immediate(title, text, analysis);
    return id === undefined ? undefined : this.summarise(id);
  }

  async getDocument(id: number): Promise<DocumentRecord | undefined> {
    return this.statements.document.get(id);
  }

  async summarise(id: number): Promise<DocumentSummary | undefined> {
    const document = this.statements.document.get(id);
    if (!document) return undefined;
    return withCounts(document, groupCounts(this.statements.countsOf.all(id)).get(id));
  }

  async getSource(id: number): Promise<DocumentSource | undefined> {
    const row = this.statements.source.get(id);
    return row && { text: row.text, headings: JSON.parse(row.headings) as Heading[] };
  }

  async deleteDocument(id: number): Promise<boolean> {
    return this.statements.deleteDocument.run(id).changes > 0;
  }

  async findings(documentId: number, query: FindingQuery = {}): Promise<FindingPage> {
    const filter = filterOf(documentId, query);
    const total = this.statements.countFindings.get(filter)!.total;
    const rows = this.statements.findings.all({
      ...filter,
      offset: query.offset ?? 0,
      limit: query.limit ?? -1,
    });
    return { total, findings: rows.map(toFinding) };
  }

  async finding(documentId: number, findingId: string): Promise<ReviewedFinding | undefined> {
    const row = this.statements.finding.get(documentId, findingId);
    return row && toFinding(row);
  }

  async placeInKind(documentId: number, findingId: string): Promise<number> {
    return this.statements.placeInKind.get({ documentId, findingId })!.place;
  }

  async decide(
    documentId: number,
    findingId: string,
    input: DecisionInput,
  ): Promise<ReviewedFinding | undefined> {
    checkDecisionText(input);
    return this.groupCommit.run(() => this.decideTransaction(documentId, findingId, input));
  }

  async decideMany(documentId: number, query: BatchQuery): Promise<BatchOutcome> {
    return this.batchTransaction.immediate(documentId, query);
  }

  async undoBatch(
    documentId: number,
    batch: string,
    editor?: string,
  ): Promise<{ count: number } | undefined> {
    return this.undoTransaction.immediate(documentId, batch, editor ?? null);
  }

  async history(documentId: number): Promise<HistoryEntry[]> {
    return this.statements.history.all(documentId);
  }

  async orphanedDecisions(documentId: number): Promise<HistoryEntry[]> {
    return this.statements.orphaned.all(documentId);
  }

  async reanalyse(documentId: number): Promise<ReanalysisOutcome | undefined> {
    const source = this.statements.source.get(documentId);
    if (!source) return undefined;
    const analysis = await this.analyser(source.text);
    return this.reanalyseTransaction.immediate(
      documentId,
      analysis.length,
      analysis.headings,
      analysis.findings,
    );
  }

  async exportDecisions(documentId: number): Promise<DecisionsExport | undefined> {
    const document = this.statements.document.get(documentId);
    const source = this.statements.source.get(documentId);
    if (!document || !source) return undefined;
    return {
      format: 'galley-decisions',
      formatVersion: 1,
      document: { title: document.title, length: document.length, sha256: sha256(source.text) },
      decisions: this.statements.history.all(documentId).map(exportedDecision),
    };
  }

  async importDecisions(
    documentId: number,
    exported: DecisionsExport,
  ): Promise<DecisionsImportOutcome | undefined> {
    const source = this.statements.source.get(documentId);
    if (!source) return undefined;
    exported.decisions.forEach(checkDecisionText);
    const outcome = this.importDecisionsTransaction.immediate(documentId, exported);
    return { ...outcome, sameText: exported.document.sha256 === sha256(source.text) };
  }

  async checkIntegrity(): Promise<string[]> {
    const problems: string[] = [];
    for (const { integrity_check: result } of this.db.pragma('integrity_check') as {
      integrity_check: string;
    }[])
      if (result !== 'ok') problems.push(`SQLite integrity check: ${result}`);
    for (const row of this.db.pragma('foreign_key_check') as { table: string; rowid: number }[])
      problems.push(`row ${row.rowid} of ${row.table} names a missing parent`);
    for (const gap of this.statements.versionGaps.all())
      problems.push(
        `finding ${gap.findingId} of document ${gap.documentId} has ${gap.decisions} decisions but version ${gap.versions}`,
      );
    return problems;
  }

  async decisionsOf(documentId: number): Promise<Decisions> {
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

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.groupCommit.flush();
    this.db.close();
  }

  // The bodies of the transactions.

  private insertDocument(
    title: string,
    text: string,
    length: number,
    headings: readonly Heading[],
    findings: Findings,
  ): number {
    const { lastInsertRowid } = this.statements.insertDocument.run({
      title,
      text,
      length,
      headings: headingsJson(headings),
      createdAt: new Date().toISOString(),
    });
    const documentId = Number(lastInsertRowid);
    this.insertFindings(documentId, findings);
    return documentId;
  }

  private insertFirstDocument(title: string, text: string, analysis: AnalysisResult): number | undefined {
    if (this.statements.everAnyDocument.get()!.present === 1) return undefined;
    return this.insertDocument(title, text, analysis.length, analysis.headings, analysis.findings);
  }

  private insertFindings(documentId: number, findings: Findings): void {
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
  }

  private replaceFindings(
    documentId: number,
    length: number,
    headings: readonly Heading[],
    findings: Findings,
  ): ReanalysisOutcome {
    const before = new Set(this.statements.findingIds.all(documentId).map((row) => row.finding_id));
    const kept = findings.filter((finding) => before.has(finding.id)).length;
    this.statements.deleteFindings.run(documentId);
    this.insertFindings(documentId, findings);
    this.statements.updateAnalysis.run({ id: documentId, length, headings: headingsJson(headings) });
    return {
      kept,
      added: findings.length - kept,
      removed: before.size - kept,
      orphaned: this.statements.orphaned.all(documentId),
    };
  }

  private insertDecision(
    documentId: number,
    findingId: string,
    input: DecisionInput,
  ): ReviewedFinding | undefined {
    const row = this.statements.finding.get(documentId, findingId);
    if (!row) return undefined;
    if (input.version !== undefined && input.version !== row.version)
      throw new VersionConflict(toFinding(row), input.version);
    this.statements.insertDecision.run({
      documentId,
      findingId,
      version: row.version + 1,
      decision: input.decision,
      text: input.text ?? null,
      editor: input.editor ?? null,
      batch: null,
      decidedAt: new Date().toISOString(),
    });
    // The finding as the new decision leaves it, without reading it again.
    return toFinding({
      ...row,
      status: STATUS_AFTER[input.decision],
      decision_text: input.decision === 'edit' ? input.text! : null,
      version: row.version + 1,
    });
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

  private appendDecisions(
    documentId: number,
    exported: DecisionsExport,
  ): Omit<DecisionsImportOutcome, 'sameText'> {
    const outcome = { imported: 0, alreadyPresent: 0, unmatched: [] as DecisionsExport['decisions'] };
    for (const entry of exported.decisions) {
      const row = { documentId, ...entry, text: entry.text ?? null, editor: entry.editor ?? null };
      if (!this.statements.finding.get(documentId, entry.findingId)) {
        outcome.unmatched.push(entry);
      } else if (this.statements.sameDecision.get(row)!.present === 1) {
        outcome.alreadyPresent += 1;
      } else {
        const { version } = this.statements.latestVersion.get(documentId, entry.findingId)!;
        this.statements.insertDecision.run({ ...row, version: version + 1 });
        outcome.imported += 1;
      }
    }
    return outcome;
  }
}

function filterOf(documentId: number, query: FindingQuery): FindingFilter {
  return {
    documentId,
    kind: query.kind ?? null,
    kinds: query.kinds === undefined ? null : JSON.stringify(query.kinds),
    status: query.status ?? null,
    minConfidence: query.minConfidence ?? null,
  };
}
