/**
 * The rules of the spacing detector (spacing.ts), one function per artefact, each reporting a
 * view range and its correction. Each exception quotes the text that motivates it; the header
 * of spacing.ts lists them all. Kept apart from the detector for its size, not for reuse.
 */

import { FUNCTION_WORDS } from '../layout/function-words.data';
import { isEnglishWord } from '../layout/lexicon';
import {
  ADDRESS_ENDINGS,
  CAMEL_CASE_NAMES,
  NAME_PREFIXES,
  PUNCTUATION_NAMES,
  SPLIT_ABBREVIATIONS,
} from './spacing.data';

/** Reports the view range [start, end) with its replacement, confidence and message. */
export type Report = (
  start: number,
  end: number,
  replacement: string,
  confidence: number,
  message: string,
) => void;

/** A lower → upper boundary ("TipsReview"), judged once the whole text is seen. */
export interface CamelCase {
  start: number;
  capital: number;
  token: string;
}

/** "2017 , focus", "met .", "why ?", "Note : the", "(see above )": the spaces [start, end). */
export function spaceBeforePunctuation(text: string, start: number, end: number, report: Report): void {
  const mark = text[end]!;
  const after = text.charCodeAt(end + 1);
  // "[火爆依旧 !]" and "System,” , 252" are left alone; "“the Road” ," and "(2017) ," are not.
  const word = ')]”’%'.includes(text[start - 1]!) ? start - 1 : start;
  if (!isAlnum(text.charCodeAt(word - 1)) || inAddress(text, start - 1)) return;
  // "74 . 90", "1 , 000": a table or a number.
  if (isDigit(text.charCodeAt(start - 1)) && isDigit(text.charCodeAt(end + (after === 32 ? 2 : 1)))) return;
  const closing = mark === ')' || mark === ']';
  // "so on ...", "at .5", ".com", "at 10 :30"; but "(see above )." is a closing bracket.
  const follows = closing ? '.,;:!?”’"\')]' : '”’"\')]';
  if (mark !== ',' && mark !== ';' && !isBlank(after) && !follows.includes(text[end + 1]!)) return;
  if (closing && !opensBefore(text, start, mark === ')' ? '(' : '[')) return;
  const confidence = ',;'.includes(mark) ? 0.95 : '.?!'.includes(mark) ? 0.9 : 0.85;
  report(start, end, '', confidence, `A space stands before the ${PUNCTUATION_NAMES.get(mark)}: remove it.`);
}

/** "formulate  nuclear": the spaces after the first; lower where they may be layout. */
export function doubledSpace(text: string, start: number, end: number, report: Report): void {
  const before = text[start - 1];
  if (before === undefined || before === '\n' || end === text.length || text[end] === '\n') return;
  // "twitter.com/CASI_Research  @CASI_Research": addresses laid out in a row.
  if (inAddress(text, start - 1) && inAddress(text, end)) return;
  let confidence = 0.9;
  // "campaign.  Could": two spaces after a sentence are a typist's habit as much as an artefact.
  if ('.!?'.includes(before) || ('”’")'.includes(before) && '.!?'.includes(text[start - 2]!)))
    confidence = 0.85;
  // "Publication and Issue:  Military", "700 mm x 1000 mm  1/16": a form or a table aligned
  // with spaces, more so with three or more ("Chief Editor:   Shou").
  if (before === ':' || isDigit(text.charCodeAt(end))) confidence = 0.7;
  if (end - start > 2) confidence = 0.6;
  report(start + 1, end, '', confidence, 'Doubled space between words: keep one.');
}

/** "met.The", "bonus?The", "forward.”The": the mark and the capital at `capital`. */
export function missingSpaceAfterSentence(text: string, capital: number, report: Report): void {
  const mark = '.!?'.includes(text[capital - 1]!) ? capital - 1 : capital - 2;
  if (!'.!?'.includes(text[mark]!)) return;
  // "U.S.The", "e.g.The", "J.R.R.Tolkien": an abbreviation or initials, not a sentence end.
  const digit = isDigit(text.charCodeAt(mark - 1));
  if (!digit && !(isLower(text.charCodeAt(mark - 1)) && isLower(text.charCodeAt(mark - 2)))) return;
  const end = wordEnd(text, capital + 1);
  if (!endsToken(text, end) || inAddress(text, mark, mark)) return;
  const word = text.slice(capital, end);
  // "Gov.Uk", "ASP.Net", "Report.Pdf"; "mongoose.Schema;", "Minipass.Events {": code reads on
  // otherwise than a sentence, which opens with a function word or goes on in lower case.
  if ((text[mark] === '.' && ADDRESS_ENDINGS.has(word.toLowerCase())) || !isEnglishWord(word)) return;
  if (!FUNCTION_WORDS.has(word.toLowerCase()) && !(text[end] === ' ' && isLower(text.charCodeAt(end + 1))))
    return;
  const message = `No space after the sentence end "${text.slice(mark, capital)}": add one.`;
  report(capital - 1, capital + 1, spacedAt(text, capital), digit ? 0.85 : 0.9, message);
}

