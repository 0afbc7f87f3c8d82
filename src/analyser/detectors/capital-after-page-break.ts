/**
 * The spurious capital a page-by-page translation puts on the first word of every page, even
 * in mid-sentence: "development,⏎[furniture]⏎Strive to work" → "strive". Only after a break
 * that page-break.ts joins and whose first piece ends without a full stop, question mark or
 * colon. Left alone: names and other words the document capitalises in mid-sentence elsewhere
 * ("China", "Belt and Road"); "I" and acronyms ("EU"); words the lexicon knows only as names
 * ("Europe") when the document never writes them in lower case; a capital that opens a
 * quotation ('future"⏎"The international'). After a semicolon the capital is flagged with less
 * confidence when the document often capitalises after semicolons itself ("; Adhere to").
 */

import { FUNCTION_WORDS } from '../layout/function-words.data';
import { isCommonWord } from '../layout/lexicon';
import type { Draft } from '../types';
import type { Detector } from './detector';
import { draft } from './draft';
import { pagedDocument } from './examples.data';

const FIRST_WORD = /^(["“‘'(]?)([A-Z])([a-z]+)\b/;

export const capitalAfterPageBreak: Detector = {
  meta: {
    id: 'capital-after-page-break',
    kind: 'capitalisation',
    description: 'A spurious capital on the first word after a page break in mid-sentence.',
    examples: [
      {
        before: pagedDocument([
          ['We strive for peace. China adheres to', 'innovation-driven development,'],
          ['Strive to work with all countries.'],
          ['The end.'],
        ]),
        after: pagedDocument([
          ['We strive for peace. China adheres to', 'innovation-driven development,'],
          ['strive to work with all countries.'],
          ['The end.'],
        ]),
      },
    ],
  },
  detect(layout) {
    const drafts: Draft[] = [];
    for (const join of layout.joinsOf('page-break')) {
      if (join.hyphen) continue;
      const end = layout.endText(join.from);
      if (/[.!?:…]["”’)\]]*$/.test(end)) continue;
      const line = layout.lines[join.to]!;
      const match = FIRST_WORD.exec(line.trimmed);
      // '"The international community must ...': a quotation may open with a capital.
      if (!match || /["“‘']/.test(match[1]!)) continue;
      const word = match[2]! + match[3]!;
      let confidence: number;
      if (FUNCTION_WORDS.has(word.toLowerCase())) {
        confidence = 0.92;
      } else {
        const use = layout.vocabulary.use(word);
        if (use.capitalMidSentence > 0) continue;
        if (use.lower > 0) confidence = use.lower >= 2 ? 0.92 : 0.85;
        else if (isCommonWord(word)) confidence = 0.8;
        else continue;
      }
      if (end.endsWith(';')) {
        confidence = layout.lowerAfterSemicolons() < 0.7 ? 0.55 : 0.8;
      }
      const start = line.contentStart + match[1]!.length;
      drafts.push(
        draft({
          kind: 'capitalisation',
          start,
          end: start + 1,
          replacement: match[2]!.toLowerCase(),
          confidence: Math.min(confidence, join.confidence),
          message: `"${word}" is capitalised after a page break in mid-sentence: write "${word.toLowerCase()}".`,
          page: layout.pageLabel(join.to),
        }),
      );
    }
    return drafts;
  },
};
