/**
 * The engine of the quote detector (quote.ts): reads every quotation mark of a paragraph by its
 * neighbours and pairs the double marks in order, noting what does not pair up as reports at
 * source offsets, which the detector turns into findings. Kept apart from the detector for its
 * size, not for reuse.
 */

import { firstAbove } from '../text/sorted';
import { buildTextView, sourceRange, textViewBuilder, type TextView } from '../text/text-view';
import type { DetectorOptions } from './detector';
import {
  CLOSES_BEFORE,
  ELISION,
  MESSAGE,
  OPENS_AFTER,
  SENTENCE_ENDS,
  isQuotationMark,
  isSpace,
  nearCjk,
} from './quote.data';
import { keepShapeOf } from '../keep-shape';

export type Style = NonNullable<DetectorOptions['quoteStyle']>;
type Role = 'opens' | 'closes';
const enum Shape {
  Open,
  Close,
  /** A space on each side: 'country. " 1'. */
  Detached,
  /** No space on either side: '217"JY-27'. */
  Inside,
}

export interface Mark {
  /** View offset. */
  at: number;
  length: number;
  glyph: string;
  /** A double mark, or a single one standing for a double ('"One Belt, One Belt''). */
  double: boolean;
  shape: Shape;
  /** After a digit and before a space: an inch mark unless it closes a quotation. */
  afterDigit: boolean;
  /** Flagged with no correction: its pair leaves it alone. */
  flagged: boolean;
  /** Opens a quotation right after one left unclosed: its pair is less certain. */
  uncertain: boolean;
  /** A correction wider than the mark: a space taken out or moved. `pad` follows the mark. */
  span: { from: number; to: number; pad: string; message: string; confidence: number } | undefined;
}

/**
 * The quotation marks `collect` reads, less the single ones between two letters ("China’s",
 * "don't", "People‘s"): read by their neighbours, those are apostrophes, passed over. A book has
 * tens of thousands of them, each a search of its own.
 */
const MARK = /["“”]|['‘’](?![A-Za-z])|(?<![A-Za-z])['‘’]/g;

/** A correction or flag the scan reports, at source offsets. */
export interface QuoteReport {
  start: number;
  end: number;
  replacement: string | null;
  confidence: number;
  message: string;
}

/**
 * The scan's state over the paragraphs of a body view, read and changed by the functions below.
 * Plain data and module functions rather than a class with callbacks (see keep-shape.ts).
 */
export interface QuoteScan {
  /** The body view's text, which the marks' offsets index. */
  text: string;
  view: TextView;
  /** The document, which the reports' offsets index. */
  source: string;
  /** Where each footnote marker starts in the document, in order. */
  notes: readonly number[];
  style: Style | undefined;
  straight: number;
  curly: number;
  /** Mismatched pairs that either style mends with one change: set at the end in the prevailing style. */
  pending: Array<[Mark, Mark]>;
  open: Mark | undefined;
  outer: Mark | undefined;
  single: Mark | undefined;
  /** A lone closing single mark while a double quotation is open. */
  singleCloser: Mark | undefined;
  /** A quotation the next paragraph's first mark closes. */
  carried: Mark | undefined;
  /** A mark that may close one quotation or open the next: the mark closing it is in doubt too. */
  questioned: Mark | undefined;
  found: number;
  reports: QuoteReport[];
}

export function quoteScan(
  view: TextView,
  source: string,
  notes: readonly number[],
  style: Style | undefined,
): QuoteScan {
  return {
    text: view.text,
    view,
    source,
    notes,
    style,
    straight: 0,
    curly: 0,
    pending: [],
    open: undefined,
    outer: undefined,
    single: undefined,
    singleCloser: undefined,
    carried: undefined,
    questioned: undefined,
    found: -1,
    reports: [],
  };
}

/** Pairs the marks of one paragraph; `next` holds the marks of the next, which starts at `nextStart`. */
export function scanParagraph(
  scan: QuoteScan,
  marks: readonly Mark[],
  end: number,
  next: readonly Mark[],
  nextStart: number,
): void {
  scan.open = scan.carried;
  scan.carried = scan.outer = scan.single = scan.singleCloser = undefined;
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i]!;
    if (!mark.double) readSingle(scan, mark);
    else if (scan.open) readWhileOpen(scan, mark, marks, i);
    else readWhileClosed(scan, mark, marks, i);
  }
  if (scan.open && scan.singleCloser) closeWith(scan, promote(scan, scan.singleCloser));
  if (scan.open && scan.outer) {
    flag(scan, scan.open, 0.75, MESSAGE.innerUnclosed);
    scan.open = scan.outer;
  }
  if (!scan.open) return;
  const first = next[0];
  const continues =
    first !== undefined && first.at === nextStart && first.double && first.shape === Shape.Open;
  if (continues) return;
  if (closes(next[nextDouble(next, -1)])) scan.carried = scan.open;
  else unclosed(scan, scan.open, end, MESSAGE.unclosed);
}

