import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { analyse } from '../../src/analyser/analyse';
import type { Finding } from '../../src/analyser/types';

// Whole-document behaviour is pinned by fixture files: `input.txt` and the findings expected
// from it in `expected.json`. Regenerate on purpose with UPDATE_FIXTURES=1 and review the diff.
const FIXTURES = join(__dirname, '../../fixtures');
const cases: Array<[string, string, string]> = [
  ['seed', join(FIXTURES, 'seed.txt'), join(FIXTURES, 'seed/expected.json')],
  ...readdirSync(join(FIXTURES, 'cases')).map(
    (name) =>
      [name, join(FIXTURES, 'cases', name, 'input.txt'), join(FIXTURES, 'cases', name, 'expected.json')] as [
        string,
        string,
        string,
      ],
  ),
];

function summary(finding: Finding) {
  const { kind, line, column, text, replacement, confidence } = finding;
  return { kind, line, column, text, replacement, confidence };
}

describe.each(cases)('fixture %s', (_name, inputPath, expectedPath) => {
  const text = readFileSync(inputPath, 'utf8');
  const findings = analyse(text).findings.map(summary);

  it('gives the expected findings', () => {
    if (process.env.UPDATE_FIXTURES === '1' || !existsSync(expectedPath)) {
      writeFileSync(expectedPath, JSON.stringify(findings, null, 1) + '\n');
    }
    expect(findings).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});

describe('traps', () => {
  it('a text without furniture gets no furniture or footnote findings', () => {
    const text = readFileSync(join(FIXTURES, 'cases/no-furniture/input.txt'), 'utf8');
    const kinds = new Set(analyse(text).findings.map((finding) => finding.kind));
    for (const kind of [
      'running-header',
      'page-number',
      'footnote',
      'footnote-marker',
      'page-break',
    ] as const) {
      expect(kinds.has(kind)).toBe(false);
    }
  });

  it('CRLF documents get CRLF paragraph breaks and keep their line ends elsewhere', () => {
    const text = readFileSync(join(FIXTURES, 'cases/crlf-pages/input.txt'), 'utf8');
    const findings = analyse(text).findings;
    const breaks = findings.filter((finding) => finding.kind === 'paragraph-break');
    expect(breaks.length).toBeGreaterThan(0);
    for (const finding of breaks) expect(finding.replacement).toBe('\r\n\r\n');
    for (const finding of findings) expect(finding.replacement ?? '').not.toMatch(/(?<!\r)\n/);
  });
});
