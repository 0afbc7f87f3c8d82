/**
 * The artefact forms inject-artefacts.ts puts into clean prose: one small function per form, each
 * proposing one edit of one block (a paragraph or heading on one line) at a seeded random site,
 * with the exact truth of what it did: the artefact's span in the edited block and the text the
 * span should read (`fixed`). The forms are the ones issue 3 lists:
 *
 * - doubled-phrase: "the the", "hardships and hardships", "inclusive, inclusive", "the law of the
 *   jungle, the law of the jungle", "in the mentality, and in the mentality", a list item doubled
 *   ("open, inclusive, inclusive, balanced"), a heading word ("Responsibilities and
 *   Responsibilities"), and the same across a line break once the text is wrapped;
 * - quote: an opening or a closing mark removed, a straight/curly mix, a closing mark turned into
 *   an opening one, a space inside the closing mark ('low. "'), a single closing mark for a double;
 * - spacing: " ,", "  ", ".The", "2023Basic", "V olume";
 * - capitalisation: "and Four major", "; Persist in".
 */

import type { Random } from './random';
import type { ArtefactKind } from './truth';

export interface Range {
  start: number;
  end: number;
}

/** A span relative to where the edit's insert starts in the edited block (it may reach before or past it). */
export interface PlannedArtefact extends Range {
  kind: ArtefactKind;
  form: string;
  fixed: string;
}

export interface PlannedTrap extends Range {
  kinds: ArtefactKind[];
  note: string;
}

/** One change of a block: `remove` characters at `at` (in the original block) replaced by `insert`. */
export interface BlockEdit {
  at: number;
  remove: number;
  insert: string;
  /** What the block reads there when the artefact is corrected (the original text, or a created quotation). */
  intended: string;
  /** The original range the edit relies on: no other edit may touch it. */
  reserve: Range;
  /** Original text kept inside the replaced range (a quotation's words), and where it lands in `insert`. */
  keep?: { from: number; to: number; at: number };
  artefacts: PlannedArtefact[];
  traps: PlannedTrap[];
  /** A relative offset of a space that the wrapper must turn into the line break. */
  breakAt?: number;
}

/** Whether an edit may reserve `reserve` and change the characters in `changed` (default: all of `reserve`). */
export type IsFree = (reserve: Range, changed?: readonly Range[]) => boolean;

export interface Form {
  name: string;
  kind: ArtefactKind;
  /** Headings only (the other forms go into paragraphs). */
  headings?: boolean;
  propose(block: string, random: Random, isFree: IsFree): BlockEdit | null;
}

/** Words a doubled phrase does not start or end with (but "the the" itself). */
const JOINING_WORDS = new Set('and or but nor the a an of to in for on with by as at'.split(' '));

/** Words that make an idiom or a grammatical double when repeated ("more and more", "had had"). */
const NEVER_DOUBLED = new Set(
  'more less bigger smaller again over step side one day face through hand year time that had their there these those which while where other others'.split(
    ' ',
  ),
);

function pickMatch(
  block: string,
  pattern: RegExp,
  random: Random,
  isFree: IsFree,
  reserveOf: (index: number, length: number) => Range,
  accept: (text: string) => boolean = () => true,
): { index: number; text: string } | null {
  const sites = [...block.matchAll(pattern)]
    .map((match) => ({ index: match.index, text: match[0] }))
    .filter((site) => accept(site.text) && isFree(reserveOf(site.index, site.text.length)));
  return sites.length === 0 ? null : random.pick(sites);
}

const around = (index: number, length: number, margin = 2): Range => ({
  start: index - margin,
  end: index + length + margin,
});

// ---- doubled phrases ---------------------------------------------------------------------------

/** Repeats a word or phrase right after itself with `joiner` between: "X" → "X{joiner}X". */
function doubling(name: string, pattern: RegExp, joiner: string, breakAt?: number, headings = false): Form {
  return {
    name,
    kind: 'doubled-phrase',
    headings,
    propose(block, random, isFree) {
      const site = pickMatch(block, pattern, random, isFree, around, (text) => {
        const words = text.toLowerCase().split(' ');
        // "fairer and fairer" is English ("bigger and bigger"): no comparative is doubled.
        if (words.some((word) => NEVER_DOUBLED.has(word) || (words.length === 1 && /er$/.test(word))))
          return false;
        return (
          words.length === 1 || !(JOINING_WORDS.has(words[0]!) || JOINING_WORDS.has(words[words.length - 1]!))
        );
      });
      if (!site) return null;
      const insert = joiner + site.text;
      return {
        at: site.index + site.text.length,
        remove: 0,
        insert,
        intended: '',
        reserve: around(site.index, site.text.length),
        artefacts: [
          {
            kind: 'doubled-phrase',
            form: name,
            start: -site.text.length,
            end: insert.length,
            fixed: site.text,
          },
        ],
        traps: [],
        breakAt,
      };
    },
  };
}

