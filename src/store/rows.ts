/**
 * What both stores share (SQLite and PostgreSQL): the shape of a row of `finding_statuses`, how
 * rows become the store's records, and the rules a decision obeys before any SQL runs. The two
 * schemas differ; what they answer does not.
 */

import { createHash } from 'node:crypto';
import { KINDS, type FootnoteBody, type Heading, type Kind } from '../analyser';
import type {
  DocumentSummary,
  DocumentRecord,
  ExportedDecision,
  FindingCounts,
  FindingStatus,
  HistoryEntry,
  ReviewedFinding,
  StatusCounts,
} from './types';

/** A row of the `finding_statuses` view, in either database. */
export interface FindingRow {
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
  /** JSON text (SQLite), or already parsed (a PostgreSQL `json` column). */
  footnote: string | FootnoteBody | null;
  footnote_id: string | null;
  status: FindingStatus;
  decision_text: string | null;
  version: number;
}

/** How many findings of one kind have one status. */
export interface CountRow {
  documentId: number;
  kind: Kind;
  status: FindingStatus;
  count: number;
}

export function toFinding(row: FindingRow): ReviewedFinding {
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
    version: row.version,
  };
  if (row.page !== null) finding.page = row.page;
  if (row.footnote !== null)
    finding.footnote =
      typeof row.footnote === 'string' ? (JSON.parse(row.footnote) as FootnoteBody) : row.footnote;
  if (row.footnote_id !== null) finding.footnoteId = row.footnote_id;
  return finding;
}

/** An edit needs its text; nothing else takes one. */
export function checkDecisionText({ decision, text }: { decision: string; text?: string | null }): void {
  if ((decision === 'edit') !== (text !== undefined && text !== null)) {
    throw new Error(`a decision '${decision}' ${decision === 'edit' ? 'needs' : 'takes no'} text`);
  }
}

/** A history entry without what only this database means: its row id and the finding's version. */
export function exportedDecision(entry: HistoryEntry): ExportedDecision {
  const { findingId, decision, text, editor, batch, decidedAt } = entry;
  return { findingId, decision, text, editor, batch, decidedAt };
}

/** What an edition needs of the headings: their ranges, as JSON. */
export function headingsJson(headings: readonly Heading[]): string {
  return JSON.stringify(headings.map(({ start, end }) => ({ start, end })));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Count rows grouped by document. */
export function groupCounts(rows: readonly CountRow[]): Map<number, CountRow[]> {
  const byDocument = new Map<number, CountRow[]>();
  for (const row of rows) {
    const list = byDocument.get(row.documentId);
    if (list) list.push(row);
    else byDocument.set(row.documentId, [row]);
  }
  return byDocument;
}

export function withCounts(document: DocumentRecord, rows: readonly CountRow[] = []): DocumentSummary {
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

function emptyStatusCounts(): StatusCounts {
  return { pending: 0, accepted: 0, rejected: 0, edited: 0 };
}

/** The kinds in their documented order (KINDS), whatever order the database grouped them in. */
function inKindOrder<Value>(record: Partial<Record<Kind, Value>>): Partial<Record<Kind, Value>> {
  const ordered: Partial<Record<Kind, Value>> = {};
  for (const kind of KINDS) if (record[kind] !== undefined) ordered[kind] = record[kind];
  return ordered;
}
