import fc from 'fast-check';
import { EditConflictError, applyEdits, type Edit } from '../../../src/analyser/edits/apply-edits';

/** A source cut into kept runs and edited ranges, with the text the edits must produce. */
interface EditedSource {
  source: string;
  edits: Edit[];
  /** What applying `edits` to `source` gives, built piece by piece. */
  expectedOutput: string;
}

const letters = (alphabet: string[], maxLength = 6): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...alphabet), maxLength });

/**
 * Disjoint edits over a source, given in shuffled order (applyEdits sorts them): replacements,
 * deletions (empty `text`), insertions (empty `expected`), and edits that touch end to end.
 * Two insertions at one offset are merged, since their order would be the caller's choice.
 */
function editedSource(options: { sourceLetters: string[]; textLetters: string[]; minLength?: number }) {
  const { sourceLetters, textLetters, minLength = 0 } = options;
  const piece = fc.record({
    kept: letters(sourceLetters),
    expected: fc.string({ unit: fc.constantFrom(...sourceLetters), minLength, maxLength: 6 }),
    text: fc.string({ unit: fc.constantFrom(...textLetters), minLength, maxLength: 6 }),
  });
  return fc.tuple(fc.array(piece, { maxLength: 8 }), letters(sourceLetters)).chain(([pieces, tail]) => {
    const edits: Edit[] = [];
    let source = '';
    let expectedOutput = '';
    for (const { kept, expected, text } of pieces) {
      source += kept;
      expectedOutput += kept;
      const previous = edits.at(-1);
      if (
        kept === '' &&
        expected === '' &&
        previous !== undefined &&
        previous.expected === '' &&
        previous.end === source.length
      ) {
        previous.text += text;
      } else {
        edits.push({ start: source.length, end: source.length + expected.length, expected, text });
      }
      source += expected;
      expectedOutput += text;
    }
    source += tail;
    expectedOutput += tail;
    return fc
      .shuffledSubarray(edits, { minLength: edits.length })
      .map((shuffled): EditedSource => ({ source, edits: shuffled, expectedOutput }));
  });
}

const anyEdits = editedSource({ sourceLetters: ['a', 'b', '\n'], textLetters: ['a', 'b', '\n', ' '] });

describe('applyEdits', () => {
  test('no edits give back the source, unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (source) => {
        expect(applyEdits(source, [])).toEqual({ text: source, applied: [], inverse: [] });
      }),
    );
  });

  test('disjoint edits give the text built piece by piece, in any order', () => {
    fc.assert(
      fc.property(anyEdits, ({ source, edits, expectedOutput }) => {
        expect(applyEdits(source, edits).text).toBe(expectedOutput);
      }),
    );
  });

  test('each applied edit says where its text landed in the output', () => {
    fc.assert(
      fc.property(anyEdits, ({ source, edits }) => {
        const { text, applied } = applyEdits(source, edits);
        expect(applied.map((edit) => edit.start)).toEqual(
          [...edits].map((edit) => edit.start).sort((a, b) => a - b),
        );
        for (const edit of applied) expect(text.slice(edit.outputStart, edit.outputEnd)).toBe(edit.text);
      }),
    );
  });

  test('the inverse edits, applied to the output, give back the source', () => {
    fc.assert(
      fc.property(anyEdits, ({ source, edits }) => {
        const { text, inverse } = applyEdits(source, edits);
        expect(applyEdits(text, inverse).text).toBe(source);
      }),
    );
  });

  test('applying the same edits to their own output is refused when every edit changed its range', () => {
    // Source in lower case, replacements in upper case, no pure insertions: the first edit's
    // range in the output starts with a letter its `expected` cannot start with.
    const changingEdits = editedSource({
      sourceLetters: ['a', 'b', ' '],
      textLetters: ['X', 'Y'],
      minLength: 1,
    });
    fc.assert(
      fc.property(changingEdits, ({ source, edits }) => {
        fc.pre(edits.length > 0);
        const { text } = applyEdits(source, edits);
        expect(() => applyEdits(text, edits)).toThrow(EditConflictError);
      }),
    );
  });

  test('the check is by content, so some edits do apply twice', () => {
    // What the guard cannot see: an insertion always finds its empty range again, and deleting
    // one "a" of "aa" leaves an "a" where it was.
    const insertion: Edit = { start: 0, end: 0, expected: '', text: 'x' };
    expect(applyEdits(applyEdits('', [insertion]).text, [insertion]).text).toBe('xx');
    const deletion: Edit = { start: 0, end: 1, expected: 'a', text: '' };
    expect(applyEdits(applyEdits('aa', [deletion]).text, [deletion]).text).toBe('');
  });

  test('overlapping edits are refused, whatever their order', () => {
    const overlapping = fc
      .string({ unit: fc.constantFrom('a', 'b'), minLength: 2, maxLength: 20 })
      .chain((source) =>
        fc
          .tuple(
            fc.nat({ max: source.length }),
            fc.nat({ max: source.length }),
            fc.nat({ max: source.length }),
            fc.nat({ max: source.length }),
          )
          .map(([w, x, y, z]) => {
            const first = { start: Math.min(w, x), end: Math.max(w, x) };
            const second = { start: Math.min(y, z), end: Math.max(y, z) };
            return { source, ranges: [first, second] };
          }),
      )
      .filter(({ ranges: [first, second] }) => {
        // Overlapping: they share a character, or an insertion falls strictly inside the other.
        const shareCharacter = first!.start < second!.end && second!.start < first!.end;
        const inside = (point: number, range: { start: number; end: number }): boolean =>
          range.start < point && point < range.end;
        return (
          shareCharacter ||
          (first!.start === first!.end && inside(first!.start, second!)) ||
          (second!.start === second!.end && inside(second!.start, first!))
        );
      });
    fc.assert(
      fc.property(overlapping, fc.boolean(), ({ source, ranges }, reversed) => {
        const edits = ranges.map(({ start, end }) => ({
          start,
          end,
          expected: source.slice(start, end),
          text: 'X',
        }));
        if (reversed) edits.reverse();
        expect(() => applyEdits(source, edits)).toThrow(EditConflictError);
      }),
    );
  });

  test('edits that touch end to end, or an insertion at the edge of a range, are not overlaps', () => {
    const source = 'abcdef';
    const edits: Edit[] = [
      { start: 2, end: 4, expected: 'cd', text: 'X' },
      { start: 4, end: 6, expected: 'ef', text: 'Y' },
      { start: 2, end: 2, expected: '', text: '[' },
      { start: 6, end: 6, expected: '', text: ']' },
    ];
    expect(applyEdits(source, edits).text).toBe('ab[XY]');
  });

  test('an edit outside the text is refused', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.integer({ min: 1, max: 5 }), (source, beyond) => {
        const past = { start: source.length, end: source.length + beyond, expected: '', text: 'x' };
        expect(() => applyEdits(source, [past])).toThrow(EditConflictError);
        const before = { start: -beyond, end: 0, expected: '', text: 'x' };
        expect(() => applyEdits(source, [before])).toThrow(EditConflictError);
        const reversed = { start: source.length, end: source.length - beyond, expected: '', text: 'x' };
        expect(() => applyEdits(source, [reversed])).toThrow(EditConflictError);
      }),
    );
  });

  test('an edit whose expected text is not in the source is refused', () => {
    expect(() =>
      applyEdits('the the end', [
        { start: 0, end: 4, expected: 'the ', text: '' },
        { start: 8, end: 11, expected: 'END', text: 'end' },
      ]),
    ).toThrow(/not what the edit expects/);
  });
});
