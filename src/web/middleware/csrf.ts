import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../http-error';

/**
 * CSRF protection for the pages' form posts. Every page carries the server's form token
 * (`res.locals.formToken`, a hidden `_csrf` field); a form post must send it back. Another site
 * cannot read a page of this one, so it cannot learn the token. A post the browser marks as
 * cross-site is refused even with a token. The token changes when the server restarts: a form
 * from before answers 403 with advice to reload, and nothing is decided.
 */
export interface FormTokens {
  /** Puts the token where the views find it. */
  expose: RequestHandler;
  /** Refuses a form post without the token (runs after the urlencoded body parser). */
  check: RequestHandler;
  /** The same test for a form parsed elsewhere (a multipart upload): throws a 403. */
  verify(req: Request, sent: unknown): void;
}

const STALE = 'this form is out of date or came from another site: reload the page and try again';

export function formTokens(token = randomBytes(32).toString('hex')): FormTokens {
  const expected = Buffer.from(token);
  const verify = (req: Request, sent: unknown): void => {
    const given = Buffer.from(typeof sent === 'string' ? sent : '');
    const crossSite = req.get('Sec-Fetch-Site') === 'cross-site';
    if (crossSite || given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new HttpError(403, STALE);
  };
  return {
    expose: (_req, res, next) => {
      res.locals.formToken = token;
      next();
    },
    check: (req, _res, next) => {
      verify(req, (req.body as Record<string, unknown> | undefined)?._csrf);
      next();
    },
    verify,
  };
}
