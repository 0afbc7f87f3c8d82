/**
 * The engine: computes the layout once, runs every detector over it, and turns their drafts
 * into findings (id, line, column, text), checked at the boundary and sorted.
 */

import { DETECTORS } from './detectors';
import { resolveOverlaps } from './edits/overlap-policy';
import { isKind, KINDS, type Kind } from './kinds';
import { computeLayout, type PageLayout } from './layout/page-layout';
import type { Analysis, AnalyseOptions, Draft, Finding } from './types';
import { keepShapeOf } from './keep-shape';

/** Finds every artefact in `text` (a decoded document, BOM dropped). Pure: no I/O. */
export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  const layout = computeLayout(text);
  const wanted = options.kinds ? new Set<Kind>(options.kinds) : undefined;
  const lists: Draft[][] = [];
  for (const detector of DETECTORS) {
    if (
      wanted &&
      !wanted.has(detector.meta.kind) &&
      !(detector.meta.kind === 'footnote' && wanted.has('footnote-marker'))
    ) {
      continue;
    }
    const list = detector.detect(layout, { quoteStyle: options.quoteStyle });
    lists.push(isSorted(list) ? list : list.sort(byPosition));
  }
  const findings = finalise(layout, mergeSorted(lists));
  checkFindings(findings, text.length);
  const minConfidence = options.minConfidence ?? 0;
  // Every confidence is at least 0 (checkFindings): with no choice made, all are kept.
  const keepsAll = !wanted && minConfidence <= 0;
  return {
    length: text.length,
    findings: keepsAll
      ? findings
      : findings.filter(
          (finding) => (!wanted || wanted.has(finding.kind)) && finding.confidence >= minConfidence,
        ),
    headings: layout.blocks
      .filter((block) => block.heading)
      .map((block) => ({
        start: layout.lines[block.firstLine]!.contentStart,
        end: layout.lines[block.lastLine]!.contentEnd,
      })),
  };
}

/** Math.imul read once (see text/word-tokens.ts: a global read is slow in a vm context). */
const { imul } = Math;

const CONTEXT = 24;

/** Most detectors report in document order already: a look is cheaper than a sort. */
function isSorted(list: readonly Draft[]): boolean {
  for (let k = 1; k < list.length; k++) if (byPosition(list[k - 1]!, list[k]!) > 0) return false;
  return true;
}

/** Analysis order: by start, an enclosing finding before the ones inside it, then by kind. */
function byPosition(a: Draft, b: Draft): number {
  return a.start - b.start || b.end - a.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

/**
 * The detectors' lists, each in analysis order, merged into one in a single pass: each finding
 * is moved once, after the heads of the lists are compared by a number (start, then the wider
 * first). Equal heads are taken in the order of the lists, as a stable merge takes them. A book
 * has a hundred thousand findings and a dozen lists.
 */
function mergeSorted(lists: Draft[][]): Draft[] {
  const runs = lists.filter((list) => list.length > 0);
  if (runs.length <= 1) return runs[0] ?? [];
  let total = 0;
  for (const run of runs) total += run.length;
  const merged = new Array<Draft>(total);
  const next = new Int32Array(runs.length);
  const heads = new Float64Array(runs.length);
  for (let r = 0; r < runs.length; r++) heads[r] = positionKey(runs[r]![0]!);
  for (let k = 0; k < total; k++) {
    let best = 0;
    for (let r = 1; r < heads.length; r++) if (heads[r]! < heads[best]!) best = r;
    const run = runs[best]!;
    const taken = next[best]!++;
    merged[k] = run[taken]!;
    heads[best] = taken + 1 < run.length ? positionKey(run[taken + 1]!) : EXHAUSTED;
  }
  return merged;
}

/** Above every position key: a list with nothing left. */
const EXHAUSTED = 2 ** 53;

/** start * 2^26 + (2^26 - 1 - length): ascending start, the wider range first; exact in a double. */
function positionKey({ start, end }: Draft): number {
  return start * 67108864 + (67108863 - Math.min(end - start, 67108863));
}

function finalise(layout: PageLayout, sorted: Draft[]): Finding[] {
  const { text, lines } = layout;
  // The drafts are already in the findings' shape (detectors/draft.ts): filled in in place.
  const findings: Finding[] = resolveOverlaps(sorted);
  const seen = occurrenceCounter(findings.length);
  const idAtStart = new Map<number, string>();
  const markers: Draft[] = [];
  let lineIndex = 0;
  // Index loops over the findings: these run once per analysis, often before the JIT has
  // compiled them, where `for of` allocates an iterator result per finding.
  for (let k = 0; k < findings.length; k++) {
    const finding: Draft = findings[k]!;
    while (lineIndex + 1 < lines.length && lines[lineIndex + 1]!.start <= finding.start) lineIndex++;
    const kind = KIND_IDS[finding.kind];
    const hash = hashContext(text, kind.hash, finding.start, finding.end);
    // The same kind and context twice (a repeated page) gets a second id: "-2".
    const occurrence = countOccurrence(seen, hash);
    finding.id = kind.prefix + base32(hash) + occurrenceSuffix(occurrence);
    finding.line = lineIndex + 1;
    finding.column = finding.start - lines[lineIndex]!.start + 1;
    finding.text = text.slice(finding.start, finding.end);
    if (finding.footnoteStart !== undefined) markers.push(finding);
    if (finding.kind === 'footnote') idAtStart.set(finding.start, finding.id);
  }
  for (const marker of markers) {
    const id = idAtStart.get(marker.footnoteStart!);
    if (id === undefined) throw new Error(`marker ${marker.id} refers to no footnote`);
    marker.footnoteId = id;
    marker.footnoteStart = undefined;
  }
  return findings;
}

/**
 * A stable id: FNV-1a over the kind, the finding's text and the text around it. The same text
 * gives the same ids on every run; an edit elsewhere in the document leaves them alone.
 * `kindHash` is the hash of the kind alone (KIND_IDS), where every id's hash starts.
 */
function hashContext(text: string, kindHash: number, start: number, end: number): number {
  let hash = kindHash;
  // The context before, the range's length, its first and last characters (a long range such as
  // a page break with its furniture needs no more), the context after.
  hash = mix(text, hash, Math.max(0, start - CONTEXT), start);
  hash = imul(hash ^ (end - start), 0x01000193);
  if (end - start <= 2 * CONTEXT) {
    hash = mix(text, hash, start, end);
  } else {
    hash = mix(text, hash, start, start + CONTEXT);
    hash = mix(text, hash, end - CONTEXT, end);
  }
  hash = mix(text, hash, end, Math.min(text.length, end + CONTEXT));
  return hash >>> 0;
}

/** FNV-1a over the kind's name: the start of the hash of each of its findings. */
function hashKind(kind: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < kind.length; i++) hash = imul(hash ^ kind.charCodeAt(i), 0x01000193);
  return hash;
}

