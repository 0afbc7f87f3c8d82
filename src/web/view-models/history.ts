/**
 * The history page: a document's decisions, newest first, a page at a time, each with its
 * finding's kind and text and a link to the flag on the review page (the page of its kind's
 * list that holds it).
 */

import type { Kind } from '../../analyser';
import type { DecisionKind, DocumentRecord, HistoryEntry, Store } from '../../store';
import { publicFindingId } from '../finding-ids';

export interface HistoryRow {
  decidedAt: string;
  decision: DecisionKind;
  /** Null for a decision about a finding the latest analysis no longer makes. */
  kind: Kind | null;
  source: string | null;
  text: string | null;
  editor: string | null;
  /** The first 8 characters of the batch id, or null. */
  batch: string | null;
  href: string | null;
}

export interface HistoryPageModel {
  document: { id: number; title: string };
  decision: DecisionKind | null;
  /** The public id of the one finding shown, or null for all. */
  finding: string | null;
  rows: HistoryRow[];
  total: number;
  page: number;
  pages: number;
  previousHref: string | null;
  nextHref: string | null;
}

interface HistoryOptions {
  decision?: DecisionKind;
  /** The analyser's id of the one finding whose decisions to show. */
  findingId?: string;
  page: number;
  perPage: number;
  /** How many flags a review page shows, to link to the right one. */
  flagsPerPage: number;
}

export async function historyPage(
  store: Store,
  document: DocumentRecord,
  options: HistoryOptions,
): Promise<HistoryPageModel> {
  const { decision, findingId, page, perPage, flagsPerPage } = options;
  const entries = (await store.history(document.id))
    .filter((entry) => decision === undefined || entry.decision === decision)
    .filter((entry) => findingId === undefined || entry.findingId === findingId)
    .reverse();
  const pages = Math.max(1, Math.ceil(entries.length / perPage));
  const shown = entries.slice((page - 1) * perPage, page * perPage);
  const base = `/documents/${document.id}`;
  const link = (to: number): string => {
    const query = new URLSearchParams();
    if (decision !== undefined) query.set('decision', decision);
    if (findingId !== undefined) query.set('finding', publicFindingId(document.id, findingId));
    if (to > 1) query.set('page', String(to));
    const text = query.toString();
    return `${base}/history${text === '' ? '' : `?${text}`}`;
  };
  return {
    document: { id: document.id, title: document.title },
    decision: decision ?? null,
    finding: findingId === undefined ? null : publicFindingId(document.id, findingId),
    rows: await Promise.all(shown.map((entry) => rowOf(store, document.id, entry, flagsPerPage))),
    total: entries.length,
    page,
    pages,
    previousHref: page > 1 ? link(page - 1) : null,
    nextHref: page < pages ? link(page + 1) : null,
  };
}

async function rowOf(
  store: Store,
  documentId: number,
  entry: HistoryEntry,
  flagsPerPage: number,
): Promise<HistoryRow> {
  const finding = await store.finding(documentId, entry.findingId);
  const decided = {
    decidedAt: entry.decidedAt,
    decision: entry.decision,
    text: entry.text === null ? null : entry.text.replace(/\r?\n/g, '⏎'),
    editor: entry.editor,
    batch: entry.batch === null ? null : entry.batch.slice(0, 8),
  };
  // A decision about a finding a later analysis no longer makes: kept, shown, not linked.
  if (!finding) return { ...decided, kind: null, source: null, href: null };
  const flagPage = Math.floor((await store.placeInKind(documentId, finding.id)) / flagsPerPage) + 1;
  const query = new URLSearchParams({ kind: finding.kind });
  if (flagPage > 1) query.set('page', String(flagPage));
  return {
    ...decided,
    kind: finding.kind,
    source: finding.text.replace(/\r?\n/g, '⏎'),
    href: `/documents/${documentId}?${query.toString()}#${publicFindingId(documentId, finding.id)}`,
  };
}
