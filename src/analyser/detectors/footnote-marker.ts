/**
 * The in-text reference to a footnote body found at the page bottom: "the world.1 The",
 * "faster.”1 To", "coercion.i", "reality. 1 In March" (the space before a spaced marker goes
 * with it), "¹", "[3]". Each marker is paired with its body by layout/footnotes.ts; a number
 * with no body on its page (a year, "G20", "16+1") is never a marker. The suggestion removes
 * it; the edition prints a note reference in its place when the note is kept.
 */

import type { Draft } from '../types';
import type { Detector } from './detector';
import { draft } from './draft';
import { pagedDocument } from './examples.data';

export const footnoteMarker: Detector = {
  meta: {
    id: 'footnote-marker',
    kind: 'footnote-marker',
    description: 'The in-text reference to a footnote; becomes a note reference in the edition.',
    examples: [
      {
        before: pagedDocument([
          [
            'The plan became reality. 1 In March it',
            'was repeated.',
            "1 Xi Jinping: Selected Works, People's Press, 2018, p. 510.",
          ],
          ['Later speeches built on it.'],
          ['The end.'],
        ]),
        after: pagedDocument([
          [
            'The plan became reality. In March it',
            'was repeated.',
            "1 Xi Jinping: Selected Works, People's Press, 2018, p. 510.",
          ],
          ['Later speeches built on it.'],
          ['The end.'],
        ]),
      },
    ],
  },
  detect(layout) {
    const drafts: Draft[] = [];
    for (const note of layout.footnotes) {
      if (!note.marker) continue;
      drafts.push(
        draft({
          kind: 'footnote-marker' as const,
          start: note.marker.start,
          end: note.marker.end,
          replacement: '',
          confidence: Math.min(note.confidence, 0.95),
          message: `Footnote marker ${note.label} in the text: make it a note reference.`,
          footnoteStart: layout.lines[note.headerLine ?? note.firstLine]!.start,
          page: layout.pageLabel(note.marker.line),
        }),
      );
    }
    return drafts;
  },
};
