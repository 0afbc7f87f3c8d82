import type { Summary } from './statistics';

/** `yes/no` is a verdict measured as 1 (yes) or 0 (no), held to `at-least 1`. */
export type Unit = 'MB/s' | 'ms' | 'ratio' | 'x input' | 'yes/no';

/** A target a measure's median is held to; `at-most` and `below` differ only at the bound. */
export interface Target {
  comparison: 'at-least' | 'at-most' | 'below';
  value: number;
}

/** One line of the report. */
export interface Measure {
  id: string;
  label: string;
  unit: Unit;
  /** Absent when the measure could not be taken: `note` says why. */
  summary?: Summary;
  /** Absent for figures shown for comparison only. */
  target?: Target;
  note?: string;
  /** Set when taking the measure failed (as opposed to being skipped on purpose). */
  failed?: boolean;
}

/** `MISSED` and `FAILED` are upper case so that they stand out in a log. */
export type Verdict = 'pass' | 'MISSED' | 'FAILED' | 'skipped' | 'info';

export function judge(measure: Measure): Verdict {
  if (measure.failed) return 'FAILED';
  if (!measure.summary) return 'skipped';
  if (!measure.target) return 'info';
  return meetsTarget(measure.summary.median, measure.target) ? 'pass' : 'MISSED';
}

function meetsTarget(value: number, target: Target): boolean {
  switch (target.comparison) {
    case 'at-least':
      return value >= target.value;
    case 'at-most':
      return value <= target.value;
    case 'below':
      return value < target.value;
  }
}

/** Throughput of each run: `bytes` over each time, in MB (1e6 bytes) per second. */
export function throughputs(bytes: number, timesMs: readonly number[]): number[] {
  return timesMs.map((ms) => bytes / 1e6 / (ms / 1e3));
}
