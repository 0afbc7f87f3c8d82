/**
 * How the document itself spells the words that layout decisions hinge on: is "strive" written
 * in lower case elsewhere (so "Strive" after a page break is a spurious capital)? Does the
 * document write "all-round" or "allround"? Counting only the words asked about keeps this to
 * one pass over the text with no allocation per word.
 */

export interface WordUse {
  /** Occurrences as written in lower case. */
  lower: number;
  /** Occurrences with a capital after a word or a comma: mid-sentence, so a name or a title. */
  capitalMidSentence: number;
  /** All occurrences, any case. */
  total: number;
}

export interface Vocabulary {
  use(word: string): WordUse;
}

const WORD = /[A-Za-z\u00C0-\u024F]+(?:[-'’][A-Za-z\u00C0-\u024F]+)*/g;

/** Counts every word of `text` whose lower-case form is in `wanted` (lower-case forms). */
export function countWords(text: string, wanted: ReadonlySet<string>): Vocabulary {
  const uses = new Map<string, WordUse>();
  for (const word of wanted) uses.set(word, { lower: 0, capitalMidSentence: 0, total: 0 });
  if (wanted.size > 0) {
    const lengths = new Set<number>();
    for (const word of wanted) lengths.add(word.length);
    WORD.lastIndex = 0;
    for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
      const written = match[0];
      if (!lengths.has(written.length)) continue;
      const use = uses.get(written) ?? uses.get(written.toLowerCase());
      if (!use) continue;
      use.total++;
      const first = written.charCodeAt(0);
      if (first >= 97 && first <= 122) use.lower++;
      else if (isMidSentence(text, match.index)) use.capitalMidSentence++;
    }
  }
  const none: WordUse = { lower: 0, capitalMidSentence: 0, total: 0 };
  return { use: (word) => uses.get(word.toLowerCase()) ?? none };
}

/** The word at `offset` follows a word, a number or a comma on the same line. */
function isMidSentence(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < 0 || i === offset - 1) return false;
  const code = text.charCodeAt(i);
  const isLetter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  const isDigit = code >= 48 && code <= 57;
  return isLetter || isDigit || code === 44;
}
