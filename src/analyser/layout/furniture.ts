/**
 * Page furniture: page numbers and the running headers and footers around them, learned from
 * the document itself.
 *
 * Furniture gathers at page edges. Where page numbers were found (page-numbers.ts) they anchor
 * the edges; elsewhere a form feed does; in a document with neither, a line that recurs at
 * regular distances is itself an edge ("China Aerospace Studies Institute" every 40 lines).
 * From each edge we walk outwards over blank lines and over lines that recur at other edges,
 * with digits and case normalised ("Translation published Fall 2023Basic Issues ...",
 * alternating verso/recto titles, a chapter title that changes between chapters) or that differ
 * from such a line by a few characters. The walk stops at the first line that is not furniture,
 * so body text next to a page number is never taken.
 *
 * Left alone: a number alone on a line that is not part of a page-number sequence ("2019" in a
 * paragraph); a heading that recurs once or twice in the body ("Section 2: Opportunities").
 */

import type { Line, LineShapes } from '../text/lines';
import { candidatesIn, findPageNumberChains, type PageNumberCandidate } from './page-numbers';
import { similarity } from './similarity';
import { keepShapeOf } from '../keep-shape';

export interface FurnitureLine {
  line: number;
  kind: 'running-header' | 'page-number';
  confidence: number;
  /** The page number printed on this line, if any. */
  pageLabel?: string;
}

export interface Furniture {
  lines: FurnitureLine[];
  /** Lines that start a new page: the edge lines (page numbers, form feeds, recurring headers). */
  edges: number[];
}

/** Math.imul read once (see text/word-tokens.ts: a global read is slow in a vm context). */
const { imul } = Math;

/** How far from an edge furniture may stand, in non-blank lines. */
const EDGE_REACH = 4;
const MIN_RECURRENCE = 3;

export function findFurniture(
  text: string,
  lines: readonly Line[],
  shapes: LineShapes,
  from: number,
): Furniture {
  const keys = lineKeys(text, lines);
  const lineOfKey = new Map<number, number>();
  const chains = findPageNumberChains(candidatesIn(lines, shapes, from));
  const numbers = new Map<number, PageNumberCandidate>();
  for (const chain of chains) for (const c of chain) numbers.set(c.line, c);

  let edges = [...numbers.keys()].sort((a, b) => a - b);
  if (edges.length === 0) edges = formFeedEdges(text, lines, from);
  const recurring = edges.length === 0 ? recurringLines(lines, from) : undefined;
  if (recurring) edges = recurring;

  const recurrence = recurrenceNearEdges(lines, shapes, edges, numbers, keys, lineOfKey);
  const known = [...recurrence.entries()]
    .filter(([, r]) => r >= 0.9)
    .map(([key]) => furnitureKey(lines[lineOfKey.get(key)!]!.trimmed));
  // By line: read in line order at the end, without a sort.
  const found = new Array<FurnitureLine | undefined>(lines.length);

  const classify = (index: number): FurnitureLine | undefined => {
    const number = numbers.get(index);
    if (number) {
      return {
        line: index,
        kind: number.inHeader ? 'running-header' : 'page-number',
        confidence: 0.98,
        pageLabel: number.label,
      };
    }
    if (shapes.length[index] === 0) return undefined;
    const confidence = recurrence.get(keyOf(keys, index));
    if (confidence !== undefined) return { line: index, kind: 'running-header', confidence };
    if (recurring && recurring.includes(index))
      return { line: index, kind: 'running-header', confidence: 0.9 };
    if (known.length === 0) return undefined;
    // Most lines next to furniture are prose that neither starts nor ends as a header does:
    // their first and last characters rule them out before the key is built.
    const first = keyCode(shapes.first[index]!);
    const last = keyCode(shapes.last[index]!);
    if (first !== undefined && last !== undefined && !mayStartOrEndAsAny(known, first, last))
      return undefined;
    const line = lines[index]!;
    const key = furnitureKey(line.trimmed);
    for (const other of known) {
      if (Math.abs(other.length - key.length) > key.length * 0.15) continue;
      // Spelt a little differently, the line still starts or ends like the header.
      if (key.slice(0, 4) !== other.slice(0, 4) && key.slice(-4) !== other.slice(-4)) continue;
      if (similarity(key, other) >= 0.85) {
        return { line: index, kind: 'running-header', confidence: 0.8 };
      }
    }
    return undefined;
  };

  const walk = (edge: number, step: number): void => {
    let reached = 0;
    for (let i = edge + step; i >= from && i < lines.length && reached < EDGE_REACH; i += step) {
      if (shapes.length[i] === 0) continue;
      if (numbers.has(i) && i !== edge) break;
      const furniture = classify(i);
      if (!furniture) break;
      found[i] = furniture;
      reached++;
    }
  };
  for (const edge of edges) {
    const own = classify(edge);
    if (own) found[edge] = own;
    walk(edge, -1);
    walk(edge, 1);
  }
  // The first page's header and the last page's footer have no page break beside them: the
  // document's own start and end are edges too.
  if (edges.length > 0) {
    walk(from - 1, 1);
    walk(lines.length, -1);
  }
  // Pages without a printed number (a report's front matter) still carry the header that half
  // of the numbered pages carry: a line with exactly that text, set apart by a blank line, is
  // an edge too ("China Aerospace Studies Institute" / "" / "Jan 2022" on every front page).
  const strong = new Set(
    [...recurrence.entries()].filter(([, confidence]) => confidence >= 0.97).map(([key]) => key),
  );
  if (strong.size > 0) {
    const initials = new Set(
      [...strong].map((key) => lines[lineOfKey.get(key)!]!.trimmed.charCodeAt(0) | 0x20),
    );
    const isBlank = (index: number): boolean =>
      index < from || index >= lines.length || shapes.length[index] === 0;
    // Read from the shapes alone: most lines are not beside a blank one.
    for (let i = from; i < lines.length; i++) {
      if (shapes.length[i] === 0 || (!isBlank(i - 1) && !isBlank(i + 1))) continue;
      if (!initials.has(shapes.first[i]! | 0x20) || found[i] !== undefined) continue;
      if (!strong.has(keyOf(keys, i))) continue;
      found[i] = { line: i, kind: 'running-header', confidence: 0.85 };
      walk(i, -1);
      walk(i, 1);
    }
  }
  return { lines: found.filter((item): item is FurnitureLine => item !== undefined), edges };
}

