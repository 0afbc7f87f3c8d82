/**
 * Documents: import (text/plain or a multipart upload), list, show, delete; and the pages
 * that list them and show one with its findings. `load` finds the document named in the path
 * or answers 404; the handlers after it act on `loadedDocument(res)`.
 */

import express, { type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { decodeText } from '../../analyser';
import { FINDING_STATUSES, type DocumentRecord, type Store } from '../../store';
import { parsePublicFindingId } from '../finding-ids';
import { HttpError } from '../http-error';
import { boundaryOf, parseMultipart } from '../multipart';
import type { FormTokens } from '../middleware/csrf';
import { renderPage } from '../render-page';
import { historyPage } from '../view-models/history';
import {
  batchIdSchema,
  confidenceParameterSchema,
  decisionKindSchema,
  documentIdSchema,
  kindSchema,
  optionalParameter,
  parseWith,
  wholeNumberSchema,
} from '../validation';
import { documentRows } from '../view-models/documents';
import { FINDING_GROUPS, JUDGEMENT_KINDS, findingPage } from '../view-models/findings';
import type { SourceCache } from '../source-cache';

/** Room for the multipart framing around the file: headers, boundaries, a title field. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
export const FINDINGS_PER_PAGE = 50;
const DECISIONS_PER_PAGE = 100;
const UNTITLED = 'Untitled document';

const MAX_TITLE_LENGTH = 200;

/** A title on one line; too long is refused, empty means "use the next source of a title". */
const titleSchema = z.object({
  title: z
    .string({ error: 'must be one string' })
    .transform(oneLine)
    .pipe(z.string().max(MAX_TITLE_LENGTH, { error: `must be at most ${MAX_TITLE_LENGTH} characters` }))
    .optional(),
});

const pageQuerySchema = z.object({
  page: optionalParameter(wholeNumberSchema.refine((page) => page >= 1, { error: 'must be 1 or more' })),
  kind: optionalParameter(kindSchema),
  group: optionalParameter(z.enum(FINDING_GROUPS, { error: `must be ${FINDING_GROUPS.join(', ')}` })),
  status: optionalParameter(
    z.enum(FINDING_STATUSES, { error: `must be one of ${FINDING_STATUSES.join(', ')}` }),
  ),
  minConfidence: optionalParameter(confidenceParameterSchema),
  /** Set after a batch: the page offers its undo. */
  batch: optionalParameter(batchIdSchema),
  count: optionalParameter(wholeNumberSchema),
});

const historyQuerySchema = z.object({
  page: optionalParameter(wholeNumberSchema.refine((page) => page >= 1, { error: 'must be 1 or more' })),
  decision: optionalParameter(decisionKindSchema),
  /** One finding's decisions only: the public id, as the edition preview links it. */
  finding: optionalParameter(z.string().max(300)),
  // What an import or a re-analysis just did, for the page to say.
  imported: optionalParameter(wholeNumberSchema),
  skipped: optionalParameter(wholeNumberSchema),
  unmatched: optionalParameter(wholeNumberSchema),
  kept: optionalParameter(wholeNumberSchema),
  added: optionalParameter(wholeNumberSchema),
  removed: optionalParameter(wholeNumberSchema),
  orphaned: optionalParameter(wholeNumberSchema),
});

type HistoryQuery = z.output<typeof historyQuerySchema>;

/** One line on what the import or the re-analysis that led here did; null when none did. */
function outcomeNotice(query: HistoryQuery): string | null {
  const { imported, skipped = 0, unmatched = 0, kept, added = 0, removed = 0, orphaned = 0 } = query;
  if (imported !== undefined)
    return `Imported ${imported} decisions; ${skipped} were already here; ${unmatched} are about findings this document does not have and were not imported.`;
  if (kept !== undefined)
    return `Analysed again: ${kept} findings found again with their decisions, ${added} new, ${removed} gone; ${orphaned} decisions are about findings that are gone: they stay in the history below, marked.`;
  return null;
}

/** One line: runs of white space and control characters (a NUL among them) become one space. */
function oneLine(text: string): string {
  return text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

/** An upload over the limit is refused naming the limit the server was given, not the parser's (which adds room for the form's framing). */
function refusingOverLimit(parse: RequestHandler, maxBytes: number): RequestHandler {
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      const tooLarge = (error as { type?: string } | undefined)?.type === 'entity.too.large';
      next(tooLarge ? new HttpError(413, `the file is over the limit of ${maxBytes} bytes`) : error);
    });
}

export function loadedDocument(res: Response): DocumentRecord {
  const document = res.locals.document as DocumentRecord | undefined;
  if (!document) throw new Error('documents.load must run before this handler');
  return document;
}

