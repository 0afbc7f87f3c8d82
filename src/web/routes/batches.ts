/**
 * Batch review on the pages: a preview of every pending finding of a kind at or above a
 * confidence (how many, and a sample of their passages as diffs), the form that accepts or
 * rejects them all in one transaction, and the form that undoes that batch. The JSON API's
 * batch calls (decisions.ts) go through the same store methods.
 */

import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Store } from '../../store';
import { editorOf } from '../middleware/editor';
import { HttpError } from '../http-error';
import { renderPage } from '../render-page';
import {
  batchDecisionSchema,
  batchIdSchema,
  confidenceParameterSchema,
  kindSchema,
  optionalParameter,
  parseWith,
} from '../validation';
import { batchPreview } from '../view-models/batch';
import { FINDINGS_PER_PAGE, loadedDocument } from './documents';
import type { SourceCache } from '../source-cache';

const SAMPLE_SIZE = 20;

const previewSchema = z.object({
  kind: kindSchema,
  minConfidence: optionalParameter(confidenceParameterSchema),
  decision: optionalParameter(batchDecisionSchema),
});

const batchFormSchema = z.object({
  kind: kindSchema,
  minConfidence: confidenceParameterSchema,
  decision: batchDecisionSchema,
});

/** Where an undo goes back to: the flags of the batch's kind, when the form names one. */
const undoFormSchema = z.object({ kind: optionalParameter(kindSchema).catch(undefined) });

export function batchRoutes(store: Store, sources: SourceCache) {
  return {
    previewPage: (async (req, res) => {
      const document = loadedDocument(res);
      const { kind, minConfidence = 0.9, decision = 'accept' } = parseWith(previewSchema, req.query);
      const { findings } = await store.findings(document.id, { kind, status: 'pending', minConfidence });
      const model = await batchPreview((await sources.text(document.id))!, document, findings, {
        kind,
        minConfidence,
        decision,
        sampleSize: SAMPLE_SIZE,
        flagsPerPage: FINDINGS_PER_PAGE,
        placeInKind: (finding) => store.placeInKind(document.id, finding.id),
      });
      renderPage(res, 'documents/batch', `Batch: ${kind}`, model);
    }) satisfies RequestHandler,

    decideForm: (async (req, res) => {
      const document = loadedDocument(res);
      const { kind, minConfidence, decision } = parseWith(batchFormSchema, req.body);
      const { batch, count } = await store.decideMany(document.id, {
        decision,
        kind,
        minConfidence,
        editor: editorOf(res),
      });
      const query = new URLSearchParams({ kind, ...(batch === null ? {} : { batch, count: String(count) }) });
      res.redirect(303, `/documents/${document.id}?${query.toString()}`);
    }) satisfies RequestHandler,

    undoForm: (async (req, res) => {
      const document = loadedDocument(res);
      const batch = parseWith(batchIdSchema, req.params.batch);
      const undone = await store.undoBatch(document.id, batch, editorOf(res));
      if (!undone) throw new HttpError(404, `no batch ${batch} in document ${document.id}`);
      const { kind } = undoFormSchema.parse(req.body ?? {});
      res.redirect(303, `/documents/${document.id}${kind === undefined ? '' : `?kind=${kind}`}`);
    }) satisfies RequestHandler,
  };
}
