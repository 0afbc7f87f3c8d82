/**
 * The sign-in page: an editor gives a name, which the history records with each decision,
 * and, on a server with a token (GALLEY_TOKEN), the token, once. The browser keeps the name in
 * a cookie and, with a token, a session cookie derived from it (HttpOnly, SameSite=Strict:
 * another site can neither read it nor send it).
 */

import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { renderPage } from '../render-page';
import { EDITOR_COOKIE, editorName } from '../middleware/editor';
import { SESSION_COOKIE, type TokenCheck } from '../middleware/require-token';

const formSchema = z.object({
  name: z.string().max(1000).optional(),
  token: z.string().max(1000).optional(),
});

const COOKIE_OPTIONS = { httpOnly: true, sameSite: 'strict', path: '/' } as const;

/** Without a token check (a loopback server), signing in only names the editor. */
export function signInRoutes(check: TokenCheck | undefined) {
  const needsToken = check !== undefined;
  const page = (res: express.Response, error: string | null): void =>
    renderPage(res, 'sign-in', 'Sign in', { error, needsToken });

  return {
    receiveForm: express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 10 }),

    form: ((_req, res) => {
      page(res, null);
    }) satisfies RequestHandler,

    signIn: ((req, res) => {
      const form = formSchema.safeParse(req.body);
      const name = form.success ? editorName(form.data.name) : undefined;
      if (check !== undefined && !(form.success && check.isToken(form.data.token ?? ''))) {
        res.status(401);
        page(res, 'That is not the token of this server.');
        return;
      }
      if (name === undefined) {
        res.status(400);
        page(res, 'Give your name: the history records who decided.');
        return;
      }
      if (check !== undefined) res.cookie(SESSION_COOKIE, check.session, COOKIE_OPTIONS);
      res.cookie(EDITOR_COOKIE, name, COOKIE_OPTIONS);
      res.redirect(303, '/');
    }) satisfies RequestHandler,
  };
}
