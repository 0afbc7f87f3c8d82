import { computeLayout } from '../../../src/analyser/layout/page-layout';

/** The kind of each join in a small document, as "line:kind" with 1-based lines. */
function joinsOf(text: string): string[] {
  return computeLayout(text).joins.map((join) => `${join.from + 1}:${join.kind}`);
}

const FULL = 'Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod';

describe('joins between body lines', () => {
  it('wraps an unfinished clause and ends a paragraph on a short sentence end', () => {
    const text = [
      `${FULL} faced with the new`,
      `${FULL} situation that the world.`,
      'It ends here.',
      `${FULL} A new paragraph begins and`,
      `${FULL} goes on to the end.`,
    ].join('\n');
    expect(joinsOf(text)).toEqual(['1:line-wrap', '2:line-wrap', '3:paragraph-break', '4:line-wrap']);
  });

  it('keeps a heading wrapped over two lines as one block', () => {
    const text = [
      `${FULL} in the new era.`,
      "Section 1: China's Plan for Human Development and the",
      'Future of the World',
      `${FULL} Today's world is in a period of`,
      `${FULL} great change.`,
    ].join('\n');
    const layout = computeLayout(text);
    expect(joinsOf(text)).toEqual(['1:paragraph-break', '2:line-wrap', '3:paragraph-break', '4:line-wrap']);
    expect(layout.blocks.filter((block) => block.heading).map((b) => [b.firstLine, b.lastLine])).toEqual([
      [1, 2],
    ]);
  });

  it('ends a paragraph before a numbered item', () => {
    const text = [
      `${FULL} the direction of progress.`,
      '1. build a world of lasting peace',
      `${FULL} The concept of it.`,
    ].join('\n');
    expect(joinsOf(text)[0]).toBe('1:paragraph-break');
  });

  it('takes a section named in capitals on a line of its own for a heading, not an acronym', () => {
    const around = (line: string): string =>
      [`${FULL} of the force.`, line, `${FULL} It goes on.`].join('\n');
    for (const name of ['INTRODUCTION', 'ENDNOTES', 'SUMMARY']) {
      expect(joinsOf(around(name))).toEqual(['1:paragraph-break', '2:paragraph-break']);
    }
    for (const acronym of ['PLARF', 'NATO', 'USA']) {
      expect(joinsOf(around(acronym))).toEqual(['1:line-wrap', '2:paragraph-break']);
    }
  });

  it('ends an entry of a list numbered without a full stop, as an endnotes section is', () => {
    const text = [
      'ENDNOTES',
      `1 ${FULL} of the Atomic Scientists, 68(5), 2012,`,
      '46.',
      `2 “China’s National Defense in the New Era” ${FULL} http://www.xinhuanet.com/politics/2019-07/24`,
      `3 This source was sensitive and has thus been ${FULL}`,
      'as “Source 1”',
      '4 Wu Riqiang, 2013.',
    ].join('\n');
    expect(joinsOf(text)).toEqual([
      '1:paragraph-break',
      '2:line-wrap',
      '3:paragraph-break',
      '4:paragraph-break',
      '5:line-wrap',
      '6:paragraph-break',
    ]);
  });

  it('joins a wrapped line that starts with a number when no entry before it has the number before', () => {
    const text = [`${FULL} in 2019 the census counted some`, `3 million people in the region, ${FULL}`].join(
      '\n',
    );
    expect(joinsOf(text)).toEqual(['1:line-wrap']);
    const counted = [
      `2 ${FULL} the census counted`,
      `${FULL} as many as`,
      `3 million people in the region.`,
    ].join('\n');
    expect(joinsOf(counted)).toEqual(['1:line-wrap', '2:line-wrap']);
  });

  it('treats blank lines as paragraph ends', () => {
    expect(joinsOf('One paragraph.\n\nAnother one.\n')).toEqual(['1:paragraph-break']);
  });

  it('joins a word split by a hyphen', () => {
    expect(joinsOf(`${FULL} special empha-\nsis on it.`)).toEqual(['1:hyphenation']);
  });
});
