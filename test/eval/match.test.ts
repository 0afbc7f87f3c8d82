import type { Analysis, Finding, Kind } from '../../src/analyser';
import {
  emptyArtefactEvaluation,
  emptyEvaluation,
  evaluate,
  evaluateArtefacts,
  f1,
  fixIsRight,
  hyphenDecision,
  leakedFurniture,
  mergeArtefactEvaluations,
  mergeEvaluations,
  overlapsSpan,
  precision,
  recall,
  viewOf,
  wrappedLines,
  type Evaluation,
  type ScoredRow,
} from './match';
import { emptyTruth, type Truth } from './truth';

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

// ---- translation-engine artefacts -------------------------------------------------------------

const ARTEFACT_TEXT = [
  'We share hardships and hardships, and more and more', //  1  doubled; trap "more and more"
  'partners say "yes” to each other\'s plans , and the', //   2  quote '"yes”'; trap "other's"; spacing " ,"
  'Institute Name', //                                       3  running header
  '12', //                                                   4  page number
  'Work goes On and Four major', //                          5  "Work": page-break capital; "On" doubtful; "Four"
  'problems remain.', //                                     6
].join('\n');

const ARTEFACT_TRUTH: Truth = {
  ...emptyTruth(),
  furniture: [
    { line: 3, kind: 'running-header' },
    { line: 4, kind: 'page-number' },
  ],
  pageBreaks: [{ afterLine: 2, beforeLine: 5, join: true, capital: 'Work' }],
  artefacts: [
    { kind: 'doubled-phrase', line: 1, column: 10, text: 'hardships and hardships', fixed: 'hardships' },
    { kind: 'quote', line: 2, column: 14, text: '"yes”', fixed: '"yes"' },
    { kind: 'spacing', line: 2, column: 41, text: ' ,', fixed: ',' },
    { kind: 'capitalisation', line: 5, column: 11, text: 'On', doubtful: true },
    { kind: 'capitalisation', line: 5, column: 18, text: 'Four', fixed: 'four' },
  ],
  traps: [
    { line: 1, column: 39, text: 'more and more', kinds: ['doubled-phrase'], note: 'idiom' },
    { line: 2, column: 28, text: "other's", kinds: ['quote'], note: 'apostrophe' },
  ],
};

const artefactStarts = [0, ...[...ARTEFACT_TEXT.matchAll(/\n/g)].map((match) => match.index + 1)];

/** A finding over `text`, found at its `nth` occurrence on `line`. */
function on(kind: Kind, line: number, text: string, replacement: string | null, nth = 0): Finding {
  let start = artefactStarts[line - 1]! - 1;
  for (let i = 0; i <= nth; i++) start = ARTEFACT_TEXT.indexOf(text, start + 1);
  return {
    id: `${kind}-${start}`,
    kind,
    start,
    end: start + text.length,
    line,
    column: start - artefactStarts[line - 1]! + 1,
    text,
    replacement,
    confidence: 0.9,
    message: 'test',
  };
}

const scoreArtefacts = (findings: Finding[]) =>
  evaluateArtefacts(
    ARTEFACT_TEXT,
    { length: ARTEFACT_TEXT.length, findings: [...findings].sort((a, b) => a.start - b.start), headings: [] },
    ARTEFACT_TRUTH,
  );

