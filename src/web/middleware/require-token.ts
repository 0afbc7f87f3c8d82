/**
 * The token a team server requires (GALLEY_TOKEN). The API takes it as
 * `Authorization: Bearer <token>`, and only so: a browser never sends that by itself, so no
 * other site can make an editor's browser post to the API. The HTML pages take the session
 * cookie that the sign-in page sets (routes/sign-in.ts), HttpOnly and SameSite=Strict.
 */

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../http-error';

export const SESSION_COOKIE = 'galley_session';

export interface TokenCheck {
  /** Whether `candidate` is the token (in constant time). */
  isToken(candidate: string): boolean;
  /** The session cookie's value for this token. */
  readonly session: string;
  /** Lets through requests that carry the token; the rest get 401, or the sign-in page. */
  readonly middleware: RequestHandler;
}

export function tokenCheck(token: string): TokenCheck {
  const expected = digest(token);
  const session = createHmac('sha256', token).update('galley session 1').digest('base64url');
  const isToken = (candidate: string): boolean => timingSafeEqual(digest(candidate), expected);
  const hasSession = (req: Request): boolean => {
    const value = cookie(req, SESSION_COOKIE);
    return value !== undefined && timingSafeEqual(digest(value), digest(session));
  };

  const middleware: RequestHandler = (req, res, next) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined && isToken(bearer)) return next();
    if (req.path.startsWith('/api/')) {
      res.set('WWW-Authenticate', 'Bearer realm="galley"');
      throw new HttpError(401, 'this server needs its token: send Authorization: Bearer <GALLEY_TOKEN>');
    }
    if (hasSession(req)) return next();
    if (req.method === 'GET' || req.method === 'HEAD') return res.redirect(303, '/sign-in');
    throw new HttpError(401, 'sign in first');
  };

  return { isToken, session, middleware };
}

/** Compared as digests: equal lengths for timingSafeEqual, and no early exit on length. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function cookie(req: Request, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) return pair.slice(equals + 1).trim();
  }
  return undefined;
}
