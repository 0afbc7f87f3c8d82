/**
 * Injects translation-engine artefacts (doubled phrases, quote breaks, spacing errors, capitals in
 * mid-sentence) into clean prose at seeded random places, with their exact truth: the kind, the
 * line and column, the source text of the span and the text it should read (`fixed`). It also
 * inserts sentences that carry the traps issue 3 names (idioms, grammatical doubles, names,
 * apostrophes, inch marks, "G20", titles) and labels the traps the clean prose already holds, so
 * that the evaluation counts every one a detector flags.
 *
 * The text is then wrapped at a random measure (60 to 100) by turning spaces into line breaks, one
 * for one, so every offset stays put and some artefacts cross a line break (two doubled phrases
 * per text on purpose). Blocks are separated by a blank line for odd seeds and by a bare line
 * break for even ones, as in the seed. There are no pages here: fake-extraction.ts re-wraps and
 * squeezes white space, which would move or erase the artefacts, so the page layouts stay its
 * business.
 *
 * Deterministic: the same document and seed give the same text and truth. Before a document is
 * returned, its truth is checked: every span reads its `text`, and accepting every `fixed` gives
 * back the clean prose with the trap sentences in it; a generator bug throws instead of scoring.
 */

import * as path from 'path';
import {
  CAPITAL_FORMS,
  DOUBLED_FORMS,
  QUOTE_FORMS,
  quotationRanges,
  SPACING_FORMS,
  type BlockEdit,
  type Form,
  type PlannedArtefact,
  type PlannedTrap,
  type Range,
} from './artefact-forms';
import { TRAP_PATTERNS, TRAP_SENTENCES } from './artefact-traps.data';
import {
  loadCleanDocuments,
  parseCleanText,
  REPO_ROOT,
  type CleanBlock,
  type CleanDocument,
} from './clean-text';
import { createRandom, hashString, type Random } from './random';
import { emptyTruth, type ArtefactLabel, type LabelledDocument, type TrapLabel, type Truth } from './truth';

export const INJECTION_SEEDS = [1, 2, 3];

/** Clean prose written for this generator: quotations of every style, idioms and traps. */
export const QUOTATIONS_DIRECTORY = path.join(REPO_ROOT, 'fixtures', 'clean', 'quotations');

/** How many edits of each form a text gets (fewer when no block offers a free site). */
const PLAN: ReadonlyArray<readonly [Form, number]> = [
  ...QUOTE_FORMS.map((form) => [form, 1] as const),
  ...DOUBLED_FORMS.map(
    (form) => [form, form.name === '"the the"' || form.name === '"X and X"' ? 2 : 1] as const,
  ),
  ...SPACING_FORMS.map((form) => [form, form.name === 'space before punctuation' ? 2 : 1] as const),
  ...CAPITAL_FORMS.map((form) => [form, form.name === 'capital in mid-sentence' ? 2 : 1] as const),
];
const TRAP_SENTENCES_PER_TEXT = 6;
const ATTEMPTS = 24;

export interface InjectedDocument extends LabelledDocument {
  /** How many artefacts of each form the text carries. */
  forms: Record<string, number>;
}

interface BlockPlan {
  block: CleanBlock;
  edits: BlockEdit[];
  /** Traps the clean block already holds, in its own offsets. */
  traps: Array<Range & Pick<PlannedTrap, 'kinds' | 'note'>>;
}

/** Absolute spans in the generated text, before they become labels. */
interface Placed extends Range {
  artefact?: PlannedArtefact;
  trap?: Pick<PlannedTrap, 'kinds' | 'note'>;
}

/** fixtures/clean/*.txt (the prose of the layout evaluation) and fixtures/clean/quotations/*.txt. */
export function loadInjectionSources(): CleanDocument[] {
  return [...loadCleanDocuments(), ...loadCleanDocuments(QUOTATIONS_DIRECTORY)];
}

export function generateInjectedTexts(
  seeds: readonly number[] = INJECTION_SEEDS,
  sources: readonly CleanDocument[] = loadInjectionSources(),
): InjectedDocument[] {
  return seeds.flatMap((seed) => sources.map((source) => injectArtefacts(source, seed)));
}

