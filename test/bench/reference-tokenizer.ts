/**
 * A second yardstick, from outside the project: `natural`'s WordTokenizer, which issue 2 timed at
 * 39 MB/s on the seed ×100 on the machine it was written on. Timed here side by side with the
 * analyser, it says how fast this machine is today against that one, and how many tokenizer
 * passes one analysis costs (20 MB/s there is 39 / 20 = 1.95 passes).
 *
 * Imported by its own path: `require('natural')` loads the whole library (see lexicon.ts).
 */
import { createRequire } from 'node:module';

interface WordTokenizer {
  tokenize(text: string): string[];
}

const load = createRequire(__filename);

export const ISSUE_TOKENIZER_MBPS = 39;

export function makeWordTokenizer(): (text: string) => number {
  const { WordTokenizer } = load('natural/lib/natural/tokenizers/regexp_tokenizer') as {
    WordTokenizer: new () => WordTokenizer;
  };
  const tokenizer = new WordTokenizer();
  return (text) => tokenizer.tokenize(text).length;
}
