/**
 * The words of a text as offsets and hashes, in one pass with no allocation per word: what the
 * detectors that compare words (doubled phrases) need on a book of a million words. A word is a
 * run of letters and digits, with inner hyphens and apostrophes ("win-win", "People's"); its
 * hash ignores ASCII case.
 */

export interface WordTokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** FNV-1a of the lower-cased word. */
  hashes: Int32Array;
}

/**
 * Math.imul read once: in a vm context (jest runs each test file in one), every read of the
 * global Math goes through the context's interceptor and is never inlined, which made the
 * hash loops below some fifty times slower there than in node.
 */
const { imul } = Math;

/**
 * What each character is to a word, in one table (one read per character): a letter or digit
 * as the hash takes it (ASCII capitals lowered, so at least 48), JOINER for a hyphen or
 * apostrophe that may stand between word parts ("win-win", "People's"), 0 otherwise.
 */
const JOINER = 1;
const WORD_CODE = new Uint16Array(0x10000);
for (let code = 48; code <= 57; code++) WORD_CODE[code] = code;
for (let code = 65; code <= 90; code++) WORD_CODE[code] = code + 32;
for (let code = 97; code <= 122; code++) WORD_CODE[code] = code;
for (let code = 0xc0; code <= 0x24f; code++) if (code !== 0xd7 && code !== 0xf7) WORD_CODE[code] = code;
WORD_CODE[45] = JOINER;
WORD_CODE[39] = JOINER;
WORD_CODE[0x2019] = JOINER;

export function tokenizeWords(text: string): WordTokens {
  // English averages a word per six characters: rarely grown, little wasted.
  let capacity = Math.max(16, Math.ceil(text.length / 5));
  let starts: Int32Array = new Int32Array(capacity);
  let ends: Int32Array = new Int32Array(capacity);
  let hashes: Int32Array = new Int32Array(capacity);
  let count = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    let code = WORD_CODE[text.charCodeAt(i)]!;
    if (code <= JOINER) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    // The next character is read once and carried: the loop runs over every letter of a book.
    // Never past the end (0 stands for it): one read out of bounds, in a text that ends on a
    // letter, and V8 recompiles the loop for it, twice as slow for every later text.
    for (;;) {
      if (code > JOINER) {
        hash = imul(hash ^ code, 0x01000193);
        code = ++i < length ? WORD_CODE[text.charCodeAt(i)]! : 0;
      } else if (code === JOINER && i + 1 < length && WORD_CODE[text.charCodeAt(i + 1)]! > JOINER) {
        hash = imul(hash ^ 45, 0x01000193);
        code = WORD_CODE[text.charCodeAt(++i)]!;
      } else {
        break;
      }
    }
    if (count === capacity) {
      capacity *= 2;
      starts = grow(starts, capacity);
      ends = grow(ends, capacity);
      hashes = grow(hashes, capacity);
    }
    starts[count] = start;
    ends[count] = i;
    hashes[count] = hash;
    count++;
  }
  return { count, starts, ends, hashes };
}

function grow(array: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}

/**
 * The hash tokenizeWords gives `word`, one word as it would find it ("and", "People's"): the
 * hash to look a known word up by among the tokens, in any case.
 */
export function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    const code = WORD_CODE[word.charCodeAt(i)]!;
    hash = imul(hash ^ (code === JOINER ? 45 : code), 0x01000193);
  }
  return hash;
}
