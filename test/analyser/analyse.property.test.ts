import fc from 'fast-check';
import { analyse, base32 } from '../../src/analyser/analyse';
import { applyEdits } from '../../src/analyser/edits/apply-edits';
import { acceptAll, selectEdits } from '../../src/analyser/edits/decisions';
import { renderEdition } from '../../src/analyser/edits/render-edition';

// Documents made of the material extractions are made of: wrapped prose, page numbers,
// headers, footnote-like lines, hyphens, blank lines, CRLF, quotes, emoji and odd spaces.
const line = fc.oneof(
  fc.constantFrom(
    'China Aerospace Studies Institute',
    'the world is undergoing major changes unprecedented in a century, and with',
    'Strive to work with countries along the Belt and Road to conform to the',
    'development,',
    'the all-',
    'round opening up of the economy.1 In May',
    '1 Xi Jinping: On Persisting, Central Literature Publishing House, 2018 edition, p. 510.',
    "Section 1: China's Plan for Human Development and the",
    '1. build a world of lasting peace',
    'page 12',
    '- 7 -',
    '2019',
    '',
    '   ',
    '“quoted” and "straight" marks 👍🏽 and é',
    'Footnotes:',
    '---',
  ),
  fc.nat(400).map(String),
  fc.string({ maxLength: 80 }),
);
const documentText = fc
  .tuple(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, lineBreak, finalBreak]) => lines.join(lineBreak) + (finalBreak ? lineBreak : ''));

describe('analyse on arbitrary documents', () => {
  it('never throws, reports ranges inside the text, and ids that are unique and stable', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const first = analyse(text);
        for (const finding of first.findings) {
          expect(finding.start).toBeGreaterThanOrEqual(0);
          expect(finding.end).toBeLessThanOrEqual(text.length);
          expect(finding.text).toBe(text.slice(finding.start, finding.end));
        }
        const ids = first.findings.map((finding) => finding.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(analyse(text).findings.map((finding) => finding.id)).toEqual(ids);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back the source when nothing is accepted, and an edition when everything is', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const { findings, headings } = analyse(text);
        expect(renderEdition(text, findings, new Map(), { format: 'text' }).text).toBe(text);
        const { edits } = selectEdits(findings, acceptAll(findings));
        expect(() => applyEdits(text, edits)).not.toThrow();
        expect(() =>
          renderEdition(text, findings, acceptAll(findings), { format: 'markdown', headings }),
        ).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('base32, the last part of every id', () => {
  it('writes a hash as toString(32) does, so that ids never change', () => {
    for (const hash of [0, 1, 31, 32, 1023, 1024, 32767, 32768, 2 ** 31 - 1, -1, -(2 ** 31)]) {
      expect(base32(hash)).toBe((hash >>> 0).toString(32));
    }
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (hash) => {
        expect(base32(hash)).toBe((hash >>> 0).toString(32));
      }),
    );
  });
});

describe('finding ids', () => {
  it('are the kind, the hash of the context in base 32, and "-n" for the nth same context', () => {
    const page = 'The plan was adopted by all the members of the\ncommission, who agreed to it.\n\n';
    const findings = analyse(page.repeat(3)).findings.filter((finding) => finding.kind === 'line-wrap');
    expect(findings).toHaveLength(3);
    const [first, second, third] = findings.map((finding) => finding.id);
    expect(first).toMatch(/^line-wrap-[0-9a-v]{1,7}$/);
    // Each wrap has the same 24 characters before and after it.
    expect([second, third]).toEqual([`${first}-2`, `${first}-3`]);
  });
});
