/**
 * `npm run eval` (`--json` for one JSON object instead of tables): scores the analyser against
 * known truth and prints a report. It is a report, not a test: it always exits 0.
 *
 * (a) the hand-labelled seed: fixtures/seed.txt against fixtures/seed/labels.json;
 * (b) generated layouts: every extraction style × a few seeds × fixtures/clean/*.txt;
 * (c) the furniture-free style: every furniture finding there is a false alarm;
 * (d) furniture leaks in the three CASI documents (../shared/corpus/, read at run time): the
 *     furniture lines a default clean (confidence ≥ 0.8 accepted) leaves in the edition;
 * (e) translation-engine artefacts (doubled phrases, quotes, spacing, capitals in mid-sentence):
 *     the seed against fixtures/seed/artefacts.json, the texts inject-artefacts.ts makes from the
 *     clean prose, and the false alarms on the generated layouts of (b), where nothing is injected.
 */

import * as fs from 'fs';
import * as path from 'path';
import {
  acceptAll,
  analyse,
  applyEdits,
  decodeText,
  selectEdits,
  type Analysis,
  type Kind,
} from '../../src/analyser';
import { artefactSectionJson, artefactSectionText, type ArtefactSection } from './artefact-report';
import { CASI_RULES } from './casi-furniture';
import { loadCleanDocuments, REPO_ROOT } from './clean-text';
import { rawLines } from './extraction-check';
import { FURNITURE_FREE_STYLE, STYLES } from './extraction-styles';
import { generateExtraction } from './fake-extraction';
import { generateInjectedTexts, INJECTION_SEEDS } from './inject-artefacts';
import {
  emptyArtefactEvaluation,
  emptyEvaluation,
  evaluate,
  evaluateArtefacts,
  f1,
  leakedFurniture,
  mergeArtefactEvaluations,
  mergeEvaluations,
  precision,
  recall,
  SCORED_ROWS,
  type ArtefactDetails,
  type ArtefactEvaluation,
  type Counts,
  type Evaluation,
} from './match';
import { formatCalibration, formatScoreTable, formatTable, metric } from './report-table';
import type { ArtefactKind, Truth } from './truth';

const SEEDS = [1, 2, 3];
const CLEAN_MIN_CONFIDENCE = 0.8;
const SEED_TEXT = path.join(REPO_ROOT, 'fixtures', 'seed.txt');
const SEED_LABELS = path.join(REPO_ROOT, 'fixtures', 'seed', 'labels.json');
const SEED_ARTEFACTS = path.join(REPO_ROOT, 'fixtures', 'seed', 'artefacts.json');
/** How many misses, false alarms, flagged traps and wrong fixes the text report lists per section. */
const EXAMPLES_SHOWN = 12;
const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
const FURNITURE_KINDS: readonly Kind[] = ['running-header', 'page-number'];
/** Kinds that need pages: on text without pages every one of them is a false alarm. */
const PAGE_KINDS: readonly Kind[] = ['footnote', 'footnote-marker', 'page-break'];

interface Run {
  analysis: Analysis;
  /** The analyser threw: the message, and the analysis counts as empty. */
  error?: string;
  ms: number;
}

interface ScoredSection {
  documents: number;
  analyserErrors: string[];
  analyseMs: number;
  evaluation: Evaluation;
}

interface StyleScore {
  style: string;
  documents: number;
  furniture: Counts;
}

interface FurnitureFree {
  style: string;
  documents: number;
  /** running-header and page-number findings: each one is a false alarm. Must be 0. */
  furnitureFindings: number;
  /** footnote, footnote-marker and page-break findings on text without pages. Should be 0. */
  pageFindings: number;
}

interface LeakResult {
  file: string;
  rule: string;
  skipped?: string;
  furnitureLines?: number;
  leaked?: number;
  /** The first few leaked lines, for a look. */
  examples?: Array<{ line: number; text: string }>;
  findings?: number;
  appliedEdits?: number;
  error?: string;
}

function runAnalyser(text: string): Run {
  const started = performance.now();
  try {
    const analysis = analyse(text, {});
    return { analysis, ms: performance.now() - started };
  } catch (error) {
    return {
      analysis: { length: text.length, findings: [], headings: [] },
      error: error instanceof Error ? error.message : String(error),
      ms: performance.now() - started,
    };
  }
}

