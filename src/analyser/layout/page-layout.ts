/**
 * The document's structure, computed once and shared by every detector: lines, front matter,
 * furniture, footnotes and their markers, body lines and how each joins the next, headings,
 * and the printed page each line stands on.
 */

import { frontMatterLineCount } from '../text/front-matter';
import { lineAtOffset, splitShapedLines, type Line } from '../text/lines';
import { firstAbove } from '../text/sorted';
import { tokenizeWords, type WordTokens } from '../text/word-tokens';
import { buildBodyView, type BodyView } from './body-view';
import {
  endsSentence,
  findBlocks,
  measureLines,
  type Block,
  type Join,
  type JoinKind,
  type LineMeasure,
} from './blocks';
import { findPageFootnotes, joinNoteLines, type Footnote, type FootnoteMarker } from './footnotes';
import { FUNCTION_WORDS } from './function-words.data';
import { findFurniture, type FurnitureLine } from './furniture';
import { endCode, endText, lineEnds, type LineEnds } from './line-ends';
import { lowerShareAfterSemicolons } from './semicolon-style';
import { decideHyphen, hyphenParts, hyphenQueries } from './hyphens';
import { countWords, type Vocabulary } from './vocabulary';

export const enum Role {
  Body = 0,
  Blank = 1,
  FrontMatter = 2,
  Furniture = 3,
  Footnote = 4,
}

export interface PageLayout {
  text: string;
  lines: Line[];
  /** The line break to use in replacements: the document's own (`\n` or `\r\n`). */
  lineBreak: string;
  /** Lines before this one are front matter, kept out of the analysis. */
  firstLine: number;
  role: Uint8Array;
  furniture: FurnitureLine[];
  footnotes: Footnote[];
  /** Body lines in reading order. */
  body: number[];
  joins: Join[];
  /** The joins of one kind, in reading order: most detectors report one kind of join. */
  joinsOf(kind: JoinKind): readonly Join[];
  blocks: Block[];
  measure: LineMeasure;
  vocabulary: Vocabulary;
  /** The printed page label of the page a line stands on, where the document prints one. */
  pageLabel(line: number): string | undefined;
  /** The line's text without a footnote marker at its end. */
  endText(line: number): string;
  /** The body as an editor reads it, built on first use (see body-view.ts). */
  bodyView(): BodyView;
  /** The words of the body view, found on first use. */
  bodyWords(): WordTokens;
  /** The share of semicolons followed by lower case (see semicolon-style.ts), on first use. */
  lowerAfterSemicolons(): number;
}

export function computeLayout(text: string): PageLayout {
  const { lines, shapes, lineBreak } = splitShapedLines(text);
  const firstLine = frontMatterLineCount(text, lines);
  const role = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    role[i] = i < firstLine ? Role.FrontMatter : shapes.length[i] === 0 ? Role.Blank : Role.Body;
  }

  const { lines: furniture } = findFurniture(text, lines, shapes, firstLine);
  for (const item of furniture) role[item.line] = Role.Furniture;

  // A form feed starts a page: the line that holds it opens the next page's text.
  const feeds = new Uint8Array(lines.length);
  for (let at = text.indexOf('\f'); at !== -1; at = text.indexOf('\f', at + 1))
    feeds[lineAtOffset(lines, at)] = 1;
  const paged = furniture.length > 0 || feeds.includes(1);
  const footnotes = paged ? findFootnotes(text, lines, role, feeds, firstLine) : [];
  const markers: FootnoteMarker[] = [];
  for (const note of footnotes) {
    for (let i = note.headerLine ?? note.firstLine; i <= note.lastLine; i++) role[i] = Role.Footnote;
    if (note.marker) markers.push(note.marker);
  }
  const ends = lineEnds(text, lines, shapes, markers);

  const { body, breakAfter } = listBody(role, feeds);

  const wanted = wordsToCount(lines, body, ends, breakAfter);
  for (const note of footnotes) {
    for (let i = note.firstLine; i < note.lastLine; i++) {
      // hyphenParts finds no word before a line end that is not a hyphen.
      if (shapes.last[i] !== 45) continue;
      const { left, right } = hyphenParts(lines[i]!.trimmed, lines[i + 1]!.trimmed);
      if (left && right) for (const word of hyphenQueries(left, right)) wanted.add(word);
    }
  }
  const vocabulary = countWords(text, wanted);
  for (const note of footnotes) {
    note.text = joinNoteLines(lines, note.firstLine, note.lastLine, (before, after) => {
      const { left, right, compoundBefore } = hyphenParts(before, after);
      return decideHyphen(left, right, compoundBefore, vocabulary).join;
    });
  }
  const measure = measureLines(shapes, body);
  const { joins, joinsByKind, blocks } = findBlocks({
    lines,
    shapes,
    body,
    breakAfter,
    ends,
    measure,
    vocabulary,
  });

  const layout: PageLayout = {
    text,
    lines,
    lineBreak,
    firstLine,
    role,
    furniture,
    footnotes,
    body,
    joins,
    joinsOf: (kind) => joinsByKind[kind],
    blocks,
    measure,
    vocabulary,
    pageLabel: pageLabeller(lines, furniture, role),
    endText: (line) => endText(ends, line),
    bodyView: () => (view ??= buildBodyView(layout)),
    bodyWords: () => (words ??= tokenizeWords(layout.bodyView().text)),
    lowerAfterSemicolons: () => (semicolons ??= lowerShareAfterSemicolons(text)),
  };
  let semicolons: number | undefined;
  let view: BodyView | undefined;
  let words: WordTokens | undefined;
  return layout;
}

