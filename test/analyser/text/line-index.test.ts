import fc from 'fast-check';
import { buildLineIndex, lineIndexAt, positionAt } from '../../../src/analyser/text/line-index';

function position(text: string, offset: number): { line: number; column: number } {
  return positionAt(buildLineIndex(text), offset);
}

/** The obvious way: count the `\n` before the offset. */
function naivePosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

describe('positionAt', () => {
  const text = 'first\nsecond\n\nfourth';

  test.each([
    [0, 1, 1],
    [4, 1, 5],
    [5, 1, 6], // the "\n" ending line 1 belongs to line 1
    [6, 2, 1],
    [12, 2, 7],
    [13, 3, 1], // the blank line
    [14, 4, 1],
    [20, 4, 7], // the end of a last line without a newline
  ])('offset %p is line %p, column %p', (offset, line, column) => {
    expect(position(text, offset)).toEqual({ line, column });
  });

  test('CRLF: the "\\r" is part of the line break, and lines still end at "\\n"', () => {
    const crlf = 'ab\r\ncd\r\n';
    expect(position(crlf, 2)).toEqual({ line: 1, column: 3 }); // the "\r"
    expect(position(crlf, 3)).toEqual({ line: 1, column: 4 }); // the "\n"
    expect(position(crlf, 4)).toEqual({ line: 2, column: 1 });
    expect(position(crlf, 8)).toEqual({ line: 3, column: 1 }); // after the final break
    // A lone "\r" does not end a line.
    expect(position('ab\rcd', 3)).toEqual({ line: 1, column: 4 });
  });

  test('empty text has one line, and offset 0 is its start', () => {
    const index = buildLineIndex('');
    expect([...index.starts]).toEqual([0]);
    expect(index.length).toBe(0);
    expect(positionAt(index, 0)).toEqual({ line: 1, column: 1 });
  });

  test('a text ending with "\\n" has an empty last line', () => {
    const index = buildLineIndex('a\nb\n');
    expect([...index.starts]).toEqual([0, 2, 4]);
    expect(positionAt(index, 4)).toEqual({ line: 3, column: 1 });
  });

  test('columns count UTF-16 code units, as offsets do', () => {
    expect(position('😀x', 2)).toEqual({ line: 1, column: 3 });
  });

  test('agrees with a naive count for every offset of any text', () => {
    const textArbitrary = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', 'é', '😀') });
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const index = buildLineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) {
          expect(positionAt(index, offset)).toEqual(naivePosition(text, offset));
        }
      }),
    );
  });
});

describe('lines back to offsets', () => {
  test('starts[line - 1] + column - 1 gives back the offset', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: fc.constantFrom('a', 'b', '\n', '\r\n') })
          .chain((text) => fc.tuple(fc.constant(text), fc.nat({ max: text.length }))),
        ([text, offset]) => {
          const index = buildLineIndex(text);
          const { line, column } = positionAt(index, offset);
          expect(index.starts[line - 1]! + column - 1).toBe(offset);
          expect(lineIndexAt(index, offset)).toBe(line - 1);
          expect(index.starts.length).toBe(text.split('\n').length);
        },
      ),
    );
  });
});
