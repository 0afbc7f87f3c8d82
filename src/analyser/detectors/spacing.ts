/**
 * Spacing the extraction or the translation got wrong, found in the body as an editor reads it
 * (layout/body-view.ts), so that a line break, furniture or a footnote marker never reads as a
 * space here. Catches a space before punctuation ("in 2017 , focus", "met .", "( see"), doubled
 * spaces ("formulate  nuclear"), no space after a sentence end ("met.The", "bonus?The"), a
 * number or a word glued to the next ("2023Basic", "TipsReview"), and a word split by a stray
 * space ("V ol.", "People’ s", "C hina", "empha -sis").
 *
 * Left alone, each for the text that motivates it:
 * - names, codes and formulas: "G20", "5G", "16+1", "COVID-19", "2030s", "DF-21Ds", "L3Harris"
 *   and "C6H12O6" (a letter before the digits), "NaCl", "iPhone" (one letter before the
 *   capital), "McDonald", "LaFoy" (NAME_PREFIXES), "YouTube", "WeChat" (CAMEL_CASE_NAMES), and
 *   a capitalised camel-case token the document never writes as two words ("CrowdStrike");
 * - ellipses ("so on ...", " … "), decimals ("2.5"), "No.1", "Vol.2", "p.459" (a compact
 *   numbering style of the source, not an extraction artefact), abbreviations and initials
 *   ("U.S.The", "e.g.", "J.R.R."): a sentence end needs two lower-case letters or a digit;
 * - addresses, domains and file names ("airuniversity.af.mil", "CASI-Research.ORG", "Gov.Uk",
 *   "mirv.pdf ; Scott"): a token with a slash, an at, underscore, equals or percent sign, or a
 *   dot between a letter or digit and a letter;
 * - a space before an opening bracket or quote, " - " as a dash, "74 . 90" and "1 , 000"
 *   (digits on both sides), " :" before a digit ("at 10 :30", "1 :50,000"), "System,” , 252"
 *   (an empty field of a citation, not a stray space);
 * - Chinese text and mixed scripts ("[火爆依旧 !]", "( 预警反击)"): only spaces next to Latin
 *   letters and digits are judged.
 */

import { lineAtOffset } from '../text/lines';
import type { WordTokens } from '../text/word-tokens';
import type { Draft } from '../types';
import type { Detector } from './detector';
import { draft } from './draft';
import {
  collectCamelCase,
  doubledSpace,
  gluedNumber,
  gluedWords,
  isAlnum,
  isDigit,
  isLower,
  missingSpaceAfterSentence,
  spaceBeforePunctuation,
  splitAtApostrophe,
  splitByHyphen,
  splitLetter,
  yearGluedToWord,
  type CamelCase,
  type Report,
} from './spacing-rules';
import { PUNCTUATION_NAMES } from './spacing.data';
import { sourceRange } from '../text/text-view';

export const spacing: Detector = {
  meta: {
    id: 'spacing',
    kind: 'spacing',
    description: 'A space before punctuation, a doubled or missing space, or a word split by a stray space.',
    examples: [
      {
        before: 'In 2017 , the People’ s Congress met.The  delegates read V ol. 3 of the report.\n',
        after: 'In 2017, the People’s Congress met. The delegates read Vol. 3 of the report.\n',
      },
      {
        before:
          'Tips Review\nPublished in Fall 2023Basic Issues, with special empha -sis on trade (see TipsReview ).\n',
        after:
          'Tips Review\nPublished in Fall 2023 Basic Issues, with special emphasis on trade (see Tips Review).\n',
      },
    ],
  },
  detect(layout) {
    const view = layout.bodyView();
    const text = view.text;
    const reportInto =
      (drafts: Draft[]): Report =>
      (start, end, replacement, confidence, message) => {
        const range = sourceRange(view, start, end);
        // Only where the source reads as the view: a line break or a footnote marker inside the
        // range is another detector's ("in 2017⏎, focus" is a line-wrap).
        if (range.end - range.start !== end - start) return;
        for (let i = start; i < end; i++) {
          if (layout.text.charCodeAt(range.start + i - start) !== text.charCodeAt(i)) return;
        }
        const page = layout.pageLabel(lineAtOffset(layout.lines, range.start));
        drafts.push(draft({ kind: 'spacing', ...range, replacement, confidence, message, page }));
      };
    const readsAsSource = (start: number, end: number): boolean => {
      const range = sourceRange(view, start, Math.min(end, text.length));
      return range.end - range.start === Math.min(end, text.length) - start;
    };

    // Each pattern's places are read as a search for that pattern alone would find them, from
    // where its last one left off, and its findings are kept in a list of their own.
    const afterSpaces: Draft[] = [];
    const afterMarks: Draft[] = [];
    const atLetters: Draft[] = [];
    const reportAfterSpaces = reportInto(afterSpaces);
    const reportAfterMarks = reportInto(afterMarks);
    const reportAtLetters = reportInto(atLetters);
    const camelCases: CamelCase[] = [];
    let spacesFrom = 0;
    let marksFrom = 0;
    for (const at of placesOf(SPACE_OR_MARK, text)) {
      if (at >= spacesFrom && matchesAt(SPACE_BEFORE, text, at)) {
        spacesFrom = readSpaceBefore(text, at, reportAfterSpaces, readsAsSource);
      }
      if (at >= marksFrom && matchesAt(SPACE_AFTER, text, at)) {
        marksFrom = readSpaceAfter(text, at, reportAfterMarks);
      }
    }
    let capitalsFrom = 0;
    for (const at of letterPlaces(text, layout.bodyWords())) {
      if (at >= capitalsFrom && matchesAt(LETTERS, text, at)) {
        capitalsFrom = readLetters(text, at, reportAtLetters, camelCases);
      }
    }
    const drafts = [...afterSpaces, ...afterMarks, ...atLetters];
    gluedWords(text, camelCases, reportInto(drafts));
    return drafts;
  },
};

