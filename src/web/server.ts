/**
 * Starts the review app: opens (or creates) the database, imports the seed sample into a
 * database that never had a document, and listens. A host other than loopback needs a token: a server that anyone on
 * the network can reach must not open every document to them. Several servers may share one
 * PostgreSQL database; the store keeps their writes in order, and imports the seed once.
 */

import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_MAX_BYTES, decodeText } from '../analyser';
import { analyseBounded } from '../analysis/bounded-analyse';
import { describeLocation, isPostgresUrl, openStoreAt, type Analyser, type Store } from '../store';
import { createApp } from './app';
import { SEED_FILE, SEED_TITLE } from './paths';

/** A reason not to start that the person starting it can fix; the command line prints it. */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}

export const MIN_TOKEN_LENGTH = 16;

export interface ServerOptions {
  host: string;
  /** 0 for any free port. */
  port: number;
  /**
   * The SQLite file (its folder is created when missing), or a `postgres://` URL: a database
   * that several servers may share.
   */
  database: string;
  token?: string;
  maxBytes?: number;
  /** The heap an analysis may use, in MB (bounded-analyse.ts); its default when absent. */
  analysisMemoryMb?: number;
  /** Imported into a new database; the repository's fixtures/seed.txt by default. */
  seedFile?: string;
  logError?: (error: unknown) => void;
}

export interface RunningServer {
  url: string;
  store: Store;
  /** Whether this start imported the seed (it does so only into a database that never had a document). */
  seeded: boolean;
  /** Stops accepting connections, lets the requests in flight finish, closes the database. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { host, port, database, token, maxBytes = DEFAULT_MAX_BYTES } = options;
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new StartError(
      `GALLEY_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters (for example \`openssl rand -hex 16\`)`,
    );
  }
  if (!isLoopback(host) && token === undefined) {
    throw new StartError(
      `--host ${host} is reachable from other machines: set GALLEY_TOKEN to a secret the team shares, or serve on 127.0.0.1`,
    );
  }

  // Imports and re-analyses run with a memory cap: a pathological text is refused, the server stays up.
  const analyser = (text: string) => analyseBounded(text, { maxMemoryMb: options.analysisMemoryMb });
  const store = await openDatabaseAt(database, analyser);
  try {
    // Into a database that never had a document: an editor who deleted the seed keeps it
    // deleted. Once only, even when two servers start on a new database at the same moment.
    const seeded =
      (await store.importFirstDocument(SEED_TITLE, () => readSeed(options.seedFile ?? SEED_FILE))) !==
      undefined;
    const app = createApp({ store, token, maxBytes, logError: options.logError });
    const server = http.createServer(app);
    await listen(server, port, host);
    const { port: bound } = server.address() as AddressInfo;
    return {
      url: `http://${net.isIPv6(host) ? `[${host}]` : host}:${bound}`,
      store,
      seeded,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => {
            void store.close().then(resolve);
          });
          server.closeIdleConnections();
        }),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** 127.0.0.0/8, ::1 and localhost: names no other machine can reach. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (name === 'localhost' || name === '::1') return true;
  const ipv4 = name.startsWith('::ffff:') ? name.slice('::ffff:'.length) : name;
  return net.isIPv4(ipv4) && ipv4.startsWith('127.');
}

async function openDatabaseAt(database: string, analyser: Analyser): Promise<Store> {
  try {
    if (!isPostgresUrl(database) && database !== ':memory:')
      fs.mkdirSync(path.dirname(path.resolve(database)), { recursive: true });
    return await openStoreAt(database, analyser);
  } catch (error) {
    // The URL's password stays out of the message.
    const where = isPostgresUrl(database) ? describeLocation(database) : database;
    throw new StartError(`cannot open the database ${where}: ${messageOf(error)}`);
  }
}

function readSeed(file: string): string {
  try {
    return decodeText(fs.readFileSync(file));
  } catch (error) {
    throw new StartError(`cannot read the seed sample ${file}: ${messageOf(error)}`);
  }
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const reasons: Record<string, string> = {
        EADDRINUSE: `port ${port} is already in use on ${host}: stop the other server or use --port`,
        EACCES: `no permission to listen on port ${port}`,
        EADDRNOTAVAIL: `${host} is not an address of this machine`,
        ENOTFOUND: `${host} is not a known host name`,
      };
      const reason = error.code === undefined ? undefined : reasons[error.code];
      reject(reason === undefined ? error : new StartError(reason));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** Not `instanceof Error`: Node's errors may come from another realm (a vm context, as in jest). */
function messageOf(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}