describe('evaluateArtefacts', () => {
  it('counts a perfect analysis as right, with right fixes and no trap flagged', () => {
    const result = scoreArtefacts([
      on('doubled-phrase', 1, ' and hardships', ''),
      on('quote', 2, '”', '"'),
      on('spacing', 2, ' ,', ','),
      on('capitalisation', 5, 'Four', 'four'),
    ]);
    for (const kind of ['doubled-phrase', 'quote', 'spacing', 'capitalisation'] as const) {
      expect(result.rows[kind]).toEqual({ tp: 1, fp: 0, fn: 0 });
      expect(result.fixes[kind]).toEqual({ found: 1, right: 1, wrong: 0, flagOnly: 0 });
    }
    expect(result.traps['doubled-phrase']).toEqual({ traps: 1, flagged: 0 });
    expect(result.doubtful.capitalisation).toBe(1);
  });

  it('counts an empty analysis as all misses, the doubtful span aside', () => {
    const result = scoreArtefacts([]);
    expect(result.rows.capitalisation).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(result.details.missed.map((example) => example.text)).toEqual([
      'hardships and hardships',
      '"yes”',
      ' ,',
      'Four',
    ]);
  });

  it('counts a finding inside a trap as a false alarm and the trap as flagged', () => {
    const result = scoreArtefacts([
      on('doubled-phrase', 1, 'more and more', 'more'),
      on('quote', 2, "'", null),
    ]);
    expect(result.rows['doubled-phrase']).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(result.traps['doubled-phrase']).toEqual({ traps: 1, flagged: 1 });
    expect(result.traps.quote).toEqual({ traps: 1, flagged: 1 });
    expect(result.details.trapsFlagged.map((example) => example.note)).toEqual(['idiom', 'apostrophe']);
  });

  it('claims each span once, and does not count doubtful spans, furniture or page-break capitals', () => {
    const result = scoreArtefacts([
      on('doubled-phrase', 1, 'hardships and hardships', 'hardships'),
      on('doubled-phrase', 1, ' and hardships', ''),
      on('capitalisation', 5, 'On', 'on'),
      on('capitalisation', 5, 'Work', 'work'),
      on('spacing', 3, 'Institute Name', null),
    ]);
    expect(result.rows['doubled-phrase']).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(result.ignored).toEqual({ 'doubled-phrase': 0, quote: 0, spacing: 1, capitalisation: 2 });
    // The page-break row takes "Work" and leaves "Four" (a capital in mid-sentence) to the artefacts.
    const layout = evaluate(
      ARTEFACT_TEXT,
      {
        length: ARTEFACT_TEXT.length,
        findings: [on('capitalisation', 5, 'Work', 'work'), on('capitalisation', 5, 'Four', 'four')],
        headings: [],
      },
      ARTEFACT_TRUTH,
    );
    expect(layout.rows.capitalisation).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('matches an insertion at the edge of a span', () => {
    const comma = ARTEFACT_TEXT.indexOf(' ,');
    expect(overlapsSpan({ start: comma, end: comma }, { start: comma, end: comma + 2 })).toBe(true);
    expect(overlapsSpan({ start: comma + 2, end: comma + 2 }, { start: comma, end: comma + 2 })).toBe(true);
    expect(overlapsSpan({ start: comma + 3, end: comma + 3 }, { start: comma, end: comma + 2 })).toBe(false);
    expect(overlapsSpan({ start: comma - 1, end: comma }, { start: comma, end: comma + 2 })).toBe(false);
  });

  it('throws on a label that does not read its text', () => {
    const truth: Truth = {
      ...ARTEFACT_TRUTH,
      artefacts: [{ kind: 'quote', line: 2, column: 1, text: 'yes' }],
    };
    expect(() => evaluateArtefacts(ARTEFACT_TEXT, { length: 0, findings: [], headings: [] }, truth)).toThrow(
      /does not read/,
    );
  });

  it('merges by adding counts', () => {
    const one = scoreArtefacts([on('quote', 2, '”', null)]);
    const total = mergeArtefactEvaluations(mergeArtefactEvaluations(emptyArtefactEvaluation(), one), one);
    expect(total.rows.quote).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(total.fixes.quote).toEqual({ found: 2, right: 0, wrong: 0, flagOnly: 2 });
    expect(total.traps.quote).toEqual({ traps: 2, flagged: 0 });
  });
});

describe('fixIsRight', () => {
  const span = { start: 9, end: 32 }; // "hardships and hardships"
  const doubled = (finding: { start: number; end: number; replacement: string | null }): boolean =>
    fixIsRight(ARTEFACT_TEXT, finding, span, 'hardships', 'doubled-phrase');

  it('takes either copy of a doubled phrase, with or without the separator', () => {
    expect(doubled({ start: 18, end: 32, replacement: '' })).toBe(true); // " and hardships"
    expect(doubled({ start: 9, end: 23, replacement: '' })).toBe(true); // "hardships and "
    expect(doubled({ start: 9, end: 32, replacement: 'hardships' })).toBe(true);
    expect(doubled({ start: 18, end: 33, replacement: '' })).toBe(false); // the comma taken along
    expect(doubled({ start: 18, end: 32, replacement: null })).toBe(false);
  });

  it('compares doubled phrases up to line breaks and a kept hyphen', () => {
    const text = 'good-neighborliness, good-\nneighborliness and';
    const right = fixIsRight(
      text,
      { start: 0, end: 21, replacement: '' },
      { start: 0, end: 41 },
      'good-neighborliness',
      'doubled-phrase',
    );
    expect(right).toBe(true);
  });

  it('takes a mended quotation in either style, and nothing else', () => {
    const quote = { start: 65, end: 70 }; // '"yes”'
    const mended = (start: number, end: number, replacement: string): boolean =>
      fixIsRight(ARTEFACT_TEXT, { start, end, replacement }, quote, '"yes"', 'quote');
    expect(mended(69, 70, '"')).toBe(true);
    expect(mended(65, 66, '“')).toBe(true);
    expect(mended(65, 70, '“yes”')).toBe(true);
    expect(mended(69, 70, '“')).toBe(false);
  });
});