/** A line's identity as furniture: case and digits ignored, spaces folded. */
export function furnitureKey(trimmed: string): string {
  return trimmed.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/**
 * What an ASCII character becomes in furnitureKey: lower case, "#" for a digit, " " for white
 * space. Undefined for other characters, whose lower case may take two ("İ").
 */
function keyCode(code: number): number | undefined {
  if (code > 127) return undefined;
  if (code >= 65 && code <= 90) return code + 32;
  if (code >= 48 && code <= 57) return 35;
  if (code === 32 || (code >= 9 && code <= 13)) return 32;
  return code;
}

/** A key that starts with `first` and ends with `last` may start or end as one of `keys` does. */
function mayStartOrEndAsAny(keys: readonly string[], first: number, last: number): boolean {
  for (const key of keys) {
    if (key.charCodeAt(0) === first || key.charCodeAt(key.length - 1) === last) return true;
  }
  return false;
}

/** furnitureKey as a number (FNV-1a over the same folded text), without building the string. */
export function furnitureHash(trimmed: string): number {
  return foldedHash(trimmed, 0, trimmed.length);
}

/** furnitureHash of `source[start, end)`. */
function foldedHash(source: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  let previous = 0;
  for (let i = start; i < end; i++) {
    const raw = source.charCodeAt(i);
    const code = raw < 128 ? FOLDED_ASCII[raw]! : foldedOther(source, i, raw);
    // A run of digits or spaces counts once ("2023" and "12", "   " and " "): a repeated "#" or
    // " " leaves the hash as it is. Chosen by a mask, not by tests and a branch per character:
    // which class a character falls in is unpredictable, and the mispredicted branches took half
    // of the hashing's time (20,000 lines of the seed: 8.7 ms with branches, 4.1 ms masked).
    const keep = code === previous && code < 128 ? RUN_MASK[code]! : 0;
    hash = (imul(hash ^ code, 0x01000193) & ~keep) | (hash & keep);
    previous = code;
  }
  return hash >> 2;
}

/** Each ASCII character as foldedHash reads it: lower case, "#" for a digit, " " for a tab. */
const FOLDED_ASCII = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if (code >= 48 && code <= 57) FOLDED_ASCII[code] = 35;
  else if (code === 9) FOLDED_ASCII[code] = 32;
  else if (code >= 65 && code <= 90) FOLDED_ASCII[code] = code + 32;
  else FOLDED_ASCII[code] = code;
}

/** All bits set for the folded characters whose runs count once: "#" and " ". */
const RUN_MASK = new Int32Array(128);
RUN_MASK[35] = -1;
RUN_MASK[32] = -1;

/** A character past ASCII as foldedHash reads it: a no-break space is a space, others lower case. */
function foldedOther(source: string, at: number, code: number): number {
  return code === 0xa0 ? 32 : source[at]!.toLowerCase().charCodeAt(0);
}

/**
 * Each line's furniture key as a number, computed on first use: strings only where a line is
 * compared letter by letter with a header (the fuzzy match in findFurniture). Data and a module
 * function rather than a closure (see keep-shape.ts).
 */
interface LineKeys {
  text: string;
  lines: readonly Line[];
  hashes: Int32Array;
  hashed: Uint8Array;
}

function lineKeys(text: string, lines: readonly Line[]): LineKeys {
  return { text, lines, hashes: new Int32Array(lines.length), hashed: new Uint8Array(lines.length) };
}

function keyOf(keys: LineKeys, index: number): number {
  if (keys.hashed[index] === 0) {
    // Read from the text itself: a line's own string is a slice of it, slower to read from.
    const line = keys.lines[index]!;
    keys.hashes[index] = foldedHash(keys.text, line.contentStart, line.contentEnd);
    keys.hashed[index] = 1;
  }
  return keys.hashes[index]!;
}

