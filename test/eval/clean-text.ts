/**
 * The clean prose the generated extractions are made from (fixtures/clean/*.txt): blocks
 * separated by a blank line, each block a heading or a paragraph.
 */

import * as fs from 'fs';
import * as path from 'path';

export interface CleanDocument {
  name: string;
  text: string;
}

export interface CleanBlock {
  kind: 'heading' | 'paragraph';
  /** The block's text on one line, runs of white space made one space. */
  text: string;
}

/** "Chapter 3: ...", "Section 2: ...", "Part I ...", "2. Build a ...". */
const NUMBERED_HEADING = /^((Chapter|Section|Part)\s+[0-9IVXLC]+\b|\d+\.\s+\S)/;
/** A sentence or clause ends here: "... in 2019.", "... words:", "... them.”" */
const CLOSING_PUNCTUATION = /[.:;!?,”"’')\]]$/;
const MAX_HEADING_WORDS = 16;

/** A one-line block is a heading when it is numbered like one, or short and unpunctuated ("Lessons from Practice"). */
export function isHeadingText(text: string): boolean {
  if (NUMBERED_HEADING.test(text)) return true;
  return !CLOSING_PUNCTUATION.test(text) && text.split(' ').length <= MAX_HEADING_WORDS;
}

export function parseCleanText(text: string): CleanBlock[] {
  const blocks: CleanBlock[] = [];
  for (const chunk of text.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (lines.length === 0) continue;
    const joined = lines.join(' ').replace(/\s+/g, ' ');
    blocks.push({
      kind: lines.length === 1 && isHeadingText(joined) ? 'heading' : 'paragraph',
      text: joined,
    });
  }
  return blocks;
}

/** The repository root, found from this file's place in test/eval/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Every fixtures/clean/*.txt, sorted by name. */
export function loadCleanDocuments(directory = path.join(REPO_ROOT, 'fixtures', 'clean')): CleanDocument[] {
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.txt$/, ''),
      text: fs.readFileSync(path.join(directory, file), 'utf8'),
    }));
}
