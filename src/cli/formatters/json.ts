import type { Analysis, Kind } from '../../analyser';

/** What `galley analyse --format json` prints (CONTRACT.md, "Command line"), plus `headings`. */
export interface AnalysisReport {
  file: string;
  length: number;
  /** Sorted by `start`, as `analyse` returns them. */
  findings: Analysis['findings'];
  summary: {
    /** Every kind analysed, found or not, with how many findings it has. */
    byKind: Partial<Record<Kind, number>>;
    elapsedMs: number;
  };
  headings: Analysis['headings'];
}

/** Exactly one JSON object, on one line. */
export function formatJson(
  file: string,
  analysis: Analysis,
  kinds: readonly Kind[],
  elapsedMs: number,
): string {
  const byKind: Partial<Record<Kind, number>> = {};
  for (const kind of kinds) byKind[kind] = 0;
  for (const finding of analysis.findings) byKind[finding.kind] = (byKind[finding.kind] ?? 0) + 1;
  const report: AnalysisReport = {
    file,
    length: analysis.length,
    findings: analysis.findings,
    summary: { byKind, elapsedMs: Math.round(elapsedMs * 10) / 10 },
    headings: analysis.headings,
  };
  return JSON.stringify(report) + '\n';
}
