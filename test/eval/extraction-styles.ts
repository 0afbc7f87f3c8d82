/**
 * The page layouts the fake extractions are generated in: each style says how wide the lines
 * are, how pages are cut, what furniture (running headers, footers, page numbers) a page carries,
 * how footnote markers are printed and which artefacts of page-by-page translation appear.
 * Every style is modelled on a layout seen in real extractions (the seed, the CASI documents).
 */

import type { Truth } from './truth';
import { toRoman } from '../../src/analyser/layout/roman';

export type FurnitureKind = Truth['furniture'][number]['kind'];

/** One line of a furniture block: text of a kind, or a blank line inside the block. */
export type FurnitureLine = { text: string; kind: FurnitureKind } | { blank: string };

export interface PageInfo {
  /** 0-based position of the page in the extraction. */
  index: number;
  /** The page number as printed ("167", "xii"). */
  label: string;
  /** The last page's label, for "Page N of M". */
  lastLabel: string;
  /** Title of the chapter the page's first body line belongs to ("Managing a Shared River"). */
  chapter: string;
  /** A left-hand page: an even page number. */
  verso: boolean;
}

/**
 * How an in-text footnote marker is printed: glued "world.1", spaced "reality. 1", after a
 * closing quote "faster.”1" (glued, preferring sentences that end in a quotation), roman
 * "coercion.i", superscript "world.¹", bracketed "peace.[3]"; `glued-or-spaced` mixes the first
 * two as the seed does.
 */
export type MarkerFormat =
  'glued' | 'spaced' | 'after-quote' | 'roman' | 'superscript' | 'bracketed' | 'glued-or-spaced';

export interface FootnoteStyle {
  format: MarkerFormat;
  /** Chance that a sentence end carries a marker. */
  rate: number;
  /** Labels restart at 1 on every page, or run on through the document. */
  numbering: 'per-page' | 'running';
}

export interface ExtractionStyle {
  name: string;
  description: string;
  /** The measure: the longest body line, in characters. */
  width: number;
  /** Body and footnote lines a page holds (furniture comes on top); null: one endless page, no furniture. */
  pageLines: number | null;
  /** Chance that a long word at a line end is split at a syllable with a hyphen ("empha-" + "sis"). */
  hyphenation: number;
  /** Chance that a compound at a line end is broken after its own hyphen ("all-" + "round"). */
  compounds: number;
  footnotes: FootnoteStyle | null;
  header?: (page: PageInfo) => FurnitureLine[];
  footer?: (page: PageInfo) => FurnitureLine[];
  /** The printed number of the page at `index`; default: `firstPage + index`. */
  pageLabel?: (index: number) => string;
  firstPage?: number;
  /** Pages are separated by a form feed at the start of each new page (as pdftotext does). */
  formFeed?: boolean;
  lineEnd?: '\n' | '\r\n';
  /** Chance that a non-blank line carries one or two trailing spaces. */
  trailingSpaces?: number;
  /** The page-by-page translation artefact: the first word after a page break is capitalised mid-sentence. */
  capitalAfterBreak?: boolean;
  /** Chance that the last line of a page is cut short although the paragraph goes on. */
  shortLineBeforeBreak?: number;
  /** Chance that a paragraph ending in a number puts it alone on its last line ("2019."); chance that a numbered heading puts its number alone on a line ("2."). */
  traps: { yearAlone: number; numberAlone: number };
}

const INSTITUTE = 'Institute for Comparative Regional Studies';
const BOOK_TITLE = 'Shared Waters, Shared Futures';
const RUNNING_TITLE = 'BASIC QUESTIONS OF REGIONAL COOPERATION';
const TRAPS = { yearAlone: 0.7, numberAlone: 0.5 };

const header = (text: string): FurnitureLine => ({ text, kind: 'running-header' });
const pageNumber = (text: string): FurnitureLine => ({ text, kind: 'page-number' });
const blank = (text = ''): FurnitureLine => ({ blank: text });

function centred(text: string, width: number): string {
  return ' '.repeat(Math.max(0, Math.floor((width - text.length) / 2))) + text;
}

