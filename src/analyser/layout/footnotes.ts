/**
 * Footnote bodies at page bottoms and the markers in the text that refer to them.
 *
 * A page's notes sit just above the furniture that closes it: a line that starts with a label
 * ("1 Xi Jinping: ...", "i For a more detailed ...", "* See", "¹ Ibid.", "1. [UK] Liddell Hart"),
 * continued on the lines below it, labels going up by one. Numbering may restart on every page
 * or run on through the document. Each body is paired with a marker in the page's text above it:
 * "the world.1 The", "faster.”1 To", "coercion.i", "reality. 1 In March", "country. " 1", "¹",
 * "[3]". Labelled lines are only taken as notes when a marker pairs with them, or when a
 * "Footnotes:" line heads them, or when they read as a citation; so a numbered list item at a
 * page bottom ("1. build a world of lasting peace") stays body text.
 */

import { lineAtOffset, type Line } from '../text/lines';
import { romanValue } from './roman';

export interface FootnoteMarker {
  /** Range of the marker in the text, including a space before a spaced marker (" 1"). */
  start: number;
  end: number;
  line: number;
}

export interface Footnote {
  label: string;
  firstLine: number;
  lastLine: number;
  /** A "Footnotes:" heading line above the first note of a page, removed with it. */
  headerLine?: number;
  text: string;
  marker?: FootnoteMarker;
  confidence: number;
}

const LABEL = /^(\d{1,3}|[ivxlc]{1,6}|[*†‡§¶]{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})(\.?)\s+(\S)/;
/** The characters a LABEL starts with: most lines start otherwise, and LABEL is not tried on them. */
const LABEL_OPENERS = new Set([...'0123456789ivxlc*†‡§¶¹²³⁴⁵⁶⁷⁸⁹⁰'].map((c) => c.charCodeAt(0)));
const NOTES_HEADER = /^(foot|end)?notes?\s*:?$/i;
const CITATION =
  /\b(1[6-9]\d\d|20\d\d)\b|\bp\.|\bpp\.|\bed(ition|\.)|\bpress\b|\bpublish|\bvol(ume|\.)|\bibid\b|https?:/i;
/** "24 September 2013" under a preface is a date, not note 24 citing a year. */
const MONTH_FIRST =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const MAX_NOTE_LINES = 8;
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * The notes of one page: `bodyFrom..bodyTo` are the page's non-furniture lines (inclusive).
 * `isBody` says which of them are text (not blank).
 */
