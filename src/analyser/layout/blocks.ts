/**
 * Paragraphs and headings: for every two body lines that follow each other in reading order,
 * whether the second goes on with the first (a wrapped line, a split word, a sentence cut by a
 * page break) or starts a new block.
 *
 * Decided from what the text says before line length: an unfinished clause ("development," /
 * "Strive to work") goes on; a line that ends a sentence and leaves room for the next line's
 * first word ends its paragraph ("in the new era." / "Section 1: ..."). At page breaks the
 * length of the last line only counts when the document's pages end on full lines; the seed
 * was translated page by page and its pages often end on a short line mid-sentence.
 *
 * Headings ("Chapter XIV: ...", "Section 1: ... and the" / "Future of the World",
 * "1. build a world ..., common prosperity," / "openness, ... and beauty", "1.1 CHINA'S FORCES")
 * are blocks of their own, at most three lines.
 */

import type { Line, LineShapes } from '../text/lines';
import { decideHyphen, hyphenParts, type HyphenDecision } from './hyphens';
import { isEnglishWord } from './lexicon';
import { endCode, endText, type LineEnds } from './line-ends';
import type { Vocabulary } from './vocabulary';

export type JoinKind = 'line-wrap' | 'hyphenation' | 'page-break' | 'paragraph-break';

/** What happens between body line `from` and the next body line `to`. */
export interface Join {
  from: number;
  to: number;
  /** Furniture or footnotes stand between the two lines. */
  across: boolean;
  /** The two lines belong to one block. */
  joined: boolean;
  kind: JoinKind;
  confidence: number;
  hyphen?: HyphenDecision;
  reason: string;
}

export interface Block {
  firstLine: number;
  lastLine: number;
  heading: boolean;
}

export interface LineMeasure {
  /** Length of a full line of body text (a high percentile of body line lengths). */
  full: number;
}

const CONTINUES_HEADING = /(,|-|\b(the|of|and|a|an|for|to|with|in|on|by|or|that|its|their|from|at|as))$/i;
const HEADING_WORD =
  /^(chapter|section|part|article|appendix|annex)\s+(\d+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten)\b/i;
const NUMBERED = /^(?:\d{1,2}(?:[.)]|(?:\.\d{1,2})+\.?)|\(\d{1,2}\))\s+\S/;
const ROMAN_ITEM = /^[IVX]{1,5}\.\s+\S/;
/** A heading or item number on a line of its own, its text on the next line ("4." / "Build ..."). */
const NUMBER_ALONE = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.|\(\d{1,2}\)|\d{1,2}\))$/;
const BULLET = /^[•▪■◦●§*–-]\s/;
/**
 * "Looking ahead, ...", "In conclusion, ...", "Facing the future, ..." (the usual rendering of
 * 面向未来): a sentence adverbial that sums up or turns to what comes next opens a paragraph.
 */
const CONCLUDING_OPENING =
  /^(?:In conclusion|To conclude|In summary|In sum|To sum up|To summari[sz]e|All in all|Looking ahead|Looking forward|Looking to the future|Facing the future|Going forward),/;
