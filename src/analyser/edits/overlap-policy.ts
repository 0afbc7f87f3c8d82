/**
 * The one overlap policy (CONTRACT.md: two findings' ranges are disjoint or nested, never partly
 * overlapping). Detectors may propose findings that partly overlap; this step keeps a laminar
 * set and drops the rest:
 *
 * 1. The structure of the page comes first: furniture, notes, breaks, wraps and hyphens are
 *    computed together by the layout and are nested by construction; they are always kept.
 * 2. The other findings are taken by priority: higher confidence first, then the kind order
 *    below (a doubled phrase before a quote, a spacing or a capital in it), then the earlier
 *    and the longer range. A finding that partly overlaps one already taken is dropped: its
 *    artefact is inside the kept one's text, and an editor deciding that one sees it.
 *
 * A book has a hundred thousand findings, nearly all of them structural: the others are looked
 * at by their index in the one sorted list, whose ranges are copied once into typed arrays, so
 * that looking for a clash reads neither the findings nor a list of the structural ones.
 */

import { PAGE_STRUCTURE_KINDS, type Kind } from '../kinds';

interface Range {
  kind: Kind;
  start: number;
  end: number;
  confidence: number;
}

const STRUCTURAL: ReadonlySet<Kind> = new Set(PAGE_STRUCTURE_KINDS);

const KIND_ORDER: readonly Kind[] = ['doubled-phrase', 'quote', 'spacing', 'capitalisation'];

/** Whether two ranges partly overlap: they share some text and neither contains the other. */
export function partlyOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return rangesCross(a.start, a.end, b.start, b.end);
}

function rangesCross(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return (
    (aStart < bStart && bStart < aEnd && aEnd < bEnd) || (bStart < aStart && aStart < bEnd && bEnd < aEnd)
  );
}

/** The findings' ranges, and which are structural, by index in the sorted list. */
interface SortedRanges {
  starts: Float64Array;
  ends: Float64Array;
  structural: Uint8Array;
  /** The length of the longest structural range. */
  longest: number;
}

/**
 * The findings to keep, in their original order; `findings` must be sorted by start. When all
 * are kept, `findings` itself is returned.
 */
export function resolveOverlaps<T extends Range>(findings: T[]): T[] {
  const ranges: SortedRanges = {
    starts: new Float64Array(findings.length),
    ends: new Float64Array(findings.length),
    structural: new Uint8Array(findings.length),
    longest: 0,
  };
  const others: number[] = [];
  for (let k = 0; k < findings.length; k++) {
    const { kind, start, end } = findings[k]!;
    ranges.starts[k] = start;
    ranges.ends[k] = end;
    if (STRUCTURAL.has(kind)) {
      ranges.structural[k] = 1;
      if (end - start > ranges.longest) ranges.longest = end - start;
    } else {
      others.push(k);
    }
  }
  if (others.length === 0) return findings;

  const dropped = new Uint8Array(findings.length);
  let droppedCount = 0;
  const taken: OccupiedRanges<T> = new Map();
  const ranked = others.sort((i, j) => byPriority(findings[i]!, findings[j]!));
  for (const index of ranked) {
    const candidate = findings[index]!;
    if (clashesWithStructure(candidate, ranges) || clashesWithTaken(taken, candidate)) {
      dropped[index] = 1;
      droppedCount++;
      continue;
    }
    take(taken, candidate);
  }
  return droppedCount === 0 ? findings : findings.filter((_, k) => dropped[k] === 0);
}

/** Higher confidence first, then the kind order, then the earlier and the longer range. */
function byPriority(a: Range, b: Range): number {
  return (
    b.confidence - a.confidence ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    a.start - b.start ||
    b.end - a.end
  );
}

/**
 * Whether a structural range partly overlaps the candidate. The ranges are sorted by start, and
 * no structural one is longer than `longest`: only ranges that start before the candidate ends,
 * and not more than `longest` before it starts, can.
 */
function clashesWithStructure(candidate: Range, ranges: SortedRanges): boolean {
  const { starts, ends, structural, longest } = ranges;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! < candidate.end) low = mid + 1;
    else high = mid;
  }
  for (let i = low - 1; i >= 0; i--) {
    if (starts[i]! < candidate.start - longest) break;
    if (structural[i] === 1 && rangesCross(candidate.start, candidate.end, starts[i]!, ends[i]!)) return true;
  }
  return false;
}

/**
 * Ranges taken so far, filed by 256-character bucket so that a clash is looked for nearby only.
 * A Map and module functions rather than a class (see keep-shape.ts).
 */
type OccupiedRanges<T> = Map<number, T[]>;

function clashesWithTaken(
  taken: OccupiedRanges<{ start: number; end: number }>,
  range: { start: number; end: number },
): boolean {
  for (let bucket = range.start >> 8; bucket <= range.end >> 8; bucket++) {
    const list = taken.get(bucket);
    if (list === undefined) continue;
    for (const other of list) if (partlyOverlap(range, other)) return true;
  }
  return false;
}

function take<T extends { start: number; end: number }>(taken: OccupiedRanges<T>, range: T): void {
  for (let bucket = range.start >> 8; bucket <= range.end >> 8; bucket++) {
    const list = taken.get(bucket);
    if (list) list.push(range);
    else taken.set(bucket, [range]);
  }
}