export function findPageFootnotes(
  text: string,
  lines: readonly Line[],
  bodyFrom: number,
  bodyTo: number,
): Footnote[] {
  let last = bodyTo;
  while (last >= bodyFrom && lines[last]!.trimmed.length === 0) last--;
  if (last < bodyFrom) return [];

  // Walk up from the bottom collecting labelled lines and their continuations.
  const notes: Array<{ label: string; value: number; dotted: boolean; firstLine: number; lastLine: number }> =
    [];
  let end = last;
  let continuation = 0;
  for (let i = last; i >= bodyFrom && continuation < MAX_NOTE_LINES; i--) {
    const trimmed = lines[i]!.trimmed;
    if (trimmed.length === 0) break;
    const match = LABEL_OPENERS.has(trimmed.charCodeAt(0)) ? LABEL.exec(trimmed) : null;
    const value = match ? labelValue(match[1]!) : undefined;
    if (match && value !== undefined) {
      const top = notes[0];
      if (top && value !== top.value - 1) break;
      notes.unshift({ label: match[1]!, value, dotted: match[2] === '.', firstLine: i, lastLine: end });
      end = i - 1;
      continuation = 0;
      continue;
    }
    continuation++;
  }
  if (notes.length === 0) return [];

  const zoneStart = notes[0]!.firstLine;
  let headerLine: number | undefined;
  let above = zoneStart - 1;
  if (above >= bodyFrom && NOTES_HEADER.test(lines[above]!.trimmed)) {
    headerLine = above;
    above--;
  }
  const footnotes: Footnote[] = [];
  let searchFrom = lines[bodyFrom]!.start;
  const searchTo = lines[Math.max(bodyFrom, above)]!.end;
  const markers = notes.map((note) => {
    const marker = above >= bodyFrom ? findMarker(text, lines, note.label, searchFrom, searchTo) : undefined;
    if (marker) searchFrom = marker.end;
    return marker;
  });
  // Once one note of the zone is referred to, the zone is notes: its other notes are taken too
  // ("xii One regiment ..." between two referred notes, its marker glued as "fieldxii").
  const zoneReferred = markers.some((marker) => marker !== undefined);
  for (const [index, note] of notes.entries()) {
    const marker = markers[index];
    const noteText = joinNoteLines(lines, note.firstLine, note.lastLine);
    let confidence: number;
    if (marker) confidence = 0.97;
    else if (headerLine !== undefined) confidence = 0.9;
    else if (zoneReferred) confidence = 0.85;
    // Read last: most notes are referred to, and their text need not be searched.
    else if (!note.dotted && CITATION.test(noteText) && !MONTH_FIRST.test(noteText)) confidence = 0.8;
    else continue;
    footnotes.push({
      label: note.label,
      firstLine: note.firstLine,
      lastLine: note.lastLine,
      headerLine: footnotes.length === 0 ? headerLine : undefined,
      text: noteText,
      marker,
      confidence,
    });
  }
  // A page that is mostly notes, none of them referred to on it, is an endnotes section
  // ("81 Bruce W. MacDonald ..."), not notes stranded at a page bottom: it stays as it is.
  if (footnotes.length > 0 && footnotes.every((note) => !note.marker)) {
    let text = 0;
    let labelled = 0;
    for (let i = bodyFrom; i < zoneStart; i++) {
      const trimmed = lines[i]!.trimmed;
      if (trimmed.length === 0) continue;
      text++;
      if (LABEL.test(trimmed)) labelled++;
    }
    if (text < (last - zoneStart + 1) / 2 || labelled >= text * 0.3) return [];
  }
  return footnotes;
}

const LABEL_PREFIX = /^\S+\s+/;

function labelValue(label: string): number | undefined {
  if (/^\d+$/.test(label)) return Number(label);
  if (SUPERSCRIPTS.includes(label[0]!)) {
    return Number([...label].map((c) => SUPERSCRIPTS.indexOf(c)).join(''));
  }
  if (/^[*†‡§¶]+$/.test(label)) return label.length;
  return romanValue(label);
}

/**
 * A note's lines as one line of text, without its label. `joinsWord` says whether a line-end
 * hyphen splits a word (dropped) or ends a compound's first part (kept); by default a hyphen
 * between lower-case letters splits a word.
 */
