/**
 * An English word list: the lexicon shipped inside `natural` (about 92,000 words and compounds
 * such as "all-round" and "world-class"), loaded on first use only.
 */

const LEXICON = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';

let words: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  if (!words) {
    // A deep path, loaded lazily: the package's index reads .env, prints to stdout and takes
    // half a second; this list alone takes about 60 ms and is needed only for hyphens.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lexicon = require(LEXICON) as Record<string, unknown>;
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
    if (
      lower.length > suffix.length + 2 &&
      lower.endsWith(suffix) &&
      lexicon.has(lower.slice(0, -suffix.length))
    ) {
      return true;
    }
  }
  return false;
}
