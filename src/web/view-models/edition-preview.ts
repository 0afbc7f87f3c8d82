/**
 * The edition preview: the cleaned text cut into pieces, each change an accepted finding made
 * marked as such (with the finding's id), so an editor sees what the edition changed. A
 * removal leaves an empty mark where the removed text was.
 */

import type { Edition } from '../../analyser';

export interface PreviewPiece {
  text: string;
  /** The public id of the finding whose change this is; null for unchanged text. */
  finding: string | null;
}

export function previewPieces(
  edition: Pick<Edition, 'text' | 'changes'>,
  publicId: (findingId: string) => string,
): PreviewPiece[] {
  const pieces: PreviewPiece[] = [];
  let at = 0;
  const changes = [...edition.changes].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const change of changes) {
    if (change.start < at) continue;
    if (change.start > at) pieces.push({ text: edition.text.slice(at, change.start), finding: null });
    pieces.push({ text: edition.text.slice(change.start, change.end), finding: publicId(change.findingId) });
    at = change.end;
  }
  if (at < edition.text.length) pieces.push({ text: edition.text.slice(at), finding: null });
  return pieces;
}
