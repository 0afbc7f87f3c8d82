/**
 * Compares an analysis with a truth: per kind, which findings are right (TP), which are wrong
 * (FP) and which truth items no finding reports (FN). Pure: text, analysis and truth in, counts out.
 *
 * Findings are matched one to one: a truth item is claimed by the first finding (in analysis
 * order) that matches it, and a second finding on the same item counts as a false positive.
 * The rules, per row:
 * - furniture: a running-header or page-number finding whose `line` is a furniture line; the
 *   per-kind rows (running-header, page-number) also require the kinds to agree.
 * - footnote: `line` is the body's first line and `end` lies on its last line, or at the start
 *   of the line after it (blank lines right after the body may be taken along: "note.\n\n- 2 -").
 * - footnote-marker: [start, end) covers the label's first character.
 * - page-break: `line` is the afterLine of a break with join = true.
 * - paragraph-break: `line` is a block end, or the afterLine of a break with join = false.
 * - line-wrap: `line` is a body line followed by body text that ends no block and no hyphen.
 * - hyphenation: `line` is a hyphen's line; the decision is right when the replacement joins
 *   ("" for "-\n") for `join`, keeps the hyphen ("-") for `keep`.
 * - capitalisation: `line` is the beforeLine of a break with `capital`, and `text` is the
 *   word's first letter or the word. Only capitalisation findings at the first word of a line
 *   that follows a page break are judged here; the others (capitals in mid-sentence) are scored
 *   by `evaluateArtefacts`, below, against the artefact labels.
 */

import type { Analysis, Finding, Kind } from '../../src/analyser';
import { PAGE_STRUCTURE_KINDS } from '../../src/analyser/kinds';
import { frontMatterLineCount, textLines, type TextLine } from './text-lines';
import { ARTEFACT_KINDS, type ArtefactKind, type Truth } from './truth';

export const SCORED_ROWS = [
  'furniture',
  'running-header',
  'page-number',
  'footnote',
  'footnote-marker',
  'page-break',
  'paragraph-break',
  'line-wrap',
  'hyphenation',
  'capitalisation',
] as const;

export type ScoredRow = (typeof SCORED_ROWS)[number];

/** The kinds this harness has truth for; findings of other kinds are only counted. */
export const SCORED_KINDS: readonly Kind[] = [...PAGE_STRUCTURE_KINDS, 'capitalisation'];

const FURNITURE_KINDS: readonly Kind[] = ['running-header', 'page-number'];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface HyphenDecisions {
  /** Truth hyphens. */
  truth: number;
  /** Truth hyphens a hyphenation finding is on. */
  found: number;
  /** Found, and the replacement makes the truth's decision. */
  right: number;
  /** Found, and the replacement makes another decision. */
  wrong: number;
  /** Found, with no replacement (flag only). */
  undecided: number;
}

export interface CalibrationBucket {
  /** Confidence from (inclusive) ... */
  from: number;
  /** ... to (exclusive; the last bucket includes 1). */
  to: number;
  findings: number;
  correct: number;
}

export interface Evaluation {
  rows: Record<ScoredRow, Counts>;
  hyphenDecisions: HyphenDecisions;
  /** Scored findings by confidence, with how many were right. */
  calibration: CalibrationBucket[];
  /** Findings of kinds with no truth here (doubled-phrase, quote, spacing), by kind. */
  unscored: Partial<Record<Kind, number>>;
}

export interface FindingVerdict {
  finding: Finding;
  correct: boolean;
}

const CALIBRATION_EDGES = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

export function emptyEvaluation(): Evaluation {
  const rows = {} as Record<ScoredRow, Counts>;
  for (const row of SCORED_ROWS) rows[row] = { tp: 0, fp: 0, fn: 0 };
  return {
    rows,
    hyphenDecisions: { truth: 0, found: 0, right: 0, wrong: 0, undecided: 0 },
    calibration: CALIBRATION_EDGES.slice(0, -1).map((from, i) => ({
      from,
      to: CALIBRATION_EDGES[i + 1]!,
      findings: 0,
      correct: 0,
    })),
    unscored: {},
  };
}

