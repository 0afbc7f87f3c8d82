/**
 * fast-check arbitraries for documents made of what extractions are made of, mixed with what
 * breaks naive code: real lines of the seed laid out on pages (running headers, page numbers,
 * footnotes with their markers), hyphenated line ends, doubled phrases and runs of them ("the
 * the the"), quotation marks, emoji and combining marks, control characters, CRLF and LF mixed,
 * blank and empty lines, and random text.
 */

import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

const seedPath = path.join(__dirname, '..', '..', 'fixtures', 'seed.txt');

/** The seed's body lines (its front matter left out), each at least a few words long. */
export const SEED_LINES: readonly string[] = fs
  .readFileSync(seedPath, 'utf8')
  .split('\n')
  .slice(8)
  .filter((line) => line.split(' ').length >= 4);

const seedLine = fc.constantFrom(...SEED_LINES);

/** Inserts `insertion` before the `at`-th space of `line` (or at its end). */
function insertAtSpace(line: string, at: number, insertion: string): string {
  let position = -1;
  for (let k = 0; k <= at; k++) {
    const next = line.indexOf(' ', position + 1);
    if (next === -1) return `${line} ${insertion.trimStart()}`;
    position = next;
  }
  return line.slice(0, position) + insertion + line.slice(position);
}

/**
 * A phrase of the line written two to four times: "share hardships and hardships", "the law of
 * the jungle, the law of the jungle", "inclusive, inclusive, inclusive". The copy follows the
 * phrase where it stands, as the translation engine's stutters do.
 */
const lineWithDoubledPhrase = fc
  .tuple(
    seedLine,
    fc.nat(30),
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 2, max: 4 }),
    fc.constantFrom(' ', ', ', ' and ', '; ', ' or '),
  )
  .map(([line, from, length, copies, separator]) => {
    const words = line.split(' ');
    const start = from % words.length;
    const phrase = words.slice(start, start + length).join(' ');
    // A conjunction written twice inside another repeat ("important and and important and
    // important") is corrected one round at a time: see analyse.property.test.ts.
    if (/^(and|or)\b|\b(and|or)$/i.test(phrase)) return line;
    const head = words.slice(0, start + length).join(' ');
    const tail = words.slice(start + length).join(' ');
    const extra = Array.from({ length: copies - 1 }, () => separator + phrase).join('');
    return `${head}${extra}${tail === '' ? '' : ' '}${tail}`;
  });

/** "the the the": one short word written over and over. */
const lineWithRun = fc
  .tuple(seedLine, fc.nat(20), fc.constantFrom('the', 'of', 'and', 'a', 'to'), fc.integer({ min: 2, max: 8 }))
  .map(([line, at, word, copies]) => insertAtSpace(line, at, ` ${Array(copies).fill(word).join(' ')}`));

/** A quotation mark or an apostrophe where it should not be, or one of a pair missing. */
const lineWithQuotes = fc
  .tuple(seedLine, fc.nat(20), fc.constantFrom('"', '“', '”', "'", '‘', '’', ' "', '" ', ' ” '))
  .map(([line, at, mark]) => insertAtSpace(line, at, mark));

/** Characters that are not ASCII letters, some of them several code units long. */
const oddCharacter = fc.constantFrom(
  '👍🏽',
  '👨‍👩‍👧',
  '🇨🇳',
  'e\u0301',
  '\u0308',
  'n\u0303\u0323',
  'مرحبا',
  'שָׁלוֹם',
  '\u200f',
  '\u200d',
  '\u00a0',
  '\u2028',
  '\t',
  '\x07',
  '\x1b[31m',
  '\ufeff',
  '…',
  '—',
  '¹',
);

const lineWithOddCharacters = fc
  .tuple(seedLine, fc.array(fc.tuple(fc.nat(20), oddCharacter), { minLength: 1, maxLength: 3 }))
  .map(([line, insertions]) =>
    insertions.reduce((text, [at, character]) => insertAtSpace(text, at, ` ${character}`), line),
  );

