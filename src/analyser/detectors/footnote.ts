/**
 * Footnote bodies stranded at page bottoms ("1 Xi Jinping: On Persisting ..., p. 510."), each
 * with all its lines. The suggestion removes the body from the text; the edition keeps it as a
 * note (see edits/render-edition.ts). Found by layout/footnotes.ts.
 */

import { wholeLinesRange } from '../layout/line-ranges';
import type { Detector } from './detector';
import { draft } from './draft';
import { pagedDocument } from './examples.data';

export const footnote: Detector = {
  meta: {
    id: 'footnote',
    kind: 'footnote',
    description: 'A footnote body at a page bottom, all its lines; kept as a note in the edition.',
    examples: [
      {
        before: pagedDocument([
          [
            'The plan was announced in 2013.1 It was',
            'repeated in 2015.',
            "1 Xi Jinping: Selected Works, People's Press, 2018, p. 510.",
          ],
          ['Later speeches built on it.'],
          ['The end.'],
        ]),
        after: pagedDocument([
          ['The plan was announced in 2013.1 It was', 'repeated in 2015.'],
          ['Later speeches built on it.'],
          ['The end.'],
        ]),
      },
    ],
  },
  detect(layout) {
    return layout.footnotes.map((note) =>
      draft({
        kind: 'footnote',
        ...wholeLinesRange(layout, note.headerLine ?? note.firstLine, note.lastLine),
        replacement: '',
        confidence: note.confidence,
        message: note.marker
          ? `Footnote ${note.label} stands in the body text: move it to the notes.`
          : `Footnote ${note.label} stands in the body text (no marker found for it): move it to the notes.`,
        footnote: { label: note.label, text: note.text },
        page: layout.pageLabel(note.firstLine),
      }),
    );
  },
};
