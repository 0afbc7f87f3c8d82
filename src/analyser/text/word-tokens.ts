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

/** 1 for a letter or digit, 2 for a hyphen or apostrophe between word parts, 0 otherwise. */
const CLASS = new Uint8Array(0x10000);
for (let code = 48; code <= 57; code++) CLASS[code] = 1;
for (let code = 65; code <= 90; code++) CLASS[code] = 1;
for (let code = 97; code <= 122; code++) CLASS[code] = 1;
for (let code = 0xc0; code <= 0x24f; code++) if (code !== 0xd7 && code !== 0xf7) CLASS[code] = 1;
CLASS[45] = 2;
/** ASCII capitals lowered; every other code as it is. */
const LOWER = new Uint16Array(0x10000);
for (let code = 0; code < 0x10000; code++) LOWER[code] = code >= 65 && code <= 90 ? code + 32 : code;
CLASS[39] = 2;
CLASS[0x2019] = 2;

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
    let code = text.charCodeAt(i);
    if (CLASS[code] !== 1) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    // The next character is read once and carried: the loop runs over every letter of a book.
    // Never past the end (0 stands for it): one read out of bounds, in a text that ends on a
    // letter, and V8 recompiles the loop for it, twice as slow for every later text.
    for (;;) {
      const kind = CLASS[code];
      if (kind === 1) {
        hash = imul(hash ^ LOWER[code]!, 0x01000193);
        code = ++i < length ? text.charCodeAt(i) : 0;
      } else if (kind === 2 && i + 1 < length && CLASS[text.charCodeAt(i + 1)] === 1) {
        hash = imul(hash ^ 45, 0x01000193);
        code = text.charCodeAt(++i);
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
