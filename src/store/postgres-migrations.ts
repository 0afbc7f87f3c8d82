/**
 * The PostgreSQL schema, as numbered migrations applied in order, the same idea as the SQLite
 * ones (migrations.ts) with their own numbers: version 1 here is what SQLite reached in its
 * version 2. `schema_version` records each migration applied; a database written by a newer
 * Galley is refused rather than guessed at. Every pending migration runs in one transaction
 * that first takes an advisory lock, so that two servers starting at once on a new database do
 * not both migrate it: the second waits, then finds the work done. A migration is never edited
 * once released: a change is a new migration.
 *
 * Everything lives in the connection's current schema (`search_path`), so one database can
 * hold several Galleys, each in its own schema; the advisory locks are per schema too.
 */

import type { ClientBase } from 'pg';

interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents, their findings, and the append-only, versioned history of decisions',
    sql: `
      -- The source text exactly as decoded (BOM dropped, nothing else changed); the headings the
      -- analysis found, as JSON [{"start", "end"}], for Markdown editions. An identity column
      -- never gives a deleted document's id to another (public finding ids contain it).
      -- Times are ISO 8601 text, as the store writes them and as exports carry them: an
      -- imported decision must compare equal, character for character, to the one exported.
      CREATE TABLE documents (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        title text NOT NULL,
        text text NOT NULL,
        analysed_length integer NOT NULL,
        headings json NOT NULL,
        created_at text NOT NULL
      );

      -- One row, written by the first import's transaction and never deleted: whether the
      -- database ever had a document (the seed goes only into one that never had). Not the
      -- identity's sequence: a sequence moves on even when the import that called it fails.
      CREATE TABLE first_import (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        imported_at text NOT NULL
      );

      -- Findings as the analyser produced them; ordinal is their place in analysis order (by
      -- start, an enclosing finding before the ones inside it), which editions depend on.
      CREATE TABLE findings (
        document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        finding_id text NOT NULL,
        ordinal integer NOT NULL,
        kind text NOT NULL,
        start integer NOT NULL,
        "end" integer NOT NULL,
        line integer NOT NULL,
        "column" integer NOT NULL,
        text text NOT NULL,
        replacement text,
        confidence double precision NOT NULL,
        message text NOT NULL,
        page text,
        footnote json,
        footnote_id text,
        PRIMARY KEY (document_id, finding_id),
        CONSTRAINT findings_in_order UNIQUE (document_id, ordinal)
      );
      -- The review page filters by kind; a finding's place among its kind counts by it.
      CREATE INDEX findings_by_kind ON findings (document_id, kind, ordinal);

      -- Every decision ever made, never updated. version: the finding's count of decisions,
      -- this one included; unique per finding, so two editors who both saw version n cannot
      -- both write version n + 1 (the last guard: every write also locks the document's row).
      -- The history keeps only a link to the document: re-analysing a document may retire a
      -- finding, never its decisions. A batch's decisions share batch_id; undoing a batch
      -- appends 'reset' decisions that carry the same batch_id.
      CREATE TABLE decisions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        finding_id text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        decision text NOT NULL CHECK (decision IN ('accept', 'reject', 'edit', 'reset')),
        text text,
        editor text,
        batch_id text,
        decided_at text NOT NULL,
        CHECK ((decision = 'edit') = (text IS NOT NULL))
      );
      CREATE UNIQUE INDEX decisions_by_finding ON decisions (document_id, finding_id, version);
      CREATE INDEX decisions_by_batch ON decisions (document_id, batch_id) WHERE batch_id IS NOT NULL;

      CREATE FUNCTION decisions_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'decisions are append-only';
      END;
      $$;
      CREATE TRIGGER decisions_are_append_only BEFORE UPDATE ON decisions
      FOR EACH ROW EXECUTE FUNCTION decisions_are_append_only();

      -- Each finding with the status its latest decision gives it ('pending' with none, or after
      -- a reset), for an edit the editor's text, and its version (0 with no decision).
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
      LEFT JOIN LATERAL (
        SELECT latest.decision, latest.text, latest.batch_id, latest.version FROM decisions AS latest
        WHERE latest.document_id = f.document_id AND latest.finding_id = f.finding_id
        ORDER BY latest.version DESC
        LIMIT 1
      ) AS d ON true;
    `,
  },
];

export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1]!.version;

/**
 * The advisory locks Galley takes, per schema: `pg_advisory_xact_lock(purpose, hashtext(current_schema()))`.
 * A transaction-level lock is released by its commit or rollback, or when the connection dies.
 */
export const ADVISORY_LOCK = { migrate: 0x47616c01, firstImport: 0x47616c02 } as const;

export function advisoryLockSql(purpose: keyof typeof ADVISORY_LOCK): string {
  return `SELECT pg_advisory_xact_lock(${ADVISORY_LOCK[purpose]}, hashtext(current_schema()))`;
}

export interface MigrationOutcome {
  /** The version the database had when opened: 0 for a new database. */
  from: number;
  to: number;
}

/** Brings the schema to POSTGRES_SCHEMA_VERSION, all pending migrations in one transaction. */
export async function migratePostgres(client: ClientBase): Promise<MigrationOutcome> {
  await client.query('BEGIN');
  try {
    if (
      (await client.query<{ schema: string | null }>('SELECT current_schema() AS schema')).rows[0]?.schema ==
      null
    )
      throw new Error('the connection has no schema to create tables in: check its search_path');
    await client.query(advisoryLockSql('migrate'));
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL, applied_at text NOT NULL)',
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_version',
    );
    const from = rows[0]?.version ?? 0;
    if (from > POSTGRES_SCHEMA_VERSION) {
      throw new Error(
        `the database has schema version ${from}, newer than this Galley knows (${POSTGRES_SCHEMA_VERSION}): upgrade Galley`,
      );
    }
    for (const migration of POSTGRES_MIGRATIONS) {
      if (migration.version <= from) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)', [
        migration.version,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
    return { from, to: POSTGRES_SCHEMA_VERSION };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
