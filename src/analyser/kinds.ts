/**
 * The closed list of finding kinds (CONTRACT.md, "Kinds"), each with what it is and one
 * example of the artefact and its correction, shown by `galley --help` and the README.
 */

export const KINDS = [
  'running-header',
  'page-number',
  'footnote',
  'footnote-marker',
  'page-break',
  'paragraph-break',
  'line-wrap',
  'hyphenation',
  'capitalisation',
  'doubled-phrase',
  'quote',
  'spacing',
] as const;

export type Kind = (typeof KINDS)[number];

/** The kinds of the page's structure, which the layout computes together. */
export const PAGE_STRUCTURE_KINDS: readonly Kind[] = [
  'running-header',
  'page-number',
  'footnote',
  'footnote-marker',
  'page-break',
  'paragraph-break',
  'line-wrap',
  'hyphenation',
];

export interface KindInfo {
  kind: Kind;
  summary: string;
  /** The artefact as it stands in an extraction, and the text after the correction. */
  example: { before: string; after: string };
}

export const KIND_INFO: Record<Kind, KindInfo> = {
  'running-header': {
    kind: 'running-header',
    summary: 'a line of page furniture that is text: running header or footer, repeated title',
    example: {
      before: 'the reform\nChina Aerospace Studies Institute\nof the global',
      after: 'the reform\nof the global',
    },
  },
  'page-number': {
    kind: 'page-number',
    summary: 'a furniture line that is a page number ("359", "Page 12 of 40", "- 12 -")',
    example: { before: 'deficit.\n359\nWhat is wrong', after: 'deficit.\nWhat is wrong' },
  },
  footnote: {
    kind: 'footnote',
    summary: 'a footnote body at a page bottom; removed from the body, kept as a note',
    example: {
      before: 'reality.\n1 Xi Jinping: On Persisting, p. 510.\n',
      after: 'reality.\n(note 1 in the Notes)',
    },
  },
  'footnote-marker': {
    kind: 'footnote-marker',
    summary: 'the in-text reference to a footnote; becomes a note reference',
    example: { before: 'into reality. 1 In March', after: 'into reality.[1] In March' },
  },
  'page-break': {
    kind: 'page-break',
    summary: 'a sentence cut by a page break; the pieces joined across the furniture',
    example: {
      before: 'innovation-driven development,\n380\nStrive to work',
      after: 'innovation-driven development, Strive to work',
    },
  },
  'paragraph-break': {
    kind: 'paragraph-break',
    summary: 'the end of a paragraph; marked by one blank line in the edition',
    example: { before: 'in the new era.\nToday the world', after: 'in the new era.\n\nToday the world' },
  },
  'line-wrap': {
    kind: 'line-wrap',
    summary: 'a hard line break inside a paragraph; becomes a space',
    example: {
      before: 'faced with the new situation\nthat the world',
      after: 'faced with the new situation that the world',
    },
  },
  hyphenation: {
    kind: 'hyphenation',
    summary: 'a hyphen at a line end; the word joined, or the hyphen kept in a real compound',
    example: { before: 'empha-\nsis and all-\nround', after: 'emphasis and all-round' },
  },
  capitalisation: {
    kind: 'capitalisation',
    summary: 'a spurious capital, e.g. after a page break',
    example: { before: 'development, Strive to work', after: 'development, strive to work' },
  },
  'doubled-phrase': {
    kind: 'doubled-phrase',
    summary: 'a word or phrase repeated by mistake',
    example: { before: 'share hardships and hardships', after: 'share hardships' },
  },
  quote: {
    kind: 'quote',
    summary: 'an unbalanced, mismatched or misplaced quotation mark',
    example: { before: '"One Belt, One Road\' initiative', after: '"One Belt, One Road" initiative' },
  },
  spacing: {
    kind: 'spacing',
    summary: 'a space before punctuation, a missing space, doubled spaces',
    example: { before: 'in 2017 , focus', after: 'in 2017, focus' },
  },
};

const KIND_SET: ReadonlySet<string> = new Set(KINDS);

export function isKind(value: string): value is Kind {
  return KIND_SET.has(value);
}
