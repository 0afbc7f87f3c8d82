import { findMarker, findPageFootnotes } from '../../../src/analyser/layout/footnotes';
import { splitLines } from '../../../src/analyser/text/lines';

function markerIn(text: string, label: string): string | undefined {
  const lines = splitLines(text);
  const marker = findMarker(text, lines, label, 0, text.length);
  return marker && text.slice(marker.start, marker.end);
}

describe('findMarker', () => {
  it.each([
    ['a better life into reality. 1 In March 2020', '1', ' 1'],
    ['build a better home for the world.1 In May', '1', '1'],
    ['with developing countries.”1', '1', '1'],
    ['the supremacy of national interests.” 2 Some countries', '2', ' 2'],
    ['that won the support of the country. " 1', '1', ' 1'],
    ['both sides over concepts such as deterrence and coercion.i According', 'i', 'i'],
    ['PLARF he chang jianbei unit19 However', '19', '19'],
    ['as the name implies¹ and more', '1', '¹'],
    ['as shown before [3] and after', '3', '[3]'],
  ])('finds the marker in %j', (text, label, marker) => {
    expect(markerIn(text, label)).toBe(marker);
  });

  it.each([
    ['the G20 summit in 2016', '20'],
    ['the 16+1 cooperation mechanism', '1'],
    ['the 70th session of the assembly', '70'],
    ['it grew by 1 per cent in 2019', '1'],
    ['see version 2.1 of the plan', '1'],
  ])('finds no marker in %j', (text, label) => {
    expect(markerIn(text, label)).toBeUndefined();
  });
});

describe('findPageFootnotes', () => {
  it('takes numbered notes at the page bottom, each with its continuation lines and marker', () => {
    const text = [
      'The plan was announced in 2013.1 It was repeated in March',
      'when the members met again. 2 In May a report followed.',
      '1 Xi Jinping: On Persisting in Promoting the Construction, Central Literature',
      'Publishing House, 2018 edition, p. 510.',
      "2 Compilation of Documents, People's Publishing House, 2017 edition, p. 47.",
    ].join('\n');
    const notes = findPageFootnotes(text, splitLines(text), 0, 4);
    expect(notes.map((note) => [note.label, note.firstLine, note.lastLine, note.marker?.line])).toEqual([
      ['1', 2, 3, 0],
      ['2', 4, 4, 1],
    ]);
    expect(notes[0]!.text).toBe(
      'Xi Jinping: On Persisting in Promoting the Construction, Central Literature Publishing House, 2018 edition, p. 510.',
    );
  });

  it('leaves a numbered heading at a page bottom in the body', () => {
    const text = ['The times call for a new answer.', '1. build a world of lasting peace'].join('\n');
    expect(findPageFootnotes(text, splitLines(text), 0, 1)).toEqual([]);
  });

  it('leaves a date under a signature in the body, though it starts with a number and names a year', () => {
    const text = [
      'and to strengthen the study of current major strategic issues.',
      'Science of Strategy Writing Team',
      '24 September 2013',
    ].join('\n');
    expect(findPageFootnotes(text, splitLines(text), 0, 2)).toEqual([]);
  });

  it('takes a "Footnotes:" block with dotted labels', () => {
    const text = [
      'Strategy is an art.1 It has rules.',
      'Footnotes:',
      '1. "Marx and Engels Military Collection" Vol. 1, Warrior Press, 1981 edition, p. 363.',
    ].join('\n');
    const notes = findPageFootnotes(text, splitLines(text), 0, 2);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.headerLine).toBe(1);
  });
});
