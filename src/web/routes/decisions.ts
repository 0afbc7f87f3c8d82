/**
 * Decisions: one finding's (accept, reject, edit with a text, reset), a batch for every
 * pending finding that matches, the undo of a batch, and the history. Each is one transaction
 * in the store; statuses follow from the latest decision.
 */

import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { VersionConflict, type DecisionInput, type ReviewedFinding, type Store } from '../../store';
import { renderView } from '../render-page';
import { findingRow } from '../view-models/findings';
import { findingJson, historyJson } from '../api-shapes';
import { publicFindingId } from '../finding-ids';
import { HttpError } from '../http-error';
import {
  batchIdSchema,
  confidenceSchema,
  decisionKindSchema,
  editTextSchema,
  editorSchema,
  kindSchema,
  parseWith,
  versionSchema,
} from '../validation';
import { editorOf } from '../middleware/editor';
import { loadedDocument } from './documents';
import { loadedFinding } from './findings';
import type { SourceCache } from '../source-cache';

const NOT_AN_OBJECT = 'the body must be a JSON object (Content-Type: application/json)';

const decisionSchema = z
  .strictObject(
    {
      decision: decisionKindSchema,
      text: editTextSchema.optional(),
      editor: editorSchema.optional(),
      /** The finding's version the editor saw: a decision on an older one is a 409 conflict. */
      version: versionSchema.optional(),
    },
    { error: NOT_AN_OBJECT },
  )
  .refine((body) => body.decision !== 'edit' || body.text !== undefined, {
    error: 'an edit needs the text that replaces the finding',
    path: ['text'],
  })
  .refine((body) => body.decision === 'edit' || body.text === undefined, {
    error: 'only an edit takes a text',
    path: ['text'],
  });

const batchSchema = z.strictObject(
  {
    decision: z.enum(['accept', 'reject'], {
      error: 'must be accept or reject (edit one finding at a time; undo a batch to reset it)',
    }),
    kind: kindSchema.optional(),
    minConfidence: confidenceSchema.optional(),
    editor: editorSchema.optional(),
  },
  { error: NOT_AN_OBJECT },
);

const undoSchema = z.strictObject({ editor: editorSchema.optional() }, { error: NOT_AN_OBJECT });

/** A decision posted by the review page's form: the same fields, plus where to go back to. */
const formSchema = z.object({
  decision: decisionKindSchema,
  text: editTextSchema.optional(),
  version: z.coerce.number().pipe(versionSchema).optional(),
  returnTo: z.string().max(2000).optional(),
});

/** Back to the page the form was on (only a page of the same document), at the finding. */
function pageToReturnTo(documentId: number, returnTo: string | undefined, anchor: string): string {
  const page = `/documents/${documentId}`;
  const safe =
    returnTo !== undefined &&
    (returnTo === page || returnTo.startsWith(`${page}?`)) &&
    !/[#\\\s]/.test(returnTo);
  return `${safe ? returnTo : page}#${anchor}`;
}

/** The header the review page's script sends to get the decided flag back as HTML, in JSON. */
export const FRAGMENT_HEADER = 'X-Galley-Fragment';

/**
 * Decides and answers `{flag}`: the flag's list item as the page renders it (the page updates
 * its counts from the flag's status before and after). A conflict is a 409 with the flag as it
 * is now and the reason, `{flag, error}`.
 */
async function answerWithFlag(
  store: Store,
  sources: SourceCache,
  res: Response,
  finding: ReviewedFinding,
  input: DecisionInput,
  returnTo: string,
): Promise<void> {
  let current: ReviewedFinding;
  let notice: string | undefined;
  try {
    const decided = await store.decide(finding.documentId, finding.id, input);
    // Gone since the request loaded it (a re-analysis in between): as the API says it.
    if (!decided) throw new HttpError(404, `no finding ${publicFindingId(finding.documentId, finding.id)}`);
    current = decided;
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    res.status(409);
    current = error.current;
    notice = `Another decision came first: this flag is now ${error.current.status}. Look again before deciding.`;
  }
  const text = await sources.text(finding.documentId);
  const flag = await renderView(res, 'partials/flag', {
    finding: findingRow(current, text!),
    formToken: res.locals.formToken as string,
    returnTo,
    notice,
  });
  res.json({ flag, ...(notice && { error: notice }) });
}

export function decisionRoutes(store: Store, sources: SourceCache) {
  return {
    decide: (async (req, res) => {
      const finding = loadedFinding(res);
      const input = parseWith(decisionSchema, req.body);
      const decided = await store.decide(finding.documentId, finding.id, {
        ...input,
        editor: input.editor ?? editorOf(res),
      });
      if (!decided) throw new HttpError(404, `no finding ${req.params.findingId}`);
      res.json(findingJson(decided));
    }) satisfies RequestHandler,

    /** The review page's form post: decides, then goes back to the finding (303). */
    decideForm: (async (req, res) => {
      const finding = loadedFinding(res);
      const document = loadedDocument(res);
      if (finding.documentId !== document.id)
        throw new HttpError(404, `no finding ${req.params.findingId} in document ${document.id}`);
      const form = parseWith(formSchema, req.body);
      // A browser sends a textarea's line ends as CRLF: an edit keeps the document's own.
      const crlf = finding.text.includes('\r\n');
      const text =
        form.decision === 'edit' ? ((crlf ? form.text : form.text?.replace(/\r\n/g, '\n')) ?? '') : undefined;
      const input = { decision: form.decision, text, version: form.version, editor: editorOf(res) };
      // The page's script asks for the flag's new HTML instead of a new page (no reload).
      if (req.get(FRAGMENT_HEADER) === 'flag') {
        await answerWithFlag(
          store,
          sources,
          res,
          finding,
          input,
          form.returnTo ?? `/documents/${document.id}`,
        );
        return;
      }
      await store.decide(finding.documentId, finding.id, input);
      const anchor = publicFindingId(finding.documentId, finding.id);
      res.redirect(303, pageToReturnTo(document.id, form.returnTo, anchor));
    }) satisfies RequestHandler,

    decideMany: (async (req, res) => {
      const document = loadedDocument(res);
      const query = parseWith(batchSchema, req.body);
      res.json(await store.decideMany(document.id, { ...query, editor: query.editor ?? editorOf(res) }));
    }) satisfies RequestHandler,

    /** A body is optional here: `{"editor"}` at most. */
    undoBatch: (async (req, res) => {
      const document = loadedDocument(res);
      const batch = parseWith(batchIdSchema, req.params.batch);
      const { editor } = parseWith(undoSchema, req.body ?? {});
      const undone = await store.undoBatch(document.id, batch, editor ?? editorOf(res));
      if (!undone) throw new HttpError(404, `no batch ${batch} in document ${document.id}`);
      res.json({ batch, count: undone.count });
    }) satisfies RequestHandler,

    history: (async (_req, res) => {
      const document = loadedDocument(res);
      res.json({
        documentId: document.id,
        decisions: (await store.history(document.id)).map((entry) => historyJson(document.id, entry)),
      });
    }) satisfies RequestHandler,
  };
}
