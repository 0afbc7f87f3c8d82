/**
 * Section (e) of `npm run eval`: the translation-engine artefacts (doubled phrases, quotes,
 * spacing, capitals in mid-sentence) scored on the seed and on the injected texts, as a table per
 * kind with the traps flagged and the fixes, the bars of issue 3 with their verdicts, and the
 * misses and false alarms to look at. Text for people, and the same as JSON.
 */

import {
  f1,
  precision,
  recall,
  type ArtefactDetails,
  type ArtefactEvaluation,
  type ArtefactExample,
  type FixCounts,
} from './match';
import { formatTable, metric } from './report-table';
import { ARTEFACT_KINDS, type ArtefactKind } from './truth';

export interface ArtefactSection {
  /** What was scored, in a few words. */
  title: string;
  documents: number;
  evaluation: ArtefactEvaluation;
  details: ArtefactDetails;
  /** Per form (injected texts: the generator's forms): artefacts and how many were found. */
  perForm?: Array<{ form: string; kind: ArtefactKind; artefacts: number; found: number }>;
}

/** Issue 3's bars, as floors on a section's figures; `null` figures (no findings yet) are not judged. */
interface Bar {
  kind: ArtefactKind;
  label: string;
  floor: number;
  value(evaluation: ArtefactEvaluation, kind: ArtefactKind): number | null;
}

/** Suggested fixes exactly right, of the true artefacts found with a suggestion and a known fix. */
export function fixRate(fixes: FixCounts): number | null {
  const suggested = fixes.right + fixes.wrong;
  return suggested === 0 ? null : fixes.right / suggested;
}

const trapsClear = (evaluation: ArtefactEvaluation, kind: ArtefactKind): number | null =>
  evaluation.traps[kind].traps === 0 ? null : evaluation.traps[kind].flagged === 0 ? 1 : 0;

export const ISSUE_BARS: readonly Bar[] = [
  { kind: 'doubled-phrase', label: 'precision', floor: 0.95, value: (e, k) => precision(e.rows[k]) },
  { kind: 'doubled-phrase', label: 'recall', floor: 0.9, value: (e, k) => recall(e.rows[k]) },
  { kind: 'doubled-phrase', label: 'fix exactly right', floor: 0.95, value: (e, k) => fixRate(e.fixes[k]) },
  { kind: 'doubled-phrase', label: 'no trap flagged', floor: 1, value: trapsClear },
  { kind: 'quote', label: 'recall', floor: 0.9, value: (e, k) => recall(e.rows[k]) },
  { kind: 'quote', label: 'precision', floor: 0.85, value: (e, k) => precision(e.rows[k]) },
  { kind: 'quote', label: 'no trap flagged', floor: 1, value: trapsClear },
  { kind: 'spacing', label: 'precision', floor: 0.9, value: (e, k) => precision(e.rows[k]) },
  { kind: 'capitalisation', label: 'precision', floor: 0.9, value: (e, k) => precision(e.rows[k]) },
];

const formatMetric = (value: number | null): string => (value === null ? '-' : value.toFixed(3));

function table(evaluation: ArtefactEvaluation): string {
  return formatTable(
    [
      'kind',
      'TP',
      'FP',
      'FN',
      'precision',
      'recall',
      'F1',
      'traps flagged',
      'fix right/wrong/flag-only',
      'not counted',
    ],
    ARTEFACT_KINDS.map((kind) => {
      const counts = evaluation.rows[kind];
      const fixes = evaluation.fixes[kind];
      const traps = evaluation.traps[kind];
      return [
        kind,
        String(counts.tp),
        String(counts.fp),
        String(counts.fn),
        formatMetric(precision(counts)),
        formatMetric(recall(counts)),
        formatMetric(f1(counts)),
        `${traps.flagged} of ${traps.traps}`,
        `${fixes.right}/${fixes.wrong}/${fixes.flagOnly} of ${fixes.found}`,
        String(evaluation.ignored[kind]),
      ];
    }),
  );
}