/**
 * The keys of lines near edges that recur as furniture does, with a confidence: on at least half
 * of the pages (an institute name, a book title), or on runs of neighbouring pages (a chapter
 * title, a verso/recto title every other page). A footnote that cites the same book on three
 * scattered pages ("1 Xi Jinping: On Persisting ...") recurs too, but neither way. The first
 * line that has each of these keys goes into `lineOfKey`.
 */
function recurrenceNearEdges(
  lines: readonly Line[],
  shapes: LineShapes,
  edges: readonly number[],
  numbers: ReadonlyMap<number, PageNumberCandidate>,
  keys: LineKeys,
  lineOfKey: Map<number, number>,
): Map<number, number> {
  // Each key's pages, and the first line that has it (the line that stands for it below).
  const seenOn = new Map<number, { line: number; pages: number[] }>();
  // On short pages two edges reach the same line; it counts once, for the first.
  const counted = new Uint8Array(lines.length);
  for (let ordinal = 0; ordinal < edges.length; ordinal++) {
    const edge = edges[ordinal]!;
    // The keys of one page and their first lines, a few at most: lists are cheaper than a set.
    const pageKeys = [keyOf(keys, edge)];
    const keyLines = [edge];
    for (let step = -1; step <= 1; step += 2) {
      let reached = 0;
      for (let i = edge + step; i >= 0 && i < lines.length && reached < EDGE_REACH; i += step) {
        if (shapes.length[i] === 0) continue;
        if (numbers.has(i)) break;
        reached++;
        if (counted[i] === 1) continue;
        counted[i] = 1;
        const key = keyOf(keys, i);
        if (!pageKeys.includes(key)) {
          pageKeys.push(key);
          keyLines.push(i);
        }
      }
    }
    for (let k = 0; k < pageKeys.length; k++) {
      const seen = seenOn.get(pageKeys[k]!);
      if (seen) seen.pages.push(ordinal);
      else seenOn.set(pageKeys[k]!, { line: keyLines[k]!, pages: [ordinal] });
    }
  }
  const recurrence = new Map<number, number>();
  for (const [key, { line, pages }] of seenOn) {
    // "#), #-#." is the tail of many different notes, not a header: furniture has words.
    if (pages.length < 2 || !/[a-z]{3}/i.test(lines[line]!.trimmed)) continue;
    let neighbours = 0;
    for (let k = 1; k < pages.length; k++) if (pages[k]! - pages[k - 1]! <= 2) neighbours++;
    let confidence: number | undefined;
    if (pages.length >= MIN_RECURRENCE && pages.length >= edges.length * 0.5) confidence = 0.97;
    else if (
      neighbours >= 2 ||
      (neighbours === pages.length - 1 && looksLikeTitle(furnitureKey(lines[line]!.trimmed)))
    )
      confidence = 0.85;
    if (confidence === undefined) continue;
    recurrence.set(key, confidence);
    lineOfKey.set(key, line);
  }
  return recurrence;
}

/**
 * A chapter title on the right-hand pages of a short chapter may recur only twice; it is taken
 * when it reads as a title, not as a note ("1 Ibid.") or a sentence ("... were reached.").
 */
function looksLikeTitle(key: string): boolean {
  return key.length >= 4 && !/^[#*†‡§¶]/.test(key) && !/[.,;:]$/.test(key) && /[a-z]{3}/.test(key);
}

function formFeedEdges(text: string, lines: readonly Line[], from: number): number[] {
  const edges: number[] = [];
  if (!text.includes('\f')) return edges;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const feed = text.indexOf('\f', line.start);
    if (feed !== -1 && feed < line.end) edges.push(i);
  }
  return edges.length >= 2 ? edges : [];
}

/**
 * In a document without page numbers or form feeds: lines whose text recurs at least three
 * times at regular distances, as running headers do. A short line that recurs often but
 * irregularly ("Summary", "and") is not taken.
 */
function recurringLines(lines: readonly Line[], from: number): number[] | undefined {
  const byKey = new Map<string, number[]>();
  for (let i = from; i < lines.length; i++) {
    const trimmed = lines[i]!.trimmed;
    if (trimmed.length < 8 || trimmed.length > 200) continue;
    const key = furnitureKey(trimmed);
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  const edges: number[] = [];
  for (const positions of byKey.values()) {
    if (positions.length < MIN_RECURRENCE + 1) continue;
    const gaps = positions.slice(1).map((line, k) => line - positions[k]!);
    const sorted = [...gaps].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1]!;
    if (median < 10) continue;
    const regular = gaps.filter(
      (gap) => Math.abs(gap - median) <= median * 0.25 || gap % median === 0,
    ).length;
    if (regular >= gaps.length * 0.75) edges.push(...positions);
  }
  return edges.length > 0 ? edges.sort((a, b) => a - b) : undefined;
}

keepShapeOf(lineKeys('', []));