/** Scores one analysis of `text` against its truth; `verdicts` says, per scored finding, whether it was right. */
export function evaluate(
  text: string,
  analysis: Analysis,
  truth: Truth,
): Evaluation & { verdicts: FindingVerdict[] } {
  const view = documentView(text);
  const evaluation = emptyEvaluation();
  const verdicts: FindingVerdict[] = [];
  // A line break inside an unsure hyphenation finding is part of that decision, not a wrap.
  const hyphenRanges = analysis.findings.filter((f) => f.kind === 'hyphenation');
  const insideHyphen = (f: Finding): boolean =>
    f.kind === 'line-wrap' && hyphenRanges.some((h) => h.start <= f.start && f.end <= h.end && h !== f);
  const ofKinds = (kinds: readonly Kind[]): Finding[] =>
    analysis.findings.filter((f) => kinds.includes(f.kind) && !insideHyphen(f));
  const record = (row: ScoredRow, result: Matched, recordVerdicts: boolean): void => {
    evaluation.rows[row] = result.counts;
    if (recordVerdicts)
      result.findings.forEach((finding, i) => verdicts.push({ finding, correct: result.correct[i]! }));
  };

  // Furniture: the combined row decides the verdicts; the per-kind rows also need the kind right.
  record(
    'furniture',
    matchByLine(
      ofKinds(FURNITURE_KINDS),
      truth.furniture.map((item) => item.line),
    ),
    true,
  );
  for (const kind of FURNITURE_KINDS) {
    const lines = truth.furniture.filter((item) => item.kind === kind).map((item) => item.line);
    record(kind as ScoredRow, matchByLine(ofKinds([kind]), lines), false);
  }
  record(
    'footnote',
    matchOneToOne(ofKinds(['footnote']), truth.footnotes, (finding, note) => {
      const lastStart = view.lineStart(note.lastLine);
      const afterLast = view.lineStart(view.nextNonBlank(note.lastLine));
      return finding.line === note.firstLine && finding.end >= lastStart && finding.end <= afterLast;
    }),
    true,
  );
  record(
    'footnote-marker',
    matchOneToOne(ofKinds(['footnote-marker']), truth.markers, (finding, marker) => {
      const offset = view.offsetOf(marker.line, marker.column);
      return finding.start <= offset && offset < finding.end;
    }),
    true,
  );
  const joined = truth.pageBreaks.filter((item) => item.join);
  record(
    'page-break',
    matchByLine(
      ofKinds(['page-break']),
      joined.map((item) => item.afterLine),
    ),
    true,
  );
  const paragraphEnds = [
    ...truth.blockEnds,
    ...truth.pageBreaks.filter((item) => !item.join).map((item) => item.afterLine),
  ];
  record('paragraph-break', matchByLine(ofKinds(['paragraph-break']), paragraphEnds), true);
  record('line-wrap', matchByLine(ofKinds(['line-wrap']), wrappedLines(view, truth)), true);
  // Only the capitals at the first word after a page break; the others are capitals in
  // mid-sentence, judged with the artefacts (evaluateArtefacts).
  const capitalsAtBreaks = pageBreakCapitals(view, truth, analysis.findings);
  record(
    'capitalisation',
    matchOneToOne(
      ofKinds(['capitalisation']).filter((finding) => capitalsAtBreaks.has(finding)),
      truth.pageBreaks.filter((item) => item.capital !== undefined),
      (finding, item) =>
        finding.line === item.beforeLine &&
        (finding.text === item.capital || finding.text === item.capital![0]),
    ),
    true,
  );

  // Hyphenation: found by line; right when the replacement makes the truth's decision. A hyphen
  // at a page end is decided by the page-break finding that starts at it; a hyphen inside a
  // footnote by the note text the footnote finding carries (its body is removed whole).
  const hyphenCarriers = [
    ...ofKinds(['hyphenation']),
    ...ofKinds(['page-break']).filter((finding) => finding.text.startsWith('-')),
    ...truth.hyphens.flatMap((hyphen) => noteHyphen(analysis.findings, hyphen)),
  ].sort((a, b) => a.start - b.start);
  const hyphens = matchByLine(
    hyphenCarriers,
    truth.hyphens.map((hyphen) => hyphen.line),
  );
  evaluation.rows.hyphenation = hyphens.counts;
  const decisions = evaluation.hyphenDecisions;
  decisions.truth = truth.hyphens.length;
  hyphens.findings.forEach((finding, i) => {
    const hyphen = hyphens.correct[i] ? truth.hyphens.find((item) => item.line === finding.line) : undefined;
    let correct = false;
    if (hyphen) {
      decisions.found++;
      const decision = hyphenDecision(finding);
      if (decision === null) decisions.undecided++;
      else if (decision === hyphen.decision) decisions.right++;
      else decisions.wrong++;
      correct = decision === null || decision === hyphen.decision;
    }
    // Page breaks and footnotes are judged in their own rows; only hyphenation findings here.
    if (finding.kind === 'hyphenation') verdicts.push({ finding, correct });
  });

  for (const { finding, correct } of verdicts) {
    const bucket = evaluation.calibration.find((b) => finding.confidence < b.to || b.to === 1)!;
    bucket.findings++;
    if (correct) bucket.correct++;
  }
  for (const finding of analysis.findings) {
    if (!SCORED_KINDS.includes(finding.kind))
      evaluation.unscored[finding.kind] = (evaluation.unscored[finding.kind] ?? 0) + 1;
  }
  return { ...evaluation, verdicts };
}

