/**
 * The generator's self-check: every line number in a generated truth is verified against the
 * generated text, and the clean prose is rebuilt from the text using only the truth (furniture
 * and footnotes dropped, markers removed, hyphens joined or kept, wrapped lines joined, blocks
 * cut at block ends and unjoined page breaks, spurious capitals undone). If the rebuilt blocks
 * are not the clean blocks word for word, the truth is wrong somewhere, and generation throws.
 */

import type { CleanBlock } from './clean-text';
import type { FurnitureKind } from './extraction-styles';
import type { LabelledDocument, Truth } from './truth';

/** A line as the generator laid it out, before form feeds and trailing spaces were added. */
export interface LaidOutLine {
  content: string;
  role: 'body' | 'furniture' | 'footnote' | 'blank';
  kind?: FurnitureKind;
}

/** What a page-number furniture line may read: "359", "xii", "page 4", "Page 3 of 12", "- 7 -". */
const PAGE_NUMBER = /^\s*(page\s+)?(-\s*)?(\d+|[ivxlc]+)(\s*-)?(\s+of\s+\d+)?$/i;

export class TruthCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TruthCheckError';
  }
}

/** The lines of a text as they are, without their line breaks (`\r\n` or `\n`); no entry after a final break. */
export function rawLines(text: string): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A line's words: without a leading form feed and trailing white space. */
export function lineContent(raw: string): string {
  return raw.replace(/^\f/, '').replace(/\s+$/, '');
}

/** The string index of a 1-based column counted in code points. */
export function columnOffset(line: string, column: number): number {
  let offset = 0;
  for (let seen = 1; seen < column && offset < line.length; seen++) {
    offset += line.codePointAt(offset)! > 0xffff ? 2 : 1;
  }
  return offset;
}

export function checkExtraction(
  doc: LabelledDocument,
  laidOut: readonly LaidOutLine[],
  clean: readonly CleanBlock[],
): void {
  const fail = (message: string): never => {
    throw new TruthCheckError(`${doc.name}: generated truth does not hold: ${message}`);
  };
  const { truth } = doc;
  const raw = rawLines(doc.text);
  if (raw.length !== laidOut.length)
    fail(`the text has ${raw.length} lines, ${laidOut.length} were laid out`);
  const roles = lineRoles(raw, truth, fail);

  laidOut.forEach((line, index) => {
    const number = index + 1;
    const role = roles[index]!;
    if (role !== line.role) fail(`line ${number} was laid out as ${line.role}, the truth makes it ${role}`);
    const content = lineContent(raw[index]!);
    if (content !== line.content.trimEnd())
      fail(`line ${number} reads "${content}", "${line.content}" was inserted`);
  });
  for (const item of truth.furniture) {
    if (laidOut[item.line - 1]!.kind !== item.kind) fail(`furniture line ${item.line} is not a ${item.kind}`);
    if (item.kind === 'page-number' && !PAGE_NUMBER.test(lineContent(raw[item.line - 1]!))) {
      fail(`page-number line ${item.line} reads "${raw[item.line - 1]}"`);
    }
  }
  for (const note of truth.footnotes) {
    const first = lineContent(raw[note.firstLine - 1]!);
    if (!first.startsWith(`${note.label} `) && !first.startsWith(`${note.label}. `)) {
      fail(`footnote at line ${note.firstLine} does not start with its label "${note.label}": "${first}"`);
    }
  }
  for (const marker of truth.markers) {
    const line = raw[marker.line - 1] ?? '';
    if (roles[marker.line - 1] !== 'body') fail(`marker at line ${marker.line} is not on a body line`);
    if (!line.startsWith(marker.label, columnOffset(line, marker.column))) {
      fail(`marker "${marker.label}" is not at line ${marker.line}, column ${marker.column}: "${line}"`);
    }
  }
  checkLineEnds(raw, roles, truth, fail);
  const rebuilt = reconstructBlocks(doc.text, truth);
  if (rebuilt.length !== clean.length)
    fail(`${rebuilt.length} blocks rebuilt from the truth, ${clean.length} in the clean text`);
  rebuilt.forEach((block, index) => {
    const expected = clean[index]!;
    if (block.kind !== expected.kind || block.text !== expected.text) {
      const at = [...block.text].findIndex((char, i) => char !== expected.text[i]);
      fail(
        `block ${index + 1} rebuilt as ${block.kind} "…${block.text.slice(Math.max(0, at - 30), at + 30)}…", ` +
          `the clean text has ${expected.kind} "…${expected.text.slice(Math.max(0, at - 30), at + 30)}…"`,
      );
    }
  });
}

type Role = LaidOutLine['role'];

function lineRoles(raw: readonly string[], truth: Truth, fail: (message: string) => never): Role[] {
  const roles: Role[] = raw.map((line) => (lineContent(line) === '' ? 'blank' : 'body'));
  const claim = (line: number, role: Role): void => {
    if (line < 1 || line > raw.length) fail(`line ${line} does not exist`);
    if (roles[line - 1] !== 'body') fail(`line ${line} is ${roles[line - 1]}, cannot be ${role} too`);
    roles[line - 1] = role;
  };
  for (const item of truth.furniture) claim(item.line, 'furniture');
  for (const note of truth.footnotes) {
    if (note.lastLine < note.firstLine)
      fail(`footnote ${note.firstLine}-${note.lastLine} ends before it starts`);
    for (let line = note.firstLine; line <= note.lastLine; line++) claim(line, 'footnote');
  }
  return roles;
}

