/**
 * A capital in the middle of a sentence where the translation engine restarted one: "and Four
 * major challenges", "can become The main force", "governance dilemmas, Digital divide",
 * "sports, In the field of health"; and after a semicolon ("; Adhere to") where the document
 * itself nearly always writes lower case there. The suggestion writes the letter in lower case.
 * It reads the body view; the first word of a page is capital-after-page-break's.
 *
 * Evidence for an ordinary word: a function word ("The", "In"), or a word the document writes in
 * lower case elsewhere and never capitalises elsewhere in mid-sentence (a capital that opens a
 * page, "and⏎[page]⏎Promote the", is that page break's artefact and does not count). Left alone:
 * - names: a word capitalised elsewhere in mid-sentence ("the Belt and Road"), one next to
 *   another capitalised word ("The Sustainable Cities Alliance", "Initiative, The Framework
 *   for Debt Sustainability", "Patent Related Matters"), months and days ("In May 2017"), "I";
 * - the first word of a line after a numbered line with no closing punctuation: the numbered
 *   line may be a heading the block finder joined to its text;
 * - text set in title case: headings, tables of contents, addresses, lists of titles;
 * - the first word after a full stop, colon, question mark, opening quote or bracket, and after
 *   a number ("forces.9 While": an endnote marker after a full stop);
 * - a capital after a closing quote that follows a full stop ('end." The').
 */

import { FUNCTION_WORDS } from '../layout/function-words.data';
import { romanValue } from '../layout/roman';
import { blockAt, type BodyView } from '../layout/body-view';
import type { PageLayout } from '../layout/page-layout';
import { isCommonWord } from '../layout/lexicon';
import { lineAtOffset } from '../text/lines';
import { hashWord, type WordTokens } from '../text/word-tokens';
import type { Draft } from '../types';
import { CALENDAR_NAMES } from './capital-in-sentence.data';
import type { Detector } from './detector';
import { draft } from './draft';
import { sourceRange } from '../text/text-view';

export const capitalInSentence: Detector = {
  meta: {
    id: 'capital-in-sentence',
    kind: 'capitalisation',
    description: 'A capital in mid-sentence where the translation engine restarted a sentence.',
    examples: [
      {
        before: 'The deficits are four. The world faces a trust deficit, and Four major challenges.\n',
        after: 'The deficits are four. The world faces a trust deficit, and four major challenges.\n',
      },
      {
        before:
          'So that the public can become The main force of the Belt and Road, the Belt and Road grows.\n',
        after:
          'So that the public can become the main force of the Belt and Road, the Belt and Road grows.\n',
      },
    ],
  },
  detect(layout) {
    const view = layout.bodyView();
    const text = view.text;
    const words = layout.bodyWords();
    const pageStarts = new Set(layout.joinsOf('page-break').map((join) => join.to));

    // One pass finds the capitals in mid-sentence and counts how often each word (by hash) is
    // one. Names recur; only words capitalised once, and function words, are kept as
    // candidates. A capital after a semicolon opens a clause: it is no sign of a name.
    const capitals = findMidSentenceCapitals(text, words);
    const openings = pageOpenings(layout, pageStarts);
    const capitalisedMidSentence = new Map<number, number>();
    for (let c = 0; c < capitals.words.length; c++) {
      if (capitals.after[c] === ';') continue;
      const k = capitals.words[c]!;
      // "…and⏎[page furniture]⏎Promote the formation": a capital that opens a page is the
      // artefact capital-after-page-break reports, no sign of a name.
      if (
        openings.hashes.has(words.hashes[k]!) &&
        openings.offsets.has(sourceRange(view, words.starts[k]!, words.starts[k]! + 1).start)
      )
        continue;
      const key = words.hashes[k]! >> 2;
      capitalisedMidSentence.set(key, (capitalisedMidSentence.get(key) ?? 0) + 1);
    }
    const candidates: Array<{ at: number; word: string; after: string }> = [];
    for (let c = 0; c < capitals.words.length; c++) {
      const k = capitals.words[c]!;
      const after = capitals.after[c]!;
      const elsewhere = (capitalisedMidSentence.get(words.hashes[k]! >> 2) ?? 0) - (after === ';' ? 0 : 1);
      if (elsewhere > 0 && !isFunctionWordAt(text, words, k)) continue;
      const at = words.starts[k]!;
      candidates.push({ at, word: text.slice(at, words.ends[k]!), after });
    }
    if (candidates.length === 0) return [];

    const lowerUse = countLowerCase(
      text,
      words,
      new Set(candidates.map(({ word }) => word.toLowerCase()).filter((word) => !FUNCTION_WORDS.has(word))),
    );
    const titleBlocks = new Map<number, boolean>();
    const drafts: Draft[] = [];
    for (const { at, word, after } of candidates) {
      const lower = word.toLowerCase();
      const functionWord = FUNCTION_WORDS.has(lower);
      // A name: capitalised elsewhere in mid-sentence too, or never written in lower case.
      // After a semicolon, an ordinary English word the document happens never to write in lower
      // case ("; Moreover, it") is no name either.
      if (!functionWord && !lowerUse.has(lower) && !(after === ';' && isCommonWord(word))) continue;
      // "unit’ The mighty": a closing single quote is as often an apostrophe.
      if (after === '’' || CALENDAR_NAMES.has(lower)) continue;
      // "the West", "the Navy", "the President": a capital after "the" makes a name.
      if (!functionWord && /\bthe\s+$/i.test(text.slice(Math.max(0, at - 5), at))) continue;
      if (
        inTitledSpan(text, at, at + word.length) ||
        followsMarker(text, at) ||
        inTitleCaseBlock(view, titleBlocks, at)
      )
        continue;
      const separator = after;
      let confidence: number;
      if (separator === ';') {
        // The document's own style decides: lower case after most semicolons makes a capital
        // there suspect, the more so the rarer it is.
        const lowerShare = layout.lowerAfterSemicolons();
        if (lowerShare <= 0.5) continue;
        confidence = lowerShare >= 0.8 ? 0.7 : 0.6;
      } else if (separator === ',') {
        confidence = functionWord ? 0.85 : 0.75;
      } else if (separator !== 'word') {
        // '"big letters" Turned to': a quotation closed, the sentence goes on.
        confidence = 0.7;
      } else {
        confidence = functionWord ? 0.9 : 0.85;
      }
      const range = sourceRange(view, at, at + 1);
      const line = lineAtOffset(layout.lines, range.start);
      const startsLine = range.start === layout.lines[line]!.contentStart;
      if (startsLine && (pageStarts.has(line) || followsNumberedTitle(layout.lines[line - 1]?.trimmed)))
        continue;
      drafts.push(
        draft({
          kind: 'capitalisation',
          start: range.start,
          end: range.end,
          replacement: word[0]!.toLowerCase(),
          confidence,
          message: `"${word}" is capitalised in mid-sentence: write "${lower}".`,
          page: layout.pageLabel(line),
        }),
      );
    }
    return drafts;
  },
};

