/**
 * The public id of a stored finding: `d<documentId>-<analyserId>`, e.g. `d3-line-wrap-138ro28`.
 * The analyser's id is stable across runs on the same text, so two imports of one text share
 * it; the document number makes it unique across documents, and lets
 * `POST /api/findings/:id/decision` name a finding by one path segment.
 */

import { HttpError } from './http-error';

export interface FindingAddress {
  documentId: number;
  findingId: string;
}

const PUBLIC_ID = /^d([1-9]\d{0,14})-([a-z][a-z0-9-]{0,199})$/;

export function publicFindingId(documentId: number, findingId: string): string {
  return `d${documentId}-${findingId}`;
}

/** The document and analyser id in a public id; a malformed one is a 400. */
export function parsePublicFindingId(id: string): FindingAddress {
  const match = PUBLIC_ID.exec(id);
  if (!match) {
    throw new HttpError(
      400,
      `'${id.slice(0, 80)}' is not a finding id (d<document>-<finding>, e.g. d1-line-wrap-138ro28)`,
    );
  }
  return { documentId: Number(match[1]), findingId: match[2]! };
}
