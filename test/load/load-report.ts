import { textTable } from '../text-table';
/** The load test's report: one table per database, a figure a line, with its bar and verdict. */

export type Verdict = 'pass' | 'MISSED' | 'info';

export interface ReportLine {
  label: string;
  value: string;
  /** The bar the figure is held to, as written ("= 0", "< 50 ms"); absent for a figure shown for information. */
  bar?: string;
  verdict: Verdict;
}

/** A figure held to a bar: `pass` when `met`, else MISSED (upper case, to stand out in a log). */
export function held(label: string, value: string, bar: string, met: boolean): ReportLine {
  return { label, value, bar, verdict: met ? 'pass' : 'MISSED' };
}

export function shown(label: string, value: string): ReportLine {
  return { label, value, verdict: 'info' };
}

export function renderTable(lines: readonly ReportLine[]): string {
  const header = ['measure', 'value', 'bar', 'result'];
  const rows = lines.map((line) => [line.label, line.value, line.bar ?? '-', line.verdict]);
  return textTable(header, rows);
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}

export function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
}