/**
 * A numbered line with no closing punctuation ("4. Build schools that serve the whole
 * community"): when the next line opens with a capital, the line may be a heading as long as a
 * full line, which the block finder takes for a list item and joins to its text.
 */
function followsNumberedTitle(previousLine: string | undefined): boolean {
  return (
    previousLine !== undefined &&
    /^\d{1,2}[.)] +[A-Z]/.test(previousLine) &&
    !/[.,;:!?…"”’)\]-]$/.test(previousLine)
  );
}

function isCapitalised(word: string): boolean {
  return /^[A-Z]/.test(word);
}

/**
 * Part of a name or title set in title case: a capitalised word among the two words before or
 * after, or a number after ("Thought on Socialism with Chinese Characteristics", "the Peace of
 * Westphalia", "Chapter 3").
 */
function inTitledSpan(text: string, start: number, end: number): boolean {
  const before = text
    .slice(Math.max(0, start - 60), start)
    .split('\n')
    .pop()!;
  const after = text.slice(end, end + 60).split('\n')[0]!;
  const previous = before.match(/[A-Za-z0-9]+/g)?.slice(-2) ?? [];
  const next = after.match(/[A-Za-z0-9]+/g)?.slice(0, 2) ?? [];
  return previous.some(isCapitalised) || next.some((word) => /^[A-Z0-9]/.test(word));
}

/**
 * After a footnote marker the view kept ("2020.ii This growth", "forces.9 While") or a note
 * label ("x The state CMC"): the capital starts a sentence.
 */