function barVerdicts(evaluation: ArtefactEvaluation): string[] {
  return ISSUE_BARS.map((bar) => {
    const value = bar.value(evaluation, bar.kind);
    const shown = bar.label === 'no trap flagged' ? trapText(evaluation, bar.kind) : formatMetric(value);
    const verdict = value === null ? 'not judged yet' : value >= bar.floor ? 'met' : 'MISSED';
    const floor = bar.label === 'no trap flagged' ? '' : ` (≥ ${bar.floor})`;
    return `  ${bar.kind} ${bar.label}${floor}: ${shown}  ${verdict}`;
  });
}

const trapText = (evaluation: ArtefactEvaluation, kind: ArtefactKind): string =>
  `${evaluation.traps[kind].flagged} of ${evaluation.traps[kind].traps} flagged`;

function exampleText(example: ArtefactExample): string {
  const fix =
    example.replacement !== undefined
      ? ` -> ${example.replacement === null ? '(flag only)' : JSON.stringify(example.replacement)}`
      : '';
  const wanted = example.fixed !== undefined ? ` (fixed: ${JSON.stringify(example.fixed)})` : '';
  const note = example.note
    ? `  [${example.note.length > 70 ? `${example.note.slice(0, 67)}...` : example.note}]`
    : '';
  return `    ${example.line}:${example.column} ${example.kind} ${JSON.stringify(example.text)}${fix}${wanted}${note}`;
}

function examplesText(details: ArtefactDetails, limit: number): string[] {
  const out: string[] = [];
  const list = (title: string, examples: readonly ArtefactExample[]): void => {
    if (examples.length === 0) return;
    const shown = examples.slice(0, limit);
    out.push(`  ${title} (${examples.length}${examples.length > limit ? `, first ${limit}` : ''}):`);
    for (const example of shown) out.push(exampleText(example));
  };
  list('missed', details.missed);
  list('false alarms', details.falseAlarms);
  list('traps flagged', details.trapsFlagged);
  list('wrong fixes', details.wrongFixes);
  return out;
}

export function artefactSectionText(section: ArtefactSection, exampleLimit: number): string {
  const { evaluation } = section;
  const doubtful = ARTEFACT_KINDS.map((kind) => evaluation.doubtful[kind]).reduce((a, b) => a + b, 0);
  const out = [
    `${section.title}${doubtful > 0 ? ` (${doubtful} doubtful spans not counted either way)` : ''}`,
    table(evaluation),
    'issue 3 bars:',
    ...barVerdicts(evaluation),
  ];
  if (section.perForm) {
    out.push(
      'recall per injected form:',
      formatTable(
        ['form', 'kind', 'found', 'of', 'recall'],
        section.perForm.map((form) => [
          form.form,
          form.kind,
          String(form.found),
          String(form.artefacts),
          formatMetric(form.artefacts === 0 ? null : form.found / form.artefacts),
        ]),
      ),
    );
  }
  out.push(...examplesText(section.details, exampleLimit));
  return out.join('\n');
}

export function artefactSectionJson(
  section: ArtefactSection,
  exampleLimit?: number,
): Record<string, unknown> {
  const { evaluation, details } = section;
  const rows: Record<string, unknown> = {};
  for (const kind of ARTEFACT_KINDS) {
    const counts = evaluation.rows[kind];
    rows[kind] = {
      ...counts,
      precision: metric(precision(counts)),
      recall: metric(recall(counts)),
      f1: metric(f1(counts)),
      traps: evaluation.traps[kind],
      fixes: { ...evaluation.fixes[kind], rate: metric(fixRate(evaluation.fixes[kind])) },
      notCounted: evaluation.ignored[kind],
      doubtful: evaluation.doubtful[kind],
    };
  }
  const cut = <T>(items: readonly T[]): T[] =>
    exampleLimit === undefined ? [...items] : items.slice(0, exampleLimit);
  return {
    documents: section.documents,
    rows,
    bars: ISSUE_BARS.map((bar) => {
      const value = bar.value(evaluation, bar.kind);
      return {
        kind: bar.kind,
        bar: bar.label,
        floor: bar.floor,
        value: metric(value),
        met: value === null ? null : value >= bar.floor,
      };
    }),
    ...(section.perForm ? { perForm: section.perForm } : {}),
    missed: cut(details.missed),
    falseAlarms: cut(details.falseAlarms),
    trapsFlagged: cut(details.trapsFlagged),
    wrongFixes: cut(details.wrongFixes),
  };
}
