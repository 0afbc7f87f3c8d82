/** The store: one interface, SQLite behind it. Re-exports only. */

export { openStore, SqliteStore, type Analyser } from './store';
export { DECISION_KINDS, FINDING_STATUSES } from './types';
export { VersionConflict } from './version-conflict';
export type {
  BatchOutcome,
  BatchQuery,
  DecisionInput,
  DecisionKind,
  DecisionsExport,
  DecisionsImportOutcome,
  DocumentRecord,
  DocumentSource,
  DocumentSummary,
  ExportedDecision,
  FindingCounts,
  FindingPage,
  FindingQuery,
  FindingStatus,
  HistoryEntry,
  ReanalysisOutcome,
  ReviewedFinding,
  StatusCounts,
  Store,
} from './types';
