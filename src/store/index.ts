/** The store: SQLite behind one interface. Re-exports only. */

export { openStore, SqliteStore } from './store';
export { DECISION_KINDS, FINDING_STATUSES } from './types';
export type {
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
