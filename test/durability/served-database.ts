/**
 * A database as `galley serve` opens it (a SQLite file by `--db`, a PostgreSQL database by
 * GALLEY_DATABASE_URL) and as this process opens the same store beside it, for the tests that
 * run the built server: the durability, concurrency and load tests. A test's own database is
 * test/store/backends.ts's: a fresh SQLite file, or a PostgreSQL schema of its own when
 * GALLEY_TEST_DATABASE_URL is set.
 */

import { isPostgresUrl, openStoreAt, type Store } from '../../src/store';
import { webBackend, type TestDatabase } from '../store/backends';

export interface ServedDatabase {
  backend: 'sqlite' | 'postgresql';
  /** What `galley serve` needs to open it: options, and the whole environment of the child. */
  serveArguments: string[];
  serveEnvironment: NodeJS.ProcessEnv;
  /** The store on the same data, in this process. */
  openStore(): Promise<Store>;
  remove(): Promise<void>;
}

/** A fresh database for one test: SQLite, or PostgreSQL when GALLEY_TEST_DATABASE_URL is set. */
export async function testDatabase(): Promise<ServedDatabase> {
  return servedDatabase(await webBackend.create());
}

/** The database at the location (a SQLite file or a postgres:// URL) that `remove` leaves alone. */
export function existingDatabase(location: string): ServedDatabase {
  return servedDatabase({ location, open: () => openStoreAt(location), remove: async () => undefined });
}

export function servedDatabase(database: Pick<TestDatabase, 'location' | 'open' | 'remove'>): ServedDatabase {
  const postgres = isPostgresUrl(database.location);
  return {
    backend: postgres ? 'postgresql' : 'sqlite',
    serveArguments: postgres ? [] : ['--db', database.location],
    serveEnvironment: serveEnvironment(postgres ? { GALLEY_DATABASE_URL: database.location } : {}),
    openStore: () => database.open(),
    remove: () => database.remove(),
  };
}

/** The environment of a child server: no token, and no database but the one given. */
function serveEnvironment(database: { GALLEY_DATABASE_URL?: string }): NodeJS.ProcessEnv {
  const environment = { ...process.env };
  delete environment.GALLEY_TOKEN;
  delete environment.GALLEY_DB;
  delete environment.GALLEY_DATABASE_URL;
  return { ...environment, ...database };
}
