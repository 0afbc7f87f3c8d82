/**
 * Small documents for the detectors' examples: a text laid out on pages of six lines with a
 * running header, a page number and footnotes, as a PDF extraction gives it.
 */

const HEADER = 'China Aerospace Studies Institute';

/** Pages of body lines, each page preceded by the header and its page number. */
export function pagedDocument(pages: string[][], firstPage = 12): string {
  return pages
    .map((body, index) => [HEADER, String(firstPage + index), ...body].join('\n'))
    .join('\n')
    .concat('\n');
}
