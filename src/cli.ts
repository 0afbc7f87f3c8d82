#!/usr/bin/env node
/** The `galley` executable (dist/cli.js): runs the command line on the real files and streams. */

import { realIo } from './cli/io';
import { run } from './cli/main';

// `galley analyse FILE | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

run(process.argv.slice(2), realIo).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    // Only a bug gets here: say so, with the stack, and exit 1.
    process.stderr.write(`galley: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
