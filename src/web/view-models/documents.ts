/** The documents page's rows: what the view prints, computed here so the view only loops. */

import type { DocumentSummary } from '../../store';
import { kindCounts, percentOf, reviewedOf, type KindCount } from './progress';

export interface DocumentRow {
  href: string;
  title: string;
  findings: number;
  reviewed: number;
  /** "42 %", for the progress bar's fallback text. */
  percent: string;
  /** The date of import, "2025-03-01". */
  imported: string;
  createdAt: string;
  kinds: KindCount[];
}

export function documentRows(documents: readonly DocumentSummary[]): DocumentRow[] {
  return documents.map((document) => {
    const reviewed = reviewedOf(document);
    return {
      href: `/documents/${document.id}`,
      title: document.title,
      findings: document.findings,
      reviewed,
      percent: percentOf(reviewed, document.findings),
      imported: document.createdAt.slice(0, 10),
      createdAt: document.createdAt,
      kinds: kindCounts(document),
    };
  });
}
