/**
 * What the store keeps and returns, as plain data. Offsets and finding fields are the
 * analyser's (src/analyser/types.ts); a finding's status is never stored: it is derived from
 * its latest decision.
 */

import type { Decisions, Finding, Heading, Kind } from '../analyser';

/** What an editor decided about one finding; `reset` returns it to pending. */
export const DECISION_KINDS = ['accept', 'reject', 'edit', 'reset'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** A finding's status: its latest decision's, `pending` when it has none or after `reset`. */
export const FINDING_STATUSES = ['pending', 'accepted', 'rejected', 'edited'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface DocumentRecord {
  id: number;
  title: string;
  /** Length of the analysed text in UTF-16 code units. */
  length: number;
  /** ISO 8601, UTC. */
  createdAt: string;
}

/** What an edition is rendered from: the text exactly as imported, and its headings. */
export interface DocumentSource {
  text: string;
  headings: Heading[];
}

export type StatusCounts = Record<FindingStatus, number>;

export interface FindingCounts extends StatusCounts {
  total: number;
}

export interface DocumentSummary extends DocumentRecord {
  /** How many findings the document has. */
  findings: number;
  byStatus: StatusCounts;
  /** Only the kinds the document has. */
  byKind: Partial<Record<Kind, FindingCounts>>;
}

/** A stored finding (its `id` is the analyser's) with the state of its review. */
export interface ReviewedFinding extends Finding {
  documentId: number;
  status: FindingStatus;
  /** The editor's text when the status is `edited`, otherwise null. */
  decisionText: string | null;
}

export interface FindingQuery {
  kind?: Kind;
  status?: FindingStatus;
  minConfidence?: number;
  /** How many to skip, in analysis order (0 when absent). */
  offset?: number;
  /** At most this many (all when absent). */
  limit?: number;
}

export interface FindingPage {
  /** How many findings match the query, before offset and limit. */
  total: number;
  findings: ReviewedFinding[];
}

/** A decision for every pending finding that matches. */
export interface BatchQuery {
  /** A batch only accepts or rejects: an edit needs its own text, a reset is an undo. */
  decision: 'accept' | 'reject';
  kind?: Kind;
  minConfidence?: number;
  editor?: string;
}

export interface BatchOutcome {
  count: number;
  /** The batch's id, for undo; null when nothing matched. */
  batch: string | null;
}

/** One row of the history. */
export interface HistoryEntry {
  id: number;
  /** The analyser's id of the finding. */
  findingId: string;
  decision: DecisionKind;
  /** The editor's text for `edit`, otherwise null. */
  text: string | null;
  editor: string | null;
  /** The batch the decision belongs to (a reset with a batch is that batch's undo). */
  batch: string | null;
  /** ISO 8601, UTC. */
  decidedAt: string;
}

export interface Store {
  /** Analyses the text and stores it with its findings, in one transaction. */
  importDocument(title: string, text: string): DocumentSummary;
  /** Every document, oldest first, with its counts. */
  listDocuments(): DocumentSummary[];
  hasDocuments(): boolean;
  /** Whether a document was ever imported, even if deleted since: false only for a new database. */
  hasHadDocuments(): boolean;
  getDocument(id: number): DocumentRecord | undefined;
  summarise(id: number): DocumentSummary | undefined;
  getSource(id: number): DocumentSource | undefined;
  /** Removes the document, its findings and their history. False when there was none. */
  deleteDocument(id: number): boolean;
  /** The matching findings, in analysis order. */
  findings(documentId: number, query?: FindingQuery): FindingPage;
  finding(documentId: number, findingId: string): ReviewedFinding | undefined;
  /** How many findings of the same kind come before this one in analysis order (0 for none). */
  placeInKind(documentId: number, findingId: string): number;
  /** Records one decision; `text` is required for `edit` and refused otherwise. Undefined when there is no such finding. */
  decide(
    documentId: number,
    findingId: string,
    decision: DecisionKind,
    text?: string,
    editor?: string,
  ): ReviewedFinding | undefined;
  /** The same decision for every pending finding that matches (accept: only those with a replacement), one transaction, one batch id. */
  decideMany(documentId: number, query: BatchQuery): BatchOutcome;
  /**
   * Resets every finding whose latest decision is still the batch's, in one transaction.
   * Undefined when the document has no such batch.
   */
  undoBatch(documentId: number, batch: string, editor?: string): { count: number } | undefined;
  /** Every decision about the document's findings, oldest first. */
  history(documentId: number): HistoryEntry[];
  /** The accepted and edited findings, as renderEdition takes them. */
  decisionsOf(documentId: number): Decisions;
  close(): void;
}
