/** What the robustness tests check of any list of findings, whatever the document. */

import type { Finding } from '../../src/analyser';
import { buildLineIndex, positionAt } from '../../src/analyser/text/line-index';

/** The fields of a finding these checks read: the analyser's and the API's findings have them. */
export type FindingFields = Pick<Finding, 'id' | 'kind' | 'start' | 'end' | 'line' | 'column' | 'text'>;

/**
 * What is wrong with the findings of `text`, one line each: a range outside the text, a text
 * that is not the slice, a wrong line or column, a partial overlap (CONTRACT.md: disjoint or
 * nested), findings out of order, an id used twice. Collected rather than asserted one by one,
 * as a document has thousands of findings.
 */
export function problemsOf(text: string, findings: readonly FindingFields[]): string[] {
  const problems: string[] = [];
  const lines = buildLineIndex(text);
  const open: FindingFields[] = [];
  const ids = new Set<string>();
  for (const [k, finding] of findings.entries()) {
    const { id, start, end } = finding;
    if (!(
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      0 <= start &&
      start <= end &&
      end <= text.length
    ))
      problems.push(`${id}: range [${start}, ${end}) outside the text of ${text.length}`);
    if (finding.text !== text.slice(start, end)) problems.push(`${id}: text ${JSON.stringify(finding.text)}`);
    const { line, column } = positionAt(lines, start);
    if (finding.line !== line || finding.column !== column)
      problems.push(`${id}: at ${finding.line}:${finding.column}, not ${line}:${column}`);
    if (ids.has(id)) problems.push(`${id}: id used twice`);
    ids.add(id);
    if (k > 0 && start < findings[k - 1]!.start) problems.push(`${id}: out of order`);
    while (open.length > 0 && open[open.length - 1]!.end <= start) open.pop();
    const enclosing = open[open.length - 1];
    if (enclosing && end > enclosing.end) problems.push(`${id}: partly overlaps ${enclosing.id}`);
    open.push(finding);
  }
  return problems;
}
