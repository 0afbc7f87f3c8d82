/**
 * A capital in the middle of a sentence where the translation engine restarted one: "and Four
 * major challenges", "can become The main force", "governance dilemmas, Digital divide",
 * "sports, In the field of health"; and after a semicolon ("; Adhere to") where the document
 * itself nearly always writes lower case there. The suggestion writes the letter in lower case.
 * It reads the body view; the first word of a page is capital-after-page-break's.
 *
 * Evidence for an ordinary word: a function word ("The", "In"), or a word the document writes in
 * lower case elsewhere and never capitalises elsewhere in mid-sentence. Left alone:
 * - names: a word capitalised elsewhere in mid-sentence ("the Belt and Road"), one next to
 *   another capitalised word ("The Sustainable Cities Alliance", "Initiative, The Framework
 *   for Debt Sustainability", "Patent Related Matters"), months and days ("In May 2017"), "I";
 * - text set in title case: headings, tables of contents, addresses, lists of titles;
 * - the first word after a full stop, colon, question mark, opening quote or bracket, and after
 *   a number ("forces.9 While": an endnote marker after a full stop);
 * - a capital after a closing quote that follows a full stop ('end." The').
 */

import { FUNCTION_WORDS } from '../layout/function-words.data';
import { romanValue } from '../layout/roman';
import { lineAtOffset } from '../text/lines';
import type { WordTokens } from '../text/word-tokens';
import type { Draft } from '../types';
import { CALENDAR_NAMES } from './capital-in-sentence.data';
import type { Detector } from './detector';

/** A capitalised word after a word, a comma, a semicolon or a closing quote or bracket. */
const MID_SENTENCE_CAPITAL = /([a-z][,;]?|[a-z.!?]["”’)]|,|;)( +)([A-Z][a-z]+)(?![-'’A-Za-z])/g;

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
    const titleBlocks = titleCaseBlocks(text, view.blocks);
    const pageStarts = new Set(
      layout.joins.filter((join) => join.kind === 'page-break').map((join) => join.to),
    );

    const candidates: Array<{ at: number; word: string; after: string }> = [];
    const capitalisedMidSentence = new Map<string, number>();
    MID_SENTENCE_CAPITAL.lastIndex = 0;
    for (
      let match = MID_SENTENCE_CAPITAL.exec(text);
      match !== null;
      match = MID_SENTENCE_CAPITAL.exec(text)
    ) {
      const word = match[3]!;
      const at = match.index + match[1]!.length + match[2]!.length;
      MID_SENTENCE_CAPITAL.lastIndex = at;
      // 'end." The' closes a sentence and a quotation at once.
      if (/^[.!?]/.test(match[1]!)) continue;
      capitalisedMidSentence.set(word, (capitalisedMidSentence.get(word) ?? 0) + 1);
      candidates.push({ at, word, after: match[1]! });
    }
    if (candidates.length === 0) return [];

    const lowerUse = countLowerCase(text, words, new Set(candidates.map((c) => c.word.toLowerCase())));
    const lowerAfterSemicolon = semicolonLowerShare(text);
    const drafts: Draft[] = [];
    for (const { at, word, after } of candidates) {
      const lower = word.toLowerCase();
      if (CALENDAR_NAMES.has(lower) || inTitleBlock(titleBlocks, at)) continue;
      if (inTitledSpan(text, at, at + word.length) || followsMarker(text, at)) continue;
      // "the West", "the Navy", "the President": a capital after "the" makes a name.
      if (!FUNCTION_WORDS.has(lower) && /\bthe\s+$/i.test(text.slice(Math.max(0, at - 5), at))) continue;
      // "unit’ The mighty": a closing single quote is as often an apostrophe.
      if (after.endsWith('’')) continue;
      const functionWord = FUNCTION_WORDS.has(lower);
      if (!functionWord && ((capitalisedMidSentence.get(word) ?? 0) > 1 || (lowerUse.get(lower) ?? 0) === 0))
        continue;
      const separator = after.slice(-1);
      let confidence: number;
      if (separator === ';') {
        if (lowerAfterSemicolon < 0.8) continue;
        confidence = 0.7;
      } else if (separator === ',') {
        confidence = functionWord ? 0.85 : 0.75;
      } else if (/["”’)]/.test(separator)) {
        // '"big letters" Turned to': a quotation closed, the sentence goes on.
        confidence = 0.7;
      } else {
        confidence = functionWord ? 0.9 : 0.85;
      }
      const range = view.sourceRange(at, at + 1);
      const line = lineAtOffset(layout.lines, range.start);
      if (pageStarts.has(line) && range.start === layout.lines[line]!.contentStart) continue;
      drafts.push({
        kind: 'capitalisation',
        start: range.start,
        end: range.end,
        replacement: word[0]!.toLowerCase(),
        confidence,
        message: `"${word}" is capitalised in mid-sentence: write "${lower}".`,
        page: layout.pageLabel(line),
      });
    }
    return drafts;
  },
};

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
  const hashes = new Map<number, string>();
  for (const word of wanted) hashes.set(hashOf(word), word);
  const counts = new Map<string, number>();
  for (let k = 0; k < words.count; k++) {
    const word = hashes.get(words.hashes[k]!);
    if (word === undefined) continue;
    const first = text.charCodeAt(words.starts[k]!);
    if (first >= 97 && first <= 122) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** The same hash as word-tokens.ts gives a lower-case word. */
function hashOf(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * Blocks set in title case (at least two words in five capitalised: headings, contents, lists
 * of titles, addresses), as sorted view ranges.
 */
function titleCaseBlocks(
  text: string,
  blocks: ReadonlyArray<{ start: number; end: number; heading: boolean }>,
) {
  return blocks.filter((block) => {
    if (block.heading) return true;
    if (block.end - block.start > 600) return false;
    const words = text.slice(block.start, block.end).match(/[A-Za-z]{3,}/g) ?? [];
    return words.length > 0 && words.filter(isCapitalised).length / words.length >= 0.4;
  });
}

function inTitleBlock(blocks: ReadonlyArray<{ start: number; end: number }>, at: number): boolean {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = blocks[mid]!;
    if (at < block.start) high = mid - 1;
    else if (at >= block.end) low = mid + 1;
    else return true;
  }
  return false;
}

/** The share of semicolons followed by a lower-case word: the document's own style. */
function semicolonLowerShare(text: string): number {
  let lower = 0;
  let total = 0;
  const pattern = /;[ \t]+([A-Za-z])/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    total++;
    if (/[a-z]/.test(match[1]!)) lower++;
  }
  return total === 0 ? 0 : lower / total;
}
