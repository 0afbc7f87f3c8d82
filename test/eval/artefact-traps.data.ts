/**
 * What the artefact generator (inject-artefacts.ts) must leave unflagged: sentences it inserts
 * between two sentences of the clean prose, each carrying the traps issue 3 names, and the
 * patterns that find the same kind of trap already present in the clean prose.
 */

import type { ArtefactKind } from './truth';

export interface TrapPhrase {
  /** The trap as it appears in the sentence (its first occurrence, or the `nth`, 0-based). */
  text: string;
  kinds: ArtefactKind[];
  note: string;
  nth?: number;
}

export interface TrapSentence {
  sentence: string;
  traps: TrapPhrase[];
  /**
   * An artefact the sentence carries on purpose ("People’ s": the apostrophe is a quote trap, the
   * space a spacing artefact), with its correction; `fixed` also gives the sentence as intended.
   */
  artefact?: { kind: ArtefactKind; text: string; fixed: string; form: string };
}

const DOUBLED: ArtefactKind[] = ['doubled-phrase'];
const QUOTE: ArtefactKind[] = ['quote'];
const SPACING: ArtefactKind[] = ['spacing'];
const CAPITAL: ArtefactKind[] = ['capitalisation'];

const idiom = (text: string): TrapPhrase => ({ text, kinds: DOUBLED, note: 'idiom' });
const apostrophe = (text: string, nth?: number): TrapPhrase => ({
  text,
  kinds: QUOTE,
  note: 'apostrophe',
  nth,
});

export const TRAP_SENTENCES: readonly TrapSentence[] = [
  {
    sentence: 'Trade grew more and more, and the queues at the border became bigger and bigger.',
    traps: [idiom('more and more'), idiom('bigger and bigger')],
  },
  {
    sentence: 'The negotiators went over and over the draft, again and again, and settled it step by step.',
    traps: [idiom('over and over'), idiom('again and again'), idiom('step by step')],
  },
  {
    sentence: 'The two teams worked side by side and checked the samples one by one, day by day.',
    traps: [idiom('side by side'), idiom('one by one'), idiom('day by day')],
  },
  {
    sentence: 'The ministers met face to face and called the result a win-win outcome.',
    traps: [idiom('face to face'), { text: 'win-win', kinds: DOUBLED, note: 'reduplication' }],
  },
  {
    sentence: 'She was a diplomat through and through.',
    traps: [idiom('through and through')],
  },
  {
    sentence: 'By then the mayor had had enough, and he said that that was the end of the matter.',
    traps: [
      { text: 'had had', kinds: DOUBLED, note: 'grammatical double ("they had had")' },
      { text: 'that that', kinds: DOUBLED, note: 'grammatical double (conjunction + pronoun)' },
    ],
  },
  {
    sentence: 'The delegation stopped in Bora Bora, where a band was playing Duran Duran songs.',
    traps: [
      { text: 'Bora Bora', kinds: [...DOUBLED, ...CAPITAL], note: 'a name' },
      { text: 'Duran Duran', kinds: [...DOUBLED, ...CAPITAL], note: 'a name' },
    ],
  },
  {
    sentence: 'Their charter promised equal rights, equal opportunities and equal rules.',
    traps: [
      {
        text: 'equal rights, equal opportunities and equal rules',
        kinds: DOUBLED,
        note: 'parallel list (issue 3)',
      },
    ],
  },
  {
    sentence: 'People there seek peace, protect peace and share peace.',
    traps: [
      {
        text: 'seek peace, protect peace and share peace',
        kinds: DOUBLED,
        note: 'parallel clauses (issue 3)',
      },
    ],
  },
  {
    sentence:
      "Each other's interests, the members' votes and the people’s wishes were weighed, and nobody's view was lost.",
    traps: [apostrophe("other's"), apostrophe("members'"), apostrophe('people’s'), apostrophe("nobody's")],
  },
  {
    sentence: 'The tallest player was 5\'10" and ran the mile in 4\'05", and the pipes were 12" wide.',
    traps: [
      { text: '5\'10"', kinds: QUOTE, note: 'feet and inches' },
      { text: '4\'05"', kinds: QUOTE, note: 'minutes and seconds' },
      { text: '12"', kinds: QUOTE, note: 'inches' },
    ],
  },
  {
    sentence:
      'The G20 discussed 5G, the 16+1 format, COVID-19, iPhone exports and McDonald franchises in the 2030s.',
    traps: [
      { text: 'G20', kinds: [...SPACING, ...CAPITAL], note: 'letters and digits' },
      { text: '5G', kinds: SPACING, note: 'digits and letters' },
      { text: '16+1', kinds: SPACING, note: 'a format name' },
      { text: 'COVID-19', kinds: [...SPACING, ...CAPITAL], note: 'an acronym with digits' },
      { text: 'iPhone', kinds: [...SPACING, ...CAPITAL], note: 'a brand with an inner capital' },
      { text: 'McDonald', kinds: [...SPACING, ...CAPITAL], note: 'a name with an inner capital' },
      { text: '2030s', kinds: SPACING, note: 'a decade' },
    ],
  },
  {
    sentence:
      'Delegates of the Belt and Road, the UN and The Sustainable Cities Alliance read "The Art of Peace" aloud.',
    traps: [
      { text: 'Belt and Road', kinds: CAPITAL, note: 'a name' },
      { text: 'UN', kinds: CAPITAL, note: 'an acronym' },
      { text: 'The Sustainable Cities Alliance', kinds: CAPITAL, note: 'a name (issue 3)' },
      { text: 'The Art of Peace', kinds: CAPITAL, note: 'a title in quotes' },
    ],
  },
  {
    sentence: 'In the ’90s the rock ’n’ roll bands toured the region again.',
    traps: [
      { text: '’90s', kinds: QUOTE, note: 'an apostrophe that opens a word' },
      { text: '’n’', kinds: QUOTE, note: 'two apostrophes around a letter' },
    ],
  },
  {
    sentence: 'The report appeared in the People’ s Daily the next morning.',
    traps: [
      { text: 'People’ s', kinds: QUOTE, note: 'an apostrophe with a stray space (issue 3: "People’ s")' },
    ],
    artefact: { kind: 'spacing', text: '’ s', fixed: '’s', form: 'space after an apostrophe' },
  },
  {
    sentence: 'He told us: “We will come back, ‘whatever the weather,’ as we promised.”',
    traps: [
      { text: '‘whatever the weather,’', kinds: QUOTE, note: 'a nested quotation' },
      { text: 'We', kinds: CAPITAL, note: 'a capital that opens a quotation' },
    ],
  },
  {
    sentence: 'The Secretary-General, Dr. Amina Diallo, spoke for the WHO and the IMF.',
    traps: [
      { text: 'Dr. Amina Diallo', kinds: CAPITAL, note: 'a title and a name' },
      { text: 'WHO', kinds: CAPITAL, note: 'an acronym' },
      { text: 'IMF', kinds: CAPITAL, note: 'an acronym' },
    ],
  },
  {
    sentence: 'Growth reached 4.5 per cent, and exports rose year after year.',
    traps: [
      { text: '4.5', kinds: SPACING, note: 'a decimal point' },
      { text: 'year after year', kinds: DOUBLED, note: 'idiom' },
    ],
  },
];

