import { textTable } from '../text-table';
import { judge, type Measure, type Target, type Unit } from './measure';

const comparisonSigns: Record<Target['comparison'], string> = { 'at-least': '≥', 'at-most': '≤', below: '<' };

/** The report as a fixed-width table: one measure a line, numbers right-aligned. */
export function renderTable(measures: readonly Measure[]): string {
  const header = ['measure', 'median', 'min', 'max', 'target', 'result'];
  const rows = measures.map((measure) => [
    measure.label,
    measure.summary ? formatValue(measure.summary.median, measure.unit) : '-',
    measure.summary ? formatValue(measure.summary.min, measure.unit) : '-',
    measure.summary ? formatValue(measure.summary.max, measure.unit) : '-',
    measure.target ? formatTarget(measure.target, measure.unit) : '-',
    resultText(measure),
  ]);
  return textTable(header, rows);
}

function resultText(measure: Measure): string {
  const verdict = judge(measure);
  return measure.note ? `${verdict}: ${measure.note}` : verdict;
}

/** Targets are round numbers set by hand, so they print as written: "≥ 20 MB/s", "< 500 ms". */
export function formatTarget(target: Target, unit: Unit): string {
  if (unit === 'yes/no') return target.value > 0 ? 'yes' : 'no';
  return `${comparisonSigns[target.comparison]} ${withUnit(String(target.value), unit)}`;
}

export function formatValue(value: number, unit: Unit): string {
  if (unit === 'yes/no') return value >= 1 ? 'yes' : 'no';
  return unit === 'ms' ? formatDuration(value) : withUnit(formatNumber(value), unit);
}

function withUnit(number: string, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return `${number} ms`;
    case 'MB/s':
      return `${number} MB/s`;
    case 'ratio':
      return `${number}×`;
    case 'x input':
      return `${number}× input`;
    case 'yes/no':
      return number;
  }
}

function formatDuration(ms: number): string {
  if (ms < 1) return `${(ms * 1e3).toFixed(1)} µs`;
  if (ms < 1e3) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1e3).toFixed(2)} s`;
}

/** Three significant figures or so; absurd values (a stub analyser's throughput) in exponent form. */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : String(value);
  const size = Math.abs(value);
  if (size >= 1e5) return value.toExponential(1);
  if (size >= 100) return value.toFixed(0);
  if (size >= 10) return value.toFixed(1);
  if (size >= 0.01 || size === 0) return value.toFixed(2);
  return value.toExponential(1);
}