function readText(file: string): string {
  return decodeText(new Uint8Array(fs.readFileSync(file)));
}

// ---- (a) the seed ----------------------------------------------------------------------------

function asTruth(value: unknown): Truth | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = ('truth' in value ? (value as { truth: unknown }).truth : value) as Record<string, unknown>;
  const fields = ['furniture', 'footnotes', 'markers', 'pageBreaks', 'hyphens', 'blockEnds', 'headings'];
  if (!fields.some((field) => Array.isArray(record[field]))) return null;
  const list = (field: string): never[] => (Array.isArray(record[field]) ? (record[field] as never[]) : []);
  return {
    furniture: list('furniture'),
    footnotes: list('footnotes'),
    markers: list('markers'),
    pageBreaks: list('pageBreaks'),
    hyphens: list('hyphens'),
    blockEnds: list('blockEnds'),
    headings: list('headings'),
  };
}

type Skipped = { skipped: string };

function evaluateSeed(): (ScoredSection & { file: string; artefacts: ArtefactSection | Skipped }) | Skipped {
  if (!fs.existsSync(SEED_TEXT)) return { skipped: `${path.relative(REPO_ROOT, SEED_TEXT)} is missing` };
  if (!fs.existsSync(SEED_LABELS))
    return { skipped: `${path.relative(REPO_ROOT, SEED_LABELS)} is missing (being labelled?)` };
  let truth: Truth | null;
  try {
    truth = asTruth(JSON.parse(fs.readFileSync(SEED_LABELS, 'utf8')));
  } catch (error) {
    return { skipped: `${path.relative(REPO_ROOT, SEED_LABELS)} is not JSON: ${(error as Error).message}` };
  }
  if (!truth) return { skipped: `${path.relative(REPO_ROOT, SEED_LABELS)} does not hold a Truth` };
  const text = readText(SEED_TEXT);
  const run = runAnalyser(text);
  return {
    file: path.relative(REPO_ROOT, SEED_TEXT),
    documents: 1,
    analyserErrors: run.error ? [run.error] : [],
    analyseMs: run.ms,
    evaluation: evaluate(text, run.analysis, truth),
    artefacts: seedArtefacts(text, run, truth),
  };
}

/** The seed's artefact labels (fixtures/seed/artefacts.json), scored with labels.json's layout. */
function seedArtefacts(text: string, run: Run, truth: Truth): ArtefactSection | Skipped {
  const file = path.relative(REPO_ROOT, SEED_ARTEFACTS);
  if (!fs.existsSync(SEED_ARTEFACTS)) return { skipped: `${file} is missing` };
  let labels: Pick<Truth, 'artefacts' | 'traps'>;
  try {
    labels = JSON.parse(fs.readFileSync(SEED_ARTEFACTS, 'utf8')) as Pick<Truth, 'artefacts' | 'traps'>;
  } catch (error) {
    return { skipped: `${file} is not JSON: ${(error as Error).message}` };
  }
  const scored = evaluateArtefacts(text, run.analysis, {
    ...truth,
    artefacts: labels.artefacts,
    traps: labels.traps,
  });
  const count = labels.artefacts?.filter((label) => !label.doubtful).length ?? 0;
  return {
    title:
      `Seed: ${path.relative(REPO_ROOT, SEED_TEXT)} against ${file} (${count} artefacts, ` +
      `${labels.traps?.length ?? 0} traps)${run.error ? `; the analyser threw: ${run.error}` : ''}`,
    documents: 1,
    evaluation: scored,
    details: scored.details,
  };
}

// ---- (e) injected artefacts ------------------------------------------------------------------

