/**
 * The sign-in page of a server with a token (GALLEY_TOKEN): the editor types the token once,
 * and the browser keeps a session cookie derived from it (HttpOnly, SameSite=Strict: another
 * site can neither read it nor send it).
 */

import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { renderPage } from '../render-page';
import { SESSION_COOKIE, type TokenCheck } from '../middleware/require-token';

const formSchema = z.object({ token: z.string().max(1000) });

export function signInRoutes(check: TokenCheck) {
  return {
    receiveForm: express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 10 }),

    form: ((_req, res) => {
      renderPage(res, 'sign-in', 'Sign in', { error: null });
    }) satisfies RequestHandler,

    signIn: ((req, res) => {
      const form = formSchema.safeParse(req.body);
      if (!form.success || !check.isToken(form.data.token)) {
        res.status(401);
        renderPage(res, 'sign-in', 'Sign in', { error: 'That is not the token of this server.' });
        return;
      }
      res.cookie(SESSION_COOKIE, check.session, { httpOnly: true, sameSite: 'strict', path: '/' });
      res.redirect(303, '/');
    }) satisfies RequestHandler,
  };
}
