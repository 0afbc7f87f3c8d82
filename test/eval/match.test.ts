import type { Analysis, Finding, Kind } from '../../src/analyser';
import {
  emptyEvaluation,
  evaluate,
  f1,
  hyphenDecision,
  leakedFurniture,
  mergeEvaluations,
  precision,
  recall,
  viewOf,
  wrappedLines,
  type Evaluation,
  type ScoredRow,
} from './match';
import type { Truth } from './truth';

// One page break with furniture and a footnote between two pages.
const TEXT = [
  'Chapter 1: A Heading', //            1  heading, block end
  'The first paragraph runs on a', //   2  wrapped
  'second line and ends here.1', //     3  block end, marker "1" at column 27
  'Then an empha-', //                  4  hyphen, join
  'sis and an all-', //                 5  hyphen, keep
  'round word go on across the', //     6  page break (join) after this line
  '1 A footnote body that wraps', //    7  footnote 7-8
  'onto a second line.', //             8
  'Institute Name', //                  9  running header
  '12', //                              10 page number
  'Page, the next page goes on.', //    11 capital "Page"; block end
  'A last paragraph.', //               12
].join('\n');

const TRUTH: Truth = {
  furniture: [
    { line: 9, kind: 'running-header' },
    { line: 10, kind: 'page-number' },
  ],
  footnotes: [{ firstLine: 7, lastLine: 8, label: '1' }],
  markers: [{ line: 3, column: 27, label: '1' }],
  pageBreaks: [{ afterLine: 6, beforeLine: 11, join: true, capital: 'Page' }],
  hyphens: [
    { line: 4, word: 'emphasis', decision: 'join' },
    { line: 5, word: 'all-round', decision: 'keep' },
  ],
  blockEnds: [1, 3, 11],
  headings: [{ firstLine: 1, lastLine: 1 }],
};

const starts = [0, ...[...TEXT.matchAll(/\n/g)].map((match) => match.index + 1)];
const lineStart = (line: number): number => starts[line - 1]!;
const lineEnd = (line: number): number => (line < starts.length ? starts[line]! - 1 : TEXT.length);

function finding(
  kind: Kind,
  start: number,
  end: number,
  replacement: string | null,
  confidence = 0.9,
): Finding {
  const line = starts.filter((lineStartOffset) => lineStartOffset <= start).length;
  const column = start - starts[line - 1]! + 1;
  return {
    id: `${kind}-${start}-${end}`,
    kind,
    start,
    end,
    line,
    column,
    text: TEXT.slice(start, end),
    replacement,
    confidence,
    message: 'test',
  };
}

/** The whole line with its line break, removed. */
const wholeLine = (kind: Kind, line: number): Finding =>
  finding(kind, lineStart(line), lineStart(line + 1), '');
/** The line break at the end of a line. */
const lineBreak = (kind: Kind, line: number, replacement: string): Finding =>
  finding(kind, lineEnd(line), lineEnd(line) + 1, replacement);
const hyphen = (line: number, replacement: string | null): Finding =>
  finding('hyphenation', lineEnd(line) - 1, lineEnd(line) + 1, replacement);

function analysis(findings: Finding[]): Analysis {
  return { length: TEXT.length, findings: [...findings].sort((a, b) => a.start - b.start), headings: [] };
}

const PERFECT: Finding[] = [
  wholeLine('running-header', 9),
  wholeLine('page-number', 10),
  finding('footnote', lineStart(7), lineStart(9), ''),
  finding('footnote-marker', lineStart(3) + 26, lineStart(3) + 27, ''),
  finding('page-break', lineEnd(6), lineStart(11), ' '),
  lineBreak('paragraph-break', 1, '\n\n'),
  lineBreak('paragraph-break', 3, '\n\n'),
  lineBreak('paragraph-break', 11, '\n\n'),
  lineBreak('line-wrap', 2, ' '),
  hyphen(4, ''),
  hyphen(5, '-'),
  finding('capitalisation', lineStart(11), lineStart(11) + 1, 'p'),
];

function counts(evaluation: Evaluation, row: ScoredRow): [number, number, number] {
  const { tp, fp, fn } = evaluation.rows[row];
  return [tp, fp, fn];
}

