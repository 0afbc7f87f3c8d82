/**
 * The mechanics of the doubled-phrase detector (doubled-phrase.ts): for a word, every phrase
 * starting there that is followed by itself after a separator (nothing, a comma, "and", "or",
 * ", and"), longest first, exact or (for a single word) with another ending. Which of them are
 * stutters and which are English is the detector's to judge.
 */

import type { BodyView } from '../layout/body-view';
import { hashWord, type WordTokens } from '../text/word-tokens';

/** Phrases of one to eight words. */
const MAX_WORDS = 8;

/**
 * How many copies a run may hold before it is cut, so that a word written a hundred thousand
 * times costs each word a bounded look ahead and behind (the detector takes the rest of such a
 * run as a run of its own, from the last copy).
 */
const MAX_COPIES = 64;

/** Hash buckets of the nearest later word: a window of nine words rarely shares one. */
const BUCKETS = 1024;

/**
 * The words where a repeat may start, in order: a copy may start within reach (copyWithinReach),
 * or one of the next two words may be an inflected copy. Few words are either ("the" recurs
 * within nine words often, but seldom with the word after it), and findRepeat is called for
 * those alone. One pass from the end, which keeps the nearest later word of each hash bucket
 * (most words read that one slot, not the nine words after them) and the openings of the next
 * two.
 */
export function possibleRepeatStarts(text: string, words: WordTokens): number[] {
  const { count, starts, hashes } = words;
  const possible: number[] = [];
  const nearest = new Int32Array(BUCKETS).fill(0x7fffffff);
  let next = -1;
  let nextButOne = -1;
  for (let i = count - 1; i >= 0; i--) {
    const hash = hashes[i]!;
    const bucket = hash & (BUCKETS - 1);
    const later = nearest[bucket]!;
    nearest[bucket] = i;
    // No later word of the bucket within reach: the word is not written again there.
    const recurs = later - i <= MAX_WORDS + 1 && copyWithinReach(words, i, later);
    // "hardship and hardships": an inflected copy opens as the word does.
    const opening = openingOf(text, starts[i]!);
    const inflected =
      (opening === next && mayBeInflected(text, words, i, i + 1)) ||
      (opening === nextButOne && mayBeInflected(text, words, i, i + 2));
    if (recurs || inflected) possible.push(i);
    nextButOne = next;
    next = opening;
  }
  return possible.reverse();
}

/** The first two characters at `at`, case aside (as mayBeInflected compares them), as one number. */
function openingOf(text: string, at: number): number {
  const second = at + 1 < text.length ? text.charCodeAt(at + 1) : 0;
  return ((text.charCodeAt(at) | 0x20) << 16) | (second | 0x20);
}

/**
 * Word `i` is written again within reach, where a copy of a phrase starting with it may start.
 * One or two words on, the phrase may be the word alone ("the the", "hardships and
 * hardships"); farther on it has two words or more, and the copy repeats the second one too.
 * The words before `from`, the first later word in the same hash bucket, are other words.
 */
function copyWithinReach({ count, hashes }: WordTokens, i: number, from: number): boolean {
  const reach = Math.min(count - 1, i + MAX_WORDS + 1);
  for (let j = from; j <= reach; j++) {
    if (hashes[j] !== hashes[i]) continue;
    if (j - i <= 2 || (j + 1 < count && hashes[j + 1] === hashes[i + 1])) return true;
  }
  return false;
}