const CONTENT_WORD = /(?<=[a-z,] )[a-z]{5,}(?=[ ,.;])/g;
const PHRASE = /(?<=[a-z] |, )[a-z]+(?: [a-z]+){2,4}(?=[,.;])/g;

export const DOUBLED_FORMS: readonly Form[] = [
  doubling('"the the"', /(?<=[a-z,] )(?:the|of|to|in|for|and|on|with)(?= [a-z])/g, ' '),
  doubling('"X and X"', CONTENT_WORD, ' and '),
  doubling('"X, X"', CONTENT_WORD, ', '),
  doubling('"phrase, phrase"', PHRASE, ', '),
  doubling('"phrase, and phrase"', PHRASE, ', and '),
  doubling('list item doubled', /(?<=, )[a-z][a-z-]+(?: [a-z][a-z-]+)?(?=, [a-z]| and [a-z])/g, ', '),
  doubling('heading "X and X"', /(?<= )[A-Z][a-z]{4,}\b/g, ' and ', undefined, true),
  doubling('"X and X" across a line break', CONTENT_WORD, ' and ', 0),
  doubling('"phrase, phrase" across a line break', PHRASE, ', ', 1),
];

// ---- quotes ------------------------------------------------------------------------------------

interface QuotePair extends Range {
  open: string;
  close: string;
  words: string;
  /** Made by the generator from plain words: the original text is `words` alone. */
  created: boolean;
}

