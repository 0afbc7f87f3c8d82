/**
 * The document page: one page of findings, each with its source text and suggestion made
 * visible (a line break shows as ⏎, a removal says so) and its passage as a word-level diff
 * (the editor's text when the finding was edited), the counts by kind as filters, and
 * the links to the neighbouring pages.
 */

import { KINDS, type Kind } from '../../analyser';
import type { DocumentSummary, FindingPage, FindingStatus, ReviewedFinding } from '../../store';
import { publicFindingId } from '../finding-ids';
import { passageDiff, visibleBreaks, type DiffPart } from './passage-diff';
import { kindCounts, percentOf, reviewedOf, type KindCount } from './progress';

export interface FindingRow {
  /** The element id, the public finding id. */
  anchor: string;
  kind: Kind;
  confidence: string;
  status: FindingStatus;
  message: string;
  line: number;
  page: string | null;
  source: string;
  /** The suggestion to print, or null when there is none (flag only). */
  suggestion: string | null;
  /** True when the suggestion is to remove the source text. */
  removes: boolean;
  /** The editor's own text, for an edited finding. */
  edited: string | null;
  /** Where the finding's decision form posts. */
  action: string;
  /** The finding's version: its decision forms send it, so that a decision on a stale page is refused. */
  version: number;
  /** The edit field's text: the editor's, else the suggestion, else the source. */
  editText: string;
  /** The passage around the finding, before and after its suggestion, word by word; null without one. */
  diff: DiffPart[] | null;
}

/**
 * The mechanical kinds, reviewed as groups on their batch screen: furniture, line wraps and
 * confident hyphen joins. The judgement kinds come one by one.
 */
export const MECHANICAL_KINDS: readonly Kind[] = [
  'running-header',
  'page-number',
  'line-wrap',
  'hyphenation',
];

/**
 * The judgement calls, one by one: every kind that is not mechanical, and hyphenation too: its
 * confident joins are a group, and what a batch leaves pending needs a judgement.
 */
export const JUDGEMENT_KINDS: readonly Kind[] = KINDS.filter(
  (kind) => kind === 'hyphenation' || !MECHANICAL_KINDS.includes(kind),
);

export const FINDING_GROUPS = ['judgement'] as const;
export type FindingGroup = (typeof FINDING_GROUPS)[number];

export interface GroupLink {
  kind: Kind;
  pending: number;
  href: string;
}

export interface PageLink {
  href: string;
  label: string;
}

export interface FindingPageModel {
  document: { id: number; title: string; findings: number; reviewed: number; percent: string };
  editionHref: string;
  kinds: KindCount[];
  /** The mechanical kinds with pending findings, each linked to its group screen. */
  groups: GroupLink[];
  /** The pending judgement calls, listed one by one; null when there are none. */
  judgement: { pending: number; href: string } | null;
  filter: string | null;
  /** The confidence filter, as typed in its field ("" when none). */
  minConfidence: string;
  filterKind: Kind | null;
  filterGroup: FindingGroup | null;
  filterStatus: FindingStatus | null;
  /** This page's path and query, for the forms to come back to. */
  returnTo: string;
  /** The batch preview of the kind shown, when the page is filtered to one kind. */
  batchHref: string | null;
  /** The batch just decided, with the address of its undo. */
  batch: { count: number; undo: string } | null;
  rows: FindingRow[];
  /** 1-based number of the first row, for the list's `start`. */
  first: number;
  total: number;
  page: number;
  pages: number;
  previous: PageLink | null;
  next: PageLink | null;
}

interface PageOptions {
  page: number;
  perPage: number;
  kind?: Kind;
  group?: FindingGroup;
  status?: FindingStatus;
  minConfidence?: number;
}

export function findingPage(
  summary: DocumentSummary,
  found: FindingPage,
  options: PageOptions,
  sourceText: string,
  batch: { id: string; count: number } | null = null,
): FindingPageModel {
  const { page, perPage, kind, group, status, minConfidence } = options;
  const confidence = minConfidence === undefined ? undefined : String(minConfidence);
  const base = `/documents/${summary.id}`;
  const pages = Math.max(1, Math.ceil(found.total / perPage));
  const link = (to: number): string =>
    withQuery(base, {
      kind,
      group,
      status,
      minConfidence: confidence,
      page: to === 1 ? undefined : String(to),
    });
  const judgementPending = JUDGEMENT_KINDS.reduce(
    (sum, judgement) => sum + (summary.byKind[judgement]?.pending ?? 0),
    0,
  );
  const reviewed = reviewedOf(summary);
  return {
    document: {
      id: summary.id,
      title: summary.title,
      findings: summary.findings,
      reviewed,
      percent: percentOf(reviewed, summary.findings),
    },
    editionHref: `${base}/edition`,
    kinds: kindCounts(summary),
    groups: MECHANICAL_KINDS.flatMap((mechanical) => {
      const pending = summary.byKind[mechanical]?.pending ?? 0;
      return pending === 0 ? [] : [{ kind: mechanical, pending, href: `${base}/batch?kind=${mechanical}` }];
    }),
    judgement:
      judgementPending === 0
        ? null
        : { pending: judgementPending, href: `${base}?group=judgement&status=pending` },
    minConfidence: confidence ?? '',
    filterKind: kind ?? null,
    filterGroup: group ?? null,
    filterStatus: status ?? null,
    filter:
      [
        group && 'judgement calls',
        kind,
        status,
        confidence === undefined ? undefined : `confidence ≥ ${confidence}`,
      ]
        .filter((part) => part !== undefined)
        .join(', ') || null,
    returnTo: link(page),
    batchHref: kind === undefined ? null : `${base}/batch?kind=${kind}`,
    batch: batch === null ? null : { count: batch.count, undo: `${base}/batches/${batch.id}/undo` },
    rows: found.findings.map((finding) => findingRow(finding, sourceText)),
    first: (page - 1) * perPage + 1,
    total: found.total,
    page,
    pages,
    previous: page > 1 ? { href: link(page - 1), label: 'Previous' } : null,
    next: page < pages ? { href: link(page + 1), label: 'Next' } : null,
  };
}

export function findingRow(finding: ReviewedFinding, sourceText: string): FindingRow {
  const shown = finding.decisionText ?? finding.replacement;
  const anchor = publicFindingId(finding.documentId, finding.id);
  return {
    anchor,
    kind: finding.kind,
    confidence: finding.confidence.toFixed(2),
    status: finding.status,
    message: finding.message,
    line: finding.line,
    page: finding.page ?? null,
    source: visibleBreaks(finding.text),
    suggestion: finding.replacement === null ? null : visibleBreaks(finding.replacement),
    removes: finding.replacement === '',
    edited: finding.decisionText === null ? null : visibleBreaks(finding.decisionText),
    action: `/documents/${finding.documentId}/findings/${anchor}/decision`,
    version: finding.version,
    editText: shown ?? finding.text,
    diff: shown === null ? null : passageDiff(sourceText, finding.start, finding.end, shown),
  };
}

function withQuery(path: string, parameters: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) if (value !== undefined) query.set(key, value);
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}
