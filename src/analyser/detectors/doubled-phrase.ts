/**
 * Words and phrases (one to eight words) that the translation engine wrote twice, side by side
 * or joined by a comma, "and", "or", ", and" or a semicolon: "the the", "share hardships and
 * hardships", "Responsibilities and Responsibilities", "open, inclusive, inclusive, balanced",
 * "the law of the jungle, the law of the jungle", "does not want to fight, does not want to
 * fight", "in the Cold War mentality, and in the Cold War mentality". It reads the body view, so
 * a repeat split by a line, a hyphen or a page break is one finding that encloses the breaks.
 * The suggestion removes the second copy with the separator before it (every copy after the
 * first in a run: "the the the" → "the"); case is ignored, and a copy that differs only by
 * inflection ("hardship and hardships") is flagged with less confidence.
 *
 * Left alone: reduplication English means ("more and more", "bigger and bigger", "again and
 * again", "over and over", "through and through"; "step by step", "side by side", "face to
 * face" are not joined by a separator this looks at; "win-win" is one word), repetition for
 * effect ("very very", "no, no"), grammatical doubles ("had had", "that that"), names
 * ("Bora Bora", "Duran Duran": both copies capitalised), numbers ("10, 10"), and phrases that a
 * text repeats in parallel clauses ("peace, protect peace and share peace", "equal rights, equal
 * opportunities"), which never stand as two copies side by side.
 */

import { FUNCTION_WORDS } from '../layout/function-words.data';
import { isComparative, isVerb } from '../layout/lexicon';
import { lineAtOffset } from '../text/lines';
import type { WordTokens } from '../text/word-tokens';
import { blockAt, type BodyView } from '../layout/body-view';
import { findRepeat, possibleRepeatStarts, runEnd, runStart, type Separator } from './doubled-phrase-repeats';
import type { Draft } from '../types';
import type { Detector } from './detector';
import { draft } from './draft';
import {
  DOUBLED_FOR_EFFECT,
  DOUBLED_WITH_AND,
  GRAMMATICAL_DOUBLES,
  MODALS,
  PREPOSITIONS,
} from './doubled-phrase.data';
import { sourceRange } from '../text/text-view';

export const doubledPhrase: Detector = {
  meta: {
    id: 'doubled-phrase',
    kind: 'doubled-phrase',
    description: 'A word or phrase repeated by mistake; the second copy removed.',
    examples: [
      {
        before: 'We should share hardships and hardships, share glory and disgrace.\n',
        after: 'We should share hardships, share glory and disgrace.\n',
      },
      {
        before: 'It opposes the law of the jungle, the law of the jungle, and bullying.\n',
        after: 'It opposes the law of the jungle, and bullying.\n',
      },
      {
        before: 'Build an open, inclusive, inclusive, balanced and win-win\neconomy, more and more open.\n',
        after: 'Build an open, inclusive, balanced and win-win\neconomy, more and more open.\n',
      },
    ],
  },
  detect(layout) {
    const view = layout.bodyView();
    const text = view.text;
    const words = layout.bodyWords();
    const drafts: Draft[] = [];
    let resume = 0;
    for (const i of possibleRepeatStarts(text, words)) {
      if (i < resume) continue;
      const repeat = findRepeat(view, words, i, judge);
      if (!repeat) continue;
      const range = sourceRange(view, repeat.removeFrom, repeat.removeTo);
      const copy = text.slice(words.starts[i]!, words.ends[i + repeat.length - 1]!);
      drafts.push(
        draft({
          kind: 'doubled-phrase',
          start: range.start,
          end: range.end,
          replacement: repeat.titled ? null : '',
          confidence: repeat.confidence,
          message: repeat.titled
            ? `"${copy}" is written ${times(repeat.copies)}: a name may be garbled here ("One Belt, One Road").`
            : repeat.inflected
              ? `"${copy}" is repeated with another ending: keep one (check the form).`
              : `"${copy}" is written ${times(repeat.copies)}: keep one.`,
          page: layout.pageLabel(lineAtOffset(layout.lines, range.start)),
        }),
      );
      // The last copy may open a repeat of its own ("the world world peace, world peace"): the
      // scan goes on from it, and the overlap policy settles any clash.
      resume = repeat.lastCopy;
    }
    return drafts;
  },
};

interface Repeat {
  length: number;
  /** How many times the phrase is written: 2, or more for a run ("the the the"). */
  copies: number;
  /** The view range to remove: every copy after the first, with the separators before them. */
  removeFrom: number;
  removeTo: number;
  /** The word index where the last copy starts (after the first copy: i < lastCopy). */
  lastCopy: number;
  confidence: number;
  inflected: boolean;
  /** A phrase in title case doubled: flagged without a fix. */
  titled: boolean;
}