/**
 * What a hyphenation finding decides: "join" when its replacement is its text with the hyphen
 * and the line break removed ("-\n" → ""), "keep" when only the line break goes ("-\n" → "-"),
 * null when it has no replacement, "other" for anything else.
 */
export function hyphenDecision(
  finding: Pick<Finding, 'text' | 'replacement'>,
): 'join' | 'keep' | 'other' | null {
  if (finding.replacement === null) return null;
  // A page break that starts at a hyphen joins across the furniture: "" joins, "-" keeps.
  if (finding.text.startsWith('-') && (finding.replacement === '' || finding.replacement === '-')) {
    return finding.replacement === '' ? 'join' : 'keep';
  }
  const lineEnd = /-[ \t]*\r?\n[ \t\f]*/;
  if (finding.replacement === finding.text.replace(lineEnd, '')) return 'join';
  if (finding.replacement === finding.text.replace(lineEnd, '-')) return 'keep';
  return 'other';
}

export function mergeEvaluations(into: Evaluation, other: Evaluation): Evaluation {
  for (const row of SCORED_ROWS) {
    into.rows[row].tp += other.rows[row].tp;
    into.rows[row].fp += other.rows[row].fp;
    into.rows[row].fn += other.rows[row].fn;
  }
  for (const key of Object.keys(into.hyphenDecisions) as Array<keyof HyphenDecisions>) {
    into.hyphenDecisions[key] += other.hyphenDecisions[key];
  }
  other.calibration.forEach((bucket, i) => {
    into.calibration[i]!.findings += bucket.findings;
    into.calibration[i]!.correct += bucket.correct;
  });
  for (const [kind, count] of Object.entries(other.unscored) as Array<[Kind, number]>) {
    into.unscored[kind] = (into.unscored[kind] ?? 0) + count;
  }
  return into;
}

export function precision(counts: Counts): number | null {
  return counts.tp + counts.fp === 0 ? null : counts.tp / (counts.tp + counts.fp);
}

export function recall(counts: Counts): number | null {
  return counts.tp + counts.fn === 0 ? null : counts.tp / (counts.tp + counts.fn);
}

export function f1(counts: Counts): number | null {
  const denominator = 2 * counts.tp + counts.fp + counts.fn;
  return denominator === 0 ? null : (2 * counts.tp) / denominator;
}

/**
 * Furniture lines (1-based) that an edition still shows: lines whose words (white space at
 * either end aside) are not entirely inside the union of the applied edits' ranges.
 */
export function leakedFurniture(
  text: string,
  furnitureLines: readonly number[],
  applied: ReadonlyArray<{ start: number; end: number }>,
): number[] {
  const lines = textLines(text);
  const edits = [...applied].sort((a, b) => a.start - b.start);
  return furnitureLines.filter((number) => {
    const line = lines[number - 1];
    if (!line || line.blank) return false;
    let covered = line.contentStart;
    for (const edit of edits) {
      if (edit.start > covered) break;
      if (edit.end > covered) covered = edit.end;
      if (covered >= line.contentEnd) return false;
    }
    return true;
  });
}

