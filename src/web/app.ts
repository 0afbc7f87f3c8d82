/**
 * The review app: `createApp` only configures Express and maps the routes (the table below);
 * the handlers live in routes/, one module per resource, and `server.ts` listens. Every route
 * that names a document or a finding runs its `load` first, which answers 404 for an unknown
 * one. The 404 and the error handler come last.
 */

import express, { type Express } from 'express';
import { DEFAULT_MAX_BYTES } from '../analyser';
import type { Store } from '../store';
import { formTokens } from './middleware/csrf';
import { readEditor } from './middleware/editor';
import { handleError } from './middleware/handle-error';
import { localHostOnly } from './middleware/local-host-only';
import { notFound } from './middleware/not-found';
import { tokenCheck } from './middleware/require-token';
import { securityHeaders } from './middleware/security-headers';
import { PUBLIC_FOLDER, VIEWS_FOLDER } from './paths';
import { sourceCache } from './source-cache';
import { backupRoutes } from './routes/backups';
import { batchRoutes } from './routes/batches';
import { decisionRoutes } from './routes/decisions';
import { documentRoutes } from './routes/documents';
import { editionRoutes } from './routes/editions';
import { findingRoutes } from './routes/findings';
import { signInRoutes } from './routes/sign-in';

/** JSON bodies are decisions: small. An edit's text is a finding's replacement, not a book. */
const JSON_LIMIT = '2mb';

export interface AppOptions {
  store: Store;
  /**
   * When set, every API call needs `Authorization: Bearer <token>` and every page a signed-in
   * browser. Without it, the app answers only requests addressed to localhost.
   */
  token?: string;
  /** The largest document accepted, in bytes (default 50 MiB, as the command line's). */
  maxBytes?: number;
  /** Where the errors that are bugs are reported (stderr by default). */
  logError?: (error: unknown) => void;
}

export function createApp({
  store,
  token,
  maxBytes = DEFAULT_MAX_BYTES,
  logError = (error) => console.error(error),
}: AppOptions): Express {
  const app = express();
  const sources = sourceCache(store);
  const documents = documentRoutes(store, sources, { maxBytes });
  const findings = findingRoutes(store);
  const decisions = decisionRoutes(store, sources);
  const editions = editionRoutes(store);
  const batches = batchRoutes(store, sources);
  const tokens = formTokens();
  const backups = backupRoutes(store, tokens);
  // Not strict: a body of `"accept"` or `42` is JSON, and is refused as "not a JSON object".
  const json = express.json({ limit: JSON_LIMIT, strict: false });
  const form = express.urlencoded({ extended: false, limit: JSON_LIMIT, parameterLimit: 10 });

  app.disable('x-powered-by');
  // Pages and answers are never cached (no-store): an ETag would only cost a hash of each body.
  app.set('etag', false);
  app.set('views', VIEWS_FOLDER);
  app.set('view engine', 'ejs');

  app.use(securityHeaders);
  if (token === undefined) app.use(localHostOnly);
  const check = token === undefined ? undefined : tokenCheck(token);
  const signIn = signInRoutes(check);
  app.use('/static', express.static(PUBLIC_FOLDER, { index: false }));
  app.get('/sign-in', signIn.form);
  app.post('/sign-in', signIn.receiveForm, signIn.signIn);
  if (check !== undefined) app.use(check.middleware);
  app.use(readEditor);

  // The JSON API (CONTRACT.md, "Web app and its JSON API").
  app.post('/api/documents', documents.receiveText, documents.receiveUpload, documents.create);
  app.get('/api/documents', documents.list);
  app.get('/api/documents/:documentId', documents.load, documents.show);
  app.delete('/api/documents/:documentId', documents.load, documents.remove);
  app.get('/api/documents/:documentId/findings', documents.load, findings.list);
  app.post('/api/documents/:documentId/decisions', documents.load, json, decisions.decideMany);
  app.post('/api/documents/:documentId/batches/:batch/undo', documents.load, json, decisions.undoBatch);
  app.get('/api/documents/:documentId/edition', documents.load, editions.show);
  app.get('/api/documents/:documentId/history', documents.load, decisions.history);
  app.get('/api/documents/:documentId/decisions/export', documents.load, backups.exportDecisions);
  app.post(
    '/api/documents/:documentId/decisions/import',
    documents.load,
    backups.receiveExport,
    backups.importDecisions,
  );
  app.get('/api/documents/:documentId/decisions/orphaned', documents.load, backups.orphanedDecisions);
  app.post('/api/documents/:documentId/analysis', documents.load, backups.reanalyse);
  app.post('/api/findings/:findingId/decision', findings.load, json, decisions.decide);

  // The pages; their forms post with the page's form token.
  app.use(tokens.expose);
  app.get('/', documents.listPage);
  app.get('/documents/:documentId', documents.load, documents.showPage);
  app.get('/documents/:documentId/edition', documents.load, editions.previewPage);
  app.get('/documents/:documentId/edition/download', documents.load, editions.download);
  app.post('/documents', documents.receiveUpload, documents.createFromForm(tokens));
  app.get('/documents/:documentId/delete', documents.load, documents.confirmDeletePage);
  app.post('/documents/:documentId/delete', form, tokens.check, documents.load, documents.removeFromForm);
  app.get('/documents/:documentId/history', documents.load, documents.historyPage);
  // The API's export, for a signed-in browser (the API itself wants the bearer token).
  app.get('/documents/:documentId/decisions/export', documents.load, backups.exportDecisions);
  app.post(
    '/documents/:documentId/decisions/import',
    backups.receiveUpload,
    documents.load,
    backups.importFromForm,
  );
  app.post('/documents/:documentId/analysis', form, tokens.check, documents.load, backups.reanalyseFromForm);
  app.get('/documents/:documentId/batch', documents.load, batches.previewPage);
  app.post('/documents/:documentId/batch', form, tokens.check, documents.load, batches.decideForm);
  app.post(
    '/documents/:documentId/batches/:batch/undo',
    form,
    tokens.check,
    documents.load,
    batches.undoForm,
  );
  app.post(
    '/documents/:documentId/findings/:findingId/decision',
    form,
    tokens.check,
    documents.load,
    findings.load,
    decisions.decideForm,
  );

  app.use(notFound);
  app.use(handleError(logError));
  return app;
}
