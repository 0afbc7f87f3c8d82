/**
 * A detector's proposal, built in the finding's final shape: the engine fills in the id, the
 * line, the column and the text in place. One object per finding, one hidden class for all of
 * them: on a book of a hundred thousand findings the copies would cost more than the detectors.
 */

import type { Draft } from '../types';

export type DraftFields = Pick<Draft, 'kind' | 'start' | 'end' | 'replacement' | 'confidence' | 'message'> &
  Partial<Pick<Draft, 'page' | 'footnote' | 'footnoteStart'>>;

export function draft(fields: DraftFields): Draft {
  return {
    id: '',
    kind: fields.kind,
    start: fields.start,
    end: fields.end,
    line: 0,
    column: 0,
    text: '',
    replacement: fields.replacement,
    confidence: fields.confidence,
    message: fields.message,
    page: fields.page,
    footnote: fields.footnote,
    footnoteId: undefined,
    footnoteStart: fields.footnoteStart,
  };
}
