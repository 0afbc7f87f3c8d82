/**
 * The last middleware: every error ends here as a status and one line, JSON `{"error"}` for
 * the API and an error page for the rest. What a client caused (HttpError, a body the parsers
 * refused, a file that is not UTF-8 text) is said plainly; anything else is a bug, logged with
 * its stack and answered with a bare 500: no stack, SQL or path ever reaches the client.
 */

import type { ErrorRequestHandler } from 'express';
import { AnalysisTooLarge } from '../../analysis/bounded-analyse';
import { DecodeError } from '../../analyser';
import { VersionConflict, isStoreUnavailable } from '../../store';
import { findingJson } from '../api-shapes';
import { HttpError } from '../http-error';
import { renderPage } from '../render-page';

/** Errors of the body parsers (body-parser sets `type`, `status` and, for 413, `limit`). */
interface BodyParserError {
  type: string;
  status: number;
  limit?: number;
}

const BODY_PROBLEMS: Record<string, string> = {
  'entity.parse.failed': 'the body is not valid JSON',
  'encoding.unsupported': 'the body has an unsupported Content-Encoding',
  'charset.unsupported': 'the body has an unsupported charset',
  'request.aborted': 'the request was aborted',
  'request.size.invalid': 'the body is not as long as its Content-Length says',
  'parameters.too.many': 'the form has too many fields',
};

export function handleError(logError: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, message, details } = describe(error);
    if (status >= 500) logError(error);
    res.status(status);
    if (status === 503) res.set('Retry-After', '5');
    if (req.path.startsWith('/api/')) {
      res.json({ error: message, ...details });
    } else {
      renderPage(res, 'errors/error', `Error ${status}`, { status, message });
    }
  };
}

function describe(error: unknown): { status: number; message: string; details?: object } {
  if (error instanceof HttpError) return { status: error.status, message: error.message };
  // The API answers a conflict with the finding as it is now, so the editor can look again.
  if (error instanceof VersionConflict)
    return { status: 409, message: error.message, details: { finding: findingJson(error.current) } };
  if (error instanceof AnalysisTooLarge) return { status: 413, message: error.message };
  if (error instanceof DecodeError) {
    return { status: error.problem === 'too-large' ? 413 : 400, message: error.message };
  }
  if (isBodyParserError(error)) {
    if (error.type === 'entity.too.large') {
      return {
        status: 413,
        message: `the body is over the limit${error.limit === undefined ? '' : ` of ${error.limit} bytes`}`,
      };
    }
    return { status: error.status, message: BODY_PROBLEMS[error.type] ?? 'the body cannot be read' };
  }
  if (isStoreUnavailable(error))
    return { status: 503, message: 'the database cannot be reached right now: try again in a moment' };
  return { status: 500, message: 'internal error' };
}

function isBodyParserError(error: unknown): error is BodyParserError {
  if (typeof error !== 'object' || error === null) return false;
  const { type, status } = error as Partial<BodyParserError>;
  return typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500;
}
