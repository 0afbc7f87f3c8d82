import fc from 'fast-check';
import { applyEdits } from '../../../src/analyser/edits/apply-edits';
import { acceptAll, selectEdits, type Decision, type Decisions } from '../../../src/analyser/edits/decisions';
import type { Finding } from '../../../src/analyser/types';

/**
 * Findings as the contract shapes them: a tree whose ranges are disjoint or nested. A node's
 * text is its lead, its children and its trail; its range is never empty, so "inside" is never
 * in doubt.
 */
interface Plain {
  plain: string;
}
interface FindingNode {
  lead: string;
  children: Item[];
  trail: string;
  replacement: string | null;
}
type Item = Plain | FindingNode;

const word = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n'), maxLength: 4 });
const replacement = fc.option(fc.string({ unit: fc.constantFrom('X', 'Y', ' '), maxLength: 3 }), { freq: 4 });

const { segment } = fc.letrec<{ segment: Item[]; item: Item; node: FindingNode }>((tie) => ({
  segment: fc.array(tie('item'), { maxLength: 4 }),
  item: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.record({ plain: word }), tie('node')),
  node: fc.record({ lead: word, children: tie('segment'), trail: word, replacement }),
}));

/** A document: its text, its findings in analysis order, and the tree they come from. */
interface Document {
  text: string;
  findings: Finding[];
  root: Item[];
  /** The finding made from each node. */
  findingOf: Map<FindingNode, Finding>;
}

function toDocument(root: Item[]): Document {
  let text = '';
  const findings: Finding[] = [];
  const findingOf = new Map<FindingNode, Finding>();
  const walk = (items: Item[]): void => {
    for (const item of items) {
      if ('plain' in item) {
        text += item.plain;
        continue;
      }
      // A node with no text of its own anywhere gets one letter, to keep every range non-empty.
      if (item.lead === '' && item.trail === '' && !hasText(item.children)) item.lead = 'a';
      const finding: Finding = {
        id: `finding-${findings.length}`,
        kind: 'doubled-phrase',
        start: text.length,
        end: -1,
        line: 1,
        column: 1,
        text: '',
        replacement: item.replacement,
        confidence: 0.5,
        message: 'A test finding.',
      };
      findings.push(finding);
      findingOf.set(item, finding);
      text += item.lead;
      walk(item.children);
      text += item.trail;
      finding.end = text.length;
      finding.text = text.slice(finding.start, finding.end);
    }
  };
  walk(root);
  // Analysis order: by start, the enclosing finding first (stable, so equal ranges keep the tree's order).
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, findings, root, findingOf };
}

function hasText(items: Item[]): boolean {
  return items.some((item) => ('plain' in item ? item.plain !== '' : true));
}

const documents = segment.map(toDocument);

const decision: fc.Arbitrary<Decision | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant<Decision>({ status: 'accepted' }),
  fc.constant<Decision>({ status: 'rejected' }),
  fc.constant<Decision>({ status: 'pending' }),
  fc
    .string({ unit: fc.constantFrom('E', 'F'), maxLength: 3 })
    .map((text): Decision => ({ status: 'edited', text })),
);

/** A document and a decision (or none) for each of its findings. */
const decided = documents.chain((document) =>
  fc
    .array(decision, { minLength: document.findings.length, maxLength: document.findings.length })
    .map((chosen) => {
      const decisions = new Map<string, Decision>();
      chosen.forEach((choice, i) => {
        if (choice) decisions.set(document.findings[i]!.id, choice);
      });
      return { document, decisions };
    }),
);

/** The text a decision puts in place of its finding, or null when the finding's own content stays. */
function decidedText(finding: Finding, decisions: Decisions): string | null {
  const choice = decisions.get(finding.id);
  if (choice?.status === 'accepted') return finding.replacement;
  if (choice?.status === 'edited') return choice.text;
  return null;
}

/**
 * The edition the contract describes, built from the tree: an accepted (or edited) finding's
 * text replaces everything inside it; otherwise each finding inside decides for itself.
 */
function modelEdition(document: Document, decisions: Decisions): { text: string; inEdition: Set<string> } {
  const inEdition = new Set<string>();
  const settle = (items: Item[]): void => {
    for (const item of items) {
      if ('plain' in item) continue;
      inEdition.add(document.findingOf.get(item)!.id);
      settle(item.children);
    }
  };
  const render = (items: Item[]): string =>
    items
      .map((item) => {
        if ('plain' in item) return item.plain;
        const finding = document.findingOf.get(item)!;
        const text = decidedText(finding, decisions);
        if (text === null) return item.lead + render(item.children) + item.trail;
        inEdition.add(finding.id);
        settle(item.children);
        return text;
      })
      .join('');
  return { text: render(document.root), inEdition };
}

function without(decisions: Decisions, id: string): Map<string, Decision> {
  const rest = new Map(decisions);
  rest.delete(id);
  return rest;
}

/**
 * Whether `inner` lies inside `outer`. Of two findings with the same range, the one first in
 * analysis order encloses the other.
 */
function inside(findings: readonly Finding[], inner: Finding, outer: Finding): boolean {
  return (
    findings.indexOf(inner) > findings.indexOf(outer) && outer.start <= inner.start && inner.end <= outer.end
  );
}

/** Whether a finding enclosing `finding` is accepted with a replacement, or edited. */
function settledByEnclosing(findings: readonly Finding[], finding: Finding, decisions: Decisions): boolean {
  return findings.some((other) => inside(findings, finding, other) && decidedText(other, decisions) !== null);
}