// ---- matching --------------------------------------------------------------------------------

interface Matched {
  counts: Counts;
  findings: Finding[];
  /** Per finding: did it claim a truth item? */
  correct: boolean[];
}

function matchOneToOne<T>(
  findings: readonly Finding[],
  items: readonly T[],
  matches: (finding: Finding, item: T) => boolean,
): Matched {
  const claimed = new Set<number>();
  const correct = findings.map((finding) => {
    const index = items.findIndex((item, i) => !claimed.has(i) && matches(finding, item));
    if (index === -1) return false;
    claimed.add(index);
    return true;
  });
  const tp = claimed.size;
  return {
    counts: { tp, fp: findings.length - tp, fn: items.length - tp },
    findings: [...findings],
    correct,
  };
}

/**
 * A hyphen on a footnote line, as decided in the note text of the footnote finding that removes
 * the line: a stand-in hyphenation finding whose replacement says which way the note went.
 */
function noteHyphen(findings: readonly Finding[], hyphen: Truth['hyphens'][number]): Finding[] {
  const note = findings.find(
    (finding) =>
      finding.kind === 'footnote' &&
      finding.footnote !== undefined &&
      finding.line <= hyphen.line &&
      finding.line + finding.text.split('\n').length - 1 > hyphen.line,
  );
  if (!note?.footnote) return [];
  const text = note.footnote.text;
  const kept = text.includes(hyphen.decision === 'keep' ? hyphen.word : hyphen.word.replace(/-/g, ''));
  const join = hyphen.decision === 'join' ? kept : !kept;
  return [{ ...note, kind: 'hyphenation', line: hyphen.line, text: '-\n', replacement: join ? '' : '-' }];
}

function matchByLine(findings: readonly Finding[], lines: readonly number[]): Matched {
  const open = new Set(lines);
  const correct = findings.map((finding) => open.delete(finding.line));
  const tp = correct.filter(Boolean).length;
  return {
    counts: { tp, fp: findings.length - tp, fn: new Set(lines).size - tp },
    findings: [...findings],
    correct,
  };
}

interface DocumentView {
  text: string;
  lines: TextLine[];
  /** The first line after any front matter (1-based). */
  firstBodyLine: number;
  /** Offset of a 1-based line's first character; the text's length past the last line. */
  lineStart(line: number): number;
  /** Offset of a 1-based line and column counted in code points. */
  offsetOf(line: number, column: number): number;
  /** The first line after `line` that is not blank (one past the last line when none is). */
  nextNonBlank(line: number): number;
}

function documentView(text: string): DocumentView {
  const lines = textLines(text);
  const lineStart = (line: number): number =>
    line - 1 < lines.length ? lines[line - 1]!.start : text.length;
  return {
    text,
    lines,
    firstBodyLine: frontMatterLineCount(text, lines) + 1,
    lineStart,
    offsetOf(line, column) {
      const start = lineStart(line);
      let offset = start;
      for (let seen = 1; seen < column && offset < text.length; seen++)
        offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
      return offset;
    },
    nextNonBlank(line) {
      let next = line + 1;
      while (next <= lines.length && lines[next - 1]!.blank) next++;
      return next;
    },
  };
}

/**
 * Body lines (not blank, not front matter, not furniture, not footnote) followed by a body line,
 * that end no block and carry no hyphen: the hard line breaks inside a paragraph or heading.
 */
export function wrappedLines(view: Pick<DocumentView, 'lines' | 'firstBodyLine'>, truth: Truth): number[] {
  const notBody = new Set(truth.furniture.map((item) => item.line));
  for (const note of truth.footnotes)
    for (let line = note.firstLine; line <= note.lastLine; line++) notBody.add(line);
  const body = (line: number): boolean =>
    line >= view.firstBodyLine &&
    line <= view.lines.length &&
    !notBody.has(line) &&
    !view.lines[line - 1]!.blank;
  const ends = new Set([
    ...truth.blockEnds,
    ...truth.hyphens.map((hyphen) => hyphen.line),
    ...truth.pageBreaks.map((item) => item.afterLine),
  ]);
  const wrapped: number[] = [];
  for (let line = view.firstBodyLine; line < view.lines.length; line++) {
    if (body(line) && body(line + 1) && !ends.has(line)) wrapped.push(line);
  }
  return wrapped;
}

