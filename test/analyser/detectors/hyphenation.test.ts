import { analyse } from '../../../src/analyser/analyse';
import { applyEdits } from '../../../src/analyser/edits/apply-edits';
import { acceptAll, selectEdits } from '../../../src/analyser/edits/decisions';

const text = 'The China research community writ-\nlarge has long studied these questions in depth.\n';

describe('an unsure hyphen decision', () => {
  const findings = analyse(text).findings;
  const hyphen = findings.find((finding) => finding.kind === 'hyphenation')!;
  const lineBreak = findings.find((finding) => finding.kind === 'line-wrap')!;

  it('carries the line break as a sure finding inside it', () => {
    expect(hyphen.confidence).toBeLessThan(0.8);
    expect(lineBreak.confidence).toBeGreaterThanOrEqual(0.8);
    expect(lineBreak.start).toBeGreaterThan(hyphen.start);
    expect(lineBreak.end).toBe(hyphen.end);
  });

  it('mends the line keeping the hyphen when only the sure part is accepted', () => {
    const { edits } = selectEdits(
      findings,
      acceptAll(findings, (finding) => finding.confidence >= 0.8),
    );
    expect(applyEdits(text, edits).text).toBe(
      'The China research community writ-large has long studied these questions in depth.\n',
    );
  });
});