function mix(text: string, seed: number, from: number, to: number): number {
  let hash = imul(seed ^ 0xff, 0x01000193);
  for (let i = from; i < to; i++) hash = imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * An id is "<kind>-<hash in base 32>", with "-<n>" for the nth finding of the same kind and
 * context. Its pieces are taken from tables and joined once: a hundred thousand ids built piece
 * by piece cost more time and memory than the rest of the ids' work.
 */
const KIND_IDS = Object.fromEntries(
  KINDS.map((kind) => [kind, { prefix: `${kind}-`, hash: hashKind(kind) }]),
) as Record<Kind, { prefix: string; hash: number }>;
const SUFFIXES = Array.from({ length: 1024 }, (_, occurrence) => (occurrence <= 1 ? '' : `-${occurrence}`));

function occurrenceSuffix(occurrence: number): string {
  return occurrence < SUFFIXES.length ? SUFFIXES[occurrence]! : `-${occurrence}`;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuv';
const DIGIT_CODES = Array.from(DIGITS, (digit) => digit.charCodeAt(0));
/** Two digits at a time: a hundred thousand ids would otherwise build seven strings each. */
const DIGIT_PAIRS = Array.from({ length: 1024 }, (_, pair) => DIGITS[pair >> 5]! + DIGITS[pair & 31]!);

/** The character code of the base-32 digit of `value` at bit `shift`. */
function digitCode(value: number, shift: number): number {
  return DIGIT_CODES[(value >>> shift) & 31]!;
}

/** A hash in base 32, as toString(32) writes it (five times faster on a hundred thousand ids). */
export function base32(hash: number): string {
  let value = hash >>> 0;
  // Seven digits, as three hashes in four have: one string made at once, none on the way.
  if (value >= 2 ** 30) {
    return String.fromCharCode(
      digitCode(value, 30),
      digitCode(value, 25),
      digitCode(value, 20),
      digitCode(value, 15),
      digitCode(value, 10),
      digitCode(value, 5),
      digitCode(value, 0),
    );
  }
  if (value < 32) return DIGITS[value]!;
  let out = '';
  while (value >= 1024) {
    out = DIGIT_PAIRS[value & 1023]! + out;
    value >>>= 10;
  }
  return (value >= 32 ? DIGIT_PAIRS[value]! : DIGITS[value]!) + out;
}

/**
 * A malformed finding is a bug in a detector, not a user error: throw. Ranges must lie inside
 * the text and be disjoint or nested, never partly overlapping (CONTRACT.md).
 */
export function checkFindings(findings: readonly Finding[], length: number): void {
  const open: Finding[] = [];
  for (let k = 0; k < findings.length; k++) {
    const finding = findings[k]!;
    const { start, end, confidence } = finding;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
      throw new Error(`finding ${finding.id} has a bad range [${start}, ${end})`);
    }
    if (!isKind(finding.kind)) throw new Error(`finding ${finding.id} has an unknown kind`);
    if (!(confidence >= 0 && confidence <= 1)) throw new Error(`finding ${finding.id} has a bad confidence`);
    if (finding.replacement !== null && typeof finding.replacement !== 'string') {
      throw new Error(`finding ${finding.id} has a bad replacement`);
    }
    if (!finding.message) throw new Error(`finding ${finding.id} has no message`);
    while (open.length > 0 && open[open.length - 1]!.end <= start) open.pop();
    const enclosing = open[open.length - 1];
    if (enclosing && end > enclosing.end) {
      throw new Error(`findings ${enclosing.id} and ${finding.id} overlap without nesting`);
    }
    open.push(finding);
  }
}

/**
 * How many times each hash has been counted so far: open addressing in a typed array, as a
 * book has a hundred thousand findings and a Map of them costs more than the rest of the ids.
 * A slot is two numbers side by side, the hash and its count (0: free), read in one go.
 * Plain data and a module function, not a class, with its shape kept (see keep-shape.ts).
 */
interface OccurrenceCounter {
  slots: Int32Array;
  mask: number;
}

function occurrenceCounter(expected: number): OccurrenceCounter {
  let size = 16;
  while (size < expected * 2) size *= 2;
  return { slots: new Int32Array(2 * size), mask: size - 1 };
}

/** Counts one more `hash` and returns its count. */
function countOccurrence({ slots, mask }: OccurrenceCounter, hash: number): number {
  let slot = hash & mask;
  while (slots[2 * slot + 1] !== 0 && slots[2 * slot] !== (hash | 0)) slot = (slot + 1) & mask;
  slots[2 * slot] = hash;
  return ++slots[2 * slot + 1]!;
}

keepShapeOf(occurrenceCounter(0));
