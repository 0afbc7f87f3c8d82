/**
 * The databases the store tests run on: SQLite always; PostgreSQL too when
 * GALLEY_TEST_DATABASE_URL names a database the tests may create schemas in, e.g.
 * `GALLEY_TEST_DATABASE_URL=postgres://galley:secret@127.0.0.1/galley_test npm test`. Each test
 * gets a fresh, empty database: a SQLite file in a temporary folder, or a PostgreSQL schema of
 * its own (the store's connections reach it through `search_path`), dropped afterwards.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStoreAt, type Analyser, type Store } from '../../src/store';
import { MIGRATIONS } from '../../src/store/migrations';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres-migrations';

export const TEST_DATABASE_URL = process.env.GALLEY_TEST_DATABASE_URL || undefined;

/** One fresh database of a backend. */
export interface TestDatabase {
  /** What openStoreAt takes: a SQLite file, or a postgres:// URL that selects the test's schema. */
  location: string;
  open(analyser?: Analyser): Promise<Store>;
  /** Runs SQL beside the store, as someone with a database client would; answers the rows. */
  execute(sql: string): Promise<unknown[]>;
  remove(): Promise<void>;
}

export interface Backend {
  name: 'SQLite' | 'PostgreSQL';
  /** The versions a new database's schema_version lists. */
  schemaVersions: number[];
  create(): Promise<TestDatabase>;
}

export const sqlite: Backend = {
  name: 'SQLite',
  schemaVersions: MIGRATIONS.map((migration) => migration.version),
  create: async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-db-'));
    const file = path.join(folder, 'galley.db');
    return {
      location: file,
      open: (analyser) => openStoreAt(file, analyser),
      execute: async (sql) => {
        const db = new Database(file);
        try {
          const statement = db.prepare(sql);
          return statement.reader ? statement.all() : (statement.run(), []);
        } catch (error) {
          // better-sqlite3 makes its errors with the SqliteError of the first test file that
          // loaded it in this jest worker: another realm, which `rejects.toThrow` does not
          // recognise as an error. The message is what the tests read.
          throw new Error((error as { message?: string }).message ?? String(error));
        } finally {
          db.close();
        }
      },
      remove: async () => fs.rmSync(folder, { recursive: true, force: true }),
    };
  },
};

let schemasMade = 0;

export const postgres: Backend = {
  name: 'PostgreSQL',
  schemaVersions: POSTGRES_MIGRATIONS.map((migration) => migration.version),
  create: async () => {
    if (TEST_DATABASE_URL === undefined) throw new Error('GALLEY_TEST_DATABASE_URL is not set');
    const schema = `galley_test_${process.pid}_${++schemasMade}_${Date.now().toString(36)}`;
    await onServer(TEST_DATABASE_URL, `CREATE SCHEMA ${schema}`);
    const location = withSearchPath(TEST_DATABASE_URL, schema);
    return {
      location,
      open: (analyser) => openStoreAt(location, analyser),
      execute: (sql) => onServer(location, sql),
      remove: async () => {
        await onServer(TEST_DATABASE_URL, `DROP SCHEMA ${schema} CASCADE`);
      },
    };
  },
};

/** SQLite, and PostgreSQL when GALLEY_TEST_DATABASE_URL is set: for `describe.each`. */
export const backends: Backend[] = TEST_DATABASE_URL === undefined ? [sqlite] : [sqlite, postgres];

/** The backend of the web tests: PostgreSQL when GALLEY_TEST_DATABASE_URL is set, else SQLite. */
export const webBackend: Backend = TEST_DATABASE_URL === undefined ? sqlite : postgres;

/** The URL with `options=-c search_path=<schema>`: every connection of the store lands in the schema. */
export function withSearchPath(url: string, schema: string): string {
  const withPath = new URL(url);
  withPath.searchParams.set('options', `-c search_path=${schema}`);
  return withPath.toString();
}

/** One statement on a connection of its own, closed after it. */
async function onServer(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The id of the first finding of `kind` in a document (the tests' documents have one). */
export async function findingIdOf(store: Store, documentId: number, kind: string): Promise<string> {
  const finding = (await store.findings(documentId)).findings.find((candidate) => candidate.kind === kind);
  if (!finding) throw new Error(`no ${kind} finding`);
  return finding.id;
}