/** A seed line and the next, with the last word of the first cut by a line-end hyphen. */
const hyphenatedPair = fc.tuple(seedLine, seedLine).map(([first, second]): string[] => {
  const words = first.split(' ');
  const last = words.pop()!;
  if (last.length < 6) return [first, second];
  const cut = Math.floor(last.length / 2);
  return [`${words.join(' ')} ${last.slice(0, cut)}-`, `${last.slice(cut)} ${second}`];
});

/** A marker in a body line, and its note to end the page. */
const footnotePair = fc
  .tuple(seedLine, fc.integer({ min: 1, max: 9 }), fc.constantFrom('.', '.”', ','))
  .map(([line, label, after]): [string, string] => [
    line.replace(/\W*$/, `${after}${label}`),
    `${label} Xi Jinping: On Persisting, Central Literature Publishing House, 2018 edition, p. 51${label}.`,
  ]);

const bodyLines: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 8, arbitrary: seedLine.map((line) => [line]) },
  { weight: 2, arbitrary: hyphenatedPair },
  { weight: 2, arbitrary: lineWithDoubledPhrase.map((line) => [line]) },
  { weight: 1, arbitrary: lineWithRun.map((line) => [line]) },
  { weight: 1, arbitrary: lineWithQuotes.map((line) => [line]) },
  { weight: 1, arbitrary: lineWithOddCharacters.map((line) => [line]) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\f', '---', 'Footnotes:').map((line) => [line]) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }).map((line) => [line]) },
  { weight: 1, arbitrary: fc.nat(2100).map((number) => [String(number)]) },
);

const HEADERS = [
  'China Aerospace Studies Institute',
  'Translation published Fall 2023',
  'Basic Issues of Xi Jinping Thought',
];

/** How a page number is printed. */
const pageNumberStyle = fc.constantFrom(
  (n: number) => String(n),
  (n: number) => `page ${n}`,
  (n: number) => `- ${n} -`,
  (n: number) => `Page ${n} of 400`,
);

/**
 * Pages of body lines, each ended by furniture: a running header and a page number going up
 * by one (sometimes skipping), a note at the bottom of some.
 */
const pages: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.array(bodyLines, { minLength: 2, maxLength: 12 }),
        fc.option(footnotePair, { freq: 3 }),
        fc.boolean(),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    fc.integer({ min: 1, max: 400 }),
    pageNumberStyle,
    fc.constantFrom(...HEADERS),
    fc.boolean(),
  )
  .map(([pageList, first, style, header, headerFirst]) => {
    const lines: string[] = [];
    let number = first;
    for (const [body, note, skip] of pageList) {
      const flat = body.flat();
      if (note) flat.push(note[0], note[1]);
      lines.push(...flat);
      number += skip ? 2 : 1;
      lines.push(...(headerFirst ? [header, style(number)] : [style(number), header]));
    }
    return lines;
  });

/** A document: pages, or loose lines, joined by LF, CRLF or a mix, with or without a last break. */
export const adversarialDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      pages,
      fc.array(bodyLines, { maxLength: 40 }).map((groups) => groups.flat()),
    ),
    fc.constantFrom<'lf' | 'crlf' | 'mixed'>('lf', 'crlf', 'mixed'),
    fc.boolean(),
  )
  .map(([lines, breaks, finalBreak]) => {
    const breakAfter = (k: number): string =>
      breaks === 'lf' ? '\n' : breaks === 'crlf' || k % 3 === 0 ? '\r\n' : '\n';
    const text = lines.map((line, k) => line + (k < lines.length - 1 ? breakAfter(k) : '')).join('');
    return finalBreak && text !== '' ? text + breakAfter(lines.length) : text;
  });

/** A paragraph that shares no words with the seed, to put in front of a document. */
export const UNRELATED_PARAGRAPH =
  'Quokkas graze beside wombats at dusk; zoologists tally marsupial burrows near Yallingup.\n\n';