function evaluateInjected(): ArtefactSection & { analyserErrors: string[] } {
  const documents = generateInjectedTexts();
  const total = emptyArtefactEvaluation();
  const details: ArtefactDetails = { missed: [], falseAlarms: [], trapsFlagged: [], wrongFixes: [] };
  const forms = new Map<string, { form: string; kind: ArtefactKind; artefacts: number; found: number }>();
  const errors: string[] = [];
  for (const document of documents) {
    const run = runAnalyser(document.text);
    if (run.error) errors.push(`${document.name}: ${run.error}`);
    const scored = evaluateArtefacts(document.text, run.analysis, document.truth);
    mergeArtefactEvaluations(total, scored);
    const named = (examples: ArtefactDetails['missed']): ArtefactDetails['missed'] =>
      examples.map((example) => ({
        ...example,
        note: `${document.name}${example.note ? `: ${example.note}` : ''}`,
      }));
    details.missed.push(...named(scored.details.missed));
    details.falseAlarms.push(...named(scored.details.falseAlarms));
    details.trapsFlagged.push(...named(scored.details.trapsFlagged));
    details.wrongFixes.push(...named(scored.details.wrongFixes));
    const missed = new Set(scored.details.missed.map((example) => `${example.line}:${example.column}`));
    for (const label of document.truth.artefacts ?? []) {
      const form = label.note ?? label.kind;
      const entry = forms.get(form) ?? { form, kind: label.kind, artefacts: 0, found: 0 };
      entry.artefacts++;
      if (!missed.has(`${label.line}:${label.column}`)) entry.found++;
      forms.set(form, entry);
    }
  }
  const sources = new Set(documents.map((document) => document.name.split('~')[0]));
  const artefacts = [...forms.values()].reduce((sum, form) => sum + form.artefacts, 0);
  const traps = documents.reduce((sum, document) => sum + (document.truth.traps?.length ?? 0), 0);
  return {
    title:
      `Injected: ${documents.length} texts (${sources.size} clean documents x seeds ${INJECTION_SEEDS.join(', ')}), ` +
      `${artefacts} artefacts, ${traps} traps` +
      (errors.length ? `; the analyser threw on ${errors.length}: ${errors[0]}` : ''),
    documents: documents.length,
    evaluation: total,
    details,
    perForm: [...forms.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.form.localeCompare(b.form)),
    analyserErrors: errors,
  };
}

// ---- (b) and (c) generated layouts -----------------------------------------------------------

function evaluateGenerated(): ScoredSection & {
  styles: StyleScore[];
  seeds: number[];
  cleanDocuments: string[];
  furnitureFree: FurnitureFree;
  /** The four artefact kinds on layouts of clean prose: every counted finding is a false alarm. */
  artefactFalseAlarms: ArtefactEvaluation;
} {
  const documents = loadCleanDocuments();
  const total = emptyEvaluation();
  const artefactFalseAlarms = emptyArtefactEvaluation();
  const errors: string[] = [];
  const styles: StyleScore[] = [];
  const furnitureFree: FurnitureFree = {
    style: FURNITURE_FREE_STYLE,
    documents: 0,
    furnitureFindings: 0,
    pageFindings: 0,
  };
  let analyseMs = 0;
  let count = 0;
  for (const style of STYLES) {
    const score: StyleScore = { style: style.name, documents: 0, furniture: { tp: 0, fp: 0, fn: 0 } };
    for (const seed of SEEDS) {
      for (const document of documents) {
        const extraction = generateExtraction(document, style, seed);
        const run = runAnalyser(extraction.text);
        analyseMs += run.ms;
        if (run.error) errors.push(`${extraction.name}: ${run.error}`);
        const evaluation = evaluate(extraction.text, run.analysis, extraction.truth);
        mergeEvaluations(total, evaluation);
        mergeArtefactEvaluations(
          artefactFalseAlarms,
          evaluateArtefacts(extraction.text, run.analysis, extraction.truth),
        );
        score.documents++;
        count++;
        score.furniture.tp += evaluation.rows.furniture.tp;
        score.furniture.fp += evaluation.rows.furniture.fp;
        score.furniture.fn += evaluation.rows.furniture.fn;
        if (style.name === FURNITURE_FREE_STYLE) {
          furnitureFree.documents++;
          for (const finding of run.analysis.findings) {
            if (FURNITURE_KINDS.includes(finding.kind)) furnitureFree.furnitureFindings++;
            if (PAGE_KINDS.includes(finding.kind)) furnitureFree.pageFindings++;
          }
        }
      }
    }
    styles.push(score);
  }
  return {
    documents: count,
    seeds: SEEDS,
    cleanDocuments: documents.map((document) => document.name),
    analyserErrors: errors,
    analyseMs,
    evaluation: total,
    styles,
    furnitureFree,
    artefactFalseAlarms,
  };
}

// ---- (d) CASI furniture leaks ----------------------------------------------------------------