/**
 * The places the rules start from, each a plain pattern (an optional group would make it several
 * times slower): a space before punctuation, a space or a mark; an opening bracket, an
 * apostrophe or a hyphen before a space; and a capital after a letter, a digit or a sentence
 * end, a capital or a lone small letter between spaces (" r eforms"), or a number before a word
 * ("2019the"). They are rare, and each is tried only where a search finds a place it may match.
 */
const SPACE_BEFORE = / [ ,;:!?.)\]’'-]/y;
const SPACE_AFTER = /[([’'-] /y;
const LETTERS = /[.!?0-9a-z)\]”’][A-Z]|[A-Z] [a-z]| [b-hj-z] [a-z]|\d[a-z]{3}/y;

/**
 * The searches that find those places. A search runs at well under a nanosecond a character
 * when its pattern is one sequence of classes, a few times slower when it is a choice between
 * patterns that start with a space or a small letter, the commonest characters. So: one
 * sequence for both space patterns (a space, bracket, apostrophe or hyphen, then a space or a
 * punctuation mark: every place either matches, and a few more); the capital and number
 * patterns; and the lone letters, found among the view's words rather than at every space.
 */
const SPACE_OR_MARK = /[ ([’'-][ ,;:!?.)\]’'-]/g;
const CAPITAL_OR_NUMBER = /[.!?0-9a-z)\]”’][A-Z]|[A-Z] [a-z]|\d[a-z]{3}/g;

/** Where `pattern` (global) matches, every place in order, overlapping ones included. */
function placesOf(pattern: RegExp, text: string): number[] {
  const places: number[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    places.push(match.index);
    pattern.lastIndex = match.index + 1;
  }
  return places;
}

/**
 * The places LETTERS may match, in order: CAPITAL_OR_NUMBER's, and the space before each lone
 * small letter other than "a" and "i" that stands between spaces before a small letter
 * (" r eforms"): a word of one letter, as the view's words say, since a space is no part of one.
 */
function letterPlaces(text: string, words: WordTokens): number[] {
  const places = placesOf(CAPITAL_OR_NUMBER, text);
  const { count, starts, ends } = words;
  let lone = false;
  for (let k = 0; k < count; k++) {
    if (ends[k]! - starts[k]! !== 1) continue;
    const at = starts[k]! - 1;
    if (at >= 0 && matchesAt(LONE_LETTER, text, at)) {
      places.push(at);
      lone = true;
    }
  }
  // The two kinds never share a place: a lone letter's place is a space.
  return lone ? places.sort((a, b) => a - b) : places;
}

const LONE_LETTER = / [b-hj-z] [a-z]/y;

function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

/** " ,", "  ", " -", " ’" at `at`; returns where the next such place may start. */
function readSpaceBefore(
  text: string,
  at: number,
  report: Report,
  readsAsSource: (start: number, end: number) => boolean,
): number {
  const next = text[at + 1]!;
  if (next === '-') splitByHyphen(text, at, report);
  else if (next === '’' || next === "'") splitAtApostrophe(text, at, report);
  else {
    let end = at + 1;
    while (text[end] === ' ') end++;
    // Spaces that meet only in the view, around a footnote marker it leaves out ("policies.
    // [1] “The"), are not the source's: the marker's reference goes between them.
    if (!readsAsSource(at, end + 1)) return end;
    if (PUNCTUATION_NAMES.has(text[end]!)) spaceBeforePunctuation(text, at, end, report);
    else if (end - at > 1) doubledSpace(text, at, end, report);
    return end;
  }
  return at + 2;
}

/** "( ", "- ", "’ " at `at`; returns where the next such place may start. */
function readSpaceAfter(text: string, at: number, report: Report): number {
  const mark = text[at];
  if (mark === '-') splitByHyphen(text, at, report);
  else if (mark === '’' || mark === "'") splitAtApostrophe(text, at, report);
  else {
    // "( see": the space after an opening bracket, before a Latin letter or digit ("( 预警").
    let end = at + 1;
    while (text[end] === ' ') end++;
    if (isAlnum(text.charCodeAt(end)))
      report(at + 1, end, '', 0.85, 'A space stands after the bracket: remove it.');
  }
  return at + 2;
}

/**
 * A capital after a letter, digit or sentence end, a split letter, or a number run into a word,
 * matched at `matched`; returns where the next such place may start.
 */
function readLetters(text: string, matched: number, report: Report, camelCases: CamelCase[]): number {
  // " r eforms": the lone letter after the space.
  const at = text.charCodeAt(matched) === 32 ? matched + 1 : matched;
  const code = text.charCodeAt(at);
  if (text[at + 1] === ' ') splitLetter(text, at, report);
  else if (isDigit(code) && isLower(text.charCodeAt(at + 1))) yearGluedToWord(text, at, report);
  else if (isDigit(code)) gluedNumber(text, at, report);
  else if (isLower(code)) collectCamelCase(text, at + 1, camelCases);
  else missingSpaceAfterSentence(text, at + 1, report);
  return at + 1;
}