const STRAIGHT_PAIR = /(?<=^|[\s(])"([^"“”‘’\n]{2,300}?)"(?=$|[\s.,;:!?)])/g;
const CURLY_PAIR = /“([^"“”‘’\n]{2,300}?)”/g;
const QUOTABLE_WORDS = /(?<=[a-z,] )[a-z]+(?: [a-z]+){1,3}(?=[ ,.;])/g;
const ANY_QUOTATION = /"[^"\n]*"|“[^”\n]*”/g;

/**
 * The quotations of a block, whatever their contents: a quotation made up by the generator, or a
 * trap sentence with quotation marks, never goes inside one (a double mark nested in a double
 * quotation would be an artefact of its own).
 */
export function quotationRanges(block: string): Range[] {
  return [...block.matchAll(ANY_QUOTATION)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function existingPairs(block: string, curlyOnly: boolean): QuotePair[] {
  const pairs: QuotePair[] = [];
  for (const [pattern, open, close] of [
    [STRAIGHT_PAIR, '"', '"'],
    [CURLY_PAIR, '“', '”'],
  ] as const) {
    if (curlyOnly && open === '"') continue;
    for (const match of block.matchAll(pattern)) {
      pairs.push({
        start: match.index,
        end: match.index + match[0].length,
        open,
        close,
        words: match[1]!,
        created: false,
      });
    }
  }
  return pairs;
}

/** The marks an edit of the pair changes, with the characters next to them. */
const markRanges = (pair: QuotePair): Range[] =>
  pair.created
    ? [{ start: pair.start - 1, end: pair.end + 1 }]
    : [
        { start: pair.start - 1, end: pair.start + 2 },
        { start: pair.end - 2, end: pair.end + 1 },
      ];

function pickPair(block: string, random: Random, isFree: IsFree, curlyOnly: boolean): QuotePair | null {
  const free = existingPairs(block, curlyOnly).filter((pair) =>
    isFree({ start: pair.start - 2, end: pair.end + 2 }, markRanges(pair)),
  );
  if (free.length > 0) return random.pick(free);
  const quotations = quotationRanges(block);
  const site = pickMatch(
    block,
    QUOTABLE_WORDS,
    random,
    (reserve) =>
      isFree(reserve) && !quotations.some((range) => range.start < reserve.end && reserve.start < range.end),
    around,
  );
  if (!site) return null;
  const curly = curlyOnly || random.chance(0.5);
  return {
    start: site.index,
    end: site.index + site.text.length,
    open: curly ? '“' : '"',
    close: curly ? '”' : '"',
    words: site.text,
    created: true,
  };
}

/** Breaks a quotation: `broken` gives the marks it is printed with, and where its words start in them. */
function quoteBreak(
  name: string,
  broken: (pair: QuotePair, random: Random) => { open: string; close: string },
  curlyOnly = false,
): Form {
  return {
    name,
    kind: 'quote',
    propose(block, random, isFree) {
      const pair = pickPair(block, random, isFree, curlyOnly);
      if (!pair) return null;
      const { open, close } = broken(pair, random);
      const insert = open + pair.words + close;
      const intended = pair.open + pair.words + pair.close;
      return {
        at: pair.start,
        remove: pair.end - pair.start,
        insert,
        intended,
        reserve: { start: pair.start - 2, end: pair.end + 2 },
        keep: {
          from: pair.created ? pair.start : pair.start + pair.open.length,
          to: pair.created ? pair.end : pair.end - pair.close.length,
          at: open.length,
        },
        artefacts: [{ kind: 'quote', form: name, start: 0, end: insert.length, fixed: intended }],
        traps: [],
      };
    },
  };
}

const straight = (pair: QuotePair): boolean => pair.open === '"';

export const QUOTE_FORMS: readonly Form[] = [
  quoteBreak('opening mark removed', (pair) => ({ open: '', close: pair.close })),
  quoteBreak('closing mark removed', (pair) => ({ open: pair.open, close: '' })),
  quoteBreak('straight/curly mix', (pair, random) => {
    const atEnd = random.chance(0.5);
    if (straight(pair)) return atEnd ? { open: '"', close: '”' } : { open: '“', close: '"' };
    return atEnd ? { open: '“', close: '"' } : { open: '"', close: '”' };
  }),
  quoteBreak('closing mark turned into an opening one', () => ({ open: '“', close: '“' }), true),
  quoteBreak('space inside the closing mark', (pair) => ({ open: pair.open, close: ` ${pair.close}` })),
  quoteBreak('single closing mark for a double', (pair) => ({
    open: pair.open,
    close: straight(pair) ? "'" : '’',
  })),
];

// ---- spacing -----------------------------------------------------------------------------------

/**
 * A spacing edit at `index`: `remove` characters replaced by `insert`; the artefact spans
 * [index + from, index + to) of the original block as edited, and reads `fixed` when corrected.
 */
function spacing(
  name: string,
  pattern: RegExp,
  edit: (
    block: string,
    index: number,
    text: string,
  ) => {
    at: number;
    remove: number;
    insert: string;
    from: number;
    to: number;
    fixed: string;
  },
): Form {
  return {
    name,
    kind: 'spacing',
    propose(block, random, isFree) {
      const site = pickMatch(block, pattern, random, isFree, (index, length) => around(index, length, 3));
      if (!site) return null;
      const change = edit(block, site.index, site.text);
      return {
        at: change.at,
        remove: change.remove,
        insert: change.insert,
        intended: block.slice(change.at, change.at + change.remove),
        reserve: around(site.index, site.text.length, 3),
        artefacts: [{ kind: 'spacing', form: name, start: change.from, end: change.to, fixed: change.fixed }],
        traps: [],
      };
    },
  };
}

/** A removed space: the artefact is the two characters it separated ("9B" → "9 B"). */
const removeSpace = (block: string, index: number) => ({
  at: index,
  remove: 1,
  insert: '',
  from: -1,
  to: 1,
  fixed: `${block[index - 1]!} ${block[index + 1]!}`,
});

export const SPACING_FORMS: readonly Form[] = [
  spacing('space before punctuation', /(?<=[a-z0-9])[,;.](?= [a-zA-Z])/g, (_block, index, text) => ({
    at: index,
    remove: 0,
    insert: ' ',
    from: 0,
    to: 2,
    fixed: text,
  })),
  spacing('doubled space', /(?<=[a-z,]) (?=[a-z])/g, (_block, index) => ({
    at: index,
    remove: 0,
    insert: ' ',
    from: 0,
    to: 2,
    fixed: ' ',
  })),
  spacing('missing space after a full stop', /(?<=[a-z]\.) (?=[A-Z][a-z])/g, removeSpace),
  spacing('number glued to a word', /(?<=\b\d{4}) (?=[A-Za-z])/g, removeSpace),
  spacing('space inside a word', /(?<=[a-z,] )[A-Z][a-z]{3,}\b|(?<=[a-z] )[a-z]{6,}\b/g, (block, index) => ({
    at: index + 1,
    remove: 0,
    insert: ' ',
    from: -1,
    to: 2,
    fixed: block.slice(index, index + 2),
  })),
];

// ---- capitals ----------------------------------------------------------------------------------

function capital(name: string, pattern: RegExp): Form {
  return {
    name,
    kind: 'capitalisation',
    propose(block, random, isFree) {
      const site = pickMatch(block, pattern, random, isFree, around);
      if (!site) return null;
      const upper = site.text[0]!.toUpperCase();
      return {
        at: site.index,
        remove: 1,
        insert: upper,
        intended: site.text[0]!,
        reserve: around(site.index, site.text.length),
        artefacts: [
          { kind: 'capitalisation', form: name, start: 0, end: site.text.length, fixed: site.text },
        ],
        traps: [],
      };
    },
  };
}

export const CAPITAL_FORMS: readonly Form[] = [
  capital('capital in mid-sentence', /(?<=[a-z,] )[a-z]{3,}(?=[ ,;.])/g),
  capital('capital after a semicolon', /(?<=; )[a-z]{2,}(?=[ ,])/g),
];
