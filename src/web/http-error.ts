/**
 * An error a client can cause, with the status and the one-line message it gets back. Route
 * handlers throw it; the error handler (middleware/handle-error.ts) answers with it. Anything
 * else thrown is a bug and is answered with a bare 500.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