describe('evaluate', () => {
  it('counts a perfect analysis as all true positives', () => {
    const result = evaluate(TEXT, analysis(PERFECT), TRUTH);
    expect(counts(result, 'furniture')).toEqual([2, 0, 0]);
    expect(counts(result, 'running-header')).toEqual([1, 0, 0]);
    expect(counts(result, 'page-number')).toEqual([1, 0, 0]);
    expect(counts(result, 'footnote')).toEqual([1, 0, 0]);
    expect(counts(result, 'footnote-marker')).toEqual([1, 0, 0]);
    expect(counts(result, 'page-break')).toEqual([1, 0, 0]);
    expect(counts(result, 'paragraph-break')).toEqual([3, 0, 0]);
    expect(counts(result, 'line-wrap')).toEqual([1, 0, 0]);
    expect(counts(result, 'hyphenation')).toEqual([2, 0, 0]);
    expect(counts(result, 'capitalisation')).toEqual([1, 0, 0]);
    expect(result.hyphenDecisions).toEqual({ truth: 2, found: 2, right: 2, wrong: 0, undecided: 0 });
    expect(result.verdicts.every((verdict) => verdict.correct)).toBe(true);
    expect(result.verdicts).toHaveLength(PERFECT.length);
  });

  it('counts an empty analysis as all false negatives', () => {
    const result = evaluate(TEXT, analysis([]), TRUTH);
    expect(counts(result, 'furniture')).toEqual([0, 0, 2]);
    expect(counts(result, 'paragraph-break')).toEqual([0, 0, 3]);
    expect(counts(result, 'line-wrap')).toEqual([0, 0, 1]);
    expect(counts(result, 'hyphenation')).toEqual([0, 0, 2]);
    expect(result.hyphenDecisions).toEqual({ truth: 2, found: 0, right: 0, wrong: 0, undecided: 0 });
    expect(result.calibration.every((bucket) => bucket.findings === 0)).toBe(true);
  });

  it('tells furniture of the wrong kind, on the wrong line, or twice', () => {
    const result = evaluate(
      TEXT,
      analysis([
        wholeLine('page-number', 9),
        wholeLine('running-header', 2),
        wholeLine('page-number', 10),
        wholeLine('running-header', 10),
      ]),
      TRUTH,
    );
    // Line 9 found (as the wrong kind), line 2 is body, line 10 found twice.
    expect(counts(result, 'furniture')).toEqual([2, 2, 0]);
    expect(counts(result, 'running-header')).toEqual([0, 2, 1]);
    expect(counts(result, 'page-number')).toEqual([1, 1, 0]);
  });

  it('scores breaks by the line they are on', () => {
    const result = evaluate(
      TEXT,
      analysis([
        finding('page-break', lineEnd(6), lineStart(11), ' '),
        finding('page-break', lineEnd(3), lineEnd(3) + 1, ' '), // no page break here
        lineBreak('paragraph-break', 2, '\n\n'), // a wrapped line
        lineBreak('line-wrap', 4, ' '), // a hyphen's line
        lineBreak('line-wrap', 1, ' '), // a heading's end
      ]),
      TRUTH,
    );
    expect(counts(result, 'page-break')).toEqual([1, 1, 0]);
    expect(counts(result, 'paragraph-break')).toEqual([0, 1, 3]);
    expect(counts(result, 'line-wrap')).toEqual([0, 2, 1]);
  });

  it('takes an unjoined page break as a paragraph break, not a page break', () => {
    const truth: Truth = { ...TRUTH, pageBreaks: [{ afterLine: 6, beforeLine: 11, join: false }] };
    const result = evaluate(
      TEXT,
      analysis([
        finding('page-break', lineEnd(6), lineStart(11), ' '),
        lineBreak('paragraph-break', 11, '\n\n'),
      ]),
      truth,
    );
    expect(counts(result, 'page-break')).toEqual([0, 1, 0]);
    expect(counts(result, 'paragraph-break')).toEqual([1, 0, 3]);
  });

  it('finds hyphens by line and scores their decisions', () => {
    const result = evaluate(TEXT, analysis([hyphen(4, '-'), hyphen(5, null), hyphen(6, '')]), TRUTH);
    expect(counts(result, 'hyphenation')).toEqual([2, 1, 0]);
    expect(result.hyphenDecisions).toEqual({ truth: 2, found: 2, right: 0, wrong: 1, undecided: 1 });
  });

  it('matches a footnote by its first line and where it ends', () => {
    const endingAt = (end: number): number =>
      evaluate(TEXT, analysis([finding('footnote', lineStart(7), end, '')]), TRUTH).rows.footnote.tp;
    expect(endingAt(lineEnd(8))).toBe(1);
    expect(endingAt(lineStart(9))).toBe(1);
    expect(endingAt(lineEnd(7))).toBe(0); // the second line left behind
    expect(endingAt(lineStart(10))).toBe(0); // the running header taken along
    const blankAfter = 'Body text.\n1 A note.\n\n- 2 -\nMore text.';
    const truth: Truth = { ...emptyTruth(), footnotes: [{ firstLine: 2, lastLine: 2, label: '1' }] };
    const note: Finding = { ...finding('footnote', 0, 0, ''), start: 11, end: 22, line: 2, column: 1 };
    expect(
      evaluate(blankAfter, { length: blankAfter.length, findings: [note], headings: [] }, truth).rows.footnote
        .tp,
    ).toBe(1);
  });

  it('matches a marker when its range covers the label', () => {
    const at = lineStart(3) + 26;
    const tp = (start: number, end: number): number =>
      evaluate(TEXT, analysis([finding('footnote-marker', start, end, '')]), TRUTH).rows['footnote-marker']
        .tp;
    expect(tp(at, at + 1)).toBe(1);
    expect(tp(at - 1, at + 1)).toBe(1);
    expect(tp(at - 1, at)).toBe(0);
  });

  it('matches a capital by its line and letter', () => {
    const tp = (end: number): number =>
      evaluate(TEXT, analysis([finding('capitalisation', lineStart(11), end, 'x')]), TRUTH).rows
        .capitalisation.tp;
    expect(tp(lineStart(11) + 1)).toBe(1);
    expect(tp(lineStart(11) + 4)).toBe(1);
    expect(tp(lineStart(11) + 2)).toBe(0);
  });

  it('buckets scored findings by confidence', () => {
    const result = evaluate(
      TEXT,
      analysis([
        finding('running-header', lineStart(9), lineStart(10), '', 0.55),
        finding('running-header', lineStart(2), lineStart(3), '', 0.95),
        finding('page-number', lineStart(10), lineStart(11), '', 1),
        finding('spacing', 0, 1, 'C', 0.99),
      ]),
      TRUTH,
    );
    const bucket = (from: number) => result.calibration.find((item) => item.from === from)!;
    expect(bucket(0.5)).toMatchObject({ findings: 1, correct: 1 });
    expect(bucket(0.9)).toMatchObject({ findings: 2, correct: 1 });
    expect(result.unscored).toEqual({ spacing: 1 });
  });

  it('leaves front matter out of the wrapped lines', () => {
    const text = '---\ntitle: x\n---\nOne line that\nwraps here.\n';
    expect(wrappedLines(viewOf(text), emptyTruth())).toEqual([4]);
  });
});

