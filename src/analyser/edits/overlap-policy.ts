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
  return (
    (a.start < b.start && b.start < a.end && a.end < b.end) ||
    (b.start < a.start && a.start < b.end && b.end < a.end)
  );
}

/** The findings to keep, in their original order; `findings` must be sorted by start. */
export function resolveOverlaps<T extends Range>(findings: readonly T[]): T[] {
  const structural: T[] = [];
  const others: T[] = [];
  let longest = 0;
  for (let k = 0; k < findings.length; k++) {
    const finding = findings[k]!;
    if (STRUCTURAL.has(finding.kind)) {
      structural.push(finding);
      if (finding.end - finding.start > longest) longest = finding.end - finding.start;
    } else {
      others.push(finding);
    }
  }
  if (others.length === 0) return [...findings];

  const dropped = new Set<T>();
  const taken = new OccupiedRanges<T>();
  const ranked = [...others].sort(
    (a, b) =>
      b.confidence - a.confidence ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.start - b.start ||
      b.end - a.end,
  );
  for (const candidate of ranked) {
    if (clashesWithStructure(candidate, structural, longest) || taken.clashes(candidate)) {
      dropped.add(candidate);
      continue;
    }
    taken.add(candidate);
  }
  return dropped.size === 0 ? [...findings] : findings.filter((finding) => !dropped.has(finding));
}

/**
 * Whether a structural range (sorted by start, none longer than `longest`) partly overlaps the
 * candidate: only ranges that start before the candidate ends, and not more than `longest`
 * before it starts, can.
 */
function clashesWithStructure(candidate: Range, structural: readonly Range[], longest: number): boolean {
  let low = 0;
  let high = structural.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (structural[mid]!.start < candidate.end) low = mid + 1;
    else high = mid;
  }
  for (let i = low - 1; i >= 0; i--) {
    const range = structural[i]!;
    if (range.start < candidate.start - longest) break;
    if (partlyOverlap(candidate, range)) return true;
  }
  return false;
}

/** Ranges taken so far, filed by 256-character bucket so that a clash is looked for nearby only. */
class OccupiedRanges<T extends { start: number; end: number }> {
  private readonly buckets = new Map<number, T[]>();

  clashes(range: { start: number; end: number }): boolean {
    for (let bucket = range.start >> 8; bucket <= range.end >> 8; bucket++) {
      for (const other of this.buckets.get(bucket) ?? []) if (partlyOverlap(range, other)) return true;
    }
    return false;
  }

  add(range: T): void {
    for (let bucket = range.start >> 8; bucket <= range.end >> 8; bucket++) {
      const list = this.buckets.get(bucket);
      if (list) list.push(range);
      else this.buckets.set(bucket, [range]);
    }
  }
}
