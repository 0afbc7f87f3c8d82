import { findPageNumberChains, parsePageNumber } from '../../../src/analyser/layout/page-numbers';

describe('parsePageNumber', () => {
  it.each([
    ['359', 359, false],
    ['page 12', 12, false],
    ['Page 12 of 40', 12, false],
    ['- 12 -', 12, false],
    ['– 7 –', 7, false],
    ['12 / 40', 12, false],
    ['xiv', 14, false],
    ['166   BASIC QUESTIONS', 166, true],
    ['BASIC QUESTIONS   167', 167, true],
  ])('reads %j as page %i', (line, value, inHeader) => {
    expect(parsePageNumber(line, 0)).toMatchObject({ value, inHeader });
  });

  it.each(['2019.', '3.', '1. build a world', 'In 2019 the plan', '70th session', 'G20', 'mix', 'Did'])(
    'does not read %j as a page number',
    (line) => {
      expect(parsePageNumber(line, 0)).toBeUndefined();
    },
  );
});

describe('findPageNumberChains', () => {
  const at = (pairs: Array<[number, number]>) =>
    pairs.map(([line, value]) => ({ line, value, roman: false, inHeader: false, label: String(value) }));

  it('links numbers that go up by one at page-like distances', () => {
    const chains = findPageNumberChains(
      at([
        [10, 359],
        [50, 360],
        [90, 361],
        [130, 362],
      ]),
    );
    expect(chains).toHaveLength(1);
    expect(chains[0]!.map((c) => c.value)).toEqual([359, 360, 361, 362]);
  });

  it('tolerates a skipped page', () => {
    const chains = findPageNumberChains(
      at([
        [10, 4],
        [50, 5],
        [130, 7],
        [170, 8],
      ]),
    );
    expect(chains[0]!.map((c) => c.value)).toEqual([4, 5, 7, 8]);
  });

  it('ignores years listed on consecutive lines and a lone list number', () => {
    expect(
      findPageNumberChains(
        at([
          [10, 2019],
          [11, 2020],
          [12, 2021],
          [40, 3],
        ]),
      ),
    ).toEqual([]);
  });

  it('ignores the years down a table, a few lines apart, in a document of longer pages', () => {
    const pages = [1, 2, 3, 4, 5, 6].map((value): [number, number] => [value * 40, value]);
    const table: Array<[number, number]> = [
      [130, 1964],
      [134, 1965],
      [138, 1966],
      [143, 1967],
      [152, 1969],
    ];
    const chains = findPageNumberChains(at([...pages, ...table].sort((a, b) => a[0] - b[0])));
    expect(chains.map((chain) => chain.map((c) => c.value))).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('leaves out the numbers of a figure that a chain of page numbers runs through', () => {
    const pages = Array.from({ length: 12 }, (_, k): [number, number] => [(k + 1) * 40, k + 1]);
    const figure: Array<[number, number]> = [
      [170, 1],
      [173, 2],
      [180, 3],
      [183, 4],
    ];
    const chains = findPageNumberChains(at([...pages, ...figure].sort((a, b) => a[0] - b[0])));
    expect(chains.flatMap((chain) => chain.map((c) => c.line)).sort((a, b) => a - b)).toEqual(
      pages.map(([line]) => line),
    );
  });

  it('keeps the number of one short page, such as a chapter ends on', () => {
    const lines = [40, 80, 120, 125, 165, 205, 245, 285];
    const chains = findPageNumberChains(at(lines.map((line, k): [number, number] => [line, k + 1])));
    expect(chains.map((chain) => chain.map((c) => c.line))).toEqual([lines]);
  });

  it('needs three numbers', () => {
    expect(
      findPageNumberChains(
        at([
          [10, 1],
          [50, 2],
        ]),
      ),
    ).toEqual([]);
  });

  it('keeps a restart (a second copy of the same pages) as its own chain', () => {
    const chains = findPageNumberChains(
      at([
        [10, 1],
        [50, 2],
        [90, 3],
        [130, 1],
        [170, 2],
        [210, 3],
      ]),
    );
    expect(chains.map((chain) => chain.map((c) => c.line))).toEqual([
      [10, 50, 90],
      [130, 170, 210],
    ]);
  });
});

describe('front matter in roman numerals', () => {
  it('takes "i", "ii" before an arabic sequence that starts a page later', () => {
    const candidates = [
      { line: 1, value: 1, roman: true, inHeader: false, label: 'i' },
      { line: 30, value: 2, roman: true, inHeader: false, label: 'ii' },
      ...[58, 86, 115, 144].map((line, k) => ({
        line,
        value: k + 1,
        roman: false,
        inHeader: false,
        label: String(k + 1),
      })),
    ];
    expect(findPageNumberChains(candidates).map((chain) => chain.map((c) => c.label))).toEqual([
      ['i', 'ii'],
      ['1', '2', '3', '4'],
    ]);
  });
});
