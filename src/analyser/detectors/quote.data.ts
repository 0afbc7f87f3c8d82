/**
 * What the quote detector (quote.ts) reads a mark's neighbours by, and what it says.
 */

/** Before a mark, these let it open a quotation: '("', '— "', '/"'; so do a space and a paragraph's start. */
export const OPENS_AFTER = codes('([{<—–-/');

/**
 * After a mark, these let it close one: '",', '”.', '”)', '"-written', and '“[' where the
 * bracket holds the original wording ('conditions “[冰天雪地砺长剑]'); so do a space and a
 * paragraph's end. Not "…": '“…no first use' opens.
 */
export const CLOSES_BEFORE = codes('.,;:!?)]}>—–-/[');

/** A mark after one of these and a space ends the quotation rather than opening a new one. */
export const SENTENCE_ENDS = codes('.?!…');

/** After an apostrophe shaped like an opening single mark: "'tis", "'em", "rock 'n' roll", "'s". */
export const ELISION = /^(?:s|t|d|ll|re|ve|m|tis|twas|em|til|cause|n|round)(?![A-Za-z])/i;

export const MESSAGE = {
  stray: 'This closing quotation mark has no opening one in its paragraph.',
  alone: 'This quotation mark stands alone between spaces and opens or closes nothing.',
  unclosed: 'This quotation is never closed in its paragraph.',
  closedByNote: 'A quotation left open ends at this sentence, before its footnote marker: close it here.',
  notClosedBeforeNext: 'This quotation is not closed before the next one opens.',
  innerUnclosed: 'This quotation inside another one is never closed.',
  missingOrStray:
    'A closing quotation mark is missing before this one, or this one belongs before the space and a later one is stray.',
  strayIfMoved:
    'This closing quotation mark is stray if the mark that opens its quotation closes the one before instead.',
  spaceInOpening: 'A space stands inside the opening quotation mark: remove it',
  spaceInClosing: 'A space stands inside the closing quotation mark: remove it',
  closesBefore: 'This quotation mark closes the quotation before it: put it before the space',
};

/**
 * Whether the first character from `at` going `step` (up to `limit`), past quotation marks and
 * sentence punctuation, is Chinese, Japanese or full-width: '发布重大成果,”'. Such marks belong
 * to the original wording, not to the English text.
 */
export function nearCjk(text: string, at: number, step: 1 | -1, limit: number): boolean {
  for (let k = 0; k < 4 && (step < 0 ? at >= limit : at < limit); k++, at += step) {
    const code = text.charCodeAt(at);
    if (
      (code >= 0x2e80 && code <= 0x9fff) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xff00 && code <= 0xffef)
    )
      return true;
    if (!isQuotationMark(code) && !SKIPPED_BEFORE_CJK.has(code)) return false;
  }
  return false;
}

const SKIPPED_BEFORE_CJK = codes(',.;:!?');

/** " ' ‘ ’ “ ” */
export function isQuotationMark(code: number): boolean {
  return (
    code === 0x22 || code === 0x27 || (code >= 0x2018 && code <= 0x2019) || (code >= 0x201c && code <= 0x201d)
  );
}

export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x3000
  );
}

function codes(characters: string): ReadonlySet<number> {
  return new Set([...characters].map((character) => character.charCodeAt(0)));
}