export function injectArtefacts(doc: CleanDocument, seed: number): InjectedDocument {
  const random = createRandom(hashString(`${doc.name}|artefacts`, seed >>> 0));
  const plans: BlockPlan[] = parseCleanText(doc.text).map((block) => ({
    block,
    edits: [],
    traps: findTraps(block.text),
  }));
  planTrapSentences(plans, random);
  for (const [form, count] of PLAN) {
    for (let i = 0; i < count; i++) planForm(plans, form, random);
  }

  const width = random.int(60, 100);
  const separator = seed % 2 === 1 ? '\n\n' : '\n';
  const blocks = plans.map((plan) => applyEdits(plan));
  let text = '';
  let intended = '';
  const placed: Placed[] = [];
  blocks.forEach((block, index) => {
    if (index > 0) {
      text += separator;
      intended += separator;
    }
    const offset = text.length;
    text += wrap(block.text, width, block.placed);
    intended += block.intended;
    for (const span of block.placed)
      placed.push({ ...span, start: span.start + offset, end: span.end + offset });
  });
  text += '\n';
  intended += '\n';

  const truth = labelsOf(text, placed);
  const forms: Record<string, number> = {};
  for (const span of placed) {
    if (span.artefact) forms[span.artefact.form] = (forms[span.artefact.form] ?? 0) + 1;
  }
  const injected: InjectedDocument = { name: `${doc.name}~artefacts~${seed}`, text, truth, forms };
  checkInjection(injected, placed, intended);
  return injected;
}

// ---- planning ----------------------------------------------------------------------------------

function findTraps(text: string): BlockPlan['traps'] {
  const traps: BlockPlan['traps'] = [];
  for (const { pattern, kinds, note } of TRAP_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      traps.push({ start: match.index, end: match.index + match[0].length, kinds, note });
    }
  }
  return traps;
}

const overlap = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;

function isFreeIn(plan: BlockPlan): (reserve: Range, changed?: readonly Range[]) => boolean {
  return (reserve, changed = [reserve]) =>
    reserve.start >= 0 &&
    reserve.end <= plan.block.text.length + 2 &&
    !plan.edits.some((edit) => overlap(edit.reserve, reserve)) &&
    !changed.some((range) => plan.traps.some((trap) => overlap(trap, range)));
}

function planForm(plans: readonly BlockPlan[], form: Form, random: Random): void {
  const candidates = plans.filter((plan) => (plan.block.kind === 'heading') === !!form.headings);
  if (candidates.length === 0) return;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const plan = random.pick(candidates);
    const edit = form.propose(plan.block.text, random, isFreeIn(plan));
    if (edit) {
      plan.edits.push(edit);
      return;
    }
  }
}

/**
 * Trap sentences go between two sentences of a paragraph, outside its quotations: "... end. [trap
 * sentence] Next ...".
 */
function planTrapSentences(plans: readonly BlockPlan[], random: Random): void {
  const paragraphs = plans.filter((plan) => plan.block.kind === 'paragraph');
  const first = random.int(0, TRAP_SENTENCES.length - 1);
  for (let i = 0; i < TRAP_SENTENCES_PER_TEXT; i++) {
    const entry = TRAP_SENTENCES[(first + i) % TRAP_SENTENCES.length]!;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const plan = random.pick(paragraphs);
      const isFree = isFreeIn(plan);
      const quotations = quotationRanges(plan.block.text);
      const sites = [...plan.block.text.matchAll(/(?<=[a-z0-9][.!?]) (?=[A-Z])/g)]
        .map((match) => match.index + 1)
        .filter((at) => isFree({ start: at - 2, end: at + 1 }))
        .filter((at) => !quotations.some((range) => range.start < at && at < range.end));
      if (sites.length === 0) continue;
      const at = random.pick(sites);
      const insert = `${entry.sentence} `;
      const traps = entry.traps.map((trap) => {
        const start = nthIndex(insert, trap.text, trap.nth ?? 0);
        return { start, end: start + trap.text.length, kinds: trap.kinds, note: trap.note };
      });
      const artefacts: PlannedArtefact[] = [];
      let intended = insert;
      if (entry.artefact) {
        const start = nthIndex(insert, entry.artefact.text, 0);
        artefacts.push({ ...entry.artefact, start, end: start + entry.artefact.text.length });
        intended =
          insert.slice(0, start) + entry.artefact.fixed + insert.slice(start + entry.artefact.text.length);
      }
      plan.edits.push({
        at,
        remove: 0,
        insert,
        intended,
        reserve: { start: at - 2, end: at + 1 },
        artefacts,
        traps,
      });
      break;
    }
  }
}

