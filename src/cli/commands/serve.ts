/**
 * `galley serve`: the review web app, until SIGINT or SIGTERM. The database is `--db`, else
 * GALLEY_DB, else ./data/galley.db; the token, when the app is for a team, is GALLEY_TOKEN
 * (an environment variable, never an option: options show in `ps`). The web app is loaded
 * only here, so that `analyse` and `clean` start without Express or SQLite.
 */

import path from 'node:path';
import type { CliIo } from '../io';
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
  const database = options.db ?? (env.GALLEY_DB || DEFAULT_DATABASE);
  const token = env.GALLEY_TOKEN || undefined;
  let server;
  try {
    server = await startServer({
      host: options.host,
      port: options.port,
      database,
      token,
      maxBytes: options.maxBytes,
    });
  } catch (error) {
    if (error instanceof StartError) throw new UsageError(error.message);
    throw error;
  }
  if (server.seeded) io.stdout('Imported the seed sample into the new database.\n');
  io.stdout(`Galley is serving ${server.url}/ (database ${path.resolve(database)}); Ctrl-C stops it.\n`);
  await (stopped ?? stopSignal());
  await server.close();
}

function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}
