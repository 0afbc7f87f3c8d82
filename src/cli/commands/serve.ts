/**
 * `galley serve`: the review web app, until SIGINT or SIGTERM. The database is the PostgreSQL
 * database GALLEY_DATABASE_URL names (a team's, which several servers may share), else the
 * SQLite file `--db`, else GALLEY_DB, else ./data/galley.db. The token, when the app is for a
 * team, is GALLEY_TOKEN; it and the URL (which holds a password) are environment variables,
 * never options: options show in `ps`. The web app is loaded only here, so that `analyse` and
 * `clean` start without Express, SQLite or PostgreSQL.
 */

import path from 'node:path';
import type { CliIo } from '../io';
import { analysisMemoryMb } from '../options';
import { UsageError } from '../usage-error';

export interface ServeCommandOptions {
  port: number;
  host: string;
  db?: string;
  maxBytes: number;
}

export const DEFAULT_DATABASE = path.join('data', 'galley.db');

export async function serveCommand(
  options: ServeCommandOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
  /** Resolves when the server should stop: SIGINT or SIGTERM unless a test says otherwise. */
  stopped?: Promise<unknown>,
): Promise<void> {
  const { StartError, startServer } = await import('../../web/server');
  const { describeLocation, isPostgresUrl } = await import('../../store');
  const database = databaseOf(options.db, env, isPostgresUrl);
  const token = env.GALLEY_TOKEN || undefined;
  let server;
  try {
    server = await startServer({
      host: options.host,
      port: options.port,
      database,
      token,
      maxBytes: options.maxBytes,
      analysisMemoryMb: analysisMemoryMb(env),
    });
  } catch (error) {
    if (error instanceof StartError) throw new UsageError(error.message);
    throw error;
  }
  if (server.seeded) io.stdout('Imported the seed sample into the new database.\n');
  io.stdout(`Galley is serving ${server.url}/ (database ${describeLocation(database)}); Ctrl-C stops it.\n`);
  await (stopped ?? stopSignal());
  await server.close();
}

/** GALLEY_DATABASE_URL for PostgreSQL, or a SQLite file; naming both is a mistake to point out, not to guess at. */
function databaseOf(
  db: string | undefined,
  env: NodeJS.ProcessEnv,
  isPostgresUrl: (location: string) => boolean,
): string {
  const url = env.GALLEY_DATABASE_URL || undefined;
  if (db !== undefined && isPostgresUrl(db))
    throw new UsageError(
      '--db takes a SQLite file: put a PostgreSQL URL in GALLEY_DATABASE_URL (options show in ps)',
    );
  if (env.GALLEY_DB && isPostgresUrl(env.GALLEY_DB))
    throw new UsageError('GALLEY_DB names a SQLite file: put a PostgreSQL URL in GALLEY_DATABASE_URL');
  if (url === undefined) return db ?? (env.GALLEY_DB || DEFAULT_DATABASE);
  if (!isPostgresUrl(url))
    throw new UsageError('GALLEY_DATABASE_URL must be a postgres:// or postgresql:// URL');
  if (db !== undefined || env.GALLEY_DB)
    throw new UsageError(
      `GALLEY_DATABASE_URL names a PostgreSQL database and ${db !== undefined ? '--db' : 'GALLEY_DB'} a SQLite file: choose one`,
    );
  return url;
}

function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}
