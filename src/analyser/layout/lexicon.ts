/**
 * An English word list with parts of speech: the lexicon shipped inside `natural` (about
 * 92,000 words and compounds such as "all-round" and "world-class", proper nouns tagged NNP),
 * loaded on first use only.
 */

const LEXICON = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';

interface Lexicon {
  /** Tags by word as the lexicon spells it ("China": NNP, "china": NN). */
  tags: Record<string, string[] | undefined>;
  /** Every word in lower case. */
  lower: ReadonlySet<string>;
}

let lexicon: Lexicon | undefined;

function load(): Lexicon {
  if (!lexicon) {
    // A deep path, loaded lazily: the package's index reads .env, prints to stdout and takes
    // half a second; this list alone takes about 60 ms.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tags = require(LEXICON) as Record<string, string[]>;
    lexicon = { tags, lower: new Set(Object.keys(tags).map((word) => word.toLowerCase())) };
  }
  return lexicon;
}

const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'ly', 'er', 'ers', 'al', 'ally'];

/** Whether `word` (any case) is an English word, allowing a plain inflection ("linkages"). */
export function isEnglishWord(word: string): boolean {
  const { lower } = load();
  const folded = word.toLowerCase();
  if (lower.has(folded)) return true;
  for (const suffix of SUFFIXES) {
    if (
      folded.length > suffix.length + 2 &&
      folded.endsWith(suffix) &&
      lower.has(folded.slice(0, -suffix.length))
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Whether a capitalised word ("Rainfall", "Continue") is an ordinary word, not a name: its
 * lower-case form is a word and the capitalised form is not only a proper noun ("China",
 * "Europe", "Silk" are).
 */
export function isCommonWord(capitalised: string): boolean {
  const { tags } = load();
  const folded = capitalised.toLowerCase();
  if (!tags[folded] && !isEnglishWord(folded)) return false;
  const own = tags[capitalised];
  return !own || own.some((tag) => !tag.startsWith('NNP'));
}

/**
 * Whether the lexicon knows `word` as a verb ("breed", "produces"). Its tags are noisy (it
 * tags "the" VBD once), so a word whose first tag is a function word's never counts.
 */
export function isVerb(word: string): boolean {
  const { tags } = load();
  const known = tags[word] ?? tags[word.toLowerCase()];
  if (!known || FUNCTION_TAGS.has(known[0]!)) return false;
  return known.some((tag) => tag.startsWith('VB'));
}

const FUNCTION_TAGS = new Set(['DT', 'IN', 'CC', 'PRP', 'PRP$', 'TO', 'PDT', 'WDT', 'WP', 'EX', 'POS', 'RP']);

/** Whether the lexicon knows `word` as a comparative ("bigger", "fairer"; not "chapter"). */
export function isComparative(word: string): boolean {
  const known = load().tags[word.toLowerCase()];
  return known !== undefined && known.some((tag) => tag === 'JJR' || tag === 'RBR');
}
