import type { Analysis } from '../../analyser';

/** One line per finding, `FILE:LINE:COLUMN kind message`, as linters print them; nothing when there are none. */
export function formatText(file: string, analysis: Analysis): string {
  return analysis.findings
    .map((finding) => `${file}:${finding.line}:${finding.column} ${finding.kind} ${finding.message}\n`)
    .join('');
}