/** The longest phrase starting at word `i` that is followed, after a separator, by itself. */
export function findRepeat<R>(
  view: BodyView,
  words: WordTokens,
  i: number,
  judge: (
    view: BodyView,
    words: WordTokens,
    i: number,
    j: number,
    length: number,
    separator: Separator,
    exact: boolean,
  ) => R | undefined,
): R | undefined {
  const text = view.text;
  const { count, starts, ends, hashes } = words;
  // The second copy starts with the first copy's first word, one or two words (a separator
  // "and", "or") past its end: each later occurrence of the word within reach fixes the length.
  // Only the words possibleRepeatStarts marks come here: the reach is read word by word.
  let found = 0;
  const hash = hashes[i]!;
  const reach = Math.min(count - 1, i + MAX_WORDS + 1);
  for (let j = i + 1; j <= reach; j++) {
    if (hashes[j] !== hash) continue;
    const distance = j - i;
    if (distance <= MAX_WORDS) scratch[found++] = distance * 2;
    if (distance >= 2) scratch[found++] = (distance - 1) * 2 + 1;
  }
  // "hardship and hardships": the inflected copy of a single word.
  for (let skip = 0; skip <= 1; skip++) {
    const j = i + 1 + skip;
    if (mayBeInflected(text, words, i, j)) scratch[found++] = 2 + skip;
  }
  if (found === 0) return undefined;
  // Longest first: an insertion sort of a handful of numbers, in place (no allocation per word).
  for (let a = 1; a < found; a++) {
    const value = scratch[a]!;
    let b = a - 1;
    while (b >= 0 && scratch[b]! < value) {
      scratch[b + 1] = scratch[b]!;
      b--;
    }
    scratch[b + 1] = value;
  }
  for (let c = 0; c < found; c++) {
    const candidate = scratch[c]!;
    const length = candidate >> 1;
    const skip = candidate & 1;
    const j = i + length + skip;
    if (j + length > count) continue;
    // A word between the copies must be "and" or "or" (separatorKind): "of the world, of the"
    // and "and justice, and" are ruled out by its hash, before any text is read.
    if (skip === 1 && hashes[i + length] !== AND && hashes[i + length] !== OR) continue;
    const exact = hashesMatch(hashes, i, j, length);
    if (!exact && !(length === 1 && sameStem(text, words, i, j))) continue;
    // "the the the the" is "the" four times, not "the the" twice: a phrase made of copies of a
    // shorter one is left to that one, which runEnd then follows to the last copy.
    if (exact && isPeriodic(text, words, i, length)) continue;
    const separator = text.slice(ends[i + length - 1]!, starts[i + length]!);
    const between =
      skip === 0
        ? separator
        : `${separator}${text.slice(starts[i + length]!, ends[i + length]!)}${text.slice(ends[i + length]!, starts[j]!)}`;
    const kind = separatorKind(between);
    if (kind === undefined) continue;
    if (!phraseMatches(text, words, i, j, length)) continue;
    const repeat = judge(view, words, i, j, length, kind, exact);
    if (repeat) return repeat;
  }
  return undefined;
}

/**
 * Where a run of copies ends: the second copy (words [j, j + length)) and every further copy of
 * it that follows after a separator of its own (a space, a comma or semicolon, "and", "or"),
 * as in "the the the", "inclusive, inclusive and inclusive" or "hardships and hardships and
 * hardships". `end` is the word index after the last copy; a pair has 2 copies.
 */
export function runEnd(
  text: string,
  words: WordTokens,
  i: number,
  j: number,
  length: number,
): { end: number; copies: number } {
  const { count, starts, ends, hashes } = words;
  let end = j + length;
  let copies = 2;
  while (copies < MAX_COPIES) {
    // The next copy starts at once (a space, a comma) or after one word ("and", "or").
    let next = -1;
    for (let skip = 0; skip <= 1 && next === -1; skip++) {
      const candidate = end + skip;
      if (
        candidate + length <= count &&
        hashesMatch(hashes, j, candidate, length) &&
        separatorKind(text.slice(ends[end - 1]!, starts[candidate]!)) !== undefined &&
        phraseMatches(text, words, j, candidate, length)
      )
        next = candidate;
    }
    if (next === -1) break;
    end = next + length;
    copies++;
  }
  return { end, copies };
}

/**
 * Where the run of single words that word `i` belongs to starts: the first of the copies of
 * word `i` just before it, each joined to the next by a separator ("Analysis or Analysis or
 * Analysis"); `i` when the word before is another word.
 */
export function runStart(text: string, words: WordTokens, i: number): number {
  const { starts, ends, hashes } = words;
  let first = i;
  for (let copies = 1; copies < MAX_COPIES; copies++) {
    let previous = -1;
    for (let skip = 0; skip <= 1 && previous === -1; skip++) {
      const candidate = first - 1 - skip;
      if (
        candidate >= 0 &&
        hashes[candidate] === hashes[first] &&
        separatorKind(text.slice(ends[candidate]!, starts[first]!)) !== undefined
      )
        previous = candidate;
    }
    if (previous === -1) break;
    first = previous;
  }
  return first;
}

