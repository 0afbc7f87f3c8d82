/**
 * The built `galley serve` as a child process, run as an editor runs it: started on a
 * database, reached at the URL it prints ("Galley is serving http://127.0.0.1:PORT/ …"), and
 * stopped by a signal: SIGKILL for a crash, SIGTERM for an ordinary stop (requests in flight
 * finish). Build first: `buildIfStale` (test/cli/built-cli.ts) in a test, `npm run build` in a script.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { cli, root } from '../cli/built-cli';
import type { ServedDatabase } from './served-database';

export interface BuiltServer {
  /** Without a trailing slash: `http://127.0.0.1:PORT`. */
  url: string;
  child: ChildProcess;
  /** Sends the signal (SIGKILL unless told) and resolves when the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** How long a start may take on a busy machine (the whole suite runs in parallel). */
const START_TIMEOUT_MS = 20_000;

/** Starts `node [nodeOptions] dist/cli.js serve --port 0` on the database; resolves once it serves. */
export function startBuiltServer(
  database: Pick<ServedDatabase, 'serveArguments' | 'serveEnvironment'>,
  nodeOptions: readonly string[] = [],
): Promise<BuiltServer> {
  const child = spawn(
    process.execPath,
    [...nodeOptions, cli, 'serve', '--port', '0', '--host', '127.0.0.1', ...database.serveArguments],
    { cwd: root, env: database.serveEnvironment, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`galley serve did not start in time: ${output}`)));
    }, START_TIMEOUT_MS);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /serving (http:\/\/\S+?)\/? /.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child, stop });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`galley serve exited (${code ?? signal}) before serving: ${output}`));
    });
  });
}
