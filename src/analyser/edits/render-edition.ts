import type { Finding, Heading } from '../types';
import type { Decisions } from './decisions';

export type EditionFormat = 'text' | 'markdown';

export interface EditionOptions {
  format: EditionFormat;
  /** Headings from the analysis, marked as such in Markdown. */
  headings?: readonly Heading[];
}

export interface Edition {
  text: string;
  /** Where each accepted finding's change landed in `text`. */
  changes: Array<{ findingId: string; start: number; end: number }>;
}

/** STUB: being written. The source plus the accepted findings, rendered as text or Markdown. */
export function renderEdition(
  source: string,
  findings: readonly Finding[],
  decisions: Decisions,
  options: EditionOptions,
): Edition {
  void findings;
  void decisions;
  void options;
  return { text: source, changes: [] };
}