function furnitureLeaks(): LeakResult[] {
  return CASI_RULES.map((rule): LeakResult => {
    const file = path.join(CORPUS, rule.file);
    const result: LeakResult = { file: rule.file, rule: rule.description };
    if (!fs.existsSync(file)) return { ...result, skipped: `${file} is absent` };
    const text = readText(file);
    const lines = rawLines(text);
    const furniture = rule.find(lines);
    result.furnitureLines = furniture.length;
    const run = runAnalyser(text);
    if (run.error) result.error = `analyse threw: ${run.error}`;
    const findings = run.analysis.findings;
    result.findings = findings.length;
    let applied: Array<{ start: number; end: number }> = [];
    try {
      const { edits } = selectEdits(
        findings,
        acceptAll(findings, (f) => f.confidence >= CLEAN_MIN_CONFIDENCE),
      );
      applied = applyEdits(text, edits).applied;
    } catch (error) {
      result.error = `the default clean failed: ${(error as Error).message}`;
    }
    result.appliedEdits = applied.length;
    const leaked = leakedFurniture(text, furniture, applied);
    result.leaked = leaked.length;
    result.examples = leaked.slice(0, 3).map((line) => ({ line, text: lines[line - 1]!.trim() }));
    return result;
  });
}

// ---- output ----------------------------------------------------------------------------------

function rowsOf(evaluation: Evaluation): Array<{ name: string; counts: Counts }> {
  return SCORED_ROWS.map((row) => ({
    name: row === 'running-header' || row === 'page-number' ? `  ${row}` : row,
    counts: evaluation.rows[row],
  }));
}

function sectionText(section: ScoredSection): string {
  const { evaluation } = section;
  const hyphens = evaluation.hyphenDecisions;
  const accuracy = hyphens.truth === 0 ? '-' : (hyphens.right / hyphens.truth).toFixed(3);
  const unscored = Object.entries(evaluation.unscored)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  const out = [
    formatScoreTable(rowsOf(evaluation)),
    '',
    `hyphenation decisions: ${hyphens.right} right, ${hyphens.wrong} wrong, ${hyphens.undecided} flagged without a ` +
      `replacement, of ${hyphens.truth} hyphens (found ${hyphens.found}); decision accuracy ${accuracy}`,
    `findings of kinds without truth here: ${unscored || 'none'}`,
    `analyse: ${section.documents} document(s) in ${Math.round(section.analyseMs)} ms` +
      (section.analyserErrors.length
        ? `; it threw on ${section.analyserErrors.length}: ${section.analyserErrors[0]}`
        : ''),
    '',
    'calibration (scored findings by confidence):',
    formatCalibration(evaluation.calibration),
  ];
  return out.join('\n');
}

function sectionJson(section: ScoredSection): Record<string, unknown> {
  const { evaluation } = section;
  const rows: Record<string, unknown> = {};
  for (const row of SCORED_ROWS) {
    const counts = evaluation.rows[row];
    rows[row] = {
      ...counts,
      precision: metric(precision(counts)),
      recall: metric(recall(counts)),
      f1: metric(f1(counts)),
    };
  }
  const hyphens = evaluation.hyphenDecisions;
  return {
    documents: section.documents,
    analyseMs: Math.round(section.analyseMs),
    analyserErrors: section.analyserErrors,
    rows,
    hyphenation: {
      ...hyphens,
      foundRecall: metric(hyphens.truth === 0 ? null : hyphens.found / hyphens.truth),
      precision: metric(precision(evaluation.rows.hyphenation)),
      decisionAccuracy: metric(hyphens.truth === 0 ? null : hyphens.right / hyphens.truth),
    },
    calibration: evaluation.calibration.map((bucket) => ({
      ...bucket,
      precision: metric(bucket.findings === 0 ? null : bucket.correct / bucket.findings),
    })),
    unscored: evaluation.unscored,
  };
}

