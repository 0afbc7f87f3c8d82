/**
 * An English word list: the lexicon shipped inside `natural` (about 92,000 words and compounds
 * such as "all-round" and "world-class"), loaded on first use only.
 */

let words: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  if (!words) {
    // A deep import: the package's index reads .env and prints to stdout (see README).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lexicon = require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Record<
      string,
      unknown
    >;
    words = new Set(Object.keys(lexicon).map((word) => word.toLowerCase()));
  }
  return words;
}

const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'ly', 'er', 'ers', 'al', 'ally'];

/** Whether `word` (any case) is an English word, allowing a plain inflection ("linkages"). */
export function isEnglishWord(word: string): boolean {
  const lexicon = load();
  const lower = word.toLowerCase();
  if (lexicon.has(lower)) return true;
  for (const suffix of SUFFIXES) {
    if (lower.length > suffix.length + 2 && lower.endsWith(suffix) && lexicon.has(lower.slice(0, -suffix.length))) {
      return true;
    }
  }
  return false;
}