function nthIndex(text: string, part: string, nth: number): number {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(part, index + 1);
    if (index === -1) throw new Error(`trap "${part}" is not in "${text}"`);
  }
  return index;
}

// ---- the edited block --------------------------------------------------------------------------

interface EditedBlock {
  text: string;
  intended: string;
  /** Spans in the edited block; `breakAt` marks become forced breaks (a zero-width span). */
  placed: Array<Placed & { forceBreak?: boolean }>;
}

function applyEdits(plan: BlockPlan): EditedBlock {
  const source = plan.block.text;
  const edits = [...plan.edits].sort((a, b) => a.at - b.at);
  let text = '';
  let intended = '';
  let cursor = 0;
  const placed: EditedBlock['placed'] = [];
  const starts: number[] = [];
  for (const edit of edits) {
    if (edit.at < cursor) throw new Error(`overlapping edits in "${source.slice(0, 40)}..."`);
    text += source.slice(cursor, edit.at);
    intended += source.slice(cursor, edit.at);
    const at = text.length;
    starts.push(at);
    text += edit.insert;
    intended += edit.intended;
    cursor = edit.at + edit.remove;
    for (const artefact of edit.artefacts)
      placed.push({ start: at + artefact.start, end: at + artefact.end, artefact });
    for (const trap of edit.traps) placed.push({ start: at + trap.start, end: at + trap.end, trap });
    if (edit.breakAt !== undefined)
      placed.push({ start: at + edit.breakAt, end: at + edit.breakAt, forceBreak: true });
  }
  text += source.slice(cursor);
  intended += source.slice(cursor);

  // The clean block's own traps, moved by the edits before them (or kept inside a quotation).
  const moved = (offset: number): number | null => {
    let shift = 0;
    for (const [i, edit] of edits.entries()) {
      if (offset < edit.at) break;
      if (offset < edit.at + edit.remove) {
        if (!edit.keep || offset < edit.keep.from || offset >= edit.keep.to) return null;
        return starts[i]! + edit.keep.at + (offset - edit.keep.from);
      }
      shift += edit.insert.length - edit.remove;
    }
    return offset + shift;
  };
  for (const trap of plan.traps) {
    const start = moved(trap.start);
    const end = moved(trap.end - 1);
    if (start === null || end === null)
      throw new Error(`an edit changed the trap "${source.slice(trap.start, trap.end)}"`);
    placed.push({ start, end: end + 1, trap });
  }
  return { text, intended, placed };
}

/**
 * Greedy wrapping at `width` by turning spaces into line breaks (so offsets do not move). A space
 * inside or next to a spacing artefact, next to a mark of a quote artefact, or inside a quote or
 * spacing trap never breaks ('low. "' stays on one line); a forced break always does.
 */