/** The lines of `text` as the matcher sees them, for callers that want the wrapped-line positives. */
export function viewOf(text: string): Pick<DocumentView, 'lines' | 'firstBodyLine'> {
  const lines = textLines(text);
  return { lines, firstBodyLine: frontMatterLineCount(text, lines) + 1 };
}

// ---- translation-engine artefacts (issue 3) ----------------------------------------------------
//
// The kinds labelled as spans (truth.artefacts, truth.traps): doubled-phrase, quote, spacing and
// capitalisation in mid-sentence. A finding of a kind is right (TP) when its range overlaps an
// unclaimed truth span of that kind, one to one, in analysis order; a truth span no finding
// claims is a miss (FN); any other finding is a false alarm (FP). A finding that lies inside a
// trap of its kind never claims a truth span: it is a false alarm, and the trap counts as flagged
// (a trap is also flagged by any false alarm that overlaps it). Not counted at all: findings on a
// doubtful span, findings that start on a furniture line, in a footnote body or in the front
// matter (those lines are removed whole), and capitals at the first word after a page break,
// which the capitalisation row of `evaluate` judges. An empty finding (an insertion) overlaps a
// span when it sits inside it or at either edge.

/** How the replacements of the findings on true artefacts compare with their labelled `fixed`. */
export interface FixCounts {
  /** True artefacts found, whose truth has a `fixed`. */
  found: number;
  /** ... and the replacement gives exactly `fixed` (doubled phrases: up to white space and line breaks). */
  right: number;
  wrong: number;
  /** ... with no replacement (flag only). */
  flagOnly: number;
}

export interface TrapCounts {
  traps: number;
  flagged: number;
}

export interface ArtefactEvaluation {
  rows: Record<ArtefactKind, Counts>;
  fixes: Record<ArtefactKind, FixCounts>;
  traps: Record<ArtefactKind, TrapCounts>;
  /** Findings not counted (doubtful spans, furniture and notes, capitals at page breaks). */
  ignored: Record<ArtefactKind, number>;
  /** Doubtful spans in the truth (neither counted as misses nor as positives). */
  doubtful: Record<ArtefactKind, number>;
}

/** One span or finding, for the lists of misses, false alarms, flagged traps and wrong fixes. */
export interface ArtefactExample {
  kind: ArtefactKind;
  line: number;
  column: number;
  text: string;
  replacement?: string | null;
  fixed?: string;
  note?: string;
}

export interface ArtefactDetails {
  missed: ArtefactExample[];
  falseAlarms: ArtefactExample[];
  trapsFlagged: ArtefactExample[];
  wrongFixes: ArtefactExample[];
}

type ArtefactTruth = Pick<Truth, 'furniture' | 'footnotes' | 'pageBreaks' | 'artefacts' | 'traps'>;

export function emptyArtefactEvaluation(): ArtefactEvaluation {
  const perKind = <T>(make: () => T): Record<ArtefactKind, T> =>
    Object.fromEntries(ARTEFACT_KINDS.map((kind) => [kind, make()])) as Record<ArtefactKind, T>;
  return {
    rows: perKind(() => ({ tp: 0, fp: 0, fn: 0 })),
    fixes: perKind(() => ({ found: 0, right: 0, wrong: 0, flagOnly: 0 })),
    traps: perKind(() => ({ traps: 0, flagged: 0 })),
    ignored: perKind(() => 0),
    doubtful: perKind(() => 0),
  };
}

export function mergeArtefactEvaluations(
  into: ArtefactEvaluation,
  other: ArtefactEvaluation,
): ArtefactEvaluation {
  for (const kind of ARTEFACT_KINDS) {
    for (const key of ['tp', 'fp', 'fn'] as const) into.rows[kind][key] += other.rows[kind][key];
    for (const key of ['found', 'right', 'wrong', 'flagOnly'] as const)
      into.fixes[kind][key] += other.fixes[kind][key];
    into.traps[kind].traps += other.traps[kind].traps;
    into.traps[kind].flagged += other.traps[kind].flagged;
    into.ignored[kind] += other.ignored[kind];
    into.doubtful[kind] += other.doubtful[kind];
  }
  return into;
}