function main(argv: readonly string[]): void {
  const seed = evaluateSeed();
  const generated = evaluateGenerated();
  const leaks = furnitureLeaks();
  const injected = evaluateInjected();
  const seedArtefactSection = 'skipped' in seed ? seed : seed.artefacts;
  const layoutFalseAlarms = Object.fromEntries(
    Object.entries(generated.artefactFalseAlarms.rows).map(([kind, counts]) => [kind, counts.fp]),
  );

  if (argv.includes('--json')) {
    const report = {
      seed: 'skipped' in seed ? seed : { file: seed.file, ...sectionJson(seed) },
      generated: {
        styles: STYLES.length,
        seeds: generated.seeds,
        cleanDocuments: generated.cleanDocuments,
        ...sectionJson(generated),
        perStyle: generated.styles.map((style) => ({
          style: style.style,
          documents: style.documents,
          furniture: { ...style.furniture, f1: metric(f1(style.furniture)) },
        })),
      },
      furnitureFree: generated.furnitureFree,
      casiLeaks: leaks,
      artefacts: {
        seed:
          'skipped' in seedArtefactSection ? seedArtefactSection : artefactSectionJson(seedArtefactSection),
        injected: { ...artefactSectionJson(injected, 50), analyserErrors: injected.analyserErrors },
        layoutFalseAlarms,
      },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }

  const out: string[] = ['Galley quality evaluation: analyser findings scored against known truth', ''];
  out.push('== (a) Hand-labelled seed');
  if ('skipped' in seed) out.push(`skipped: ${seed.skipped}`);
  else out.push(`${seed.file} against fixtures/seed/labels.json`, '', sectionText(seed));
  out.push('(doubled-phrase, quote, spacing and capitals in mid-sentence are scored in (e))');
  out.push('');

  out.push(
    `== (b) Generated layouts: ${STYLES.length} styles x ${generated.seeds.length} seeds x ` +
      `${generated.cleanDocuments.length} clean documents = ${generated.documents} extractions`,
    '',
    sectionText(generated),
    '',
    'furniture per style:',
    formatTable(
      ['style', 'TP', 'FP', 'FN', 'F1'],
      generated.styles.map((style) => {
        const score = f1(style.furniture);
        return [
          style.style,
          String(style.furniture.tp),
          String(style.furniture.fp),
          String(style.furniture.fn),
          score === null ? '-' : score.toFixed(3),
        ];
      }),
    ),
    '',
  );

  const free = generated.furnitureFree;
  out.push(
    `== (c) Furniture-free text (style "${free.style}", ${free.documents} extractions)`,
    `furniture findings: ${free.furnitureFindings} (must be 0)${free.furnitureFindings === 0 ? '' : '  <-- FALSE ALARMS'}`,
    `footnote / marker / page-break findings: ${free.pageFindings} (should be 0)`,
    '',
  );

  out.push(
    `== (d) Furniture leaks in the CASI documents (default clean: confidence >= ${CLEAN_MIN_CONFIDENCE} accepted)`,
  );
  out.push(
    formatTable(
      ['document', 'furniture', 'leaked', 'leak rate', 'findings', 'applied'],
      leaks.map((leak) =>
        leak.skipped
          ? [leak.file, 'skipped', '', '', '', '']
          : [
              leak.file,
              String(leak.furnitureLines),
              String(leak.leaked),
              leak.furnitureLines ? (leak.leaked! / leak.furnitureLines).toFixed(3) : '-',
              String(leak.findings),
              String(leak.appliedEdits),
            ],
      ),
    ),
  );
  for (const leak of leaks) {
    if (leak.skipped) out.push(`${leak.file}: skipped, ${leak.skipped}`);
    else out.push(`${leak.file}: furniture = ${leak.rule}`);
    if (leak.error) out.push(`  ${leak.error}`);
    if (leak.examples?.length) {
      out.push(
        `  leaked, e.g. ${leak.examples.map((example) => `line ${example.line} "${example.text}"`).join(', ')}`,
      );
    }
  }
  out.push(
    '',
    '== (e) Translation-engine artefacts: doubled phrases, quotes, spacing, capitals in mid-sentence',
    '(a finding is right when it overlaps a labelled span of its kind; traps are spans that must stay',
    'unflagged; fixes: the replacement gives exactly the labelled correction; "not counted": findings on',
    'doubtful spans, in furniture and notes, or capitals after page breaks, which (a) and (b) judge)',
    '',
  );
  if ('skipped' in seedArtefactSection) out.push(`Seed: skipped, ${seedArtefactSection.skipped}`);
  else out.push(artefactSectionText(seedArtefactSection, EXAMPLES_SHOWN));
  out.push('', artefactSectionText(injected, EXAMPLES_SHOWN), '');
  out.push(
    `False alarms on the generated layouts of (b) (clean prose, nothing injected): ` +
      Object.entries(layoutFalseAlarms)
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', '),
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  // A report, not a test: say what went wrong and still exit 0.
  process.stdout.write(
    `evaluation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
}
process.exitCode = 0;
