/**
 * Page numbers, found as sequences: a line that is only a number ("359"), "page 12",
 * "Page 12 of 40", "- 12 -", "12 / 40", a roman numeral in front matter ("xiv"), or a running
 * header that carries the number ("166   BASIC QUESTIONS", "BASIC QUESTIONS   167").
 *
 * A number alone on a line is common in body text too (a year: "2019", a list number: "3"), so a
 * candidate only counts when it belongs to a chain of at least three numbers that go up by one
 * (a skipped page is tolerated) at page-like distances from each other.
 */

import type { Line, LineShapes } from '../text/lines';
import { romanValue } from './roman';

export interface PageNumberCandidate {
  line: number;
  value: number;
  roman: boolean;
  /** The number is printed inside a running header ("166   BASIC QUESTIONS"). */
  inHeader: boolean;
  label: string;
}

const MAX_ROMAN_PAGE = 150;
const BARE = /^(\d{1,4})$/;
const DASHED = /^[-–—]\s*(\d{1,4})\s*[-–—]$/;
const WORDED = /^(?:page|p\.|pg\.?)\s*(\d{1,4})(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const SLASHED = /^(\d{1,4})\s*\/\s*\d{1,4}$/;
const ROMAN = /^[ivxlcdm]{1,7}$|^[IVXLCDM]{1,7}$/;
const HEADER_LEADING = /^(\d{1,4})(?:\s{2,}|\t+|\s+[|•·]\s+)(\S.{0,80})$/;
const HEADER_TRAILING = /^(\S.{0,80}?)(?:\s{2,}|\t+|\s+[|•·]\s+)(\d{1,4})$/;

export function parsePageNumber(trimmed: string, lineIndex: number): PageNumberCandidate | undefined {
  const first = trimmed.charCodeAt(0);
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (!mayBePageNumber(trimmed.length, first, last)) return undefined;
  const isDigit = isDigitCode(first);
  let match: RegExpExecArray | null;
  if (isDigit && (match = BARE.exec(trimmed))) return candidate(lineIndex, match[1]!, false);
  if (
    (isDash(first) && (match = DASHED.exec(trimmed))) ||
    (isLetterP(first) && (match = WORDED.exec(trimmed)))
  )
    return candidate(lineIndex, match[1]!, false);
  if (isDigit && (match = SLASHED.exec(trimmed))) return candidate(lineIndex, match[1]!, false);
  if (trimmed.length <= MAX_ROMAN_LENGTH && ROMAN.test(trimmed)) {
    const value = romanValue(trimmed);
    // Front matter runs to tens of pages, not to "mix" (1009).
    if (value !== undefined && value <= MAX_ROMAN_PAGE)
      return { line: lineIndex, value, roman: true, inHeader: false, label: trimmed };
  }
  if (isDigit && (match = HEADER_LEADING.exec(trimmed)) && /[A-Za-z]/.test(match[2]!)) {
    return { ...candidate(lineIndex, match[1]!, true) };
  }
  if (isDigitCode(last) && (match = HEADER_TRAILING.exec(trimmed)) && /[A-Za-z]/.test(match[1]!)) {
    return { ...candidate(lineIndex, match[2]!, true) };
  }
  return undefined;
}

const MAX_ROMAN_LENGTH = 7;
const ROMAN_LETTERS = new Set([...'ivxlcdmIVXLCDM'].map((c) => c.charCodeAt(0)));

/**
 * What the forms above need of a line's length and first and last characters: most lines of
 * text are ruled out by these alone, before any pattern is tried.
 */
function mayBePageNumber(length: number, first: number, last: number): boolean {
  if (length === 0 || length > 90) return false;
  if (isDigitCode(first) || isDigitCode(last) || isDash(first) || isLetterP(first)) return true;
  return length <= MAX_ROMAN_LENGTH && ROMAN_LETTERS.has(first);
}

function isDash(code: number): boolean {
  return code === 45 || code === 0x2013 || code === 0x2014;
}

/** "page 12", "p. 12", "pg 12". */
function isLetterP(code: number): boolean {
  return code === 112 || code === 80;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function candidate(line: number, digits: string, inHeader: boolean): PageNumberCandidate {
  return { line, value: Number(digits), roman: false, inHeader, label: digits };
}

const MIN_PAGE_LINES = 3;
const MAX_PAGE_LINES = 250;
const MAX_SKIP = 3;
export const MIN_CHAIN = 3;

/**
 * The candidates that form page-number chains, in line order. Each candidate links to the
 * nearest earlier candidate of the same numeral system whose value is one to three less and
 * that stands a page-like distance above it.
 */
export function findPageNumberChains(candidates: readonly PageNumberCandidate[]): PageNumberCandidate[][] {
  const length = new Int32Array(candidates.length);
  const previous = new Int32Array(candidates.length).fill(-1);
  // The latest candidate seen for each (system, value).
  const latest = new Map<number, number>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    length[i] = 1;
    for (let skip = 1; skip <= MAX_SKIP; skip++) {
      const j = latest.get(key(c.roman, c.value - skip));
      if (j === undefined) continue;
      const gap = c.line - candidates[j]!.line;
      if (gap < MIN_PAGE_LINES * skip || gap > MAX_PAGE_LINES * skip) continue;
      if (length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
      break;
    }
    latest.set(key(c.roman, c.value), i);
  }
  const used = new Uint8Array(candidates.length);
  const order = [...candidates.keys()].sort((a, b) => length[b]! - length[a]! || a - b);
  const chains: PageNumberCandidate[][] = [];
  for (const end of order) {
    if (used[end] || length[end]! < MIN_CHAIN) continue;
    const chain: PageNumberCandidate[] = [];
    for (let i = end; i !== -1 && !used[i]; i = previous[i]!) {
      used[i] = 1;
      chain.push(candidates[i]!);
    }
    chain.reverse();
    if (chain.length >= MIN_CHAIN && isRegular(chain)) chains.push(chain);
  }
  // One document's pages have one length: a chain whose numbers stand far closer together than
  // the longest chain's numbers something else (the years down a table's first column).
  const longest = chains.reduce<PageNumberCandidate[] | undefined>(
    (best, chain) => (!best || chain.length > best.length ? chain : best),
    undefined,
  );
  const pageLines = longest ? medianLinesPerPage(longest) : 0;
  for (let k = chains.length - 1; k >= 0; k--) {
    if (medianLinesPerPage(chains[k]!) < pageLines * 0.3) chains.splice(k, 1);
    else chains[k] = withoutCrowdedRuns(chains[k]!, pageLines * 0.3);
  }
  for (const chain of [...chains]) {
    const front = frontMatterBefore(chain, candidates, used);
    if (front.length > 0) chains.push(front);
  }
  return chains.sort((a, b) => a[0]!.line - b[0]!.line);
}

/**
 * Front matter numbered "i", "ii", ... before an arabic sequence: often too short to be a chain
 * of its own, it is taken when its numbers stand a page apart, going back from the first arabic
 * page number.
 */
function frontMatterBefore(
  chain: readonly PageNumberCandidate[],
  candidates: readonly PageNumberCandidate[],
  used: Uint8Array,
): PageNumberCandidate[] {
  const first = chain[0]!;
  if (first.roman || chain.length < MIN_CHAIN) return [];
  const page = (chain[chain.length - 1]!.line - first.line) / (chain[chain.length - 1]!.value - first.value);
  const front: PageNumberCandidate[] = [];
  let next = first;
  let expected: number | undefined;
  for (let i = candidates.indexOf(first) - 1; i >= 0; i--) {
    const c = candidates[i]!;
    const gap = next.line - c.line;
    if (gap > page * 1.6) break;
    if (used[i] || !c.roman || gap < page * 0.5 || (expected !== undefined && c.value !== expected)) continue;
    used[i] = 1;
    front.unshift(c);
    next = c;
    expected = c.value - 1;
  }
  return front;
}

/** One number per (system, value): no string to build and hash for each look-up. */
function key(roman: boolean, value: number): number {
  return value * 2 + (roman ? 1 : 0);
}

/**
 * Pages of one document have similar lengths: most gaps are near the chain's median per page.
 * The last page of a chain may be short (a chapter or the document ends there).
 */
function isRegular(chain: readonly PageNumberCandidate[]): boolean {
  const full = fullPageGaps(chain);
  const median = medianOf(full);
  const regular = full.filter((gap) => gap >= median * 0.3 && gap <= median * 2.5).length;
  return median >= MIN_PAGE_LINES && regular >= full.length * 0.7;
}

/**
 * A chain without its runs of numbers crowded together: two pages in a row a few lines long is
 * not a chapter's short last page but a figure's or a list's own numbers ("1" ... "4" down a
 * diagram), which a chain of real page numbers runs through.
 */
function withoutCrowdedRuns(chain: PageNumberCandidate[], minLines: number): PageNumberCandidate[] {
  const crowded = (i: number): boolean =>
    i + 1 < chain.length &&
    (chain[i + 1]!.line - chain[i]!.line) / (chain[i + 1]!.value - chain[i]!.value) < minLines;
  const drop = new Uint8Array(chain.length);
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!crowded(i) || !crowded(i + 1)) continue;
    let end = i + 1;
    while (crowded(end)) end++;
    for (let j = i; j <= end; j++) drop[j] = 1;
    i = end;
  }
  return drop.includes(1) ? chain.filter((_, i) => !drop[i]) : chain;
}

/** Lines per page between a chain's numbers, without its last page (which may be short). */
function fullPageGaps(chain: readonly PageNumberCandidate[]): number[] {
  const perPage: number[] = [];
  for (let i = 1; i < chain.length; i++) {
    perPage.push((chain[i]!.line - chain[i - 1]!.line) / (chain[i]!.value - chain[i - 1]!.value));
  }
  return perPage.length > 1 ? perPage.slice(0, -1) : perPage;
}

function medianLinesPerPage(chain: readonly PageNumberCandidate[]): number {
  return medianOf(fullPageGaps(chain));
}

function medianOf(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

export function candidatesIn(
  lines: readonly Line[],
  shapes: LineShapes,
  from: number,
): PageNumberCandidate[] {
  const found: PageNumberCandidate[] = [];
  for (let i = from; i < lines.length; i++) {
    // What parsePageNumber rules out first, read from the shapes without the line's text.
    if (!mayBePageNumber(shapes.length[i]!, shapes.first[i]!, shapes.last[i]!)) continue;
    const found1 = parsePageNumber(lines[i]!.trimmed, i);
    if (found1) found.push(found1);
  }
  return found;
}
