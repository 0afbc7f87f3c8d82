/**
 * Findings: a document's findings with their review status, filtered and paginated; and
 * `load`, which finds the finding a public id names (finding-ids.ts) or answers 404.
 */

import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { FINDING_STATUSES, type ReviewedFinding, type Store } from '../../store';
import { findingJson } from '../api-shapes';
import { parsePublicFindingId } from '../finding-ids';
import { HttpError } from '../http-error';
import {
  confidenceParameterSchema,
  kindSchema,
  optionalParameter,
  parseWith,
  wholeNumberSchema,
} from '../validation';
import { loadedDocument } from './documents';

export const MAX_FINDINGS_PER_REQUEST = 10_000;

const listQuerySchema = z.object({
  kind: optionalParameter(kindSchema),
  status: optionalParameter(
    z.enum(FINDING_STATUSES, { error: `must be one of ${FINDING_STATUSES.join(', ')}` }),
  ),
  minConfidence: optionalParameter(confidenceParameterSchema),
  offset: optionalParameter(wholeNumberSchema),
  limit: optionalParameter(
    wholeNumberSchema.refine((limit) => limit >= 1 && limit <= MAX_FINDINGS_PER_REQUEST, {
      error: `must be from 1 to ${MAX_FINDINGS_PER_REQUEST}`,
    }),
  ),
});

export function loadedFinding(res: Response): ReviewedFinding {
  const finding = res.locals.finding as ReviewedFinding | undefined;
  if (!finding) throw new Error('findings.load must run before this handler');
  return finding;
}

export function findingRoutes(store: Store) {
  const load: RequestHandler = async (req, res, next) => {
    const { documentId, findingId } = parsePublicFindingId(String(req.params.findingId));
    const finding = await store.finding(documentId, findingId);
    if (!finding) throw new HttpError(404, `no finding ${req.params.findingId}`);
    res.locals.finding = finding;
    next();
  };

  return {
    load,

    /** Without `limit`, every matching finding from `offset` on. */
    list: (async (req, res) => {
      const document = loadedDocument(res);
      const query = parseWith(listQuerySchema, req.query);
      const { total, findings } = await store.findings(document.id, query);
      res.json({
        documentId: document.id,
        total,
        offset: query.offset ?? 0,
        limit: query.limit ?? null,
        findings: findings.map(findingJson),
      });
    }) satisfies RequestHandler,
  };
}
