/**
 * The cleaned edition of a document: its stored text, rendered with its findings and the
 * decisions so far (renderEdition). With nothing accepted, the text edition is the source,
 * byte for byte. The API answers it as text; the page shows it with each change marked; the
 * download is a file.
 */

import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { renderEdition, type Edition, type EditionFormat } from '../../analyser';
import type { DocumentRecord, Store } from '../../store';
import { publicFindingId } from '../finding-ids';
import { renderPage } from '../render-page';
import { previewPieces } from '../view-models/edition-preview';
import { optionalParameter, parseWith } from '../validation';
import { loadedDocument } from './documents';

const formatQuerySchema = z.object({
  format: optionalParameter(z.enum(['text', 'markdown'], { error: 'must be text or markdown' })),
});

const MEDIA_TYPES: Record<EditionFormat, string> = {
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
};

export function editionRoutes(store: Store) {
  async function editionOf(document: DocumentRecord, format: EditionFormat): Promise<Edition> {
    // From the store, not the cache: a re-analysis may have changed the headings.
    const source = (await store.getSource(document.id))!;
    const { findings } = await store.findings(document.id);
    return renderEdition(source.text, findings, await store.decisionsOf(document.id), {
      format,
      headings: source.headings,
    });
  }

  function send(res: Response, format: EditionFormat, edition: Edition): void {
    res.type(MEDIA_TYPES[format]).send(edition.text);
  }

  return {
    show: (async (req, res) => {
      const { format = 'text' } = parseWith(formatQuerySchema, req.query);
      send(res, format, await editionOf(loadedDocument(res), format));
    }) satisfies RequestHandler,

    download: (async (req, res) => {
      const document = loadedDocument(res);
      const { format = 'text' } = parseWith(formatQuerySchema, req.query);
      res.attachment(`${fileNameOf(document.title)}.${format === 'markdown' ? 'md' : 'txt'}`);
      send(res, format, await editionOf(document, format));
    }) satisfies RequestHandler,

    previewPage: (async (_req, res) => {
      const document = loadedDocument(res);
      const edition = await editionOf(document, 'text');
      renderPage(res, 'documents/edition', `Edition: ${document.title}`, {
        document,
        pieces: previewPieces(edition, (findingId) => publicFindingId(document.id, findingId)),
        changes: edition.changes.length,
        notes: edition.notes.length,
      });
    }) satisfies RequestHandler,
  };
}

/** A file name from a title: letters, digits and dashes. */
function fileNameOf(title: string): string {
  const name = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return name === '' ? 'edition' : name;
}
