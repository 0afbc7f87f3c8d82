/**
 * Who is deciding: the name an editor gave at sign-in, kept in a cookie, so that the history
 * says who decided. The API may name the editor in the body instead (`"editor"`).
 */

import type { RequestHandler, Response } from 'express';
import { cookie } from './require-token';

export const EDITOR_COOKIE = 'galley_editor';
export const MAX_EDITOR_LENGTH = 100;

/** Sets `res.locals.editor` from the cookie (undefined without one). */
export const readEditor: RequestHandler = (req, res, next) => {
  const value = cookie(req, EDITOR_COOKIE);
  res.locals.editor = value === undefined ? undefined : editorName(safeDecode(value));
  next();
};

export function editorOf(res: Response): string | undefined {
  return res.locals.editor as string | undefined;
}

/** A name on one line, at most MAX_EDITOR_LENGTH characters; undefined when empty. */
export function editorName(value: string | undefined): string | undefined {
  const name = (value ?? '').replace(/[\s\p{Cc}]+/gu, ' ').trim();
  return name === '' ? undefined : name.slice(0, MAX_EDITOR_LENGTH);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
