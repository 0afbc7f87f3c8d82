import { CAPITAL_FORMS, DOUBLED_FORMS, QUOTE_FORMS, SPACING_FORMS } from './artefact-forms';
import { TRAP_SENTENCES } from './artefact-traps.data';
import { generateInjectedTexts, injectArtefacts, loadInjectionSources } from './inject-artefacts';
import { evaluateArtefacts } from './match';
import { textLines } from './text-lines';

const sources = loadInjectionSources();
const documents = generateInjectedTexts();

describe('inject-artefacts', () => {
  it('gives the same text and truth for the same document and seed', () => {
    const source = sources[0]!;
    expect(injectArtefacts(source, 2)).toEqual(injectArtefacts(source, 2));
    expect(injectArtefacts(source, 2).text).not.toEqual(injectArtefacts(source, 3).text);
  });

  it('labels spans that read their text, in the file as it is', () => {
    for (const document of documents) {
      const empty = { length: document.text.length, findings: [], headings: [] };
      // evaluateArtefacts resolves every label and trap, and throws on one that does not read its text.
      const scored = evaluateArtefacts(document.text, empty, document.truth);
      const sure = (document.truth.artefacts ?? []).filter((label) => !label.doubtful).length;
      const missed = Object.values(scored.rows).reduce((sum, counts) => sum + counts.fn, 0);
      expect(missed).toBe(sure);
      expect(sure).toBeGreaterThan(20);
    }
  });

  it('makes every form, most of them in every text', () => {
    const forms = [...DOUBLED_FORMS, ...QUOTE_FORMS, ...SPACING_FORMS, ...CAPITAL_FORMS].map(
      (form) => form.name,
    );
    const seen = new Set(documents.flatMap((document) => Object.keys(document.forms)));
    for (const form of forms) expect(seen).toContain(form);
    for (const document of documents)
      expect(Object.keys(document.forms).length).toBeGreaterThan(forms.length - 4);
  });

  it('puts a doubled phrase across a line break in every text', () => {
    for (const document of documents) {
      const across = (document.truth.artefacts ?? []).filter(
        (label) => label.kind === 'doubled-phrase' && label.text.includes('\n'),
      );
      expect(across.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('wraps the text at its measure, one block after another', () => {
    for (const document of documents) {
      const widths = textLines(document.text).map((line) => line.end - line.start);
      expect(Math.max(...widths)).toBeLessThanOrEqual(140);
      expect(document.text.endsWith('\n')).toBe(true);
    }
  });

  it('inserts every trap sentence somewhere, and labels the traps of the clean prose', () => {
    const traps = documents.flatMap((document) => document.truth.traps ?? []);
    for (const entry of TRAP_SENTENCES) {
      const first = entry.traps[0]!;
      expect(traps.some((trap) => trap.text === first.text && trap.note === first.note)).toBe(true);
    }
    expect(traps.some((trap) => trap.note === 'apostrophe' && trap.text === "team's")).toBe(true);
  });

  it('gives a correction for every artefact it makes', () => {
    for (const document of documents) {
      for (const label of document.truth.artefacts ?? []) {
        expect(label.fixed).toBeDefined();
        expect(label.fixed).not.toEqual(label.text);
      }
    }
  });
});
