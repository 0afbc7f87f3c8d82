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

function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

/** Hyphens and apostrophes join two word parts: "win-win", "other's", "People’s". */
function isJoiner(code: number): boolean {
  return code === 45 || code === 39 || code === 0x2019;
}

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
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    for (;;) {
      const code = text.charCodeAt(i);
      if (isWordCode(code)) {
        hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), 0x01000193);
        i++;
      } else if (isJoiner(code) && i + 1 < length && isWordCode(text.charCodeAt(i + 1))) {
        hash = Math.imul(hash ^ 45, 0x01000193);
        i++;
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
