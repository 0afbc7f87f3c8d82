import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { computeLayout } from '../../../src/analyser/layout/page-layout';
import { sourceRange } from '../../../src/analyser/text/text-view';

const paged = [
  'Institute for Regional Studies',
  '41',
  'Countries should share hardships',
  'and hardships, and work together.1 The interdepen-',
  'dent world is',
  '1 Minutes of the meeting, Regional Press, 2019, p. 4.',
  'Institute for Regional Studies',
  '42',
  'Changing fast.',
  'Section 2: Results',
  'Institute for Regional Studies',
  '43',
  'End.',
  '',
].join('\n');

describe('the body view', () => {
  const layout = computeLayout(paged);
  const view = layout.bodyView();

  it('reads each block on one line, without furniture, notes or markers', () => {
    expect(view.text).toBe(
      'Countries should share hardships and hardships, and work together. The interdependent world is Changing fast.\nSection 2: Results\nEnd.',
    );
    expect(view.blocks.map((block) => view.text.slice(block.start, block.end))).toEqual([
      'Countries should share hardships and hardships, and work together. The interdependent world is Changing fast.',
      'Section 2: Results',
      'End.',
    ]);
  });

  it('maps a range back to the source, across the breaks it spans', () => {
    const at = view.text.indexOf(' and hardships');
    const range = sourceRange(view, at, at + ' and hardships'.length);
    expect(paged.slice(range.start, range.end)).toBe('\nand hardships');
    const across = view.text.indexOf('is Changing');
    const span = sourceRange(view, across, across + 'is Changing'.length);
    expect(paged.slice(span.start, span.end)).toMatch(/^is\n1 Minutes[\s\S]*\n42\nChanging$/);
  });

  it('maps every single character of the seed to the same character, or to a break it stands for', () => {
    const text = readFileSync(join(__dirname, '../../../fixtures/seed.txt'), 'utf8');
    const seedView = computeLayout(text).bodyView();
    fc.assert(
      fc.property(fc.nat(seedView.text.length - 1), (at) => {
        const range = sourceRange(seedView, at, at + 1);
        const source = text.slice(range.start, range.end);
        const char = seedView.text[at]!;
        if (source === char) return;
        // A stand-in: a space for a line break (with any furniture), "\n" between blocks, the
        // hyphen of a compound kept across a line end ("all-⏎round").
        expect(/[\s-]/.test(char)).toBe(true);
        expect(source).toMatch(/\n/);
      }),
      { numRuns: 2000 },
    );
  });
});
