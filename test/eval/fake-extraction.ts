/**
 * Lays clean prose out as a fake PDF text extraction whose truth is known exactly: the clean
 * blocks are wrapped at the style's measure (with syllable hyphenation and compounds broken after
 * their own hyphen), footnote markers are set at sentence ends with their bodies at the foot of
 * the page where the marker lands, the lines are cut into pages and each page gets the style's
 * furniture. Every line the truth names is checked against the generated text before it is
 * returned (extraction-check.ts): a generator bug throws instead of producing a wrong truth.
 *
 * Deterministic: the same document, style and seed give the same text and truth.
 */

import { parseCleanText, type CleanDocument } from './clean-text';
import { BOOK_TITLE_FALLBACK, bodyLabel, prepareBlocks, type LayoutBlock } from './extraction-blocks';
import { checkExtraction, type LaidOutLine } from './extraction-check';
import { styleByName, type ExtractionStyle, type FurnitureLine, type PageInfo } from './extraction-styles';
import { fillLine, wrapWords, type Cursor, type Hyphen } from './line-breaking';
import { createRandom, hashString, type Random } from './random';
import { emptyTruth, type LabelledDocument, type Truth } from './truth';

interface PlacedNote {
  /** The label as printed in the text ("1", "iv", "¹"). */
  label: string;
  /** Where the label starts in the line. */
  offset: number;
  /** The footnote body, wrapped, its first line starting with the body label. */
  lines: string[];
  /** The label the body is printed with ("1" for a "¹" marker). */
  bodyLabel: string;
}

interface BodyLine {
  text: string;
  block: LayoutBlock;
  blockEnd: boolean;
  hyphen?: Hyphen;
  notes: PlacedNote[];
  capital?: string;
}

interface Page {
  body: BodyLine[];
  notes: PlacedNote[];
  /** Body and footnote lines on the page. */
  used: number;
}

export function generateExtraction(
  doc: CleanDocument,
  style: ExtractionStyle | string,
  seed: number,
): LabelledDocument {
  const layout = typeof style === 'string' ? styleByName(style) : style;
  const random = createRandom(hashString(`${doc.name}|${layout.name}`, seed >>> 0));
  const clean = parseCleanText(doc.text);
  const blocks = prepareBlocks(clean, layout, random);
  const noteWidth = layout.width + random.int(10, 30);
  const pages = layoutPages(blocks, layout, noteWidth, random);
  const lines = assemble(pages, layout);
  const { text, truth } = finish(lines, pages, layout, random);
  const labelled: LabelledDocument = { name: `${doc.name}~${layout.name}~${seed}`, text, truth };
  checkExtraction(
    labelled,
    lines.map((line) => line.laidOut),
    clean,
  );
  return labelled;
}

// ---- pages -----------------------------------------------------------------------------------

function layoutPages(
  blocks: readonly LayoutBlock[],
  style: ExtractionStyle,
  noteWidth: number,
  random: Random,
): Page[] {
  const capacity = style.pageLines ?? Number.POSITIVE_INFINITY;
  const pages: Page[] = [{ body: [], notes: [], used: 0 }];
  let runningNotes = 0;
  const headingWidth = Math.max(40, Math.round(style.width * 0.6));
  for (const block of blocks) {
    const heading = block.kind === 'heading';
    const width = heading ? headingWidth : style.width;
    if (heading) {
      // A heading stays on one page with the first line of what follows it.
      const height = countLines(block, width, style, random);
      const page = pages[pages.length - 1]!;
      if (page.body.length > 0 && page.used + height + 1 > capacity)
        pages.push({ body: [], notes: [], used: 0 });
    }
    let cursor: Cursor = { token: 0, rest: null };
    let afterHyphen = false;
    while (cursor.token < block.tokens.length) {
      const page = pages[pages.length - 1]!;
      const continuing = cursor.token > 0 || cursor.rest !== null;
      const capitalise =
        !!style.capitalAfterBreak && pages.length > 1 && page.body.length === 0 && continuing && !afterHyphen;
      let lineWidth = width;
      if (!heading && page.used + 1 >= capacity && random.chance(style.shortLineBeforeBreak ?? 0)) {
        lineWidth = Math.floor(width * (0.35 + 0.3 * random.next()));
      }
      const firstNote = style.footnotes?.numbering === 'per-page' ? page.notes.length + 1 : runningNotes + 1;
      const draft = fillLine(
        block,
        cursor,
        { width: lineWidth, allowSplit: !heading, capitalise, firstNote },
        style,
        random,
      );
      const notes = draft.notes.map((note): PlacedNote => {
        const body = bodyLabel(note.call.format, note.number);
        return {
          label: note.label,
          offset: note.offset,
          lines: wrapWords(body.prefix + note.call.citation, noteWidth),
          bodyLabel: body.label,
        };
      });
      const height = 1 + notes.reduce((sum, note) => sum + note.lines.length, 0);
      if (page.body.length > 0 && page.used + height > capacity) {
        pages.push({ body: [], notes: [], used: 0 });
        continue;
      }
      page.body.push({
        text: draft.text,
        block,
        blockEnd: draft.next.token >= block.tokens.length,
        hyphen: draft.hyphen,
        notes,
        capital: draft.capital,
      });
      page.notes.push(...notes);
      page.used += height;
      runningNotes += notes.length;
      cursor = draft.next;
      afterHyphen = draft.hyphen !== undefined;
    }
  }
  return pages;
}