/** Sets the pairs that either style mends in the style that prevails in the document. */
export function finishScan(scan: QuoteScan): void {
  const prevailing: Style = scan.curly >= scan.straight ? 'curly' : 'straight';
  for (const [opening, closing] of scan.pending) emit(scan, opening, closing, prevailing);
}

function readSingle(scan: QuoteScan, mark: Mark): void {
  if (mark.shape === Shape.Open) scan.single ??= mark;
  else if (scan.single) {
    if (scan.style) emit(scan, scan.single, mark, scan.style);
    scan.single = undefined;
  } else if (scan.open && !scan.singleCloser && standsForDouble(scan.text, mark.at)) scan.singleCloser = mark;
}

function readWhileClosed(scan: QuoteScan, mark: Mark, marks: readonly Mark[], i: number): void {
  if (mark.afterDigit) return;
  if (mark.shape === Shape.Open || mark.shape === Shape.Inside) scan.open = mark;
  else if (mark.shape === Shape.Close && scan.single) {
    // "'One Belt, One Belt"": the single mark opened the double quotation.
    scan.open = promote(scan, scan.single);
    closeWith(scan, mark);
  } else if (mark.shape === Shape.Close) flag(scan, mark, 0.75, MESSAGE.stray);
  else if (closes(marks[nextDouble(marks, i)]) && isSpace(scan.text.charCodeAt(mark.at + mark.length))) {
    const to = skipSpaces(scan.text, mark.at + mark.length, 1);
    mark.span = { from: mark.at, to, pad: '', message: MESSAGE.spaceInOpening, confidence: 0.85 };
    scan.open = mark;
  } else flag(scan, mark, 0.7, MESSAGE.alone);
}

function readWhileOpen(scan: QuoteScan, mark: Mark, marks: readonly Mark[], i: number): void {
  const open = scan.open!;
  const spaces = skipSpaces(scan.text, mark.at, -1);
  if (mark.shape === Shape.Close || mark.shape === Shape.Inside) closeWith(scan, mark);
  else if (mark.shape === Shape.Detached) {
    const next = mark.at + mark.length;
    // 'country. " 1' → 'country." 1'; 'counties ", pupils' → 'counties", pupils'.
    const after = scan.text.charAt(next);
    const pad = after === '' || isSpace(after.charCodeAt(0)) || /[,.;:!?)\]]/.test(after) ? '' : ' ';
    mark.span = {
      from: spaces,
      to: mark.at + mark.length,
      pad,
      message: MESSAGE.spaceInClosing,
      confidence: 0.9,
    };
    closeWith(scan, mark);
  } else if (spaces < mark.at && SENTENCE_ENDS.has(scan.text.charCodeAt(spaces - 1))) {
    const closed = closes(marks[nextDouble(marks, i)]);
    if (closed && closeBeforeNote(scan, open.at, mark.at, closingFor(scan, open))) {
      // 'national policies. [1] “The Soviet Military Encyclopedia"': the note ends the quotation.
      open.flagged = true;
      scan.open = mark;
    } else if (closed) {
      // 'solitude is weak. "Win-win ... affairs." All': one mark is missing or one is stray.
      flag(scan, mark, 0.75, MESSAGE.missingOrStray);
      scan.questioned = mark;
      scan.open = mark;
    } else {
      // 'public. "Fairness and justice ...': nothing later closes the quotation.
      mark.span = {
        from: spaces,
        to: mark.at + mark.length,
        pad: ' ',
        message: MESSAGE.closesBefore,
        confidence: 0.8,
      };
      closeWith(scan, mark);
    }
  } else if (!scan.outer && nestedAt(marks, i, open)) {
    scan.outer = open;
    scan.open = mark;
  } else {
    if (scan.singleCloser) closeWith(scan, promote(scan, scan.singleCloser));
    else unclosed(scan, open, mark.at, MESSAGE.notClosedBeforeNext);
    // '259 “Military ... PDF. 260 "MW-1500 Microwave Communication System”': the new pair may
    // be the inner quotation that lacks its closing, if the unclosed one encloses it.
    mark.uncertain = true;
    scan.open = mark;
  }
}

