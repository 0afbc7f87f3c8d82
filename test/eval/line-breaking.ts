/**
 * Line breaking for the generated extractions: greedy filling of a line from a block's words
 * (markers rendered with their labels), a long word at the line end split at a syllable
 * ("empha-" + "sis"), a compound broken after its own hyphen ("all-" + "round"), and the traps
 * that put a final year or a heading's number alone on a line.
 */

import { markerLabel, NUMBER_WORD, type LayoutBlock, type NoteCall } from './extraction-blocks';
import type { ExtractionStyle } from './extraction-styles';
import type { Random } from './random';
import type { Truth } from './truth';

export type Hyphen = Omit<Truth['hyphens'][number], 'line'>;

/** Where the next line starts: a token, or the rest of a token split by a hyphen. */
export interface Cursor {
  token: number;
  rest: string | null;
}

export interface LineRequest {
  width: number;
  allowSplit: boolean;
  capitalise: boolean;
  /** The number the first footnote placed on this line gets. */
  firstNote: number;
}

export interface LineDraft {
  text: string;
  next: Cursor;
  hyphen?: Hyphen;
  notes: Array<{ call: NoteCall; number: number; label: string; offset: number }>;
  capital?: string;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const DIGRAPHS = new Set(['ch', 'ck', 'gh', 'ph', 'sh', 'th', 'wh', 'qu', 'ng']);

/** Greedy: as many words as fit the width, then maybe a hyphenated piece of the next one. */
export function fillLine(
  block: LayoutBlock,
  cursor: Cursor,
  request: LineRequest,
  style: ExtractionStyle,
  random: Random,
): LineDraft {
  const draft: LineDraft = { text: '', next: { ...cursor }, notes: [] };
  while (draft.next.token < block.tokens.length) {
    const at = draft.next;
    const token = block.tokens[at.token]!;
    const lineStart = draft.text === '';
    if (!lineStart && at.rest === null) {
      if (block.yearAlone && token.final && NUMBER_WORD.test(token.text)) break;
      if (block.numberAlone && at.token === 1) break;
    }
    let word = at.rest ?? token.text;
    let capital: string | undefined;
    if (lineStart && request.capitalise && at.rest === null && /^[a-z]/.test(word)) {
      word = word[0]!.toUpperCase() + word.slice(1);
      capital = /^[A-Za-z]+(?:[-'’][A-Za-z]+)*/.exec(word)![0];
    }
    const call = at.rest === null ? token.note : undefined;
    const number = request.firstNote + draft.notes.length;
    const mark = call ? markerLabel(call.format, number) : null;
    const piece = mark ? word + mark.before + mark.label + mark.after : word;
    const separator = lineStart ? '' : ' ';
    const fits = draft.text.length + separator.length + piece.length <= request.width;
    if (!fits) {
      const room = request.width - draft.text.length - separator.length;
      const split =
        request.allowSplit && !call && at.rest === null ? splitAtLineEnd(word, room, style, random) : null;
      if (split) {
        draft.text += separator + split.head;
        draft.next = { token: at.token, rest: split.rest };
        draft.hyphen = { word: split.word, decision: split.decision };
        draft.capital ??= capital;
        break;
      }
      if (!lineStart) break;
    }
    if (call && mark) {
      const offset = draft.text.length + separator.length + word.length + mark.before.length;
      draft.notes.push({ call, number, label: mark.label, offset });
    }
    draft.text += separator + piece;
    draft.capital ??= capital;
    draft.next = { token: at.token + 1, rest: null };
    if (!fits) break;
  }
  return draft;
}

interface Split {
  head: string;
  rest: string;
  word: string;
  decision: Hyphen['decision'];
}

/** "all-round" breaks after its hyphen (keep); "emphasis" at a syllable, "empha-" + "sis" (join). */
function splitAtLineEnd(word: string, room: number, style: ExtractionStyle, random: Random): Split | null {
  if (room < 4) return null;
  const compound = /^([“"‘'(]*)([A-Za-z]+(?:-[A-Za-z]+)+)([^A-Za-z]*)$/.exec(word);
  if (compound) {
    const [, lead, core, trail] = compound as unknown as [string, string, string, string];
    if (!random.chance(style.compounds)) return null;
    for (let i = core.lastIndexOf('-'); i > 0; i = core.lastIndexOf('-', i - 1)) {
      const head = lead + core.slice(0, i + 1);
      if (head.length <= room) return { head, rest: core.slice(i + 1) + trail, word: core, decision: 'keep' };
    }
    return null;
  }
  const simple = /^([“"‘'(]*)([A-Za-z]{8,})([^A-Za-z]*)$/.exec(word);
  if (!simple || !random.chance(style.hyphenation)) return null;
  const [, lead, core, trail] = simple as unknown as [string, string, string, string];
  for (const at of syllableBreaks(core)) {
    const head = `${lead}${core.slice(0, at)}-`;
    if (head.length <= room) return { head, rest: core.slice(at) + trail, word: core, decision: 'join' };
  }
  return null;
}

/** Syllable-ish break points, last first: before a consonant between vowels ("empha|sis"), or between two consonants ("inter|national"). */
function syllableBreaks(core: string): number[] {
  const lower = core.toLowerCase();
  const vowel = (i: number): boolean => VOWELS.has(lower[i]!);
  const points: number[] = [];
  for (let i = 3; i <= lower.length - 3; i++) {
    const between = vowel(i - 1) && !vowel(i) && vowel(i + 1);
    const double =
      vowel(i - 2) && !vowel(i - 1) && !vowel(i) && vowel(i + 1) && !DIGRAPHS.has(lower.slice(i - 1, i + 1));
    if (between || double) points.push(i);
  }
  return points.reverse();
}

export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