interface Span {
  start: number;
  end: number;
}

/** Whether a finding's range meets a span; an empty finding meets it inside or at either edge. */
export function overlapsSpan(finding: Span, span: Span): boolean {
  if (finding.start === finding.end) return span.start <= finding.start && finding.start <= span.end;
  return finding.start < span.end && span.start < finding.end;
}

/**
 * Whether accepting `finding` gives the labelled correction: the finding's replacement and the
 * label's `fixed` are each applied to their own range, and the two results are compared over the
 * union of the ranges (so a finding may take the first copy or the second, the comma or not).
 * Doubled phrases compare up to white space, and read a hyphen at a line end as kept
 * ("good-\nneighborliness"): the line breaks inside are the line-wrap and hyphenation findings'
 * call. A quotation may be mended in either style: '"words”' → '"words"' or '“words”'.
 */
export function fixIsRight(
  text: string,
  finding: Pick<Finding, 'start' | 'end' | 'replacement'>,
  span: Span,
  fixed: string,
  kind: ArtefactKind,
): boolean {
  if (finding.replacement === null) return false;
  const from = Math.min(span.start, finding.start);
  const to = Math.max(span.end, finding.end);
  const accepted = text.slice(from, finding.start) + finding.replacement + text.slice(finding.end, to);
  const labelled = (correction: string): string =>
    text.slice(from, span.start) + correction + text.slice(span.end, to);
  if (kind === 'doubled-phrase') {
    const loose = (value: string): string => value.replace(/-[ \t]*\r?\n\s*/g, '-').replace(/\s+/g, ' ');
    return loose(accepted) === loose(labelled(fixed));
  }
  const corrections = kind === 'quote' ? quotationStyles(fixed) : [fixed];
  return corrections.some((correction) => accepted === labelled(correction));
}

/** A mended quotation in its labelled style and in the other one (its first and last marks). */
function quotationStyles(fixed: string): string[] {
  const swap = (mark: string | undefined, opening: boolean): string | undefined => {
    if (mark === '"') return opening ? '“' : '”';
    if (mark === '“' || mark === '”') return '"';
    if (mark === "'") return opening ? '‘' : '’';
    if (mark === '‘' || mark === '’') return "'";
    return undefined;
  };
  const first = swap(fixed[0], true);
  const trimmed = fixed.trimEnd();
  const last = swap(trimmed[trimmed.length - 1], false);
  if (first === undefined || last === undefined || trimmed.length < 2) return [fixed];
  const other = first + trimmed.slice(1, -1) + last + fixed.slice(trimmed.length);
  return [fixed, other];
}