/** How many lines a heading takes (headings are never hyphenated, so this draws nothing random). */
function countLines(block: LayoutBlock, width: number, style: ExtractionStyle, random: Random): number {
  let cursor: Cursor = { token: 0, rest: null };
  let count = 0;
  while (cursor.token < block.tokens.length) {
    cursor = fillLine(
      block,
      cursor,
      { width, allowSplit: false, capitalise: false, firstNote: 1 },
      style,
      random,
    ).next;
    count++;
  }
  return count;
}

// ---- the extraction --------------------------------------------------------------------------

interface OutputLine {
  laidOut: LaidOutLine;
  page: number;
  body?: BodyLine;
  /** The footnote the line belongs to, and whether it is the body's first line. */
  note?: { note: PlacedNote; first: boolean };
}

function assemble(pages: readonly Page[], style: ExtractionStyle): OutputLine[] {
  const labels = pages.map((_, index) => style.pageLabel?.(index) ?? String((style.firstPage ?? 1) + index));
  const chapters = pages.map((page) => page.body[0]?.block.chapter ?? BOOK_TITLE_FALLBACK);
  const lines: OutputLine[] = [];
  const furniture = (items: FurnitureLine[], page: number): void => {
    for (const item of items) {
      if ('blank' in item) lines.push({ laidOut: { content: item.blank, role: 'blank' }, page });
      else lines.push({ laidOut: { content: item.text, role: 'furniture', kind: item.kind }, page });
    }
  };
  pages.forEach((page, index) => {
    const label = labels[index]!;
    const info: PageInfo = {
      index,
      label,
      lastLabel: labels[labels.length - 1]!,
      chapter: chapters[index]!,
      verso: /^\d+$/.test(label) ? Number(label) % 2 === 0 : index % 2 === 1,
    };
    furniture(style.header?.(info) ?? [], index);
    for (const body of page.body)
      lines.push({ laidOut: { content: body.text, role: 'body' }, page: index, body });
    for (const note of page.notes) {
      note.lines.forEach((content, at) =>
        lines.push({ laidOut: { content, role: 'footnote' }, page: index, note: { note, first: at === 0 } }),
      );
    }
    furniture(style.footer?.(info) ?? [], index);
  });
  return lines;
}

function finish(
  lines: readonly OutputLine[],
  pages: readonly Page[],
  style: ExtractionStyle,
  random: Random,
): { text: string; truth: Truth } {
  const truth: Truth = emptyTruth();
  const raw: string[] = [];
  const bodyLineNumbers = new Map<BodyLine, number>();
  let heading: { firstLine: number; lastLine: number; block: LayoutBlock } | null = null;
  lines.forEach((line, index) => {
    const number = index + 1;
    const pageStart = index === 0 || lines[index - 1]!.page !== line.page;
    const prefix = style.formFeed && pageStart && line.page > 0 ? '\f' : '';
    const content = line.laidOut.content;
    const suffix =
      line.laidOut.role !== 'blank' && random.chance(style.trailingSpaces ?? 0)
        ? ' '.repeat(random.int(1, 2))
        : '';
    raw.push(prefix + content + suffix);
    if (line.laidOut.role === 'furniture') truth.furniture.push({ line: number, kind: line.laidOut.kind! });
    if (line.note?.first) {
      truth.footnotes.push({
        firstLine: number,
        lastLine: number + line.note.note.lines.length - 1,
        label: line.note.note.bodyLabel,
      });
    }
    const body = line.body;
    if (!body) return;
    bodyLineNumbers.set(body, number);
    for (const note of body.notes) {
      truth.markers.push({
        line: number,
        column: codePointLength(prefix + content.slice(0, note.offset)) + 1,
        label: note.label,
      });
    }
    if (body.hyphen) truth.hyphens.push({ line: number, ...body.hyphen });
    if (body.block.kind === 'heading') {
      if (heading && heading.block === body.block) heading.lastLine = number;
      else {
        heading = { firstLine: number, lastLine: number, block: body.block };
        truth.headings.push(heading);
      }
    }
  });
  truth.headings = truth.headings.map(({ firstLine, lastLine }) => ({ firstLine, lastLine }));
  pages.forEach((page, index) => {
    page.body.forEach((body, at) => {
      if (body.blockEnd && at < page.body.length - 1) truth.blockEnds.push(bodyLineNumbers.get(body)!);
    });
    const next = pages[index + 1];
    if (!next) return;
    const after = page.body[page.body.length - 1]!;
    const before = next.body[0]!;
    const pageBreak: Truth['pageBreaks'][number] = {
      afterLine: bodyLineNumbers.get(after)!,
      beforeLine: bodyLineNumbers.get(before)!,
      join: !after.blockEnd,
    };
    if (before.capital) pageBreak.capital = before.capital;
    truth.pageBreaks.push(pageBreak);
  });
  truth.blockEnds.sort((a, b) => a - b);
  const lineEnd = style.lineEnd ?? '\n';
  return { text: raw.join(lineEnd) + lineEnd, truth };
}

function codePointLength(text: string): number {
  return [...text].length;
}
