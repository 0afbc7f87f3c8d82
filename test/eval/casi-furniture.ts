/**
 * Which lines of the three CASI documents (../shared/corpus/, third-party, read at run time and
 * never copied into the repository) are page furniture, by one rule per document. The rules
 * were written by reading the files; each one states the layout it relies on.
 */

export interface FurnitureRule {
  /** File name in the corpus directory. */
  file: string;
  /** What the rule takes for furniture, in a few words. */
  description: string;
  /** 1-based furniture line numbers, given the document's lines (without line breaks). */
  find(lines: readonly string[]): number[];
}

const BARE_PAGE_NUMBER = /^(\d+|[ivxlc]+)$/i;

/** The index of the next line after `index` with words on it, or -1. */
function nextNonBlank(lines: readonly string[], index: number): number {
  for (let i = index + 1; i < lines.length; i++) if (lines[i]!.trim() !== '') return i;
  return -1;
}

export const CASI_RULES: readonly FurnitureRule[] = [
  {
    file: 'casi-nuclear-c3.txt',
    description: '"CHINA AEROSPACE STUDIES INSTITUTE" and the page number on the line after it',
    // "...under the new joint command structure\n\nCHINA AEROSPACE STUDIES INSTITUTE \n23 \nappears to fit well";
    // the same upper-case words over the mission statement (line 52) are a title, not furniture: no number follows.
    find(lines) {
      const found: number[] = [];
      lines.forEach((line, i) => {
        if (
          line.trim() === 'CHINA AEROSPACE STUDIES INSTITUTE' &&
          BARE_PAGE_NUMBER.test(lines[i + 1]?.trim() ?? '')
        ) {
          found.push(i + 1, i + 2);
        }
      });
      return found;
    },
  },
  {
    file: 'casi-sms2013-itow.txt',
    description: 'the bare page number (arabic or roman) at the top of each page, right after an empty line',
    // "...inevitably is military.\n\n18 \n \nIII. International geopolitics"; the table of contents
    // puts its numbers after a line holding one space ("…71\n \n85 "), which this rule leaves alone.
    find(lines) {
      const found: number[] = [];
      lines.forEach((line, i) => {
        if (i > 0 && lines[i - 1] === '' && BARE_PAGE_NUMBER.test(line.trim())) found.push(i + 1);
      });
      return found;
    },
  },
  {
    file: 'casi-sms2020-mt.txt',
    description:
      '"page N", the running footer and header, and the institute / date block on top of each page',
    // "...and many more. \npage 1 \nTheoretical Works of National Key Subjects\n\nChina Aerospace Studies Institute \n \nJan 2022 \nStrategy ZHANLUEXUE   ";
    // the institute's name as the title of a front-matter page (right under "Jan 2022") is not counted.
    find(lines) {
      const found: number[] = [];
      lines.forEach((line, i) => {
        const text = line.trim();
        const furniture =
          /^page \d+$/i.test(text) ||
          text === 'Jan 2022' ||
          text === 'Theoretical Works of National Key Subjects' ||
          /^strategy ZHANLUEXUE$/i.test(text) ||
          (text === 'China Aerospace Studies Institute' &&
            (i === 0 || lines[i - 1]!.trim() === '') &&
            lines[nextNonBlank(lines, i)]?.trim() === 'Jan 2022');
        if (furniture) found.push(i + 1);
      });
      return found;
    },
  },
];
