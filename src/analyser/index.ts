/** The analyser's public API: everything the command line and the web app may use. Re-exports only. */

export { analyse } from './analyse';
export type { Analysis, AnalyseOptions, Draft, Finding, FootnoteBody, Heading } from './types';
export { KINDS, KIND_INFO, PAGE_STRUCTURE_KINDS, isKind } from './kinds';
export { DETECTED_KINDS } from './detectors';
export type { Kind, KindInfo } from './kinds';
export { DEFAULT_MAX_BYTES, DecodeError, decodeText } from './text/decode';
export type { DecodeOptions, DecodeProblem } from './text/decode';
export { buildLineIndex, positionAt } from './text/line-index';
export type { LineIndex } from './text/line-index';
export { EditConflictError, applyEdits } from './edits/apply-edits';
export type { AppliedEdits, Edit } from './edits/apply-edits';
export { acceptAll, acceptConfident, selectEdits } from './edits/decisions';
export type { Decision, Decisions, SelectedEdits } from './edits/decisions';
export { renderEdition } from './edits/render-edition';
export type { Edition, EditionFormat, EditionOptions } from './edits/render-edition';