/** "2023Basic", "sub-system.189Another": the last digit at `at`. */
export function gluedNumber(text: string, at: number, report: Report): void {
  let digits = at;
  while (isDigit(text.charCodeAt(digits - 1))) digits--;
  const end = wordEnd(text, at + 2);
  // "L3Harris", "C6H12O6": a letter before the digits makes a code or a formula; "DF-21Ds".
  if (isLetter(text.charCodeAt(digits - 1)) || end - at < 4 || !endsToken(text, end)) return;
  const word = text.slice(at + 1, end);
  if (inAddress(text, at) || CAMEL_CASE_NAMES.has(text.slice(digits, end)) || !isEnglishWord(word)) return;
  report(at, at + 2, spacedAt(text, at + 1), 0.9, `A number runs into the word "${word}": add a space.`);
}

/**
 * "in 2019the plan": a year run into a lower-case word. Only four digits and a word of three
 * letters or more that the lexicon knows: "2030s", "5th", "10km", "3rd" stay as they are.
 */
export function yearGluedToWord(text: string, at: number, report: Report): void {
  let digits = at;
  while (isDigit(text.charCodeAt(digits - 1))) digits--;
  if (at - digits !== 3 || isLetter(text.charCodeAt(digits - 1))) return;
  const end = wordEnd(text, at + 1);
  const word = text.slice(at + 1, end);
  if (word.length < 3 || !endsToken(text, end) || inAddress(text, at) || !isEnglishWord(word)) return;
  report(at, at + 2, spacedAt(text, at + 1), 0.85, `A year runs into the word "${word}": add a space.`);
}

export function collectCamelCase(text: string, capital: number, found: CamelCase[]): void {
  let start = capital - 1;
  while (isLower(text.charCodeAt(start - 1))) start--;
  if (isUpper(text.charCodeAt(start - 1))) start--;
  const end = wordEnd(text, capital + 1);
  if (end - capital < 3 || !startsToken(text, start) || !endsToken(text, end)) return;
  found.push({ start, capital, token: text.slice(start, end) });
}

/**
 * "TipsReview", "coreThe": two words run together. A capitalised pair is more often a name or
 * a type ("CrowdStrike", "EastDay", "ArrayBuffer"), so it is flagged only where the document
 * also writes the two words apart ("Tips Review"), found in one pass for all such pairs.
 */
export function gluedWords(text: string, found: readonly CamelCase[], report: Report): void {
  const glued: Array<CamelCase & { apart: string }> = [];
  for (const candidate of found) {
    const { start, capital, token } = candidate;
    const capitalised = isUpper(text.charCodeAt(start));
    const left = token.slice(0, capital - start);
    const right = token.slice(capital - start);
    // "insertSpaces", "setInterval": a lower-case start is code unless a sentence runs on.
    if (!capitalised && !FUNCTION_WORDS.has(right.toLowerCase())) continue;
    // "WeChat", "McCauley", "LaFoy", "YouTube".
    if (left.length < (capitalised ? 3 : 2) || NAME_PREFIXES.has(left) || CAMEL_CASE_NAMES.has(token))
      continue;
    if (inAddress(text, capital) || !isEnglishWord(left) || !isEnglishWord(right) || isEnglishWord(token))
      continue;
    if (capitalised) glued.push({ ...candidate, apart: `${left} ${right}` });
    else
      report(
        capital - 1,
        capital + 1,
        spacedAt(text, capital),
        0.7,
        `"${left}" runs into "${right}": add a space.`,
      );
  }
  // Hundreds of pairs make a document of code or brand names, not of glued words.
  const pairs = new Set(glued.map((pair) => pair.apart));
  if (pairs.size === 0 || pairs.size > 100) return;
  const written = new Set<string>();
  const apart = new RegExp(`\\b(?:${[...pairs].join('|')})\\b`, 'g');
  for (let match = apart.exec(text); match; match = apart.exec(text)) written.add(match[0]);
  for (const { capital, apart: words } of glued) {
    if (!written.has(words)) continue;
    const message = `"${words.replace(' ', '')}" runs two words together, written "${words}" elsewhere: add a space.`;
    report(capital - 1, capital + 1, spacedAt(text, capital), 0.8, message);
  }
}

/** "People’ s", "China ’s", "don’ t": `at` is the first of the apostrophe and the space. */
export function splitAtApostrophe(text: string, at: number, report: Report): void {
  const end = wordEnd(text, at + 2);
  const suffix = text.slice(at + 2, end);
  if (!isLetter(text.charCodeAt(at - 1)) || !/^(s|t|re|ve|ll)$/.test(suffix) || isAlnum(text.charCodeAt(end)))
    return;
  // "don’ t", not "the ‘Four’ t".
  if (suffix === 't' && text[at - 1] !== 'n') return;
  const space = text[at] === ' ' ? at : at + 1;
  const confidence = text[at] === '’' || text[at + 1] === '’' ? 0.9 : 0.85;
  report(space, space + 1, '', confidence, 'A stray space splits the word at its apostrophe: remove it.');
}