function closeWith(scan: QuoteScan, closing: Mark): void {
  const opening = scan.open!;
  if (opening === scan.questioned) flag(scan, closing, 0.5, MESSAGE.strayIfMoved);
  const style = scan.style ?? cheapestStyle(opening, closing);
  if (style) emit(scan, opening, closing, style);
  else scan.pending.push([opening, closing]);
  if (scan.single && scan.single.at > opening.at) scan.single = undefined;
  scan.open = scan.outer;
  scan.outer = scan.singleCloser = undefined;
}

function promote(scan: QuoteScan, mark: Mark): Mark {
  mark.double = true;
  if (mark === scan.single) scan.single = undefined;
  return mark;
}

/** Sets a pair in `style`: errors for a mismatched pair, style changes for a matched one. */
function emit(scan: QuoteScan, opening: Mark, closing: Mark, style: Style): void {
  if (!opening.span && !closing.span && cost(opening, closing, style) === 0) return;
  const matched = cost(opening, closing, 'straight') === 0 || cost(opening, closing, 'curly') === 0;
  for (const [mark, partner, role] of [
    [opening, closing, 'opens'],
    [closing, opening, 'closes'],
  ] as const) {
    if (mark.flagged) continue;
    const want = glyphFor(style, role, mark.double);
    const { length, glyph, span } = mark;
    if (span) {
      const change = glyph === want ? '' : `, and write it ${want}`;
      report(scan, mark, want + span.pad, span.confidence, `${span.message}${change}.`, span);
    } else if (glyph !== want && matched) {
      report(scan, mark, want, 0.95, `Quotation marks are set ${style} in this edition: write ${want}.`);
    } else if (glyph !== want) {
      const other = role === 'opens' ? 'closed' : 'opened';
      const message = `This ${glyph} ${role} a quotation ${other} with ${partner.glyph}: write ${want}.`;
      const single = length === 1 && !/["“”]/.test(glyph);
      report(scan, mark, want, opening.uncertain ? 0.7 : single ? 0.85 : 0.9, message);
    }
  }
}

/**
 * A quotation opened at `mark` and still open at `to`: closed where a footnote marker after a
 * sentence shows its end ('into reality. 1 In March' → 'reality." 1'), flagged otherwise.
 */
function unclosed(scan: QuoteScan, mark: Mark, to: number, message: string): void {
  if (closeBeforeNote(scan, mark.at, to, closingFor(scan, mark))) mark.flagged = true;
  else flag(scan, mark, 0.8, message);
}

/** The mark that closes a quotation `opening` opens, when there is none. */
function closingFor(scan: QuoteScan, opening: Mark): string {
  return glyphFor(scan.style ?? (straight(opening) ? 'straight' : 'curly'), 'closes', true);
}

function flag(scan: QuoteScan, mark: Mark, confidence: number, message: string): void {
  mark.flagged = true;
  report(scan, mark, null, confidence, message);
}

/**
 * Reports a correction of `mark`, or of the wider `span` around it. A correction wider than the
 * mark may take out or move spaces, never furniture or notes: across a page break the mark alone
 * is flagged.
 */
function report(
  scan: QuoteScan,
  mark: Mark,
  replacement: string | null,
  confidence: number,
  message: string,
  span?: Mark['span'],
): void {
  const { start, end } = sourceRange(scan.view, span?.from ?? mark.at, span?.to ?? mark.at + mark.length);
  if (!span || /^\s*(?:["“”]|'')\s*$/.test(scan.source.slice(start, end))) {
    scan.reports.push({ start, end, replacement, confidence, message });
  } else {
    const alone = sourceRange(scan.view, mark.at, mark.at + mark.length);
    scan.reports.push({ start: alone.start, end: alone.end, replacement: null, confidence, message });
  }
}

/**
 * Closes the quotation open over the view range [from, to) with `glyph` where a footnote marker
 * after a sentence shows its end ('into reality. 1 In March' → 'reality." 1'); false if none does.
 */
function closeBeforeNote(scan: QuoteScan, from: number, to: number, glyph: string): boolean {
  const { source, notes } = scan;
  const { start, end } = sourceRange(scan.view, from, to);
  // The markers inside (start, end) only: a book has a thousand of them.
  for (let k = firstAbove(notes, start); k < notes.length && notes[k]! < end; k++) {
    let stop = notes[k]! - 1;
    while (stop > start && isSpace(source.charCodeAt(stop))) stop--;
    if (!SENTENCE_ENDS.has(source.charCodeAt(stop))) continue;
    scan.reports.push({
      start: stop,
      end: stop + 1,
      replacement: source[stop] + glyph,
      confidence: 0.7,
      message: MESSAGE.closedByNote,
    });
    return true;
  }
  return false;
}

/**
 * Where the first mark at or after `from` stands (the view's length: none; an integer, as
 * Infinity would make V8 recompile the scan for doubles). A search that ran past a paragraph
 * is kept for the next ones, so that the view is searched once.
 */
function nextMark(scan: QuoteScan, from: number): number {
  if (scan.found < from) {
    // `test` finds the mark without allocating a match: it stands just before `lastIndex`.
    MARK.lastIndex = from;
    scan.found = MARK.test(scan.text) ? MARK.lastIndex - 1 : scan.text.length;
  }
  return scan.found;
}

/** The quotation marks of the view range [start, end), each read by its neighbours, into `marks`. */
export function collectMarks(scan: QuoteScan, start: number, end: number, marks: Mark[]): void {
  const text = scan.text;
  marks.length = 0;
  let from = start;
  for (let at = nextMark(scan, from); at < end; at = nextMark(scan, from)) {
    const glyph = text[at] === "'" && at + 1 < end && text.charCodeAt(at + 1) === 0x27 ? "''" : text[at]!;
    const markEnd = at + glyph.length;
    from = markEnd;
    if (nearCjk(text, at - 1, -1, start) || nearCjk(text, markEnd, 1, end)) continue;
    const double = glyph !== "'" && glyph !== '‘' && glyph !== '’';
    if (glyph === '"') scan.straight++;
    else if (double && glyph !== "''") scan.curly++;
    const before = neighbour(text, at - 1, -1, start);
    const after = neighbour(text, markEnd, 1, end);
    const spaceBefore = isSpace(before);
    const opens = spaceBefore || OPENS_AFTER.has(before);
    const closesAfter = isSpace(after) || CLOSES_BEFORE.has(after);
    let shape: Shape;
    if (spaceBefore && closesAfter) shape = Shape.Detached;
    else if (opens !== closesAfter) shape = opens ? Shape.Open : Shape.Close;
    else shape = Shape.Inside;
    if (!double && isApostrophe(text, at, glyph, shape, before, after)) continue;
    const afterDigit = isDigit(before) && closesAfter && (glyph === '"' || glyph === "''");
    marks.push({
      at,
      length: glyph.length,
      glyph,
      double,
      shape,
      afterDigit,
      flagged: false,
      uncertain: false,
      span: undefined,
    });
  }
}

/** "each other's", "People’ s", "'tis", "5'", "'90s": a single mark that is not a quotation mark. */
function isApostrophe(
  text: string,
  at: number,
  glyph: string,
  shape: Shape,
  before: number,
  after: number,
): boolean {
  if (isDigit(before) || isDigit(after)) return true;
  if (shape === Shape.Open) return glyph === '’' || ELISION.test(text.slice(at + 1, at + 7));
  // "People’ s Republic": the extraction put a space inside the word.
  if (shape === Shape.Close) return glyph === '‘' || /^ [st](?![A-Za-z])/.test(text.slice(at + 1, at + 4));
  return true;
}

/** The code of the first character from `at` going `step` that is not a quotation mark; a space past `limit`. */
function neighbour(text: string, at: number, step: 1 | -1, limit: number): number {
  for (; step < 0 ? at >= limit : at < limit; at += step) {
    const code = text.charCodeAt(at);
    if (!isQuotationMark(code)) return code;
  }
  return 0x20;
}

/**
 * A closing single mark that may stand for a double one ('"One Belt, One Belt''): after a word,
 * but not after an "s" ("the countries' interests") or a letter between apostrophes ("rock ’n’").
 */
function standsForDouble(text: string, at: number): boolean {
  return /[A-Za-z][A-Za-rt-z]$/.test(text.slice(at - 2, at));
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function nextDouble(marks: readonly Mark[], i: number): number {
  for (let j = i + 1; j < marks.length; j++) if (marks[j]!.double) return j;
  return -1;
}

function closes(mark: Mark | undefined): boolean {
  return mark !== undefined && (mark.shape === Shape.Close || mark.shape === Shape.Detached);
}

/**
 * Whether the mark at `i`, opening inside the quotation `outer` opened, nests in it: the next
 * mark closes it in its own style, the other than the outer one's ('“carries out the "Heaven
 * Sword" series”'), or the next two marks both close ('"the "Belt and Road" way"').
 */
function nestedAt(marks: readonly Mark[], i: number, outer: Mark): boolean {
  const j = nextDouble(marks, i);
  if (j < 0 || !closes(marks[j])) return false;
  const inner = marks[i]!;
  if (straight(inner) !== straight(outer) && straight(marks[j]!) === straight(inner)) return true;
  return closes(marks[nextDouble(marks, j)]);
}

function straight(mark: Mark): boolean {
  return mark.glyph === '"' || mark.glyph === "''" || mark.glyph === "'";
}

/** From `at`, back to where the spaces before it start (`step` -1) or past the spaces after it (1). */
function skipSpaces(text: string, at: number, step: 1 | -1): number {
  if (step < 0) {
    while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  } else {
    while (text[at] === ' ' || text[at] === '\t') at++;
  }
  return at;
}

function glyphFor(style: Style, role: Role, double: boolean): string {
  if (style === 'straight') return double ? '"' : "'";
  if (double) return role === 'opens' ? '“' : '”';
  return role === 'opens' ? '‘' : '’';
}

/** How many of the two marks differ from a pair in `style`. */
function cost(opening: Mark, closing: Mark, style: Style): number {
  return (
    (opening.glyph === glyphFor(style, 'opens', opening.double) ? 0 : 1) +
    (closing.glyph === glyphFor(style, 'closes', closing.double) ? 0 : 1)
  );
}

/** The style that mends a pair with fewer changes; undefined when both take as many. */
function cheapestStyle(opening: Mark, closing: Mark): Style | undefined {
  const straight = cost(opening, closing, 'straight');
  const curly = cost(opening, closing, 'curly');
  return straight < curly ? 'straight' : curly < straight ? 'curly' : undefined;
}

keepShapeOf(quoteScan(buildTextView(textViewBuilder('', 0)), '', [], undefined));
