/**
 * From findings and an editor's decisions to the edits of an edition (CONTRACT.md: ranges are
 * disjoint or nested; accepting an enclosing finding settles the ones inside it, rejecting it
 * leaves each of them to its own decision).
 */

import type { Finding } from '../types';
import type { Edit } from './apply-edits';

export type Decision =
  | { status: 'accepted' }
  | { status: 'rejected' }
  | { status: 'pending' }
  | { status: 'edited'; text: string };

/** A decision by finding id; a finding with no entry is pending. */
export type Decisions = ReadonlyMap<string, Decision>;

export interface SelectedEdits {
  edits: Edit[];
  /** Every finding whose change is in the edition: the accepted ones and those they settle. */
  inEdition: Set<string>;
}

/**
 * The edits for a set of decisions. `findings` must be in analysis order (by start, enclosing
 * first) and obey the nesting rule; an accepted finding with no replacement changes nothing.
 */
export function selectEdits(findings: readonly Finding[], decisions: Decisions): SelectedEdits {
  const edits: Edit[] = [];
  const inEdition = new Set<string>();
  let settledUntil = -1;
  let settledStart = -1;
  for (const finding of findings) {
    // An empty range at either edge of the settled one (an insertion just after it) is outside.
    const atEdge =
      finding.start === finding.end && (finding.start === settledStart || finding.start === settledUntil);
    if (settledUntil >= 0 && finding.start >= settledStart && finding.end <= settledUntil && !atEdge) {
      inEdition.add(finding.id);
      continue;
    }
    const decision = decisions.get(finding.id);
    if (!decision) continue;
    let text: string | null = null;
    if (decision.status === 'accepted') text = finding.replacement;
    else if (decision.status === 'edited') text = decision.text;
    if (text === null) continue;
    edits.push({
      start: finding.start,
      end: finding.end,
      expected: finding.text,
      text,
      findingId: finding.id,
    });
    inEdition.add(finding.id);
    settledStart = finding.start;
    settledUntil = finding.end;
  }
  return { edits, inEdition };
}

/** Accept every finding that has a replacement and passes `keep`. */
export function acceptAll(
  findings: readonly Finding[],
  keep: (finding: Finding) => boolean = () => true,
): Decisions {
  const decisions = new Map<string, Decision>();
  for (const finding of findings) {
    if (finding.replacement !== null && keep(finding)) decisions.set(finding.id, { status: 'accepted' });
  }
  return decisions;
}

/**
 * What `galley clean` accepts: every finding at or above `minConfidence` that has a
 * replacement, except a footnote marker whose footnote is not accepted too (removing the
 * reference while the note stays in the text would lose the link between them).
 */
export function acceptConfident(findings: readonly Finding[], minConfidence: number): Decisions {
  const confident = (finding: Finding): boolean =>
    finding.replacement !== null && finding.confidence >= minConfidence;
  const keptNotes = new Set(findings.filter((f) => f.kind === 'footnote' && confident(f)).map((f) => f.id));
  return acceptAll(
    findings,
    (finding) =>
      confident(finding) && (finding.kind !== 'footnote-marker' || keptNotes.has(finding.footnoteId ?? '')),
  );
}
