import { analyse } from '../../../src/analyser/analyse';
import { applyEdits } from '../../../src/analyser/edits/apply-edits';
import { acceptAll, selectEdits } from '../../../src/analyser/edits/decisions';
import type { Kind } from '../../../src/analyser/kinds';

export interface DetectorTable {
  /** Texts in which the kind must not be reported. */
  valid: string[];
  /** Texts with the kind's artefacts, and the text after accepting every finding of the kind. */
  invalid: Array<{ text: string; output: string }>;
}

/** The one helper every detector's table runs through (ESLint's RuleTester, in small). */
export function runDetectorTable(kind: Kind, table: DetectorTable): void {
  describe(`${kind} table`, () => {
    it.each(table.valid.map((text) => [text]))('reports nothing in %j', (text) => {
      expect(analyse(text, { kinds: [kind] }).findings).toEqual([]);
    });
    it.each(table.invalid.map(({ text, output }) => [text, output]))('corrects %j', (text, output) => {
      const findings = analyse(text, { kinds: [kind] }).findings;
      expect(findings.length).toBeGreaterThan(0);
      const { edits } = selectEdits(findings, acceptAll(findings));
      expect(applyEdits(text, edits).text).toBe(output);
    });
  });
}

/** Pages of body lines, each after a running header and its page number. */
export function pages(bodies: string[][], header = 'Institute for Regional Studies', first = 41): string {
  return bodies.map((body, k) => [header, String(first + k), ...body].join('\n')).join('\n') + '\n';
}