/** Scores one analysis against the truth's artefact spans and traps (see the rules above). */
export function evaluateArtefacts(
  text: string,
  analysis: Analysis,
  truth: ArtefactTruth,
): ArtefactEvaluation & { details: ArtefactDetails } {
  const view = documentView(text);
  const evaluation = emptyArtefactEvaluation();
  const details: ArtefactDetails = { missed: [], falseAlarms: [], trapsFlagged: [], wrongFixes: [] };
  const resolve = (label: { line: number; column: number; text: string }, what: string): Span => {
    const start = view.offsetOf(label.line, label.column);
    if (text.slice(start, start + label.text.length) !== label.text) {
      throw new Error(`${what} at ${label.line}:${label.column} does not read ${JSON.stringify(label.text)}`);
    }
    return { start, end: start + label.text.length };
  };
  const labels = (truth.artefacts ?? []).map((label) => ({
    label,
    ...resolve(label, `${label.kind} label`),
  }));
  const traps = (truth.traps ?? []).map((trap) => ({ trap, ...resolve(trap, 'trap') }));

  const removedLines = new Set(truth.furniture.map((item) => item.line));
  for (const note of truth.footnotes)
    for (let line = note.firstLine; line <= note.lastLine; line++) removedLines.add(line);
  const capitalsAtBreaks = pageBreakCapitals(view, truth, analysis.findings);
  const counted = (finding: Finding): boolean =>
    !removedLines.has(finding.line) && finding.line >= view.firstBodyLine && !capitalsAtBreaks.has(finding);
  const example = (finding: Finding, kind: ArtefactKind): ArtefactExample => ({
    kind,
    line: finding.line,
    column: finding.column,
    text: finding.text,
    replacement: finding.replacement,
  });

  for (const kind of ARTEFACT_KINDS) {
    const sure = labels.filter((item) => item.label.kind === kind && !item.label.doubtful);
    const doubtful = labels.filter((item) => item.label.kind === kind && item.label.doubtful);
    const kindTraps = traps.filter((item) => item.trap.kinds.includes(kind));
    evaluation.doubtful[kind] = doubtful.length;
    evaluation.traps[kind].traps = kindTraps.length;
    const row = evaluation.rows[kind];
    const fixes = evaluation.fixes[kind];
    const claimed = new Set<number>();
    const flagged = new Set<number>();
    for (const finding of analysis.findings) {
      if (finding.kind !== kind) continue;
      if (!counted(finding)) {
        evaluation.ignored[kind]++;
        continue;
      }
      const inTrap = kindTraps.findIndex((item) => item.start <= finding.start && finding.end <= item.end);
      const index =
        inTrap !== -1 ? -1 : sure.findIndex((item, i) => !claimed.has(i) && overlapsSpan(finding, item));
      if (index !== -1) {
        claimed.add(index);
        row.tp++;
        const { label } = sure[index]!;
        if (label.fixed === undefined) continue;
        fixes.found++;
        if (finding.replacement === null) fixes.flagOnly++;
        else if (fixIsRight(text, finding, sure[index]!, label.fixed, kind)) fixes.right++;
        else {
          fixes.wrong++;
          details.wrongFixes.push({ ...example(finding, kind), fixed: label.fixed });
        }
        continue;
      }
      if (inTrap === -1 && doubtful.some((item) => overlapsSpan(finding, item))) {
        evaluation.ignored[kind]++;
        continue;
      }
      row.fp++;
      details.falseAlarms.push(example(finding, kind));
      kindTraps.forEach((item, i) => {
        if (!flagged.has(i) && (i === inTrap || overlapsSpan(finding, item))) {
          flagged.add(i);
          details.trapsFlagged.push({ ...example(finding, kind), note: item.trap.note });
        }
      });
    }
    row.fn = sure.length - claimed.size;
    evaluation.traps[kind].flagged = flagged.size;
    sure.forEach((item, i) => {
      if (!claimed.has(i)) details.missed.push({ ...item.label, kind });
    });
  }
  return { ...evaluation, details };
}

/**
 * The capitalisation findings the page-break row of `evaluate` judges: those that start at the
 * first word of a line (after an opening quote or bracket) that follows a page break, or that
 * follows a furniture or footnote line ("evaluation⏎48⏎Rural Schools": a capital after what the
 * analyser may take for a break is judged there too).
 */
function pageBreakCapitals(
  view: DocumentView,
  truth: Pick<Truth, 'pageBreaks' | 'furniture' | 'footnotes'>,
  findings: readonly Finding[],
): Set<Finding> {
  const removed = new Set(truth.furniture.map((item) => item.line));
  for (const note of truth.footnotes)
    for (let line = note.firstLine; line <= note.lastLine; line++) removed.add(line);
  const afterBreaks = new Set(truth.pageBreaks.map((item) => item.beforeLine));
  view.lines.forEach((line, index) => {
    let previous = index;
    while (previous > 0 && view.lines[previous - 1]!.blank) previous--;
    if (!line.blank && previous > 0 && removed.has(previous)) afterBreaks.add(index + 1);
  });
  const firstWords = new Map<number, number>();
  for (const number of afterBreaks) {
    const line = view.lines[number - 1];
    if (line) firstWords.set(number, line.contentStart);
  }
  const text = view.text;
  return new Set(
    findings.filter((finding) => {
      if (finding.kind !== 'capitalisation') return false;
      const start = firstWords.get(finding.line);
      return start !== undefined && /^[\s"“‘'([]*$/.test(text.slice(start, finding.start));
    }),
  );
}
