import {
  buildTextView,
  copySource,
  sourceRange,
  standIn,
  textViewBuilder,
  type TextView,
} from '../../../src/analyser/text/text-view';

const source = 'share hardships\nand hard-\nships';

/** "share hardships and hardships": two copies, a line break read as a space, a split word joined. */
function joinedView(pieces?: number) {
  const builder = textViewBuilder(source, pieces);
  copySource(builder, 0, 15); // "share hardships"
  standIn(builder, ' ', 15, 16); // the line break
  copySource(builder, 16, 24); // "and hard"
  standIn(builder, '', 24, 26); // "-\n"
  copySource(builder, 26, 31); // "ships"
  return buildTextView(builder);
}

/** The pieces a view is made of, without the spare room of its arrays. */
function piecesOf(view: TextView) {
  return [view.viewStarts, view.sourceStarts, view.sourceEnds, view.copied].map((array) =>
    Array.from(array.subarray(0, view.count)),
  );
}

describe('a text view', () => {
  it('reads the copies and stand-ins in order', () => {
    expect(joinedView().text).toBe('share hardships and hardships');
  });

  it('maps view ranges back to the source, a stand-in to the whole range it stands for', () => {
    const view = joinedView();
    const at = view.text.indexOf(' and hardships');
    const range = sourceRange(view, at, at + ' and hardships'.length);
    expect(source.slice(range.start, range.end)).toBe('\nand hard-\nships');
    const word = sourceRange(view, 0, 5);
    expect(source.slice(word.start, word.end)).toBe('share');
  });

  it('maps an empty range to a point, at the end of the view too', () => {
    const view = joinedView();
    expect(sourceRange(view, 6, 6)).toEqual({ start: 6, end: 6 });
    expect(sourceRange(view, view.text.length, view.text.length)).toEqual({
      start: source.length,
      end: source.length,
    });
  });

  it('grows past the number of pieces it was told to expect', () => {
    const small = joinedView(1);
    const large = joinedView(64);
    expect(small.count).toBe(5);
    expect(piecesOf(small)).toEqual(piecesOf(large));
    expect(small.text).toBe(large.text);
  });

  it('skips an empty copy, and maps nothing to nothing in an empty view', () => {
    const builder = textViewBuilder(source, 4);
    copySource(builder, 3, 3);
    const view = buildTextView(builder);
    expect({ text: view.text, count: view.count }).toEqual({ text: '', count: 0 });
    expect(sourceRange(view, 0, 0)).toEqual({ start: 0, end: 0 });
  });
});
