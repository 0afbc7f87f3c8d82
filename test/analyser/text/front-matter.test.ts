import { analyse } from '../../../src/analyser/analyse';
import { frontMatterLineCount } from '../../../src/analyser/text/front-matter';
import { splitLines } from '../../../src/analyser/text/lines';

const count = (text: string) => frontMatterLineCount(text, splitLines(text));

describe('front matter', () => {
  it('is the fenced YAML block at the top', () => {
    expect(count('---\ntitle: A\ndescription: ""\n---\nText.\n')).toBe(4);
    expect(count('---\r\ntitle: A\r\n---\r\nText.\r\n')).toBe(3);
  });

  it('is not a rule followed by prose, an unclosed block or a block further down', () => {
    expect(count('---\nThis is a paragraph after a rule.\n---\n')).toBe(0);
    expect(count('---\ntitle: A\nText without a closing fence.\n')).toBe(0);
    expect(count('Text.\n---\ntitle: A\n---\n')).toBe(0);
  });

  it('is kept out of the analysis', () => {
    const text = [
      '---',
      'title: Wrapped front matter that looks',
      'description: "like a paragraph"',
      '---',
      'A paragraph that is wrapped over',
      'two lines.',
      '',
    ].join('\n');
    const findings = analyse(text).findings;
    const firstBody = text.indexOf('A paragraph');
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.start).toBeGreaterThanOrEqual(text.indexOf('\n---') + 4);
    expect(findings.some((finding) => finding.start >= firstBody)).toBe(true);
  });
});
