/**
 * A stand-in for `analyse` with findings fixed by a few patterns, so that the command line's
 * tests do not depend on the detectors: it honours `kinds` and `minConfidence` as the contract
 * says, and returns the findings in analysis order.
 */

import {
  buildLineIndex,
  positionAt,
  type AnalyseOptions,
  type Analysis,
  type Finding,
  type Kind,
} from '../../src/analyser';

interface Pattern {
  kind: Kind;
  pattern: RegExp;
  replacement: (match: RegExpExecArray) => string | null;
  confidence: number;
  message: string;
}

const PATTERNS: readonly Pattern[] = [
  // "12" alone on its line.
  {
    kind: 'page-number',
    pattern: /^\d+\r?\n/gm,
    replacement: () => '',
    confidence: 0.95,
    message: 'This line is a page number.',
  },
  // "report , he" and "ready ."
  {
    kind: 'spacing',
    pattern: / +(?=[,.;])/g,
    replacement: () => '',
    confidence: 0.9,
    message: 'A space stands before the punctuation.',
  },
  // "the the"
  {
    kind: 'doubled-phrase',
    pattern: /\b(\w+) \1\b/g,
    replacement: (match) => match[1]!,
    confidence: 0.6,
    message: 'The word is doubled.',
  },
  // "said ''": flagged, no safe suggestion.
  {
    kind: 'quote',
    pattern: /''/g,
    replacement: () => null,
    confidence: 0.7,
    message: 'This quotation mark has no partner.',
  },
];

export function fakeAnalyse(text: string, options: AnalyseOptions = {}): Analysis {
  const index = buildLineIndex(text);
  const findings: Finding[] = [];
  for (const { kind, pattern, replacement, confidence, message } of PATTERNS) {
    if (options.kinds && !options.kinds.includes(kind)) continue;
    if (confidence < (options.minConfidence ?? 0)) continue;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      findings.push({
        id: `${kind}:${start}`,
        kind,
        start,
        end,
        ...positionAt(index, start),
        text: match[0],
        replacement: replacement(match as RegExpExecArray),
        confidence,
        message,
      });
    }
  }
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  return { length: text.length, findings, headings: [] };
}

/** One of each: a doubled word, two spaces before punctuation, a lone quote pair, a page number. */
export const SAMPLE = "In the the report , he said ''\n12\nthat it was ready .\n";
