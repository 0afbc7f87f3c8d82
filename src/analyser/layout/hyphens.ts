/**
 * What to do with a hyphen at a line end: join a word the line break split ("empha-" + "sis"),
 * or keep a real compound and only drop the break ("all-" + "round", "China-" + "France").
 * Evidence, strongest first: how the document itself writes the word elsewhere, then the
 * lexicon, then the shape of the two parts.
 */

import { isEnglishWord } from './lexicon';
import type { Vocabulary } from './vocabulary';

export interface HyphenDecision {
  /** The word as it should be printed: "emphasis" or "all-round". */
  word: string;
  join: boolean;
  confidence: number;
  reason: string;
}

/** Prefixes that English keeps hyphenated before a word ("non-threat", "self-reliance"). */
const KEEP_PREFIXES = new Set(['non', 'self', 'all', 'well', 'ex', 'half', 'quasi', 'cross', 'vice', 'semi']);

/** The last word part before a line-end hyphen and the first after it: "all-" + "round ...". */
export function hyphenParts(
  before: string,
  after: string,
): { left: string; right: string; compoundBefore: boolean } {
  const leftStart = wordPartBeforeHyphen(before);
  const rightMatch = /^[A-Za-z\u00C0-\u024F0-9]+/.exec(after);
  const left = leftStart === -1 ? '' : before.slice(leftStart, -1);
  // "people-to-" + "people", or "people-" + "to-people": one part of a longer compound.
  const compoundBefore =
    (leftStart !== -1 ? before.charAt(leftStart - 1) === '-' : false) ||
    (rightMatch ? after.charAt(rightMatch[0].length) === '-' : false);
  return { left, right: rightMatch?.[0] ?? '', compoundBefore };
}

/**
 * Where the letters and digits before a hyphen that ends `text` start ("all-" → 0), or -1:
 * `/[A-Za-z\u00C0-\u024F0-9]+-$/`, read from the end. Anchored at the end only, the pattern is
 * tried from every offset: on the seed's hyphenated lines and notes it cost ten times the scan.
 */
function wordPartBeforeHyphen(text: string): number {
  const hyphen = text.length - 1;
  if (hyphen < 1 || text.charCodeAt(hyphen) !== 45) return -1;
  let start = hyphen;
  while (start > 0 && isWordPart(text.charCodeAt(start - 1))) start--;
  return start === hyphen ? -1 : start;
}

/** A letter (Latin, with the accented ones up to U+024F) or a digit. */
function isWordPart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    (code >= 0xc0 && code <= 0x24f)
  );
}

/** The words a hyphen decision will ask the vocabulary about. */
export function hyphenQueries(left: string, right: string): string[] {
  return [(left + right).toLowerCase(), `${left}-${right}`.toLowerCase()];
}

export function decideHyphen(
  left: string,
  right: string,
  compoundBefore: boolean,
  vocabulary: Vocabulary,
): HyphenDecision {
  const joined = left + right;
  const kept = `${left}-${right}`;
  const keep = (confidence: number, reason: string): HyphenDecision => ({
    word: kept,
    join: false,
    confidence,
    reason,
  });
  const join = (confidence: number, reason: string): HyphenDecision => ({
    word: joined,
    join: true,
    confidence,
    reason,
  });

  if (left.length === 0 || right.length === 0) return keep(0.6, 'no word on one side of the hyphen');
  // "China-" + "France", "Asia-" + "Pacific", "COVID-" + "19".
  if (/^[A-Z0-9]/.test(right)) return keep(0.95, 'the second part starts with a capital or a digit');
  if (/[0-9]/.test(left)) return keep(0.9, 'a number before the hyphen');
  // "people-to-" + "people", "face-to-" + "face".
  if (compoundBefore) return keep(0.9, 'part of a longer hyphenated compound');

  const joinedUse = vocabulary.use(joined).total;
  const keptUse = vocabulary.use(kept).total;
  if (keptUse > joinedUse) return keep(0.95, `the document writes "${kept}" elsewhere`);
  if (joinedUse > keptUse) return join(0.97, `the document writes "${joined.toLowerCase()}" elsewhere`);

  const joinedKnown = isEnglishWord(joined);
  const keptKnown = isEnglishWord(kept);
  if (keptKnown && !joinedKnown) return keep(0.9, `"${kept}" is a hyphenated word`);
  if (joinedKnown && !keptKnown) return join(0.95, `"${joined.toLowerCase()}" is a word`);
  if (KEEP_PREFIXES.has(left.toLowerCase()))
    return keep(0.85, `"${left}-" is a prefix English keeps hyphenated`);
  // "trade-off"/"tradeoff", "decision-making"/"decisionmaking": the break fell at the hyphen.
  if (joinedKnown && keptKnown) return keep(0.65, 'both spellings are words; the line breaks at the hyphen');
  const leftWord = isEnglishWord(left);
  const rightWord = isEnglishWord(right);
  if (leftWord && rightWord && right.length >= 3) return keep(0.6, 'both parts are words of their own');
  // "tizhi-" + "system": a foreign or rare word before a whole English word reads as a compound.
  if (rightWord && right.length >= 5) return keep(0.6, `"${right}" is a word of its own`);
  return join(0.85, 'the parts are not words of their own');
}
