/**
 * What the store keeps and returns, as plain data. Offsets and finding fields are the
 * analyser's (src/analyser/types.ts); a finding's status is never stored: it is derived from
 * its latest decision.
 */

import type { Decisions, Finding, Heading, Kind, analyse } from '../analyser';

/** The analysis a store runs on import and re-analysis: the analyser's, or a test's stand-in. */
export type AnalysisResult = Pick<ReturnType<typeof analyse>, 'length' | 'headings' | 'findings'>;

/** The analysis a store runs on import and re-analysis: the analyser's, one in a worker with a memory cap, or a test's stand-in. */
export type Analyser = (text: string) => AnalysisResult | Promise<AnalysisResult>;

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
  /** How many decisions it has had: a decision made on an older version is a conflict. */
  version: number;
}

/** One editor's decision about one finding. */
export interface DecisionInput {
  decision: DecisionKind;
  /** Required for `edit`, refused otherwise. */
  text?: string;
  editor?: string;
  /**
   * The finding's version the editor decided on. When given and the finding has had another
   * decision since, nothing is written and `decide` throws a VersionConflict.
   */
  version?: number;
}

export interface FindingQuery {
  kind?: Kind;
  /** Any of these kinds (with `kind` too: both must hold). */
  kinds?: readonly Kind[];
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
  /** The finding's version this decision made (1 for its first decision). */
  version: number;
  decision: DecisionKind;
  /** The editor's text for `edit`, otherwise null. */
  text: string | null;
  editor: string | null;
  /** The batch the decision belongs to (a reset with a batch is that batch's undo). */
  batch: string | null;
  /** ISO 8601, UTC. */
  decidedAt: string;
}

/** What re-analysing a document did: findings matched by their stable ids. */
export interface ReanalysisOutcome {
  /** Findings the new analysis found again: their decisions stand. */
  kept: number;
  added: number;
  /** Findings the new analysis no longer makes. */
  removed: number;
  /** The decisions about removed findings: kept in the history, listed here, never dropped. */
  orphaned: HistoryEntry[];
}

/** A document's decisions as a file: for backups and for moving work between databases. */
export interface DecisionsExport {
  format: 'galley-decisions';
  formatVersion: 1;
  document: { title: string; length: number; sha256: string };
  /** The history, oldest first, without the database's own row ids. */
  decisions: ExportedDecision[];
}

export type ExportedDecision = Omit<HistoryEntry, 'id' | 'version'>;

export interface DecisionsImportOutcome {
  /** Decisions appended to the history. */
  imported: number;
  /** Decisions already in the history (same finding, decision, text, editor and time): skipped. */
  alreadyPresent: number;
  /** Decisions about findings this document does not have: not imported, listed. */
  unmatched: ExportedDecision[];
  /** False when the export was made from a different text (its checksum differs). */
  sameText: boolean;
}

/**
 * The store behind the review app: SQLite (embedded, the default) or PostgreSQL (a team's
 * shared database), with the same behaviour. Every change is one transaction.
 */
export interface Store {
  /** Analyses the text and stores it with its findings, in one transaction. */
  importDocument(title: string, text: string): Promise<DocumentSummary>;
  /** Every document, oldest first, with its counts. */
  listDocuments(): Promise<DocumentSummary[]>;
  hasDocuments(): Promise<boolean>;
  /** Whether a document was ever imported, even if deleted since: false only for a new database. */
  hasHadDocuments(): Promise<boolean>;
  /**
   * Imports the document only into a database that has never had one (the seed sample), and
   * at most once however many servers start on the database at the same moment. `readText` is
   * called only when the import happens. Undefined when the database has had a document.
   */
  importFirstDocument(title: string, readText: () => string): Promise<DocumentSummary | undefined>;
  getDocument(id: number): Promise<DocumentRecord | undefined>;
  summarise(id: number): Promise<DocumentSummary | undefined>;
  getSource(id: number): Promise<DocumentSource | undefined>;
  /** Removes the document, its findings and their history. False when there was none. */
  deleteDocument(id: number): Promise<boolean>;
  /** The matching findings, in analysis order. */
  findings(documentId: number, query?: FindingQuery): Promise<FindingPage>;
  finding(documentId: number, findingId: string): Promise<ReviewedFinding | undefined>;
  /** How many findings of the same kind come before this one in analysis order (0 for none). */
  placeInKind(documentId: number, findingId: string): Promise<number>;
  /**
   * Records one decision. Undefined when there is no such finding; a VersionConflict (nothing
   * written) when `input.version` is given and the finding has moved on.
   */
  decide(documentId: number, findingId: string, input: DecisionInput): Promise<ReviewedFinding | undefined>;
  /** The same decision for every pending finding that matches (accept: only those with a replacement), one transaction, one batch id. */
  decideMany(documentId: number, query: BatchQuery): Promise<BatchOutcome>;
  /**
   * Resets every finding whose latest decision is still the batch's, in one transaction.
   * Undefined when the document has no such batch.
   */
  undoBatch(documentId: number, batch: string, editor?: string): Promise<{ count: number } | undefined>;
  /** Every decision about the document's findings, oldest first (those of retired findings too). */
  history(documentId: number): Promise<HistoryEntry[]>;
  /** The decisions about findings the document's latest analysis no longer has, oldest first. */
  orphanedDecisions(documentId: number): Promise<HistoryEntry[]>;
  /**
   * Analyses the stored text again (after the analyser changed) and replaces the findings, in
   * one transaction; decisions follow their findings by stable id. Undefined for no document.
   */
  reanalyse(documentId: number): Promise<ReanalysisOutcome | undefined>;
  exportDecisions(documentId: number): Promise<DecisionsExport | undefined>;
  /** Appends the export's decisions about findings this document has, in one transaction. */
  importDecisions(documentId: number, exported: DecisionsExport): Promise<DecisionsImportOutcome | undefined>;
  /** What is wrong with the stored data (database checks, statuses against the history): empty when sound. */
  checkIntegrity(): Promise<string[]>;
  /** The accepted and edited findings, as renderEdition takes them. */
  decisionsOf(documentId: number): Promise<Decisions>;
  close(): Promise<void>;
}
