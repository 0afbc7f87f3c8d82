import { loadCleanDocuments, parseCleanText, type CleanDocument } from './clean-text';
import { reconstructBlocks, rawLines, lineContent } from './extraction-check';
import { FURNITURE_FREE_STYLE, STYLES, styleByName } from './extraction-styles';
import { generateExtraction } from './fake-extraction';
import type { LabelledDocument } from './truth';

const documents = loadCleanDocuments();
const SEEDS = [1, 2];

/** Every style × seed × clean document, generated once (generation runs the self-check and throws on a bad truth). */
const generated = new Map<string, LabelledDocument[]>();
for (const style of STYLES) {
  generated.set(
    style.name,
    SEEDS.flatMap((seed) => documents.map((document) => generateExtraction(document, style, seed))),
  );
}
const all = [...generated.values()].flat();

function bodyLines(extraction: LabelledDocument): string[] {
  const notBody = new Set(extraction.truth.furniture.map((item) => item.line));
  for (const note of extraction.truth.footnotes) {
    for (let line = note.firstLine; line <= note.lastLine; line++) notBody.add(line);
  }
  return rawLines(extraction.text)
    .map((line, index) => (notBody.has(index + 1) ? '' : lineContent(line)))
    .filter((line) => line !== '');
}

describe('clean fixtures', () => {
  it('hold about sixty paragraphs with headings, and the compounds the analyser must keep', () => {
    const blocks = documents.flatMap((document) => parseCleanText(document.text));
    expect(blocks.filter((block) => block.kind === 'paragraph').length).toBeGreaterThanOrEqual(55);
    expect(blocks.filter((block) => block.kind === 'heading').length).toBeGreaterThanOrEqual(12);
    const text = blocks.map((block) => block.text).join(' ');
    for (const compound of [
      'all-round',
      'long-term',
      'people-to-people',
      'China-France',
      'non-threat',
      'well-being',
      'self-reliance',
    ]) {
      expect(text).toContain(compound);
    }
    const headings = blocks.filter((block) => block.kind === 'heading').map((block) => block.text);
    expect(headings.some((heading, i) => headings.indexOf(heading) !== i)).toBe(true);
  });
});

