/**
 * The batch preview: how many pending findings of a kind at or above a confidence a batch
 * would decide (an accept leaves out those without a suggestion), and a sample of them, spread
 * over the document, each with its passage as a diff.
 */

import type { Kind } from '../../analyser';
import type { DocumentRecord, ReviewedFinding } from '../../store';
import { publicFindingId } from '../finding-ids';
import { passageDiff, type DiffPart } from './passage-diff';

export interface SampleItem {
  anchor: string;
  page: string | null;
  confidence: string;
  diff: DiffPart[];
  /** The flag on the review page (its kind's list, at the page that holds it). */
  href: string;
}

export interface BatchPreviewModel {
  document: { id: number; title: string };
  kind: Kind;
  minConfidence: string;
  decision: 'accept' | 'reject';
  /** How many findings the batch would decide. */
  count: number;
  /** Pending findings left out because they have no suggestion to accept. */
  flagOnly: number;
  sample: SampleItem[];
  backHref: string;
}

interface PreviewOptions {
  kind: Kind;
  minConfidence: number;
  decision: 'accept' | 'reject';
  sampleSize: number;
  /** How many flags a review page shows, to link each sample to the right page. */
  flagsPerPage: number;
  /** A finding's place among the findings of its kind, in analysis order. */
  placeInKind: (finding: ReviewedFinding) => Promise<number>;
}

export async function batchPreview(
  sourceText: string,
  document: DocumentRecord,
  pending: readonly ReviewedFinding[],
  options: PreviewOptions,
): Promise<BatchPreviewModel> {
  const { kind, minConfidence, decision, sampleSize, flagsPerPage } = options;
  const decided = decision === 'accept' ? pending.filter((finding) => finding.replacement !== null) : pending;
  const step = Math.max(1, decided.length / sampleSize);
  const sample = [];
  for (let at = 0; at < decided.length && sample.length < sampleSize; at += step) {
    const finding = decided[Math.floor(at)]!;
    const anchor = publicFindingId(finding.documentId, finding.id);
    const flagPage = Math.floor((await options.placeInKind(finding)) / flagsPerPage) + 1;
    sample.push({
      anchor,
      href: `/documents/${document.id}?kind=${kind}${flagPage > 1 ? `&page=${flagPage}` : ''}#${anchor}`,
      page: finding.page ?? null,
      confidence: finding.confidence.toFixed(2),
      diff: passageDiff(sourceText, finding.start, finding.end, finding.replacement ?? finding.text),
    });
  }
  return {
    document: { id: document.id, title: document.title },
    kind,
    minConfidence: minConfidence.toFixed(2),
    decision,
    count: decided.length,
    flagOnly: pending.length - decided.length,
    sample,
    backHref: `/documents/${document.id}?kind=${kind}`,
  };
}
