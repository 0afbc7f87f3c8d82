/**
 * How the document itself spells the words that layout decisions hinge on: is "strive" written
 * in lower case elsewhere (so "Strive" after a page break is a spurious capital)? Does the
 * document write "all-round" or "allround"? Only the words asked about are counted, in one
 * pass of one regular expression over the text.
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

/** Counts every whole-word occurrence in `text` of the words in `wanted` (lower-case forms). */
export function countWords(text: string, wanted: ReadonlySet<string>): Vocabulary {
  const uses = new Map<string, WordUse>();
  const words = [...wanted].filter((word) => word.length > 0);
  for (const word of words) uses.set(word, { lower: 0, capitalMidSentence: 0, total: 0 });
  if (words.length > 0) {
    const alternatives = words
      .sort((a, b) => b.length - a.length)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    // "\b" finds candidates fast; the checks around each one keep "people-to" out of
    // "people-to-people" and "round" out of "all-round".
    const pattern = new RegExp(`\\b(?:${alternatives})\\b`, 'gi');
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const written = match[0];
      const before = text.charCodeAt(match.index - 1);
      if (before === 45 || before === 39 || before === 0x2019 || isLetterCode(before)) continue;
      const after = text.charCodeAt(match.index + written.length);
      if (
        (after === 45 || after === 39 || after === 0x2019) &&
        isLetterCode(text.charCodeAt(match.index + written.length + 1))
      )
        continue;
      if (isLetterCode(after)) continue;
      const use = uses.get(written.toLowerCase());
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

function isLetterCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0x24f);
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
