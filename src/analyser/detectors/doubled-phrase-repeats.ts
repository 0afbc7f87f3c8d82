/**
 * The mechanics of the doubled-phrase detector (doubled-phrase.ts): for a word, every phrase
 * starting there that is followed by itself after a separator (nothing, a comma, "and", "or",
 * ", and"), longest first, exact or (for a single word) with another ending. Which of them are
 * stutters and which are English is the detector's to judge.
 */

import type { WordTokens } from '../text/word-tokens';

/** Phrases of one to eight words. */
export const MAX_WORDS = 8;

/**
 * How many copies a run may hold before it is cut, so that a word written a hundred thousand
 * times costs each word a bounded look ahead and behind (the detector takes the rest of such a
 * run as a run of its own, from the last copy).
 */
export const MAX_COPIES = 64;

/** The longest phrase starting at word `i` that is followed, after a separator, by itself. */
export function findRepeat<R>(
  text: string,
  words: WordTokens,
  i: number,
  nextSame: Int32Array,
  judge: (i: number, j: number, length: number, separator: Separator, exact: boolean) => R | undefined,
): R | undefined {
  const { count, starts, ends, hashes } = words;
  // The second copy starts with the first copy's first word, one or two words (a separator
  // "and", "or") past its end: each later occurrence of the word within reach fixes the length.
  let found = 0;
  for (let j = nextSame[i]!; j !== -1 && j - i <= MAX_WORDS + 1; j = nextSame[j]!) {
    if (hashes[j] !== hashes[i]) continue;
    const distance = j - i;
    if (distance <= MAX_WORDS) scratch[found++] = distance * 2;
    if (distance >= 2) scratch[found++] = (distance - 1) * 2 + 1;
  }
  // "hardship and hardships": the inflected copy of a single word.
  for (let skip = 0; skip <= 1; skip++) {
    const j = i + 1 + skip;
    if (j < count && hashes[j] !== hashes[i] && samePrefix(text, starts[i]!, starts[j]!))
      scratch[found++] = 2 + skip;
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
    const repeat = judge(i, j, length, kind, exact);
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

/**
 * For each word, the index of the next word in the same hash bucket (-1 at the end): the
 * chain to walk for the word's later occurrences. A bucket shared by another word only adds
 * steps, each checked against the full hash.
 */
export function nextInBucket(words: WordTokens): Int32Array {
  // Twice as many buckets as words, so that a bucket rarely holds two words.
  let bits = 10;
  while (1 << bits < words.count * 2 && bits < 22) bits++;
  const last = new Int32Array(1 << bits).fill(-1);
  const next = new Int32Array(words.count);
  for (let k = words.count - 1; k >= 0; k--) {
    const bucket = words.hashes[k]! & ((1 << bits) - 1);
    next[k] = last[bucket]!;
    last[bucket] = k;
  }
  return next;
}

export type Separator = 'none' | 'comma' | 'and' | 'comma-and';

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

/** The first four letters agree, case aside: a cheap test before comparing stems. */
function samePrefix(text: string, a: number, b: number): boolean {
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
