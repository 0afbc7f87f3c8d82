/** How far a document's review has come: overall and by kind, as the pages print it. */

import type { Kind } from '../../analyser';
import type { DocumentSummary } from '../../store';

export interface KindCount {
  kind: Kind;
  total: number;
  reviewed: number;
  /** The document page filtered to this kind. */
  href: string;
}

/** "42 %", floored, so that 100 % means every finding is reviewed. */
export function percentOf(part: number, whole: number): string {
  return whole === 0 ? '100 %' : `${Math.floor((part / whole) * 100)} %`;
}

export function reviewedOf(summary: DocumentSummary): number {
  return summary.findings - summary.byStatus.pending;
}

export function kindCounts(summary: DocumentSummary): KindCount[] {
  return Object.entries(summary.byKind).map(([kind, counts]) => ({
    kind: kind as Kind,
    total: counts.total,
    reviewed: counts.total - counts.pending,
    href: `/documents/${summary.id}?kind=${encodeURIComponent(kind)}`,
  }));
}
