/**
 * Work that outlives one database or one analyser: a document's decisions exported as JSON and
 * imported again (a backup, or a move to another database), and re-analysis after the analyser
 * changed, which keeps every decision whose finding it finds again (by stable id) and lists
 * the others instead of dropping them.
 */

import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { decodeText } from '../../analyser';
import type { DecisionsExport, Store } from '../../store';
import { historyJson } from '../api-shapes';
import { HttpError } from '../http-error';
import type { FormTokens } from '../middleware/csrf';
import { boundaryOf, parseMultipart } from '../multipart';
import { decisionKindSchema, editTextSchema, editorSchema, parseWith } from '../validation';
import { loadedDocument } from './documents';

/** An export of a 1,000-page document's full history is a few MB; this leaves room. */
export const IMPORT_LIMIT_BYTES = 64 * 1024 * 1024;

const exportedDecisionSchema = z
  .strictObject({
    findingId: z.string().regex(/^[^\p{Cc}]{1,300}$/u, { error: 'is not a finding id' }),
    decision: decisionKindSchema,
    text: editTextSchema.nullable(),
    editor: editorSchema.nullable(),
    batch: z
      .string()
      .regex(/^[^\p{Cc}]{1,100}$/u, { error: 'is not a batch id' })
      .nullable(),
    decidedAt: z.iso.datetime({ error: 'must be an ISO 8601 time in UTC' }),
  })
  .refine((entry) => (entry.decision === 'edit') === (entry.text !== null), {
    error: 'an edit has a text, and only an edit',
    path: ['text'],
  });

const exportSchema = z.strictObject(
  {
    format: z.literal('galley-decisions', { error: "must be 'galley-decisions'" }),
    formatVersion: z.literal(1, { error: 'must be 1 (this Galley reads no other)' }),
    document: z.strictObject({
      title: z.string().max(1000),
      length: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in hex' }),
    }),
    decisions: z.array(exportedDecisionSchema).max(10_000_000),
  },
  { error: 'the body must be a decisions export (GET …/decisions/export gives one)' },
);

export function backupRoutes(store: Store, tokens: FormTokens) {
  async function importInto(documentId: number, body: unknown) {
    const exported = parseWith(exportSchema, body) as DecisionsExport;
    return (await store.importDecisions(documentId, exported))!;
  }

  return {
    receiveExport: express.json({ limit: IMPORT_LIMIT_BYTES, strict: false }),
    receiveUpload: express.raw({ type: 'multipart/form-data', limit: IMPORT_LIMIT_BYTES }),

    exportDecisions: (async (_req, res) => {
      const document = loadedDocument(res);
      res.attachment(`galley-decisions-${document.id}.json`);
      res.json(await store.exportDecisions(document.id));
    }) satisfies RequestHandler,

    importDecisions: (async (req, res) => {
      const document = loadedDocument(res);
      const outcome = await importInto(document.id, req.body);
      res.json(outcome);
    }) satisfies RequestHandler,

    orphanedDecisions: (async (_req, res) => {
      const document = loadedDocument(res);
      const orphaned = await store.orphanedDecisions(document.id);
      res.json({
        documentId: document.id,
        decisions: orphaned.map((entry) => historyJson(document.id, entry)),
      });
    }) satisfies RequestHandler,

    reanalyse: (async (_req, res) => {
      const document = loadedDocument(res);
      const outcome = (await store.reanalyse(document.id))!;
      res.json({ ...outcome, orphaned: outcome.orphaned.map((entry) => historyJson(document.id, entry)) });
    }) satisfies RequestHandler,

    /** The history page's import form: a multipart upload of an export (field `file`). */
    importFromForm: (async (req, res) => {
      const document = loadedDocument(res);
      if (!Buffer.isBuffer(req.body)) throw new HttpError(400, 'choose a decisions file (.json)');
      const parts = parseMultipart(req.body, boundaryOf(req.headers['content-type'] ?? ''));
      tokens.verify(req, parts.find((part) => part.name === '_csrf')?.data.toString('utf8'));
      const file = parts.find((part) => part.name === 'file');
      if (!file || file.data.length === 0) throw new HttpError(400, 'choose a decisions file (.json)');
      let body: unknown;
      try {
        body = JSON.parse(decodeText(file.data, { maxBytes: IMPORT_LIMIT_BYTES }));
      } catch (error) {
        if (error instanceof SyntaxError) throw new HttpError(400, 'the file is not JSON');
        throw error;
      }
      const outcome = await importInto(document.id, body);
      const query = new URLSearchParams({
        imported: String(outcome.imported),
        skipped: String(outcome.alreadyPresent),
        unmatched: String(outcome.unmatched.length),
      });
      res.redirect(303, `/documents/${document.id}/history?${query.toString()}`);
    }) satisfies RequestHandler,

    /** The history page's "Analyse again" button. */
    reanalyseFromForm: (async (_req, res) => {
      const document = loadedDocument(res);
      const outcome = (await store.reanalyse(document.id))!;
      const query = new URLSearchParams({
        kept: String(outcome.kept),
        added: String(outcome.added),
        removed: String(outcome.removed),
        orphaned: String(outcome.orphaned.length),
      });
      res.redirect(303, `/documents/${document.id}/history?${query.toString()}`);
    }) satisfies RequestHandler,
  };
}