/** "V ol.", "C hina", "T he": a capital letter at `at`, a space, and the rest of the word. */
export function splitLetter(text: string, at: number, report: Report): void {
  const end = wordEnd(text, at + 2);
  // "R&D for", "OSMAR-S that", "USA is": the letter ends a longer token.
  if (!startsToken(text, at) || /[A-Za-z0-9'’-]/.test(text[end] ?? ' ')) return;
  const fragment = text.slice(at + 2, end);
  const word = text[at] + fragment;
  let confidence: number;
  if (text[end] === '.' && SPLIT_ABBREVIATIONS.has(word)) confidence = 0.85;
  // "A bout", "I n", "a bout": a letter that is a word itself may be right.
  else if (text[at] === 'A' || text[at] === 'I' || text[at] === 'a') return;
  // "T he", but not "Appendix H is": a function word only where a sentence starts.
  else if (FUNCTION_WORDS.has(word.toLowerCase()) && startsSentence(text, at)) confidence = 0.75;
  else if (fragment.length >= 3 && !isEnglishWord(fragment) && isEnglishWord(word)) confidence = 0.8;
  else return;
  report(at + 1, at + 2, '', confidence, `A stray space splits "${word}": remove it.`);
}

/** "empha -sis", "interna- tional": `gap` is where the two characters of " -" or "- " stand. */
export function splitByHyphen(text: string, gap: number, report: Report): void {
  let start = gap;
  while (isLower(text.charCodeAt(start - 1))) start--;
  const end = wordEnd(text, gap + 2);
  // "pre- and post-war", "air-dropped or -launched": the halves are words of their own.
  if (gap - start < 2 || end - gap < 4 || !startsToken(text, start) || /[A-Za-z0-9-]/.test(text[end] ?? ' '))
    return;
  const left = text.slice(start, gap);
  const word = left + text.slice(gap + 2, end);
  if (isEnglishWord(left) || !isEnglishWord(word)) return;
  report(gap, gap + 2, '', 0.8, `A stray hyphen and space split "${word}": join it.`);
}

/** The end of the run of lower-case letters from `at`. */
function wordEnd(text: string, at: number): number {
  while (isLower(text.charCodeAt(at))) at++;
  return at;
}

/** Whether a token starts at `at`: after a space, an opening bracket or a quote. */
function startsToken(text: string, at: number): boolean {
  return isBlank(text.charCodeAt(at - 1)) || '(["“‘\''.includes(text[at - 1]!);
}

/** Whether a token ends at `at`: a space or punctuation follows, but not "." and a letter ("Gov.Uk"). */
function endsToken(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 46) return !isAlnum(text.charCodeAt(at + 1));
  return isBlank(code) || ',;:!?)]”’"\''.includes(text[at]!);
}

/** Whether the letter at `at` opens a sentence or a block. */
function startsSentence(text: string, at: number): boolean {
  if (at === 0 || text[at - 1] === '\n') return true;
  const mark = '”’")'.includes(text[at - 2]!) ? at - 3 : at - 2;
  return text[at - 1] === ' ' && '.!?'.includes(text[mark] ?? ' ');
}

/** Whether a bracket closing at `at` opens earlier in its block. */
function opensBefore(text: string, at: number, opening: string): boolean {
  for (let i = at - 1; i >= 0 && at - i < 400; i--) {
    if (text[i] === opening) return true;
    if (text[i] === '\n' || text[i] === ')' || text[i] === ']') return false;
  }
  return false;
}

/**
 * Whether the token around `at` is an address, a domain or a file name (the dot at `ownDot`
 * aside). Looks 300 characters either way at most: Chinese text runs on without spaces.
 */
function inAddress(text: string, at: number, ownDot = -1): boolean {
  let start = at;
  while (start > 0 && at - start < 300 && !isBlank(text.charCodeAt(start - 1))) start--;
  for (let i = start; i < at + 300 && !isBlank(text.charCodeAt(i)); i++) {
    if ('/@_=%\\'.includes(text[i]!)) return true;
    const dotInWord = text[i] === '.' && isAlnum(text.charCodeAt(i - 1)) && isLetter(text.charCodeAt(i + 1));
    if (dotInWord && i !== ownDot) return true;
  }
  return false;
}

const isBlank = (code: number): boolean =>
  Number.isNaN(code) || code === 32 || code === 10 || code === 9 || code === 13;
export const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isUpper = (code: number): boolean => code >= 65 && code <= 90;
export const isLower = (code: number): boolean => code >= 97 && code <= 122;
const isLetter = (code: number): boolean => isUpper(code) || isLower(code);
export const isAlnum = (code: number): boolean => isLetter(code) || isDigit(code);
/** "3B" → "3 B": the characters either side of `at` with a space between them. */
const spacedAt = (text: string, at: number): string => `${text[at - 1]} ${text[at]}`;