/** Whether the phrase at word `i`, written again at word `j`, is a stutter, and how sure that is. */
function judge(
  view: BodyView,
  words: WordTokens,
  i: number,
  j: number,
  length: number,
  separator: Separator,
  exact: boolean,
): Repeat | undefined {
  const text = view.text;
  const first = text.slice(words.starts[i]!, words.ends[i]!);
  const second = text.slice(words.starts[j]!, words.ends[j]!);
  const lower = first.toLowerCase();
  // "more and more and more" read as "and more" twice: a phrase never starts or ends with the
  // conjunction that joins idioms.
  const last = text.slice(words.starts[i + length - 1]!, words.ends[i + length - 1]!).toLowerCase();
  if (length > 1 && (/^(and|or)$/i.test(first) || /^(and|or)$/.test(last))) return undefined;
  if (length === 1) {
    if (/^\d+$/.test(first)) return undefined;
    // "Bora Bora", "Duran Duran": a name that doubles itself.
    if (separator === 'none' && /^[A-Z]/.test(first) && /^[A-Z]/.test(second)) return undefined;
    if ((separator === 'none' || separator === 'comma') && DOUBLED_FOR_EFFECT.has(lower)) return undefined;
    if (separator === 'none' && GRAMMATICAL_DOUBLES.has(lower)) return undefined;
    // "more and more", "bigger and bigger", "again and again".
    if (separator === 'and' && (DOUBLED_WITH_AND.has(lower) || isComparative(lower))) return undefined;
    // "Patents, Patent Related Matters", "strikes, strike order": a list, not a stutter.
    if (!exact && separator !== 'and') return undefined;
  }
  // The words around the run, which the checks below read, once the cheap ones have passed:
  // "the the the" is one run, judged and removed as a whole, and in "Sustainability Analysis or
  // Analysis or Analysis" the second and third copies are judged by "Sustainability", as the
  // first and second are.
  const { end, copies } = runEnd(text, words, i, j, length);
  const runFirst = length === 1 ? runStart(text, words, i) : i;
  if (separator !== 'none' && isFigureOfSpeech(text, words, i, j + length - i, end, separator))
    return undefined;
  const before = runFirst > 0 ? text.slice(words.starts[runFirst - 1]!, words.ends[runFirst - 1]!) : '';
  const heading = view.blocks[blockAt(view, words.starts[i]!)]?.heading ?? false;
  let contrast = false;
  if (length === 1) {
    const after = end < words.count ? text.slice(words.starts[end]!, words.ends[end]!) : '';
    // "HIT and HIT Leixin Technology", "Deputy Director and Director of ...": names and titles.
    if (!heading && /^[A-Z]/.test(second) && (/^[A-Z]/.test(after) || /^[A-Z]/.test(before)))
      return undefined;
    // "its confrontational nature and nature of controlling things", "naval strategy, and
    // strategy for network space": a word modified and the same word modified otherwise.
    const joined = separator === 'and' || separator === 'comma-and';
    contrast = joined && isModifier(before) && PREPOSITIONS.has(after.toLowerCase());
    // "the foundation for strategy, and strategy cannot deviate": the copy opens a new clause.
    if (separator === 'comma-and' && (MODALS.has(after.toLowerCase()) || isVerb(after))) return undefined;
  }
  let confidence: number;
  // "One Belt, One Belt": a doubled name is more often a name garbled ("One Belt, One Road")
  // than a stutter; removing the copy may not be the right fix.
  const titled =
    length > 1 && /^[A-Z]/.test(first) && /^[A-Z]/.test(text.slice(words.starts[i + 1]!, words.ends[i + 1]!));
  if (!exact || contrast) confidence = 0.6;
  else if (titled && !heading) confidence = 0.7;
  // "political strategy and strategy", "various methods and methods": a stutter as often as a
  // contrast between a modified and a bare word; for the editor to judge.
  else if (length === 1 && separator === 'and' && isModifier(before)) confidence = 0.7;
  else if (length >= 3) confidence = 0.97;
  else if (length === 2) confidence = 0.93;
  else if (FUNCTION_WORDS.has(lower)) confidence = 0.8;
  else confidence = separator === 'comma' ? 0.85 : 0.9;
  return {
    length,
    copies,
    removeFrom: words.ends[i + length - 1]!,
    removeTo: words.ends[end - 1]!,
    lastCopy: end - length,
    confidence,
    inflected: !exact,
    titled: titled && !heading,
  };
}

/**
 * Repetition as a figure of speech, not a stutter. The word after the last copy already
 * stands just before the first ("lies in the affinity of the people, and the affinity of the
 * people lies in"; "China's opportunities into world opportunities and world opportunities
 * into"), or a verb stands on each side of a single repeated word, which ends one clause and
 * opens the next ("diversity brings exchanges, exchanges breed integration").
 */
function isFigureOfSpeech(
  text: string,
  words: WordTokens,
  i: number,
  /** How many words the first two copies take, with the separator between them. */
  span: number,
  /** The word after the last copy. */
  after: number,
  separator: Separator,
): boolean {
  if (after >= words.count || !/^[ \t]+$/.test(text.slice(words.ends[after - 1]!, words.starts[after]!)))
    return false;
  const wordAt = (index: number): string => text.slice(words.starts[index]!, words.ends[index]!);
  // A function word ("of", "into") recurs by chance near a single word; near a phrase it marks
  // the mirror ("into China's opportunities and China's opportunities into").
  if (span > 3 || !FUNCTION_WORDS.has(wordAt(after).toLowerCase())) {
    for (let k = Math.max(0, i - 3); k < i; k++) if (words.hashes[k] === words.hashes[after]) return true;
  }
  if (separator !== 'comma' || span > 3 || i === 0) return false;
  return isVerb(wordAt(i - 1)) && isVerb(wordAt(after)) && !FUNCTION_WORDS.has(wordAt(after).toLowerCase());
}

function times(copies: number): string {
  return copies === 2 ? 'twice' : `${copies} times`;
}

/** A word that can modify the next one: a content word that is not a verb or a number. */
function isModifier(word: string): boolean {
  return /^[A-Za-z]/.test(word) && !FUNCTION_WORDS.has(word.toLowerCase()) && !isVerb(word);
}