const QUOTE_MARK = /["“”'‘’]/;

function wrap(text: string, width: number, placed: EditedBlock['placed']): string {
  const forced = new Set<number>();
  const kept = new Set<number>();
  for (const span of placed) {
    if ('forceBreak' in span && span.forceBreak) forced.add(span.start);
    if (span.artefact?.kind === 'spacing') {
      for (let i = span.start - 1; i <= span.end; i++) kept.add(i);
    } else if (span.artefact?.kind === 'quote') {
      for (let i = span.start; i < span.end; i++) {
        if (QUOTE_MARK.test(text[i]!)) kept.add(i - 1).add(i + 1);
      }
    } else if (span.trap?.kinds.some((kind) => kind === 'spacing' || kind === 'quote')) {
      for (let i = span.start; i < span.end; i++) kept.add(i);
    }
  }
  const out = text.split('');
  let lineStart = 0;
  let lastSpace = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ' && forced.has(i)) {
      out[i] = '\n';
      lineStart = i + 1;
      lastSpace = -1;
      continue;
    }
    if (i - lineStart >= width && lastSpace >= lineStart) {
      out[lastSpace] = '\n';
      lineStart = lastSpace + 1;
      lastSpace = -1;
    }
    if (text[i] === ' ' && !kept.has(i)) lastSpace = i;
  }
  return out.join('');
}

// ---- truth -------------------------------------------------------------------------------------

function labelsOf(text: string, placed: readonly Placed[]): Truth {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const position = (offset: number): { line: number; column: number } => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: [...text.slice(starts[low]!, offset)].length + 1 };
  };
  const artefacts: ArtefactLabel[] = [];
  const traps: TrapLabel[] = [];
  for (const span of [...placed].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const spanText = text.slice(span.start, span.end);
    if (span.artefact) {
      artefacts.push({
        kind: span.artefact.kind,
        ...position(span.start),
        text: spanText,
        fixed: carryLineBreaks(span.artefact.fixed, spanText),
        note: span.artefact.form,
      });
    } else if (span.trap) {
      traps.push({ ...position(span.start), text: spanText, kinds: span.trap.kinds, note: span.trap.note });
    }
  }
  return {
    ...emptyTruth(),
    artefacts,
    traps,
  };
}

/**
 * `fixed` was written for the unwrapped span; the wrapped span has line breaks where it had
 * spaces. The correction only changes the middle (what the two do not share at either end), so
 * the line breaks of the shared ends carry over: "hardships\nand hardships" → "hardships".
 */
function carryLineBreaks(fixed: string, wrapped: string): string {
  const unwrapped = wrapped.replace(/\n/g, ' ');
  let prefix = 0;
  while (prefix < fixed.length && prefix < unwrapped.length && fixed[prefix] === unwrapped[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < fixed.length - prefix &&
    suffix < unwrapped.length - prefix &&
    fixed[fixed.length - 1 - suffix] === unwrapped[unwrapped.length - 1 - suffix]
  )
    suffix++;
  return (
    wrapped.slice(0, prefix) +
    fixed.slice(prefix, fixed.length - suffix) +
    wrapped.slice(wrapped.length - suffix)
  );
}

/** Every span reads its text; accepting every `fixed` gives the intended prose (line breaks as spaces). */
function checkInjection(injected: InjectedDocument, placed: readonly Placed[], intended: string): void {
  const { text } = injected;
  const fail = (message: string): never => {
    throw new Error(`inject-artefacts ${injected.name}: ${message}`);
  };
  const artefacts = placed.filter((span) => span.artefact).sort((a, b) => a.start - b.start);
  const labels = injected.truth.artefacts ?? [];
  if (labels.length !== artefacts.length) fail('a label was lost');
  let fixedText = '';
  let cursor = 0;
  artefacts.forEach((span, i) => {
    const label = labels[i]!;
    if (text.slice(span.start, span.end) !== label.text)
      fail(`label ${label.line}:${label.column} does not read its text`);
    if (span.start < cursor) fail(`artefacts overlap at ${label.line}:${label.column}`);
    fixedText += text.slice(cursor, span.start) + label.fixed!;
    cursor = span.end;
  });
  fixedText += text.slice(cursor);
  const plain = (value: string): string => value.replace(/\n/g, ' ');
  if (plain(fixedText) !== plain(intended)) {
    let at = 0;
    while (plain(fixedText)[at] === plain(intended)[at]) at++;
    fail(
      `the fixes do not give back the prose near "${plain(fixedText).slice(Math.max(0, at - 40), at + 40)}"`,
    );
  }
}
