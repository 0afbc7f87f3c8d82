/**
 * The `galley` command line: commander only maps arguments to the commands, which live in
 * `commands/`. Every error a user can cause ends as one line on stderr and exit status 2, with
 * nothing on stdout; anything else thrown is a bug and propagates.
 */

import { Command, CommanderError } from 'commander';
import { AnalysisTooLarge } from '../analysis/bounded-analyse';
import { analyseCommand, type AnalyseCommandOptions } from './commands/analyse';
import { cleanCommand, type CleanCommandOptions } from './commands/clean';
import { serveCommand, type ServeCommandOptions } from './commands/serve';
import type { CliIo } from './io';
import { describeKinds } from './kinds-help';
import {
  formatOption,
  kindsOption,
  maxBytesOption,
  minConfidenceOption,
  parsePort,
  quoteStyleOption,
} from './options';
import { EXIT_DONE, EXIT_USAGE, UsageError } from './usage-error';

const CLEAN_MIN_CONFIDENCE = 0.8;

/** Runs one command line (`argv` without node and the script) and returns the exit status. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_DONE;
  } catch (error) {
    if (error instanceof CommanderError) {
      // `--help` ends here too, as an "error" with status 0, its text already on stdout.
      if (error.exitCode === 0) return EXIT_DONE;
      return failWith(io, reasonOf(error));
    }
    if (error instanceof UsageError || error instanceof AnalysisTooLarge) return failWith(io, error.message);
    throw error;
  }
}

function buildProgram(io: CliIo): Command {
  const program = new Command('galley');
  // Settings made before `.command()` are inherited by the commands.
  program
    .description('Finds the artefacts of PDF text extraction in English text, and cleans them.')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      // Commander's own error text (and the help it prints after `galley` alone) is replaced by
      // the one line that `run` prints.
      writeErr: () => undefined,
      outputError: () => undefined,
    })
    .addHelpText('after', describeKinds());

  program
    .command('analyse')
    .description('print the findings in the file')
    .argument('<file>', 'UTF-8 text extracted from a PDF')
    .addOption(formatOption(['text', 'json'] as const, 'text'))
    .addOption(kindsOption())
    .addOption(minConfidenceOption('only findings at or above this confidence, from 0 to 1'))
    .addOption(quoteStyleOption())
    .addOption(maxBytesOption())
    .addHelpText('after', describeKinds())
    .action((file: string, options: AnalyseCommandOptions) => analyseCommand(file, options, io));

  program
    .command('clean')
    .description(
      'write the cleaned edition of the file: every finding at or above the confidence that has a replacement is accepted',
    )
    .argument('<file>', 'UTF-8 text extracted from a PDF')
    .addOption(formatOption(['text', 'markdown'] as const, 'text'))
    .addOption(kindsOption())
    .addOption(
      minConfidenceOption(
        'accept the findings at or above this confidence, from 0 to 1',
        CLEAN_MIN_CONFIDENCE,
      ),
    )
    .option('-o, --output <file>', 'write the edition to this file (replaced atomically) instead of stdout')
    .addOption(quoteStyleOption())
    .addOption(maxBytesOption())
    .addHelpText('after', describeKinds())
    .action((file: string, options: CleanCommandOptions) => cleanCommand(file, options, io));

  program
    .command('serve')
    .description(
      'start the review web app (a host other than loopback needs GALLEY_TOKEN; the database is the PostgreSQL one GALLEY_DATABASE_URL names, else the SQLite file --db, GALLEY_DB or ./data/galley.db)',
    )
    .option('--port <number>', 'the port to listen on', parsePort, 3000)
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .option('--db <file>', 'the SQLite database (created when missing); GALLEY_DATABASE_URL for PostgreSQL')
    .addOption(maxBytesOption())
    .action((options: ServeCommandOptions) => serveCommand(options, io));

  return program;
}

/** Commander's message, on one line and without its "error: " prefix. */
function reasonOf(error: CommanderError): string {
  if (error.code === 'commander.help')
    return 'no command given: use analyse, clean or serve (see galley --help)';
  return error.message
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

function failWith(io: CliIo, reason: string): number {
  io.stderr(`galley: ${reason.replace(/\s*\n\s*/g, ' ')}\n`);
  return EXIT_USAGE;
}