export function joinNoteLines(
  lines: readonly Line[],
  first: number,
  last: number,
  joinsWord: (before: string, after: string) => boolean = (before, after) =>
    /[a-z]-$/.test(before) && /^[a-z]/.test(after),
): string {
  let out = lines[first]!.trimmed;
  for (let i = first + 1; i <= last; i++) {
    const next = lines[i]!.trimmed;
    // `out` ends as the line before does: only a hyphen there calls for the pattern, which
    // would otherwise read the whole note joined so far.
    if (lines[i - 1]!.trimmed.endsWith('-') && /[A-Za-z\u00C0-\u024F]-$/.test(out))
      out = joinsWord(out, next) ? out.slice(0, -1) + next : out + next;
    else out += ' ' + next;
  }
  return out.replace(LABEL_PREFIX, '');
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The first marker for `label` in `text[from, to)`. Forms: a superscript (preferred wherever it
 * stands), a bracketed label ("[3]"), the label glued after punctuation or a word
 * ("world.1 The", "countries.”1", "unit19") or after a year that ends a sentence
 * ("in 2013.1 It"), the label spaced after a sentence end ("reality. 1 In March",
 * "country. " 1"). Not "G20", "2.1", "No.1", "16+1" or the "1" in "2019".
 */
export function findMarker(
  text: string,
  lines: readonly Line[],
  label: string,
  from: number,
  to: number,
): FootnoteMarker | undefined {
  let best: { start: number; end: number } | undefined;
  if (/^\d+$/.test(label)) {
    const superscript = [...label].map((d) => SUPERSCRIPTS[Number(d)]).join('');
    best = findSuperscript(text, superscript, from, to) ?? findDigitMarker(text, label, from, to);
  } else {
    const escaped = escapeRegExp(label);
    const pattern = /^[ivxlc]+$/.test(label)
      ? new RegExp(`(?<=[a-z\\u00C0-\\u024F][.,;:!?]["”’]?)${escaped}(?=[\\s,;:]|$)`, 'gm')
      : new RegExp(`(?<=\\S)${escaped}(?=[\\s,;:.]|$)`, 'gm');
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (match && match.index + match[0].length <= to)
      best = { start: match.index, end: match.index + match[0].length };
  }
  if (!best) return undefined;
  return { start: best.start, end: best.end, line: lineAtOffset(lines, best.start) };
}

/** Searched within the page only: a superscript that is not there must not cost a scan to the end. */
function findSuperscript(text: string, superscript: string, from: number, to: number) {
  const region = text.slice(from, to);
  for (let at = region.indexOf(superscript); at !== -1; at = region.indexOf(superscript, at + 1)) {
    if (!SUPERSCRIPTS.includes(region.charAt(at + superscript.length))) {
      return { start: from + at, end: from + at + superscript.length };
    }
  }
  return undefined;
}

const GLUED_BEFORE = /(?:[a-z\u00C0-\u024F]{2}[.,;:!?]?["”’)]?|[a-z][.,;:!?] ["”])$/;
const GLUED_AFTER = /^(?![\d\w.,]\w)(?:[\s,;:.)]|$)/;
const YEAR_BEFORE = /\b(?:1[6-9]|20)\d\d[.,;:]["”’]?$/;
const SENTENCE_AFTER = /^[ \t]+["“]?[A-Z]/;
const SPACED_BEFORE = /(?:[a-z)][.,;:!?]["”’]?|[a-z][.!?] ["”])([ \t]+)$/;
const SPACED_AFTER = /^(?:[ \t]+["“]?[A-Z]|[ \t]*(?:\r?\n|$))/;

/** Each place the digits stand, tried against the marker forms in order: earliest wins. */
function findDigitMarker(text: string, label: string, from: number, to: number) {
  const length = label.length;
  // Within the page only (see findSuperscript).
  const page = text.slice(0, to);
  for (let at = page.indexOf(label, from); at !== -1; at = page.indexOf(label, at + 1)) {
    const previous = page.charCodeAt(at - 1);
    const next = page.charCodeAt(at + length);
    if ((previous >= 48 && previous <= 57) || (next >= 48 && next <= 57)) continue;
    if (previous === 91 && next === 93) return { start: at - 1, end: at + length + 1 };
    const before = text.slice(Math.max(from, at - 8), at);
    const after = text.slice(at + length, at + length + 4);
    if (GLUED_BEFORE.test(before) && GLUED_AFTER.test(after)) {
      if (!splitsRepeatedWords(text, at, at + length)) return { start: at, end: at + length };
      continue;
    }
    if (YEAR_BEFORE.test(before) && SENTENCE_AFTER.test(after)) return { start: at, end: at + length };
    const spaced = SPACED_BEFORE.exec(before);
    if (spaced && SPACED_AFTER.test(after) && !splitsRepeatedWords(text, at, at + length))
      return { start: at - spaced[1]!.length, end: at + length };
  }
  return undefined;
}

/**
 * "2 Compilation, 2 Compilation, 2 Compilation of Documents": a number after a comma, semicolon
 * or colon with the same word on both sides belongs to a repeated phrase, not a note marker.
 */
function splitsRepeatedWords(text: string, start: number, end: number): boolean {
  const before = /([A-Za-z\u00C0-\u024F]+)[,;:][ \t]*$/.exec(text.slice(Math.max(0, start - 40), start));
  const after = /^[ \t]+([A-Za-z\u00C0-\u024F]+)/.exec(text.slice(end, end + 40));
  return before !== null && after !== null && before[1]!.toLowerCase() === after[1]!.toLowerCase();
}