/** "What is wrong with the world? What should we do?": the line opens with a question. */
const QUESTION_OPENING = /^[A-Z][^.!?;:"“”]*\?/;
/** A line that is a number alone, or a contents entry's dot leaders and page number. */
const ENDS_ON_PAGE_REFERENCE = /^\d{1,4}$|\.{3,}\s*\d{1,4}$/;
/** "First, build ...", "Second, strengthen ...": an enumerated paragraph opens here. */
const ORDINAL_OPENING =
  /^(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Firstly|Secondly|Thirdly|Fourthly|Fifthly|Lastly|Finally)\b,?/;

export function measureLines(shapes: LineShapes, body: readonly number[]): LineMeasure {
  const histogram = new Uint32Array(401);
  for (const index of body) histogram[Math.min(400, shapes.length[index]!)]!++;
  // A few lines say little about the measure: there the longest line is the best guess.
  return { full: percentile(histogram, body.length, body.length < 20 ? 1 : 0.8) };
}

function percentile(histogram: Uint32Array, count: number, fraction: number): number {
  const target = Math.max(1, Math.floor(count * fraction));
  let seen = 0;
  for (let length = 0; length < histogram.length; length++) {
    seen += histogram[length]!;
    if (seen >= target) return length;
  }
  return histogram.length - 1;
}

export interface BlockInput {
  lines: readonly Line[];
  shapes: LineShapes;
  /** Body lines in reading order (not blank, not furniture, not footnote). */
  body: readonly number[];
  /**
   * By position in `body`: 1 where furniture, notes or a form feed stand between the line and
   * the next body line (a page break).
   */
  breakAfter: Uint8Array;
  /** How each line ends once its footnote marker is left out ("countries.”1" → "countries.”"). */
  ends: LineEnds;
  measure: LineMeasure;
  vocabulary: Vocabulary;
}

export function findBlocks(input: BlockInput): {
  joins: Join[];
  /** The joins of each kind, in reading order. */
  joinsByKind: Record<JoinKind, Join[]>;
  blocks: Block[];
} {
  const { body } = input;
  const headingOf = findHeadings(input);
  const entryStarts = findNumberedEntries(input);
  const pageEndsAreReliable = pageEndLengthsMeanSomething(input);
  const joins: Join[] = [];
  const joinsByKind: Record<JoinKind, Join[]> = {
    'line-wrap': [],
    hyphenation: [],
    'page-break': [],
    'paragraph-break': [],
  };
  const blocks: Block[] = [];
  let blockStart = body[0];
  for (let k = 0; k + 1 < body.length; k++) {
    const from = body[k]!;
    const to = body[k + 1]!;
    const across = input.breakAfter[k] === 1;
    const join = decideJoin(input, from, to, across, headingOf, entryStarts, pageEndsAreReliable);
    joins.push(join);
    joinsByKind[join.kind].push(join);
    if (!join.joined) {
      blocks.push({
        firstLine: blockStart!,
        lastLine: from,
        heading: headingOf[blockStart!] === blockStart,
      });
      blockStart = to;
    }
  }
  if (blockStart !== undefined) {
    blocks.push({
      firstLine: blockStart,
      lastLine: body[body.length - 1]!,
      heading: headingOf[blockStart] === blockStart,
    });
  }
  return { joins, joinsByKind, blocks };
}

function decideJoin(
  input: BlockInput,
  from: number,
  to: number,
  across: boolean,
  headingOf: Int32Array,
  entryStarts: ReadonlySet<number>,
  pageEndsAreReliable: boolean,
): Join {
  const { lines, shapes, measure } = input;
  const a = lines[from]!;
  const b = lines[to]!;

  const headingA = headingOf[from]!;
  const headingB = headingOf[to]!;
  if (headingA !== NO_HEADING && headingA === headingB)
    return joinLines(input, from, to, across, 0.9, 'the heading goes on on the next line');
  if (headingA !== NO_HEADING) return split(from, to, across, 0.95, 'a heading ends here');
  if (headingB !== NO_HEADING) return split(from, to, across, 0.95, 'a heading starts on the next line');

  const blankBetween = !across && to > from + 1;
  // Both read from the lines' shapes where these decide: the most common join of all, a
  // sentence that goes on in lower case within a page, reads neither line's text.
  const startsLower = lineStartsLowerCase(input, to);
  const terminal = lineEndsClause(input, from);
  if (blankBetween) {
    if (!terminal && startsLower)
      return joinLines(input, from, to, across, 0.7, 'an unfinished sentence goes on after a blank line');
    return split(from, to, across, 0.97, 'a blank line ends the paragraph');
  }
  const first = shapes.first[to]!;
  // Numbered and bulleted items, ordinals and capitals all start with a digit, a symbol or a capital.
  if (!startsLower && !(first >= 97 && first <= 122)) {
    // An item ends on a sentence end or a short line; a full line goes on ("as many as" / "3 million").
    const itemMayEnd = terminal || shapes.length[from]! < measure.full * 0.8;
    if (itemMayEnd && isBlockStart(b.trimmed)) {
      return split(from, to, across, 0.9, 'the next line starts a numbered or bulleted item');
    }
    // An entry also ends on a full line with a URL or a closing quote ("... as “Source 1”").
    if (entryStarts.has(to) && (itemMayEnd || !endsMidSentence(endText(input.ends, from)))) {
      return split(from, to, across, 0.9, 'the next line starts the next numbered entry');
    }
    if (terminal && ORDINAL_OPENING.test(b.trimmed)) {
      return split(
        from,
        to,
        across,
        0.9,
        'a sentence ends and the next one opens an enumerated paragraph ("Second, ...")',
      );
    }
    // "Operational employment" / "These submarines have ...": a short line with no punctuation
    // before a capitalised one, inside a page, is a heading in sentence case.
    if (!terminal && !across && isShortUnpunctuated(a.trimmed, measure) && /^["“(]?[A-Z]/.test(b.trimmed)) {
      return split(from, to, across, 0.7, 'a short line without punctuation before a capitalised one');
    }
  }
  if (!terminal) {
    if (across) {
      const aEnd = endText(input.ends, from);
      // "451" or "Chapter 25 ...... 432" closing a contents page: a number, not a clause cut off.
      if (ENDS_ON_PAGE_REFERENCE.test(aEnd)) {
        return split(from, to, across, 0.8, 'the page ends on a number alone, not in mid-sentence');
      }
      return joinLines(
        input,
        from,
        to,
        across,
        /[,;]$|[a-z]$/.test(aEnd) ? 0.95 : 0.9,
        'the sentence is cut by the page break',
      );
    }
    return joinLines(
      input,
      from,
      to,
      across,
      startsLower || /[,\-–]$|\b(the|of|and|a|to)$/i.test(endText(input.ends, from)) ? 0.97 : 0.93,
      'the sentence goes on',
    );
  }
  if (startsLower) return joinLines(input, from, to, across, 0.9, 'the next line goes on in lower case');

  const aEnd = endText(input.ends, from);
  const space = b.trimmed.indexOf(' ');
  const nextWord = space === -1 ? b.trimmed.length : space;
  const roomForNextWord = a.trimmed.length + 1 + nextWord <= measure.full * 0.97;
  const short = a.trimmed.length < measure.full * 0.8;
  if (across) {
    // At a page end the layout says little (in this document, or when the last line is full):
    // an opening that starts paragraphs in prose does. Not after a question, where a run of
    // questions may go on ("What should we do?" / "Cooperation or confrontation?").
    if (
      endsSentence(aEnd) &&
      (CONCLUDING_OPENING.test(b.trimmed) || (!/\?["”’)\]]*$/.test(aEnd) && QUESTION_OPENING.test(b.trimmed)))
    ) {
      return split(
        from,
        to,
        across,
        0.8,
        'a sentence ends at the page end and the next page opens with a question or a summing-up phrase',
      );
    }
    if (!pageEndsAreReliable) {
      return joinLines(
        input,
        from,
        to,
        across,
        0.8,
        'a sentence ends at the page end; pages of this document end anywhere in a paragraph',
      );
    }
    if (!roomForNextWord)
      return joinLines(input, from, to, across, 0.75, 'the last line of the page is full');
    return split(from, to, across, 0.8, 'a sentence ends on a short last line');
  }
  if (roomForNextWord)
    return split(from, to, across, short ? 0.95 : 0.85, 'a sentence ends on a line with room left');
  return joinLines(input, from, to, across, endsSentence(aEnd) ? 0.9 : 0.93, 'the line is full');
}

/** Every join has the same properties in the same order: one hidden class for all of them. */
function split(from: number, to: number, across: boolean, confidence: number, reason: string): Join {
  return { from, to, across, joined: false, kind: 'paragraph-break', confidence, hyphen: undefined, reason };
}

/** The line starts with a lower-case letter, after an opening quote or bracket at most. */
function lineStartsLowerCase(input: BlockInput, line: number): boolean {
  const first = input.shapes.first[line]!;
  if (isOpener(first)) return isLowerCase(input.lines[line]!.trimmed.charCodeAt(1));
  return isLowerCase(first);
}

function isOpener(code: number): boolean {
  return code === 34 || code === 0x201c || code === 0x2018 || code === 39 || code === 40;
}

function isLowerCase(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** The line's end text ends a clause; its text is read only after a closing quote or bracket. */
function lineEndsClause(input: BlockInput, line: number): boolean {
  const last = endCode(input.ends, line);
  return isCloser(last) ? endsClause(endText(input.ends, line)) : isClauseEnd(last);
}

/**
 * `/[.!?:;…]["”’)\]]*$/` and `/[.!?…]["”’)\]]*$/`, tested from the end: a pattern anchored
 * only at the end is tried at every offset of the line, and most lines are tested.
 */
function endsClause(text: string): boolean {
  return isClauseEnd(lastBeforeClosers(text));
}

export function endsSentence(text: string): boolean {
  return isSentenceEnd(lastBeforeClosers(text));
}

/** The last character before any closing quotes and brackets ('end.”)' → '.'); 0 for none. */
function lastBeforeClosers(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && isCloser(text.charCodeAt(i))) i--;
  return i >= 0 ? text.charCodeAt(i) : 0;
}

function isCloser(code: number): boolean {
  return code === 34 || code === 0x201d || code === 0x2019 || code === 41 || code === 93;
}

function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

function isClauseEnd(code: number): boolean {
  return isSentenceEnd(code) || code === 58 || code === 59;
}

/**
 * The two lines joined, by a space or, after a hyphen, as decideHyphen says. decideJoin calls
 * it directly, as it calls split: a helper closed over each pair was a fifth of the layout's
 * garbage, and collecting it a tenth of its time.
 */
function joinLines(
  input: BlockInput,
  from: number,
  to: number,
  across: boolean,
  confidence: number,
  reason: string,
): Join {
  const join: Join = {
    from,
    to,
    across,
    joined: true,
    kind: across ? 'page-break' : 'line-wrap',
    confidence,
    hyphen: undefined,
    reason,
  };
  // "empha-" + "sis": a letter or digit, then the hyphen, at the line end.
  if (endCode(input.ends, from) !== 45) return join;
  const aText = endText(input.ends, from);
  if (!/[A-Za-z\u00C0-\u024F0-9]-$/.test(aText)) return join;
  const bText = input.lines[to]!.trimmed;
  if (!/^[A-Za-z\u00C0-\u024F0-9]/.test(bText)) return join;
  const { left, right, compoundBefore } = hyphenParts(aText, bText);
  const hyphen = decideHyphen(left, right, compoundBefore, input.vocabulary);
  if (!across) join.kind = 'hyphenation';
  join.hyphen = hyphen;
  join.confidence = Math.min(confidence, hyphen.confidence);
  return join;
}

function isShortUnpunctuated(trimmed: string, measure: LineMeasure): boolean {
  return (
    trimmed.length < measure.full * 0.6 && /[A-Za-z0-9)]$/.test(trimmed) && !CONTINUES_HEADING.test(trimmed)
  );
}

function isBlockStart(trimmed: string): boolean {
  return NUMBERED.test(trimmed) || ROMAN_ITEM.test(trimmed) || BULLET.test(trimmed);
}

/** The line stops on a word or a comma, as a sentence that goes on does; a URL does not count. */
function endsMidSentence(text: string): boolean {
  return /[a-z,]$/.test(text.slice(-1)) && !/\/\S*$/.test(text.slice(text.lastIndexOf(' ') + 1));
}

/** "12 Shou Xiaosong, ed., ...": a number, a space, then text. */
const ENTRY_START = /^(\d{1,3})[ \t]+[^\s\d]/;
/** How far back, in body lines, the entry before may stand (an entry wraps over a few lines). */
const ENTRY_REACH = 12;

/**
 * Lines that open the next entry of a list numbered without a full stop, as an endnotes
 * section is ("1 John W. Lewis ..., 46." / "2 “China’s National Defense ...”"): the line starts
 * with a number, and a line a few lines above starts with the number before it. A line that
 * starts with a number in running text ("3 million people ...") has no such neighbour.
 */
function findNumberedEntries(input: BlockInput): Set<number> {
  const { lines, shapes, body } = input;
  const entries = new Set<number>();
  // The body position where each entry number was last seen at a line start.
  const lastSeen = new Map<number, number>();
  for (let k = 0; k < body.length; k++) {
    const first = shapes.first[body[k]!]!;
    if (!(first >= 48 && first <= 57)) continue;
    const match = ENTRY_START.exec(lines[body[k]!]!.trimmed);
    if (!match) continue;
    const number = Number(match[1]);
    const previous = lastSeen.get(number - 1);
    if (previous !== undefined && k - previous <= ENTRY_REACH) entries.add(body[k]!);
    lastSeen.set(number, k);
  }
  return entries;
}

const NO_HEADING = -1;

/**
 * Heading lines: each maps to the first line of its heading, other lines to NO_HEADING. A heading starts a block (the
 * line before it ends a sentence or a page) and goes on while its line ends unfinished
 * ("... and the") or the next line is a short title-case line ("Power Diplomacy in the New Era").
 */
function findHeadings(input: BlockInput): Int32Array {
  const { lines, shapes, body, measure } = input;
  const headingOf = new Int32Array(lines.length).fill(NO_HEADING);
  for (let k = 0; k < body.length; k++) {
    const index = body[k]!;
    const previous = k > 0 ? body[k - 1]! : undefined;
    // Both tests read the lines' shapes first: most lines go on from a line that does not end
    // a sentence, and most are long lines of prose in lower case.
    if (previous !== undefined && !startsAfterBreak(input, k)) continue;
    if (!mayStartHeading(shapes.length[index]!, shapes.first[index]!, measure)) continue;
    const trimmed = lines[index]!.trimmed;
    if (!looksLikeHeadingStart(trimmed, measure)) continue;
    const heading = [index];
    let last = trimmed;
    const numberAlone = NUMBER_ALONE.test(trimmed);
    for (let next = k + 1; next < body.length && heading.length < (numberAlone ? 4 : 3); next++) {
      const candidate = body[next]!;
      // The heading's lines so far are the body lines before `next`.
      if (input.breakAfter[next - 1] === 1 || candidate > heading[heading.length - 1]! + 1) break;
      const text = lines[candidate]!.trimmed;
      if (heading.length === 1 && numberAlone) {
        heading.push(candidate);
        last = text;
        continue;
      }
      if (endsClause(last) && !last.endsWith(':')) break;
      const unfinished = CONTINUES_HEADING.test(last) || /^[a-z]/.test(text);
      const titleLine =
        text.length < measure.full * 0.7 && !endsSentence(text) && titleCaseShare(text) >= 0.6;
      if (!unfinished && !(titleLine && titleCaseShare(last) >= 0.6)) break;
      if (HEADING_WORD.test(text) || NUMBERED.test(text) || NUMBER_ALONE.test(text) || ROMAN_ITEM.test(text))
        break;
      heading.push(candidate);
      last = text;
    }
    // A numbered line that runs on as a paragraph is a list item, not a heading.
    const numbered = NUMBERED.test(trimmed) || numberAlone;
    if (numbered && endsSentence(last) && !/^\d+\.\d/.test(trimmed)) continue;
    // An unnumbered title stands alone: "Lessons from Practice" / "Three lessons stand out ...".
    if (!numbered && !HEADING_WORD.test(trimmed) && !isAllCaps(trimmed) && heading.length > 2) continue;
    if (NUMBERED.test(trimmed) && heading.length === 1 && trimmed.length >= measure.full * 0.9) continue;
    for (const line of heading) headingOf[line] = index;
    k += heading.length - 1;
  }
  return headingOf;
}

/**
 * What looksLikeHeadingStart rules out from a line's shape alone, without reading its text: a
 * line longer than a full one, and a long line that opens neither with a heading word or a
 * number nor with a capital.
 */
function mayStartHeading(length: number, first: number, measure: LineMeasure): boolean {
  if (length > measure.full * 1.05) return false;
  return length < measure.full * 0.8 || isHeadingOpener(first) || (first >= 65 && first <= 90);
}

/**
 * The first characters of the heading words, numbers and roman numerals that HEADING_WORD,
 * NUMBER_ALONE, NUMBERED and ROMAN_ITEM take ("Chapter", "section", "4.", "(2)", "IV."): most
 * lines open otherwise, and those patterns are not tried on them.
 */
const HEADING_OPENERS = new Uint8Array(128);
for (const opener of 'cspaCSPAIVX(0123456789') HEADING_OPENERS[opener.charCodeAt(0)] = 1;

function isHeadingOpener(code: number): boolean {
  return code < 128 && HEADING_OPENERS[code] === 1;
}

function looksLikeHeadingStart(trimmed: string, measure: LineMeasure): boolean {
  if (trimmed.length > measure.full * 1.05) return false;
  const numberedOrNamed = isHeadingOpener(trimmed.charCodeAt(0));
  if (numberedOrNamed && (HEADING_WORD.test(trimmed) || NUMBER_ALONE.test(trimmed))) return true;
  if (isTitle(trimmed, measure)) return true;
  if (numberedOrNamed && (NUMBERED.test(trimmed) || ROMAN_ITEM.test(trimmed)))
    return trimmed.length < measure.full * 0.9;
  if (isCapitalisedSectionName(trimmed)) return true;
  return trimmed.length < measure.full * 0.8 && isAllCaps(trimmed) && !endsSentence(trimmed);
}

/** Body line `k` follows a blank line, a page break or a line that ends a clause. */
function startsAfterBreak(input: BlockInput, k: number): boolean {
  const previous = input.body[k - 1]!;
  const across = input.breakAfter[k - 1] === 1;
  if (input.body[k]! > previous + 1 && !across) return true;
  return lineEndsClause(input, previous) || across;
}

/** A short line in title case with no sentence punctuation: "Lessons from Practice", "Disclaimer". */
function isTitle(trimmed: string, measure: LineMeasure): boolean {
  return (
    trimmed.length < measure.full * 0.6 &&
    /^[A-Z]/.test(trimmed) &&
    !/[.,;:!?…"”’)\]-]$/.test(trimmed) &&
    titleCaseShare(trimmed) >= 0.75 &&
    // One word is a title only when it is a word: "Disclaimer", "Overview".
    (/\s/.test(trimmed) || /^[A-Z][a-z]{3,}$/.test(trimmed))
  );
}

/**
 * One word in capitals that names a section ("INTRODUCTION", "CONCLUSION", "ENDNOTES"): an
 * English word, or a word too long for an acronym. "PLARF" or "NATO" alone on a line is not.
 */
function isCapitalisedSectionName(trimmed: string): boolean {
  if (!/^[A-Z]{5,}$/.test(trimmed)) return false;
  return trimmed.length >= 7 || isEnglishWord(trimmed.toLowerCase());
}

function isAllCaps(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) upper++;
    else if (code >= 97 && code <= 122 && ++lower > 3) return false;
  }
  return upper + lower >= 4 && upper / (upper + lower) >= 0.85 && text.includes(' ');
}

/** The share of words of four letters or more that start with a capital. */
function titleCaseShare(text: string): number {
  const words = text.match(/[A-Za-z][A-Za-z'’-]{3,}/g);
  if (!words) return 0;
  return words.filter((word) => /^[A-Z]/.test(word)).length / words.length;
}

/**
 * Whether a short last line before a page break means the paragraph ended. In a document
 * translated page by page, pages often end on a short line in mid-sentence ("development,"),
 * and every page starts with a capital ("Strive to work"); there the length of the last line
 * says nothing. A document that goes on in lower case after a sentence cut by a page break
 * ("through the use" / "of force") was not translated page by page: there a page ends as a line
 * does, whatever its pages' last lines look like (contents pages, a short line before a table).
 */
function pageEndLengthsMeanSomething(input: BlockInput): boolean {
  const { lines, body, measure } = input;
  let unfinished = 0;
  let shortUnfinished = 0;
  let cut = 0;
  let capitalAfterCut = 0;
  for (let k = 0; k + 1 < body.length; k++) {
    const from = body[k]!;
    const to = body[k + 1]!;
    if (input.breakAfter[k] !== 1) continue;
    const end = endText(input.ends, from);
    if (endsClause(end)) continue;
    unfinished++;
    if (lines[from]!.trimmed.length < measure.full * 0.8) shortUnfinished++;
    // Prose cut in mid-sentence: the line stops on a word or a comma.
    if (/[a-z,]$/.test(end)) {
      cut++;
      if (/^["“‘'(]?[A-Z]/.test(lines[to]!.trimmed)) capitalAfterCut++;
    }
  }
  if (cut >= 3 && capitalAfterCut / cut < 0.5) return true;
  return unfinished < 3 || shortUnfinished / unfinished < 0.25;
}