function followsMarker(text: string, at: number): boolean {
  const match = /(\S*?)([A-Za-z0-9]+)[^A-Za-z0-9]*$/.exec(text.slice(Math.max(0, at - 30), at));
  if (!match) return false;
  if (/[.!?”"]$/.test(match[1]!)) return true;
  const word = match[2]!;
  return /^[ivxlc]+$/.test(word) && (romanValue(word) ?? 0) > 0;
}

/** How often each of `wanted` (lower case) is written in lower case in the view. */
function countLowerCase(text: string, words: WordTokens, wanted: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  if (wanted.size === 0) return counts;
  const hashes = new Map<number, string>();
  // A bit per hash bucket: most of a book's million words are ruled out without a map lookup.
  const buckets = new Uint8Array(1 << 16);
  for (const word of wanted) {
    const hash = hashWord(word);
    hashes.set(hash, word);
    buckets[hash & 0xffff] = 1;
  }
  for (let k = 0; k < words.count; k++) {
    const hash = words.hashes[k]!;
    if (!buckets[hash & 0xffff]) continue;
    const first = text.charCodeAt(words.starts[k]!);
    if (first < 97 || first > 122) continue;
    const word = hashes.get(hash);
    if (word !== undefined) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/**
 * The capitalised words that open a page in mid-sentence (the first word of each line a page
 * break joins to the line before): their source offsets, and their hashes to rule out the other
 * words of the book without a look-up of their offsets.
 */
function pageOpenings(
  layout: PageLayout,
  pageStarts: ReadonlySet<number>,
): { hashes: Set<number>; offsets: Set<number> } {
  const hashes = new Set<number>();
  const offsets = new Set<number>();
  for (const line of pageStarts) {
    const { trimmed, contentStart } = layout.lines[line]!;
    const opening = /^["“‘'(]?([A-Z][a-z]+)\b/.exec(trimmed);
    if (!opening) continue;
    hashes.add(hashWord(opening[1]!));
    offsets.add(contentStart + opening[0].length - opening[1]!.length);
  }
  return { hashes, offsets };
}

/**
 * Whether the block holding a view offset is set in title case (a heading, or at least two
 * words in five capitalised: contents, lists of titles, addresses); judged once per block, the
 * verdicts kept in `judged` by block index.
 */
function inTitleCaseBlock(view: BodyView, judged: Map<number, boolean>, at: number): boolean {
  const index = blockAt(view, at);
  let titled = judged.get(index);
  if (titled === undefined) {
    const block = view.blocks[index]!;
    // A block of more than 600 characters is prose: only a shorter one's words are read.
    titled =
      block.heading ||
      (block.end - block.start <= 600 && isSetInTitleCase(view.text.slice(block.start, block.end)));
    judged.set(index, titled);
  }
  return titled;
}

/** At least two words in five (of three letters or more) are capitalised. */
function isSetInTitleCase(text: string): boolean {
  const words = text.match(/[A-Za-z]{3,}/g) ?? [];
  return words.filter(isCapitalised).length >= words.length * 0.4;
}

/** A word of one capital and lower-case letters: "Four", "The"; not "EU", "McDonald", "No-First". */
function isCapitalisedWord(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 65 || first > 90 || end - start < 2) return false;
  for (let i = start + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return true;
}

/**
 * The capitalised words in mid-sentence (word indices, in order) and what stands before each
 * (see midSentenceContext): a tenth of a book's words are capitalised, fewer in mid-sentence, and
 * the later checks read only these.
 */
function findMidSentenceCapitals(text: string, words: WordTokens): { words: number[]; after: string[] } {
  const found: number[] = [];
  const after: string[] = [];
  for (let k = 1; k < words.count; k++) {
    if (!isCapitalisedWord(text, words.starts[k]!, words.ends[k]!)) continue;
    const context = midSentenceContext(text, words.ends[k - 1]!, words.starts[k]!);
    if (context === undefined) continue;
    found.push(k);
    after.push(context);
  }
  return { words: found, after };
}

/** The hash buckets of the function words: most words are ruled out without reading a letter. */
const FUNCTION_WORD_BUCKETS = new Uint8Array(1 << 16);
for (const word of FUNCTION_WORDS) FUNCTION_WORD_BUCKETS[hashWord(word) & 0xffff] = 1;

/** Word `k` is a function word, in any case ("The", "IN"). */
function isFunctionWordAt(text: string, words: WordTokens, k: number): boolean {
  return (
    FUNCTION_WORD_BUCKETS[words.hashes[k]! & 0xffff] === 1 &&
    FUNCTION_WORDS.has(text.slice(words.starts[k]!, words.ends[k]!).toLowerCase())
  );
}

/**
 * What stands between the previous word and a capitalised one when the capital is in
 * mid-sentence: spaces after a lower-case letter, optionally with a comma or semicolon, or
 * a closing quote or bracket that does not end a sentence. Undefined otherwise.
 */
function midSentenceContext(text: string, previousEnd: number, at: number): string | undefined {
  let i = at - 1;
  while (i >= previousEnd && text.charCodeAt(i) === 32) i--;
  if (i === at - 1) return undefined;
  const mark = text[i]!;
  if (i === previousEnd - 1) return isLowerCode(text.charCodeAt(i)) ? 'word' : undefined;
  if (i !== previousEnd) return undefined;
  if (mark === ',' || mark === ';') return isLowerCode(text.charCodeAt(i - 1)) ? mark : undefined;
  // 'drawing "big letters" Turned to' — but not 'end." The'.
  if ('"”’)'.includes(mark)) return /[a-z]/.test(text[i - 1] ?? '') ? mark : undefined;
  return undefined;
}

function isLowerCode(code: number): boolean {
  return code >= 97 && code <= 122;
}