describe('helpers', () => {
  it('reads a hyphenation decision from the replacement', () => {
    expect(hyphenDecision({ text: '-\n', replacement: '' })).toBe('join');
    expect(hyphenDecision({ text: '-\n', replacement: '-' })).toBe('keep');
    expect(hyphenDecision({ text: 'empha-\r\nsis', replacement: 'emphasis' })).toBe('join');
    expect(hyphenDecision({ text: 'all- \nround', replacement: 'all-round' })).toBe('keep');
    expect(hyphenDecision({ text: '-\n', replacement: ' ' })).toBe('other');
    expect(hyphenDecision({ text: '-\n', replacement: null })).toBeNull();
  });

  it('computes precision, recall and F1, null when undefined', () => {
    expect(precision({ tp: 3, fp: 1, fn: 0 })).toBe(0.75);
    expect(recall({ tp: 3, fp: 0, fn: 1 })).toBe(0.75);
    expect(f1({ tp: 2, fp: 1, fn: 1 })).toBeCloseTo(2 / 3);
    expect(precision({ tp: 0, fp: 0, fn: 4 })).toBeNull();
    expect(f1({ tp: 0, fp: 0, fn: 0 })).toBeNull();
    expect(f1({ tp: 0, fp: 1, fn: 1 })).toBe(0);
  });

  it('merges evaluations by adding counts', () => {
    const one = evaluate(TEXT, analysis(PERFECT), TRUTH);
    const total = mergeEvaluations(mergeEvaluations(emptyEvaluation(), one), one);
    expect(counts(total, 'paragraph-break')).toEqual([6, 0, 0]);
    expect(total.hyphenDecisions.right).toBe(4);
    expect(total.calibration.reduce((sum, bucket) => sum + bucket.findings, 0)).toBe(2 * PERFECT.length);
  });

  it('finds furniture lines an edition still shows', () => {
    const text = 'body\n  Institute Name  \n12\nbody\n';
    const header = { start: 5, end: 24 }; // the whole line with its break
    expect(leakedFurniture(text, [2, 3], [header])).toEqual([3]);
    expect(leakedFurniture(text, [2], [{ start: 7, end: 21 }])).toEqual([]); // the words, not the spaces
    expect(
      leakedFurniture(
        text,
        [2],
        [
          { start: 7, end: 15 },
          { start: 15, end: 21 },
        ],
      ),
    ).toEqual([]);
    expect(leakedFurniture(text, [2], [{ start: 7, end: 14 }])).toEqual([2]);
    expect(leakedFurniture(text, [2, 3], [])).toEqual([2, 3]);
  });
});

function emptyTruth(): Truth {
  return {
    furniture: [],
    footnotes: [],
    markers: [],
    pageBreaks: [],
    hyphens: [],
    blockEnds: [],
    headings: [],
  };
}