describe('selectEdits', () => {
  test('no decisions, no edits', () => {
    fc.assert(
      fc.property(documents, (document) => {
        expect(selectEdits(document.findings, new Map())).toEqual({ edits: [], inEdition: new Set() });
      }),
    );
  });

  test('the edits always apply without conflict, and give the edition the contract describes', () => {
    fc.assert(
      fc.property(decided, ({ document, decisions }) => {
        const { edits, inEdition } = selectEdits(document.findings, decisions);
        const model = modelEdition(document, decisions);
        expect(applyEdits(document.text, edits).text).toBe(model.text);
        expect(inEdition).toEqual(model.inEdition);
      }),
      { numRuns: 300 },
    );
  });

  test('accepting an enclosing finding settles every finding inside it', () => {
    fc.assert(
      fc.property(decided, fc.nat(), ({ document, decisions }, pick) => {
        const withReplacement = document.findings.filter((finding) => finding.replacement !== null);
        fc.pre(withReplacement.length > 0);
        const outer = withReplacement[pick % withReplacement.length]!;
        // Whatever the findings inside it were told, and whatever is decided around it.
        const accepted = new Map(decisions).set(outer.id, { status: 'accepted' });
        fc.pre(!settledByEnclosing(document.findings, outer, accepted));
        const { edits, inEdition } = selectEdits(document.findings, accepted);
        expect(edits.filter((edit) => edit.start < outer.end && outer.start < edit.end)).toEqual([
          {
            start: outer.start,
            end: outer.end,
            expected: outer.text,
            text: outer.replacement,
            findingId: outer.id,
          },
        ]);
        for (const finding of document.findings) {
          if (inside(document.findings, finding, outer)) expect(inEdition.has(finding.id)).toBe(true);
        }
      }),
    );
  });

  test('rejecting it leaves each finding inside to its own decision: as if it were pending', () => {
    fc.assert(
      fc.property(decided, fc.nat(), ({ document, decisions }, pick) => {
        fc.pre(document.findings.length > 0);
        const outer = document.findings[pick % document.findings.length]!;
        const rejected = new Map(decisions).set(outer.id, { status: 'rejected' });
        const pending = new Map(decisions).set(outer.id, { status: 'pending' });
        const selected = selectEdits(document.findings, rejected);
        expect(selected).toEqual(selectEdits(document.findings, without(decisions, outer.id)));
        expect(selected).toEqual(selectEdits(document.findings, pending));
        if (!settledByEnclosing(document.findings, outer, decisions)) {
          expect(selected.inEdition.has(outer.id)).toBe(false);
        }
      }),
    );
  });

  test('an edited decision puts its own text in place of the finding', () => {
    fc.assert(
      fc.property(decided, ({ document, decisions }) => {
        const { edits } = selectEdits(document.findings, decisions);
        for (const edit of edits) {
          const choice = decisions.get(edit.findingId!);
          if (choice?.status === 'edited') expect(edit.text).toBe(choice.text);
          else
            expect(edit.text).toBe(
              document.findings.find((finding) => finding.id === edit.findingId)!.replacement,
            );
        }
      }),
    );
  });

  test('accepting a finding without a replacement changes nothing', () => {
    fc.assert(
      fc.property(decided, fc.nat(), ({ document, decisions }, pick) => {
        const flagOnly = document.findings.filter((finding) => finding.replacement === null);
        fc.pre(flagOnly.length > 0);
        const finding = flagOnly[pick % flagOnly.length]!;
        const accepted = new Map(decisions).set(finding.id, { status: 'accepted' });
        expect(selectEdits(document.findings, accepted)).toEqual(
          selectEdits(document.findings, without(decisions, finding.id)),
        );
      }),
    );
  });

  test('a small case by hand: a doubled phrase across a line wrap', () => {
    const text = 'share hardships\nand hardships';
    const wrap: Finding = finding('wrap', 15, 16, text, ' ');
    const doubled: Finding = finding('doubled', 6, 29, text, 'hardships');
    const findings = [doubled, wrap];
    const edition = (decisions: Decisions): string =>
      applyEdits(text, selectEdits(findings, decisions).edits).text;
    expect(edition(acceptAll(findings))).toBe('share hardships');
    expect(selectEdits(findings, acceptAll(findings)).inEdition).toEqual(new Set(['doubled', 'wrap']));
    expect(
      edition(
        new Map([
          ['doubled', { status: 'rejected' }],
          ['wrap', { status: 'accepted' }],
        ]),
      ),
    ).toBe('share hardships and hardships');
  });
});

describe('acceptAll', () => {
  test('accepts every finding that has a replacement and passes the filter', () => {
    fc.assert(
      fc.property(documents, fc.func(fc.boolean()), ({ findings }, keep) => {
        const decisions = acceptAll(findings, (finding) => keep(finding.id));
        const expected = findings.filter((finding) => finding.replacement !== null && keep(finding.id));
        expect([...decisions.keys()].sort()).toEqual(expected.map((finding) => finding.id).sort());
        for (const choice of decisions.values()) expect(choice).toEqual({ status: 'accepted' });
      }),
    );
  });
});

function finding(id: string, start: number, end: number, text: string, replacement: string | null): Finding {
  return {
    id,
    kind: 'line-wrap',
    start,
    end,
    line: 1,
    column: start + 1,
    text: text.slice(start, end),
    replacement,
    confidence: 0.9,
    message: 'A test finding.',
  };
}
