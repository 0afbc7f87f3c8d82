/** The store: one interface, SQLite (embedded, the default) or PostgreSQL behind it. Re-exports only. */

export { openStore, SqliteStore } from './store';
export { openPostgresStore, PostgresStore } from './postgres-store';
export { isPostgresUrl, openStoreAt, describeLocation } from './open-store-at';
export { DECISION_KINDS, FINDING_STATUSES } from './types';
export { isStoreUnavailable } from './unavailable';
export { VersionConflict } from './version-conflict';
export type {
  Analyser,
  AnalysisResult,
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