export const STYLES: readonly ExtractionStyle[] = [
  {
    name: 'institute-header',
    description:
      'institute name as a running header on top of every page; markers glued after closing quotes',
    width: 95,
    pageLines: 30,
    hyphenation: 0.4,
    compounds: 0.9,
    footnotes: { format: 'after-quote', rate: 0.15, numbering: 'running' },
    header: () => [header(INSTITUTE)],
    traps: TRAPS,
  },
  {
    name: 'running-footer',
    description:
      'a running footer (journal title) at the bottom of every page; form feeds; glued markers per page',
    width: 80,
    pageLines: 28,
    hyphenation: 0.5,
    compounds: 0.9,
    footnotes: { format: 'glued', rate: 0.12, numbering: 'per-page' },
    footer: () => [header('Annual Review of Cross-Border Cooperation, Volume 12')],
    formFeed: true,
    traps: TRAPS,
  },
  {
    name: 'header-page-number',
    description:
      'upper-case institute header plus a bare page number on top; roman markers run on; trailing spaces',
    width: 88,
    pageLines: 32,
    hyphenation: 0.3,
    compounds: 0.9,
    footnotes: { format: 'roman', rate: 0.12, numbering: 'running' },
    header: (page) => [header(INSTITUTE.toUpperCase()), pageNumber(page.label)],
    trailingSpaces: 0.5,
    traps: TRAPS,
  },
  {
    name: 'page-n',
    description:
      '"page N" and a series title at the foot; institute / blank / date block on top; bracketed markers',
    width: 100,
    pageLines: 30,
    hyphenation: 0.3,
    compounds: 0.9,
    footnotes: { format: 'bracketed', rate: 0.15, numbering: 'running' },
    header: () => [header('Centre for River and Maritime Policy'), blank(' '), header('March 2024')],
    footer: (page) => [
      pageNumber(`page ${page.label}`),
      header('Working Papers on Regional Development'),
      blank(),
    ],
    trailingSpaces: 0.8,
    traps: TRAPS,
  },
  {
    name: 'page-of-total',
    description: '"Page N of M" at the foot; CRLF line ends; superscript markers restarting per page',
    width: 72,
    pageLines: 26,
    hyphenation: 0.5,
    compounds: 0.9,
    footnotes: { format: 'superscript', rate: 0.15, numbering: 'per-page' },
    footer: (page) => [pageNumber(`Page ${page.label} of ${page.lastLabel}`)],
    lineEnd: '\r\n',
    traps: TRAPS,
  },
  {
    name: 'dash-number',
    description: 'a centred "- N -" at the foot after a blank line; narrow measure; spaced markers',
    width: 60,
    pageLines: 24,
    hyphenation: 0.6,
    compounds: 0.9,
    footnotes: { format: 'spaced', rate: 0.12, numbering: 'running' },
    footer: (page) => [blank(), pageNumber(centred(`- ${page.label} -`, 60))],
    traps: TRAPS,
  },
  {
    name: 'roman-front-matter',
    description:
      'bare page number on top of each page, roman (i, ii) for the first pages, then arabic from 1',
    width: 66,
    pageLines: 26,
    hyphenation: 0.5,
    compounds: 0.9,
    footnotes: { format: 'glued', rate: 0.1, numbering: 'running' },
    header: (page) => [pageNumber(page.label), blank(' ')],
    footer: () => [blank()],
    pageLabel: (index) => (index < 2 ? toRoman(index + 1) : String(index - 1)),
    traps: TRAPS,
  },
  {
    name: 'skipped-page',
    description:
      'institute header and a bare page number at the foot; one page number is missing (21, 22, 24)',
    width: 105,
    pageLines: 30,
    hyphenation: 0.3,
    compounds: 0.9,
    footnotes: { format: 'glued', rate: 0.12, numbering: 'per-page' },
    header: () => [header(INSTITUTE)],
    footer: (page) => [pageNumber(page.label)],
    pageLabel: (index) => String(21 + index + (index >= 2 ? 1 : 0)),
    shortLineBeforeBreak: 0.3,
    traps: TRAPS,
  },
  {
    name: 'number-in-header',
    description:
      'the page number inside the running header, alternating "166   TITLE" (verso) and "TITLE   167" (recto)',
    width: 84,
    pageLines: 28,
    hyphenation: 0.4,
    compounds: 0.9,
    footnotes: { format: 'glued', rate: 0.12, numbering: 'per-page' },
    header: (page) => [
      header(page.verso ? `${page.label}   ${RUNNING_TITLE}` : `${RUNNING_TITLE}   ${page.label}`),
    ],
    firstPage: 166,
    traps: TRAPS,
  },
  {
    name: 'verso-recto-titles',
    description:
      'book title on verso pages, the current chapter title on recto pages (it changes between chapters); number at the foot',
    width: 76,
    pageLines: 28,
    hyphenation: 0.4,
    compounds: 0.9,
    footnotes: { format: 'glued', rate: 0.1, numbering: 'running' },
    header: (page) => [header(page.verso ? BOOK_TITLE : page.chapter)],
    footer: (page) => [pageNumber(page.label)],
    firstPage: 48,
    traps: TRAPS,
  },
  {
    name: 'seed-like',
    description:
      'the seed: a three-line block (institute / number / "Translation published Spring 2024Title" glued) after the footnotes',
    width: 100,
    pageLines: 32,
    hyphenation: 0.2,
    compounds: 0.9,
    footnotes: { format: 'glued-or-spaced', rate: 0.12, numbering: 'per-page' },
    footer: (page) => [
      header('Riverside Institute for Policy Studies'),
      pageNumber(page.label),
      header('Translation published Spring 2024Essays on Shared Rivers and Regional Cooperation'),
    ],
    firstPage: 359,
    capitalAfterBreak: true,
    traps: TRAPS,
  },
  {
    name: 'page-by-page',
    description:
      'page-by-page translation: capital after every joined page break, short last lines; glued title header; form feeds',
    width: 110,
    pageLines: 30,
    hyphenation: 0.3,
    compounds: 0.9,
    footnotes: { format: 'glued', rate: 0.1, numbering: 'running' },
    header: () => [header('Fall 2023Basic Issues of Regional Cooperation in the New Period')],
    footer: (page) => [pageNumber(page.label)],
    firstPage: 12,
    formFeed: true,
    capitalAfterBreak: true,
    shortLineBeforeBreak: 0.8,
    traps: TRAPS,
  },
  {
    name: 'plain',
    description: 'furniture-free: ordinary hard-wrapped text, no pages, headers, page numbers or footnotes',
    width: 72,
    pageLines: null,
    hyphenation: 0.4,
    compounds: 0.9,
    footnotes: null,
    traps: TRAPS,
  },
];

/** The furniture-free style, whose extractions must yield no furniture findings. */
export const FURNITURE_FREE_STYLE = 'plain';

export function styleByName(name: string): ExtractionStyle {
  const style = STYLES.find((candidate) => candidate.name === name);
  if (!style)
    throw new Error(`no extraction style "${name}" (known: ${STYLES.map((s) => s.name).join(', ')})`);
  return style;
}