/**
 * Words [i, i + length) are copies of their first few words, side by side ("the the") or
 * joined by "and" or "or" ("development and development").
 */
function isPeriodic(text: string, words: WordTokens, i: number, length: number): boolean {
  const { hashes } = words;
  for (let period = 1; period < length; period++) {
    const sideBySide = length % period === 0;
    const joined =
      period >= 2 &&
      (length + 1) % period === 0 &&
      /^(?:and|or)$/i.test(text.slice(words.starts[i + period - 1]!, words.ends[i + period - 1]!));
    if (!sideBySide && !joined) continue;
    let repeats = true;
    for (let k = period; k < length && repeats; k++) repeats = hashes[i + k] === hashes[i + k - period];
    if (repeats) return true;
  }
  return false;
}

/** Candidate (length, skip) pairs of one word, encoded as length * 2 + skip; reused. */
const scratch = new Int32Array(4 * MAX_WORDS + 4);

export type Separator = 'none' | 'comma' | 'and' | 'comma-and';

/** The hashes of "and" and "or" among the words (any case). */
const AND = hashWord('and');
const OR = hashWord('or');

/** What joins the two copies: a space, a comma or semicolon, "and"/"or", or ", and". */
function separatorKind(between: string): Separator | undefined {
  if (/^[ \t]+$/.test(between)) return 'none';
  if (/^[ \t]*[,;、][ \t]*$/.test(between)) return 'comma';
  if (/^[ \t]+(?:and|or)[ \t]+$/i.test(between)) return 'and';
  if (/^[ \t]*[,;][ \t]*(?:and|or)[ \t]+$/i.test(between)) return 'comma-and';
  return undefined;
}

function hashesMatch(hashes: Int32Array, i: number, j: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (hashes[i + k] !== hashes[j + k]) return false;
  return true;
}

/** Both copies are one clause: only spaces between their words, and the same words. */
function phraseMatches(text: string, words: WordTokens, i: number, j: number, length: number): boolean {
  for (let k = 0; k < length; k++) {
    if (k > 0) {
      if (!/^[ \t]+$/.test(text.slice(words.ends[i + k - 1]!, words.starts[i + k]!))) return false;
      if (!/^[ \t]+$/.test(text.slice(words.ends[j + k - 1]!, words.starts[j + k]!))) return false;
    }
    if (k > 0 && words.hashes[i + k] !== words.hashes[j + k]) return false;
  }
  return true;
}

/**
 * Words `i` and `j` (if there is a word `j`) differ, but may be one word with two endings: both
 * have four letters or more, and the first four agree, case aside. A cheap test before
 * sameStem, which slices both words.
 */
function mayBeInflected(text: string, words: WordTokens, i: number, j: number): boolean {
  const { starts, ends } = words;
  if (j >= words.count || words.hashes[j] === words.hashes[i]) return false;
  const a = starts[i]!;
  const b = starts[j]!;
  if (ends[i]! - a < 4 || ends[j]! - b < 4) return false;
  for (let k = 0; k < 4; k++) {
    if ((text.charCodeAt(a + k) | 0x20) !== (text.charCodeAt(b + k) | 0x20)) return false;
  }
  return true;
}

/** "hardship" / "hardships", "responsibility" / "responsibilities": one word, two endings. */
function sameStem(text: string, words: WordTokens, i: number, j: number): boolean {
  const a = text.slice(words.starts[i]!, words.ends[i]!).toLowerCase();
  const b = text.slice(words.starts[j]!, words.ends[j]!).toLowerCase();
  if (a.length < 4 || b.length < 4 || a.slice(0, 4) !== b.slice(0, 4) || a === b) return false;
  return stem(a) === stem(b);
}

/**
 * Singular and plural only: "hardship and hardships". Other endings make different words that
 * a text rightly pairs ("developed and developing countries").
 */
function stem(word: string): string {
  return word
    .replace(/ies$/, 'y')
    .replace(/(?<=[sxz]|[cs]h)es$/, '')
    .replace(/s$/, '');
}
