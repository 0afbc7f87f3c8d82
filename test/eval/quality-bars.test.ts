import { readFileSync } from 'fs';
import { join } from 'path';
import { analyse } from '../../src/analyser';
import { loadCleanDocuments, REPO_ROOT } from './clean-text';
import { FURNITURE_FREE_STYLE, STYLES } from './extraction-styles';
import { generateExtraction } from './fake-extraction';
import { emptyEvaluation, evaluate, f1, mergeEvaluations, type Evaluation } from './match';
import type { Truth } from './truth';

// The quality bars of issue 2 that the analyser meets, pinned so that a detector change that
// loses them fails the suite. `npm run eval` prints the full tables; this checks their floor.

function seedEvaluation(): Evaluation {
  const text = readFileSync(join(REPO_ROOT, 'fixtures/seed.txt'), 'utf8');
  const truth = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/seed/labels.json'), 'utf8')) as Truth;
  return evaluate(text, analyse(text), truth);
}

function generatedEvaluation(): Evaluation {
  const total = emptyEvaluation();
  for (const style of STYLES) {
    if (style.name === FURNITURE_FREE_STYLE) continue;
    for (const doc of loadCleanDocuments()) {
      const { text, truth } = generateExtraction(doc, style, 1);
      mergeEvaluations(total, evaluate(text, analyse(text), truth));
    }
  }
  return total;
}

describe('quality bars', () => {
  const seed = seedEvaluation();
  const generated = generatedEvaluation();

  it.each([
    ['furniture', 0.99, 0.97],
    ['footnote', 0.95, 0.95],
    ['footnote-marker', 0.9, 0.9],
    ['page-break', 0.94, 0.95],
    ['line-wrap', 0.97, 0.95],
  ] as const)('%s F1: seed ≥ %d, generated layouts ≥ %d', (row, seedFloor, generatedFloor) => {
    expect(f1(seed.rows[row])).toBeGreaterThanOrEqual(seedFloor);
    expect(f1(generated.rows[row])).toBeGreaterThanOrEqual(generatedFloor);
  });

  it('decides at least 97 % of line-end hyphens right', () => {
    for (const evaluation of [seed, generated]) {
      const { right, truth } = evaluation.hyphenDecisions;
      expect(right / truth).toBeGreaterThanOrEqual(0.97);
    }
  });

  it('finds no furniture, pages or notes in a text without them', () => {
    for (const doc of loadCleanDocuments()) {
      const { text } = generateExtraction(doc, FURNITURE_FREE_STYLE, 1);
      const kinds = analyse(text).findings.map((finding) => finding.kind);
      for (const kind of ['running-header', 'page-number', 'footnote', 'footnote-marker', 'page-break']) {
        expect(kinds).not.toContain(kind);
      }
    }
  });
});
