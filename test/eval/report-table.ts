/**
 * Fixed-width tables for the evaluation report: one row per kind with TP, FP, FN, precision,
 * recall and F1, and the calibration table. A metric with nothing to divide by prints as "-".
 */

import { f1, precision, recall, type CalibrationBucket, type Counts } from './match';

export interface ScoreLine {
  name: string;
  counts: Counts;
}

/** A metric as JSON: rounded to four places, null when undefined. */
export function metric(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10000) / 10000;
}

function formatMetric(value: number | null): string {
  return value === null ? '-' : value.toFixed(3);
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
}

export function formatScoreTable(lines: readonly ScoreLine[], firstColumn = 'kind'): string {
  const widths = [Math.max(firstColumn.length, ...lines.map((line) => line.name.length)), 6, 6, 6, 9, 6, 6];
  const out = [row([firstColumn, 'TP', 'FP', 'FN', 'precision', 'recall', 'F1'], widths)];
  for (const { name, counts } of lines) {
    out.push(
      row(
        [
          name,
          String(counts.tp),
          String(counts.fp),
          String(counts.fn),
          formatMetric(precision(counts)),
          formatMetric(recall(counts)),
          formatMetric(f1(counts)),
        ],
        widths,
      ),
    );
  }
  return out.join('\n');
}

export function formatCalibration(buckets: readonly CalibrationBucket[]): string {
  const widths = [10, 8, 7, 9];
  const out = [row(['confidence', 'findings', 'correct', 'precision'], widths)];
  for (const bucket of buckets) {
    const share = bucket.findings === 0 ? null : bucket.correct / bucket.findings;
    out.push(
      row(
        [
          `${bucket.from.toFixed(1)}-${bucket.to.toFixed(1)}`,
          String(bucket.findings),
          String(bucket.correct),
          formatMetric(share),
        ],
        widths,
      ),
    );
  }
  return out.join('\n');
}

export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((r) => r[i]?.length ?? 0)));
  return [header, ...rows].map((cells) => row(cells, widths)).join('\n');
}