export function documentRoutes(store: Store, sources: SourceCache, options: { maxBytes: number }) {
  const { maxBytes } = options;

  /** The document's text and title from the request, refusing what is not UTF-8 text. */
  function receivedDocument(req: Request): { title: string; text: string } {
    const contentType = req.headers['content-type'] ?? '';
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    const queryTitle = parseWith(titleSchema, req.query).title;
    if (mediaType === 'text/plain') {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return { title: queryTitle || UNTITLED, text: decodeText(bytes, { maxBytes }) };
    }
    if (mediaType === 'multipart/form-data') {
      if (!Buffer.isBuffer(req.body)) throw new HttpError(400, 'the upload is empty');
      const parts = parseMultipart(req.body, boundaryOf(contentType));
      const file = parts.find((part) => part.name === 'file');
      if (!file) throw new HttpError(400, "the upload has no field named 'file'");
      const titleField = parts.find((part) => part.name === 'title');
      const fieldTitle = parseWith(titleSchema, { title: titleField?.data.toString('utf8') }).title;
      // A file name is the title of last resort: cut to length rather than refused.
      const fileTitle = oneLine(file.filename ?? '').slice(0, MAX_TITLE_LENGTH);
      return {
        title: fieldTitle || queryTitle || fileTitle || UNTITLED,
        text: decodeText(file.data, { maxBytes }),
      };
    }
    throw new HttpError(
      415,
      "send the text as Content-Type: text/plain, or as multipart/form-data with a field named 'file'",
    );
  }

  const load: RequestHandler = async (req, res, next) => {
    const id = parseWith(documentIdSchema, req.params.documentId);
    const document = await store.getDocument(id);
    if (!document) throw new HttpError(404, `no document ${id}`);
    res.locals.document = document;
    next();
  };

  return {
    load,

    /** The raw bytes of an import: decoded by decodeText, never by the body parser. */
    receiveText: express.raw({ type: 'text/plain', limit: maxBytes }),
    receiveUpload: refusingOverLimit(
      express.raw({ type: 'multipart/form-data', limit: maxBytes + MULTIPART_OVERHEAD_BYTES }),
      maxBytes,
    ),

    /**
     * The documents page's import form (multipart: `_csrf`, `title`, and a `file` or a pasted
     * `text`); a pasted text's line ends, which the browser sends as CRLF, become LF.
     */
    createFromForm(tokens: FormTokens): RequestHandler {
      return async (req, res) => {
        if (!Buffer.isBuffer(req.body)) throw new HttpError(400, 'choose a file or paste a text');
        const parts = parseMultipart(req.body, boundaryOf(req.headers['content-type'] ?? ''));
        const field = (name: string) => parts.find((part) => part.name === name);
        tokens.verify(req, field('_csrf')?.data.toString('utf8'));
        const file = field('file');
        const pasted = field('text');
        const title = parseWith(titleSchema, { title: field('title')?.data.toString('utf8') }).title;
        let text: string;
        let fallbackTitle = UNTITLED;
        if (file && file.data.length > 0) {
          text = decodeText(file.data, { maxBytes });
          fallbackTitle = oneLine(file.filename ?? '').slice(0, MAX_TITLE_LENGTH) || UNTITLED;
        } else if (pasted && pasted.data.length > 0) {
          text = decodeText(pasted.data, { maxBytes }).replace(/\r\n/g, '\n');
        } else {
          throw new HttpError(400, 'choose a file or paste a text');
        }
        const summary = await store.importDocument(title || fallbackTitle, text);
        res.redirect(303, `/documents/${summary.id}`);
      };
    },

    confirmDeletePage: (async (_req, res) => {
      const document = loadedDocument(res);
      renderPage(res, 'documents/delete', `Delete ${document.title}`, { document });
    }) satisfies RequestHandler,

    removeFromForm: (async (_req, res) => {
      await store.deleteDocument(loadedDocument(res).id);
      res.redirect(303, '/');
    }) satisfies RequestHandler,

    create: (async (req, res) => {
      const { title, text } = receivedDocument(req);
      const summary = await store.importDocument(title, text);
      res.status(201).location(`/api/documents/${summary.id}`).json(summary);
    }) satisfies RequestHandler,

    list: (async (_req, res) => {
      res.json({ documents: await store.listDocuments() });
    }) satisfies RequestHandler,

    show: (async (_req, res) => {
      res.json(await store.summarise(loadedDocument(res).id));
    }) satisfies RequestHandler,

    remove: (async (_req, res) => {
      await store.deleteDocument(loadedDocument(res).id);
      res.status(204).end();
    }) satisfies RequestHandler,

    listPage: (async (_req, res) => {
      renderPage(res, 'documents/index', 'Documents', {
        documents: documentRows(await store.listDocuments()),
      });
    }) satisfies RequestHandler,

    historyPage: (async (req, res) => {
      const document = loadedDocument(res);
      const query = parseWith(historyQuerySchema, req.query);
      const { page = 1, decision, finding } = query;
      const address = finding === undefined ? undefined : parsePublicFindingId(finding);
      if (address !== undefined && address.documentId !== document.id)
        throw new HttpError(404, `no finding ${finding} in document ${document.id}`);
      renderPage(res, 'documents/history', `History: ${document.title}`, {
        ...(await historyPage(store, document, {
          decision,
          findingId: address?.findingId,
          page,
          perPage: DECISIONS_PER_PAGE,
          flagsPerPage: FINDINGS_PER_PAGE,
        })),
        notice: outcomeNotice(query),
      });
    }) satisfies RequestHandler,

    showPage: (async (req, res) => {
      const document = loadedDocument(res);
      const {
        page = 1,
        kind,
        group,
        status,
        minConfidence,
        batch,
        count = 0,
      } = parseWith(pageQuerySchema, req.query);
      const summary = (await store.summarise(document.id))!;
      const found = await store.findings(document.id, {
        kind,
        kinds: group === 'judgement' ? JUDGEMENT_KINDS : undefined,
        status,
        minConfidence,
        offset: (page - 1) * FINDINGS_PER_PAGE,
        limit: FINDINGS_PER_PAGE,
      });
      renderPage(
        res,
        'documents/show',
        document.title,
        findingPage(
          summary,
          found,
          { page, perPage: FINDINGS_PER_PAGE, kind, group, status, minConfidence },
          (await sources.text(document.id))!,
          batch === undefined ? null : { id: batch, count },
        ),
      );
    }) satisfies RequestHandler,
  };
}
