import { previewPieces } from '../../../src/web/view-models/edition-preview';

const id = (findingId: string): string => `d1-${findingId}`;

describe('previewPieces', () => {
  it('marks each change, keeps the rest, and gives back the whole text', () => {
    const text = 'share hardships, and strive to build';
    const pieces = previewPieces(
      {
        text,
        changes: [
          { findingId: 'capital', start: 21, end: 22 },
          { findingId: 'double', start: 15, end: 15 },
        ],
      },
      id,
    );
    expect(pieces).toEqual([
      { text: 'share hardships', finding: null },
      { text: '', finding: 'd1-double' },
      { text: ', and ', finding: null },
      { text: 's', finding: 'd1-capital' },
      { text: 'trive to build', finding: null },
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
  });

  it('is the text alone when nothing changed', () => {
    expect(previewPieces({ text: 'as is\n', changes: [] }, id)).toEqual([{ text: 'as is\n', finding: null }]);
    expect(previewPieces({ text: '', changes: [] }, id)).toEqual([]);
  });
});
