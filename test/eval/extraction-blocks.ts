/**
 * The clean blocks made ready for layout: each block cut into words, footnote calls set at some
 * sentence ends (with invented citations), and the traps decided ("2019." alone on a paragraph's
 * last line, "2." alone on a numbered heading's first line). Also how markers and footnote
 * labels are printed in each format.
 */

import type { CleanBlock } from './clean-text';
import { toRoman } from '../../src/analyser/layout/roman';
import type { ExtractionStyle, MarkerFormat } from './extraction-styles';
import { inventCitation } from './footnote-citations';
import type { Random } from './random';

export type PrintedMarker = Exclude<MarkerFormat, 'after-quote' | 'glued-or-spaced'>;

export interface NoteCall {
  format: PrintedMarker;
  citation: string;
}

export interface Token {
  text: string;
  /** The last token of its block. */
  final: boolean;
  note?: NoteCall;
}

export interface LayoutBlock {
  kind: CleanBlock['kind'];
  tokens: Token[];
  /** The chapter the block belongs to, for running headers that carry it. */
  chapter: string;
  /** Trap: the paragraph's final number goes alone on its last line ("2019."). */
  yearAlone: boolean;
  /** Trap: the heading's number goes alone on its first line ("2."). */
  numberAlone: boolean;
}

export const BOOK_TITLE_FALLBACK = 'Shared Waters, Shared Futures';
const CHAPTER_HEADING = /^Chapter\s+\S+?:\s*(.+)$/;
const NUMBERED_HEADING = /^\d+\.$/;
/** A word that ends a sentence: "growth.", "them.”", "to?" — but not "2019." or "1.2". */
const SENTENCE_END = /^[^\d]*[a-z][.!?]["”’)]*$/i;
const ENDS_IN_QUOTE = /["”’]$/;
/** A paragraph's final word that the year trap can isolate: "2019.", "1997." */
export const NUMBER_WORD = /^\(?\d[\d,.]*[.,;:)]?$/;
const SUPERSCRIPT_DIGITS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

export function prepareBlocks(
  clean: readonly CleanBlock[],
  style: ExtractionStyle,
  random: Random,
): LayoutBlock[] {
  let chapter =
    clean.map((block) => CHAPTER_HEADING.exec(block.text)?.[1]).find(Boolean) ?? BOOK_TITLE_FALLBACK;
  return clean.map((block) => {
    const words = block.text.split(' ');
    chapter = CHAPTER_HEADING.exec(block.text)?.[1] ?? chapter;
    const tokens: Token[] = words.map((text, index) => ({ text, final: index === words.length - 1 }));
    if (block.kind === 'paragraph' && style.footnotes) placeMarkers(tokens, style, random);
    const last = words[words.length - 1]!;
    return {
      kind: block.kind,
      tokens,
      chapter,
      yearAlone: block.kind === 'paragraph' && NUMBER_WORD.test(last) && random.chance(style.traps.yearAlone),
      numberAlone:
        block.kind === 'heading' &&
        words.length > 1 &&
        NUMBERED_HEADING.test(words[0]!) &&
        random.chance(style.traps.numberAlone),
    };
  });
}

/** Sets footnote calls at some sentence ends; "after-quote" prefers sentences that end in a quotation. */
function placeMarkers(tokens: Token[], style: ExtractionStyle, random: Random): void {
  const footnotes = style.footnotes!;
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    const sentenceEnd = SENTENCE_END.test(token.text) && (!next || /^["“‘(]?[A-Z]/.test(next.text));
    if (!sentenceEnd) return;
    let rate = footnotes.rate;
    if (footnotes.format === 'after-quote') rate = ENDS_IN_QUOTE.test(token.text) ? 0.7 : footnotes.rate / 2;
    if (!random.chance(rate)) return;
    let format: PrintedMarker;
    if (footnotes.format === 'after-quote') format = 'glued';
    else if (footnotes.format === 'glued-or-spaced') format = random.chance(0.5) ? 'glued' : 'spaced';
    else format = footnotes.format;
    token.note = { format, citation: inventCitation(random) };
  });
}

export function markerLabel(
  format: PrintedMarker,
  number: number,
): { before: string; label: string; after: string } {
  switch (format) {
    case 'spaced':
      return { before: ' ', label: String(number), after: '' };
    case 'roman':
      return { before: '', label: toRoman(number), after: '' };
    case 'superscript':
      return { before: '', label: toSuperscript(number), after: '' };
    case 'bracketed':
      return { before: '[', label: String(number), after: ']' };
    default:
      return { before: '', label: String(number), after: '' };
  }
}

/** How the footnote body starts: "1 Xi ...", "iv See ...", "3. The ..." */
export function bodyLabel(format: PrintedMarker, number: number): { label: string; prefix: string } {
  if (format === 'roman') return { label: toRoman(number), prefix: `${toRoman(number)} ` };
  if (format === 'bracketed') return { label: String(number), prefix: `${number}. ` };
  return { label: String(number), prefix: `${number} ` };
}

function toSuperscript(value: number): string {
  return [...String(value)].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]!).join('');
}