describe('generateExtraction', () => {
  const document: CleanDocument = documents[0]!;

  it('is deterministic for a document, style and seed', () => {
    for (const style of ['seed-like', 'page-by-page', FURNITURE_FREE_STYLE]) {
      expect(generateExtraction(document, style, 7)).toEqual(generateExtraction(document, style, 7));
    }
    expect(generateExtraction(document, 'seed-like', 7).text).not.toBe(
      generateExtraction(document, 'seed-like', 8).text,
    );
  });

  it('offers at least ten styles with furniture and one without', () => {
    expect(STYLES.filter((style) => style.header || style.footer).length).toBeGreaterThanOrEqual(10);
    expect(styleByName(FURNITURE_FREE_STYLE).header).toBeUndefined();
    expect(() => styleByName('no-such-style')).toThrow(/no extraction style/);
  });

  it.each(STYLES.map((style) => style.name))('%s: the truth rebuilds the clean text', (name) => {
    for (const extraction of generated.get(name)!) {
      const source = documents.find((candidate) => extraction.name.startsWith(`${candidate.name}~`))!;
      expect(reconstructBlocks(extraction.text, extraction.truth)).toEqual(parseCleanText(source.text));
    }
  });

  it('keeps every body line within its measure', () => {
    for (const style of STYLES) {
      for (const extraction of generated.get(style.name)!) {
        for (const line of bodyLines(extraction)) expect(line.length).toBeLessThanOrEqual(style.width);
      }
    }
    const widths = STYLES.map((style) => style.width);
    expect(Math.min(...widths)).toBe(60);
    expect(Math.max(...widths)).toBe(110);
  });

  it('writes CRLF line ends only in the CRLF style', () => {
    for (const style of STYLES) {
      for (const { text } of generated.get(style.name)!) {
        if (style.lineEnd === '\r\n') {
          expect(text.split('\n').length - 1).toBe(text.split('\r\n').length - 1);
          expect(text.endsWith('\r\n')).toBe(true);
        } else {
          expect(text).not.toContain('\r');
        }
      }
    }
  });

  it('gives the furniture-free style no furniture, footnotes, markers or page breaks', () => {
    for (const { text, truth } of generated.get(FURNITURE_FREE_STYLE)!) {
      expect(truth.furniture).toEqual([]);
      expect(truth.footnotes).toEqual([]);
      expect(truth.markers).toEqual([]);
      expect(truth.pageBreaks).toEqual([]);
      expect(text).not.toContain('\f');
      expect(truth.blockEnds.length).toBeGreaterThan(10);
    }
  });

  it('produces every artefact and trap the evaluation needs', () => {
    const truths = all.map((extraction) => extraction.truth);
    const text = all.map((extraction) => extraction.text).join('\n');
    expect(truths.some((truth) => truth.hyphens.some((hyphen) => hyphen.decision === 'join'))).toBe(true);
    expect(truths.some((truth) => truth.hyphens.some((hyphen) => hyphen.decision === 'keep'))).toBe(true);
    expect(truths.some((truth) => truth.pageBreaks.some((item) => item.capital))).toBe(true);
    expect(truths.some((truth) => truth.pageBreaks.some((item) => !item.join))).toBe(true);
    expect(truths.some((truth) => truth.footnotes.some((note) => note.lastLine - note.firstLine >= 2))).toBe(
      true,
    );
    const labels = new Set(truths.flatMap((truth) => truth.markers.map((marker) => marker.label)));
    for (const label of ['1', 'ii', '¹']) expect(labels).toContain(label);
    expect(text).toMatch(/[a-z]\.\[\d+\]/); // bracketed "peace.[3]"
    expect(text).toMatch(/[a-z]\. \d+ [A-Z]/); // spaced "reality. 1 In"
    expect(text).toMatch(/[a-z][.,]”\d/); // after a quote "faster.”1"
    expect(text).toContain('\f');
    expect(text).toMatch(/ +\n/); // trailing spaces
    const body = all.flatMap(bodyLines);
    expect(body).toContainEqual(expect.stringMatching(/^\d{4}\.$/)); // a year alone on a line
    expect(body).toContainEqual(expect.stringMatching(/^\d\.$/)); // a list number alone on a line
  });

  it('numbers pages as each style says', () => {
    const furnitureText = (extraction: LabelledDocument): string[] => {
      const lines = rawLines(extraction.text);
      return extraction.truth.furniture.map((item) => lineContent(lines[item.line - 1]!).trim());
    };
    const roman = furnitureText(generated.get('roman-front-matter')![0]!);
    expect(roman.slice(0, 3)).toEqual(['i', 'ii', '1']);
    const skipped = generated
      .get('skipped-page')!
      .map(furnitureText)
      .find((lines) => lines.length >= 8)!;
    expect(skipped.filter((line) => /^\d+$/.test(line)).slice(0, 3)).toEqual(['21', '22', '24']);
    const headers = furnitureText(generated.get('number-in-header')![0]!);
    expect(headers[0]).toMatch(/^166 {3}BASIC/);
    expect(headers[1]).toMatch(/BASIC.* {3}167$/);
    expect(furnitureText(generated.get('seed-like')![0]!)).toContain(
      'Translation published Spring 2024Essays on Shared Rivers and Regional Cooperation',
    );
    const recto = new Set(generated.get('verso-recto-titles')!.flatMap(furnitureText));
    expect(recto).toContain('Exchanges Between Peoples and the Building of Trust');
    expect(recto).toContain('Security, Confidence and the Long View');
  });

  it('notices a truth that does not fit its text', () => {
    const extraction = generated.get('seed-like')![0]!;
    const blocks = parseCleanText(documents[0]!.text);
    const tampered = { ...extraction.truth, blockEnds: extraction.truth.blockEnds.slice(1) };
    expect(reconstructBlocks(extraction.text, tampered)).not.toEqual(blocks);
  });
});