/**
 * Body lines in reading order, and by body position whether a page break lies between the line
 * and the next body line: furniture, a note or a form feed after the line and up to the next one
 * (the line that holds a form feed opens the next page). Every step that walks the body in pairs
 * asks it: it is answered in the one pass that lists the body.
 */
function listBody(role: Uint8Array, feeds: Uint8Array): { body: number[]; breakAfter: Uint8Array } {
  const body: number[] = [];
  const breakAfter = new Uint8Array(role.length);
  let breakSinceBody = false;
  for (let i = 0; i < role.length; i++) {
    if (feeds[i] === 1) breakSinceBody = true;
    if (role[i] === Role.Body) {
      if (body.length > 0 && breakSinceBody) breakAfter[body.length - 1] = 1;
      body.push(i);
      breakSinceBody = false;
    } else if (role[i] === Role.Furniture || role[i] === Role.Footnote) {
      breakSinceBody = true;
    }
  }
  return { body, breakAfter: breakAfter.subarray(0, body.length) };
}

/** Footnotes at the bottom of every stretch of text that furniture closes. */
function findFootnotes(
  text: string,
  lines: readonly Line[],
  role: Uint8Array,
  feeds: Uint8Array,
  firstLine: number,
): Footnote[] {
  const footnotes: Footnote[] = [];
  let runStart = firstLine;
  for (let i = firstLine; i <= lines.length; i++) {
    const closes = i === lines.length || role[i] === Role.Furniture || feeds[i] === 1;
    if (!closes) continue;
    if (i > runStart) footnotes.push(...findPageFootnotes(text, lines, runStart, i - 1));
    runStart = i < lines.length && role[i] !== Role.Furniture ? i : i + 1;
  }
  return footnotes;
}

/** The words whose spelling elsewhere in the document decides a hyphen or a capital. */
function wordsToCount(
  lines: readonly Line[],
  body: readonly number[],
  ends: LineEnds,
  breakAfter: Uint8Array,
): Set<string> {
  const wanted = new Set<string>();
  for (let k = 0; k + 1 < body.length; k++) {
    const hyphenated = endCode(ends, body[k]!) === 45;
    const across = breakAfter[k] === 1;
    // Most lines end on neither: their text is not read.
    if (!hyphenated && !across) continue;
    const end = endText(ends, body[k]!);
    const next = lines[body[k + 1]!]!.trimmed;
    if (hyphenated) {
      const { left, right } = hyphenParts(end, next);
      if (left && right) for (const word of hyphenQueries(left, right)) wanted.add(word);
    }
    // A capital after a page break matters only when the sentence goes on across it.
    if (across && !endsSentence(end)) {
      const first = /^["“‘'(]?([A-Z][a-z]+)/.exec(next);
      const word = first?.[1];
      if (word && !FUNCTION_WORDS.has(word.toLowerCase())) wanted.add(word.toLowerCase());
    }
  }
  return wanted;
}

/**
 * Page labels as printed. A number that opens a block of furniture followed by more furniture
 * is a footer ("page 4" above the next page's header) and labels the text above it; any other
 * page number labels the text below it, and the text before the first one is the page before.
 */
function pageLabeller(lines: readonly Line[], furniture: readonly FurnitureLine[], role: Uint8Array) {
  const numbered = furniture.filter((item) => item.pageLabel !== undefined);
  if (numbered.length === 0) return () => undefined;
  const isFooter = (item: FurnitureLine): boolean => {
    let before = item.line - 1;
    while (before >= 0 && role[before] === Role.Blank) before--;
    let after = item.line + 1;
    while (after < lines.length && role[after] === Role.Blank) after++;
    return role[before] !== Role.Furniture && role[after] === Role.Furniture;
  };
  const footers = numbered.filter(isFooter).length;
  const footerStyle = footers > numbered.length / 2;
  const starts = numbered.map((item) => item.line);
  const first = numbered[0]!.pageLabel!;
  const labelBefore = /^\d+$/.test(first) && Number(first) > 1 ? String(Number(first) - 1) : undefined;
  // The label of a line, by how many page numbers stand at or above it.
  const labelsBelow = numbered.map((_, above) =>
    footerStyle ? numbered[above]!.pageLabel : above > 0 ? numbered[above - 1]!.pageLabel : labelBefore,
  );
  labelsBelow.push(numbered[numbered.length - 1]!.pageLabel);
  // Every detector asks for the page of every finding, a hundred thousand times in a book: the
  // label of each line is found once, in one pass down the lines.
  const labels = new Array<string | undefined>(lines.length);
  let above = 0;
  for (let line = 0; line < lines.length; line++) {
    while (above < starts.length && starts[above]! <= line) above++;
    labels[line] = labelsBelow[above];
  }
  return (line: number): string | undefined =>
    line >= 0 && line < labels.length ? labels[line] : labelsBelow[firstAbove(starts, line)];
}
