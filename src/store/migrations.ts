/**
 * The schema, as numbered migrations applied in order. `schema_version` records each one
 * applied; a database written by a newer Galley (a version this code does not know) is
 * refused rather than guessed at. A migration is never edited once released: a change is a
 * new migration.
 */

import type { Connection } from './open-database';

interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents, their findings, and the append-only history of decisions',
    sql: `
      -- The source text exactly as decoded (BOM dropped, nothing else changed); the headings the
      -- analysis found, as JSON [{"start", "end"}], for Markdown editions. AUTOINCREMENT: the id
      -- of a deleted document is never given to another (public finding ids contain it).
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        analysed_length INTEGER NOT NULL,
        headings TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Findings as the analyser produced them; ordinal is their place in analysis order (by
      -- start, an enclosing finding before the ones inside it), which editions depend on.
      CREATE TABLE findings (
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        finding_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        line INTEGER NOT NULL,
        "column" INTEGER NOT NULL,
        text TEXT NOT NULL,
        replacement TEXT,
        confidence REAL NOT NULL,
        message TEXT NOT NULL,
        page TEXT,
        footnote TEXT,
        footnote_id TEXT,
        PRIMARY KEY (document_id, finding_id)
      ) STRICT;
      CREATE UNIQUE INDEX findings_in_order ON findings (document_id, ordinal);

      -- Every decision ever made, never updated: a finding's status is its latest decision's.
      -- A batch's decisions share batch_id; undoing a batch appends 'reset' decisions that
      -- carry the same batch_id.
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL,
        finding_id TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'edit', 'reset')),
        text TEXT,
        editor TEXT,
        batch_id TEXT,
        decided_at TEXT NOT NULL,
        CHECK ((decision = 'edit') = (text IS NOT NULL)),
        FOREIGN KEY (document_id, finding_id) REFERENCES findings (document_id, finding_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX decisions_by_finding ON decisions (document_id, finding_id, id);
      CREATE INDEX decisions_by_batch ON decisions (document_id, batch_id) WHERE batch_id IS NOT NULL;
      CREATE TRIGGER decisions_are_append_only BEFORE UPDATE ON decisions
      BEGIN
        SELECT RAISE(ABORT, 'decisions are append-only');
      END;

      -- Each finding with the status its latest decision gives it ('pending' with none, or after
      -- a reset) and, for an edit, the editor's text.
      CREATE VIEW finding_statuses AS
      SELECT
        f.*,
        CASE d.decision
          WHEN 'accept' THEN 'accepted'
          WHEN 'reject' THEN 'rejected'
          WHEN 'edit' THEN 'edited'
          ELSE 'pending'
        END AS status,
        CASE d.decision WHEN 'edit' THEN d.text END AS decision_text,
        d.batch_id AS decision_batch
      FROM findings AS f
      LEFT JOIN decisions AS d ON d.id = (
        SELECT max(latest.id) FROM decisions AS latest
        WHERE latest.document_id = f.document_id AND latest.finding_id = f.finding_id
      );
    `,
  },
  {
    version: 2,
    description:
      'a version per finding (how many decisions it has had), and decisions that outlive their finding',
    sql: `
      -- version: the finding's count of decisions, this one included; unique per finding, so two
      -- editors who both saw version n cannot both write version n + 1. The history keeps only a
      -- link to the document: re-analysing a document may retire a finding, never its decisions.
      CREATE TABLE decisions_v2 (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        finding_id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject', 'edit', 'reset')),
        text TEXT,
        editor TEXT,
        batch_id TEXT,
        decided_at TEXT NOT NULL,
        CHECK ((decision = 'edit') = (text IS NOT NULL))
      ) STRICT;
      INSERT INTO decisions_v2
      SELECT id, document_id, finding_id,
        row_number() OVER (PARTITION BY document_id, finding_id ORDER BY id),
        decision, text, editor, batch_id, decided_at
      FROM decisions;
      DROP VIEW finding_statuses;
      DROP TABLE decisions;
      ALTER TABLE decisions_v2 RENAME TO decisions;
      CREATE UNIQUE INDEX decisions_by_finding ON decisions (document_id, finding_id, version);
      CREATE INDEX decisions_by_batch ON decisions (document_id, batch_id) WHERE batch_id IS NOT NULL;
      CREATE TRIGGER decisions_are_append_only BEFORE UPDATE ON decisions
      BEGIN
        SELECT RAISE(ABORT, 'decisions are append-only');
      END;

      CREATE VIEW finding_statuses AS
      SELECT
        f.*,
        CASE d.decision
          WHEN 'accept' THEN 'accepted'
          WHEN 'reject' THEN 'rejected'
          WHEN 'edit' THEN 'edited'
          ELSE 'pending'
        END AS status,
        CASE d.decision WHEN 'edit' THEN d.text END AS decision_text,
        d.batch_id AS decision_batch,
        coalesce(d.version, 0) AS version
      FROM findings AS f
      LEFT JOIN decisions AS d ON d.document_id = f.document_id AND d.finding_id = f.finding_id
        AND d.version = (
          SELECT max(latest.version) FROM decisions AS latest
          WHERE latest.document_id = f.document_id AND latest.finding_id = f.finding_id
        );
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export interface MigrationOutcome {
  /** The version the database had when opened: 0 for a new database. */
  from: number;
  to: number;
}

/** Brings the database to SCHEMA_VERSION, all pending migrations in one transaction. */
export function migrate(db: Connection): MigrationOutcome {
  const run = db.transaction((): MigrationOutcome => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL) STRICT',
    );
    const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as {
      version: number | null;
    };
    const from = row.version ?? 0;
    if (from > SCHEMA_VERSION) {
      throw new Error(
        `the database has schema version ${from}, newer than this Galley knows (${SCHEMA_VERSION}): upgrade Galley`,
      );
    }
    const record = db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)');
    for (const migration of MIGRATIONS) {
      if (migration.version <= from) continue;
      db.exec(migration.sql);
      record.run(migration.version, new Date().toISOString());
    }
    return { from, to: SCHEMA_VERSION };
  });
  // IMMEDIATE: two processes opening a new database at once do not both migrate it.
  return run.immediate();
}