/** A pattern that finds traps already in the clean prose; group 0 is the trap. */
export interface TrapPattern {
  pattern: RegExp;
  kinds: ArtefactKind[];
  note: string;
}

export const TRAP_PATTERNS: readonly TrapPattern[] = [
  // "face to face", "step by step", "year after year", "again and again", "hand in hand"
  { pattern: /\b([A-Za-z]+) (?:and|by|to|after|in) \1\b/gi, kinds: DOUBLED, note: 'idiom' },
  // "had had", "that that", "Bora Bora"
  { pattern: /\b([A-Za-z]+) \1\b/gi, kinds: DOUBLED, note: 'a legitimate double' },
  { pattern: /\b([a-z]+)-\1\b/g, kinds: DOUBLED, note: 'reduplication' },
  {
    pattern: /equal rights, equal opportunities and equal rules|seek peace, protect peace and share peace/g,
    kinds: DOUBLED,
    note: 'parallel phrases (issue 3)',
  },
  { pattern: /one another/g, kinds: DOUBLED, note: 'idiom' },
  // "other's", "don't", "secretariat’s"
  { pattern: /\b[A-Za-z]+['’][A-Za-z]+\b/g, kinds: QUOTE, note: 'apostrophe' },
  // "the members' votes"
  { pattern: /\b[A-Za-z]+s['’](?=[\s,.;:])/g, kinds: QUOTE, note: 'plural possessive apostrophe' },
  // 5'10", 12", 4'30"
  { pattern: /\b\d+'\d+"|\b\d+"(?=[\s,.;])/g, kinds: QUOTE, note: 'feet and inches, minutes and seconds' },
  // 'the river does not return to its source', ‘We will not sign ...,’
  {
    pattern: /(?<=\s)'[a-z][^'"\n]*[a-z.,]'(?=[\s.,;:])|‘[^‘’\n]*’/g,
    kinds: QUOTE,
    note: 'a single-quoted phrase',
  },
  {
    pattern: /\b(?:G20|5G|16\+1|COVID-19|iPhone|eBay|McDonald|2030s|US\$[\d.]+)|\b\d+\.\d+\b/g,
    kinds: SPACING,
    note: 'letters, digits and signs that belong together',
  },
  {
    pattern:
      /\b(?:The Sustainable Cities Alliance|Belt and Road(?: Forum)?|World Health Organization|UN|ASEAN|WHO|COVID-19|G20|iPhone|eBay|McDonald|Bora Bora|Duran Duran|Framework for Regional Cooperation|Rivers Without Borders|The Long Road to Trust)\b/g,
    kinds: CAPITAL,
    note: 'a name, a title or an acronym',
  },
];
