/**
 * Batch review on the pages: a preview of every pending finding of a kind at or above a
 * confidence (how many, and a sample of their passages as diffs), the form that accepts or
 * rejects them all in one transaction, and the form that undoes that batch. The JSON API's
 * batch calls (decisions.ts) go through the same store methods.
 */

import type { RequestHandler } from 'express';
import { z } from 'zod';
import { KINDS } from '../../analyser';
import type { Store } from '../../store';
import { HttpError } from '../http-error';
import { renderPage } from '../render-page';
import { optionalParameter, confidenceParameterSchema, parseWith } from '../validation';
import { batchPreview } from '../view-models/batch';
import { loadedDocument } from './documents';

const SAMPLE_SIZE = 20;

const previewSchema = z.object({
  kind: z.enum(KINDS, { error: `must be one of ${KINDS.join(', ')}` }),
  minConfidence: optionalParameter(confidenceParameterSchema),
  decision: optionalParameter(z.enum(['accept', 'reject'], { error: 'must be accept or reject' })),
});

const batchFormSchema = z.object({
  kind: z.enum(KINDS, { error: `must be one of ${KINDS.join(', ')}` }),
  minConfidence: confidenceParameterSchema,
  decision: z.enum(['accept', 'reject'], { error: 'must be accept or reject' }),
});

const batchIdSchema = z.uuid({ error: 'is not a batch id' });

export function batchRoutes(store: Store) {
  return {
    previewPage: ((req, res) => {
      const document = loadedDocument(res);
      const { kind, minConfidence = 0.9, decision = 'accept' } = parseWith(previewSchema, req.query);
      const { findings } = store.findings(document.id, { kind, status: 'pending', minConfidence });
      const model = batchPreview(store.getSource(document.id)!.text, document, findings, {
        kind,
        minConfidence,
        decision,
        sampleSize: SAMPLE_SIZE,
      });
      renderPage(res, 'documents/batch', `Batch: ${kind}`, model);
    }) satisfies RequestHandler,

    decideForm: ((req, res) => {
      const document = loadedDocument(res);
      const { kind, minConfidence, decision } = parseWith(batchFormSchema, req.body);
      const { batch, count } = store.decideMany(document.id, { decision, kind, minConfidence });
      const query = new URLSearchParams({ kind, ...(batch === null ? {} : { batch, count: String(count) }) });
      res.redirect(303, `/documents/${document.id}?${query.toString()}`);
    }) satisfies RequestHandler,

    undoForm: ((req, res) => {
      const document = loadedDocument(res);
      const batch = parseWith(batchIdSchema, req.params.batch);
      const undone = store.undoBatch(document.id, batch);
      if (!undone) throw new HttpError(404, `no batch ${batch} in document ${document.id}`);
      const kind = typeof req.body?.kind === 'string' && (KINDS as readonly string[]).includes(req.body.kind);
      res.redirect(303, `/documents/${document.id}${kind ? `?kind=${req.body.kind}` : ''}`);
    }) satisfies RequestHandler,
  };
}