function checkLineEnds(
  raw: readonly string[],
  roles: readonly Role[],
  truth: Truth,
  fail: (message: string) => never,
): void {
  const body = (line: number): boolean => roles[line - 1] === 'body';
  const hyphenLines = new Set(truth.hyphens.map((hyphen) => hyphen.line));
  raw.forEach((line, index) => {
    const endsInHyphen = lineContent(line).endsWith('-');
    if (body(index + 1) && endsInHyphen !== hyphenLines.has(index + 1)) {
      fail(
        `body line ${index + 1} "${line}" ${endsInHyphen ? 'ends in a hyphen the truth does not list' : 'is listed as hyphenated'}`,
      );
    }
  });
  // A body line followed by something other than body text before the next body line is a page end.
  const pageEnds: number[] = [];
  let previousBody = 0;
  for (let line = 1; line <= raw.length; line++) {
    if (!body(line)) continue;
    if (previousBody > 0 && line > previousBody + 1) pageEnds.push(previousBody);
    previousBody = line;
  }
  const breaks = truth.pageBreaks.map((pageBreak) => pageBreak.afterLine);
  if (pageEnds.join() !== breaks.join())
    fail(`page ends at lines ${pageEnds.join()}, the truth breaks after ${breaks.join()}`);
  for (const pageBreak of truth.pageBreaks) {
    if (!body(pageBreak.beforeLine))
      fail(`page break before line ${pageBreak.beforeLine}, which is not body text`);
    for (let line = pageBreak.afterLine + 1; line < pageBreak.beforeLine; line++) {
      if (body(line))
        fail(`body line ${line} inside the page break ${pageBreak.afterLine}-${pageBreak.beforeLine}`);
    }
    if (pageBreak.capital !== undefined && !pageBreak.join)
      fail(`capital after the unjoined break at ${pageBreak.afterLine}`);
  }
  for (const line of truth.blockEnds) {
    if (!body(line) || !body(line + 1)) fail(`block end ${line} is not a body line followed by body text`);
  }
  // A heading's lines are body text; only its last line ends a block.
  const blockEnds = new Set([
    ...truth.blockEnds,
    ...truth.pageBreaks.filter((b) => !b.join).map((b) => b.afterLine),
  ]);
  for (const heading of truth.headings) {
    for (let line = heading.firstLine; line <= heading.lastLine; line++) {
      if (!body(line)) fail(`heading line ${line} is not body text`);
      if (line < heading.lastLine && blockEnds.has(line))
        fail(`heading ${heading.firstLine}-${heading.lastLine} ends early, at ${line}`);
    }
    if (!blockEnds.has(heading.lastLine))
      fail(`heading ${heading.firstLine}-${heading.lastLine} does not end a block`);
  }
}

/**
 * The clean blocks, rebuilt from an extraction with nothing but its truth: body lines (all
 * non-blank lines that are neither furniture nor footnote), markers removed, capitals undone,
 * hyphens joined or kept, wrapped lines joined with a space.
 */
export function reconstructBlocks(text: string, truth: Truth): CleanBlock[] {
  const raw = rawLines(text);
  const notBody = new Set(truth.furniture.map((item) => item.line));
  for (const note of truth.footnotes)
    for (let line = note.firstLine; line <= note.lastLine; line++) notBody.add(line);
  const markers = new Map<number, Truth['markers']>();
  for (const marker of truth.markers) markers.set(marker.line, [...(markers.get(marker.line) ?? []), marker]);
  const capitals = new Map(
    truth.pageBreaks.filter((item) => item.capital).map((item) => [item.beforeLine, item.capital!]),
  );
  const blockEnds = new Set([
    ...truth.blockEnds,
    ...truth.pageBreaks.filter((item) => !item.join).map((item) => item.afterLine),
  ]);
  const hyphens = new Map(truth.hyphens.map((hyphen) => [hyphen.line, hyphen.decision]));
  const headingStarts = new Set(truth.headings.map((heading) => heading.firstLine));

  const blocks: CleanBlock[] = [];
  let current: CleanBlock | null = null;
  let joiner = '';
  for (let index = 0; index < raw.length; index++) {
    const number = index + 1;
    const rawLine = raw[index]!;
    if (notBody.has(number) || lineContent(rawLine) === '') continue;
    let line = lineContent(removeMarkers(rawLine, markers.get(number) ?? []));
    const capital = capitals.get(number);
    if (capital !== undefined) {
      if (!line.startsWith(capital))
        throw new TruthCheckError(`line ${number} does not start with the capital "${capital}"`);
      line = line[0]!.toLowerCase() + line.slice(1);
    }
    if (current) current.text += joiner + line;
    else current = { kind: headingStarts.has(number) ? 'heading' : 'paragraph', text: line };
    const hyphen = hyphens.get(number);
    if (hyphen === 'join') current.text = current.text.slice(0, -1);
    if (hyphen) joiner = '';
    else if (blockEnds.has(number)) {
      blocks.push(current);
      current = null;
    } else joiner = ' ';
  }
  if (current) blocks.push(current);
  return blocks;
}

/** "world.1 The" → "world. The", "reality. 1 In" → "reality. In", "peace.[3] It" → "peace. It". */
function removeMarkers(line: string, markers: Truth['markers']): string {
  let out = line;
  for (const marker of [...markers].sort((a, b) => b.column - a.column)) {
    const start = columnOffset(out, marker.column);
    const end = start + marker.label.length;
    if (out.slice(start, end) !== marker.label) {
      throw new TruthCheckError(
        `marker "${marker.label}" not found at line ${marker.line}, column ${marker.column}`,
      );
    }
    if (out[start - 1] === '[' && out[end] === ']') out = out.slice(0, start - 1) + out.slice(end + 1);
    else if (out[start - 1] === ' ') out = out.slice(0, start - 1) + out.slice(end);
    else out = out.slice(0, start) + out.slice(end);
  }
  return out;
}
