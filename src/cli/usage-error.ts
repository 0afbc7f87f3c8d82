/**
 * A problem the user can cause and fix: a file that cannot be read or is not UTF-8 text, an
 * unknown kind, a bad option value. The command line prints its message as one line,
 * `galley: <message>`, and exits with status 2. Anything else thrown is a bug.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit statuses (CONTRACT.md, "Command line"); 1 is left to crashes, which are bugs. */
export const EXIT_DONE = 0;
export const EXIT_USAGE = 2;
