/**
 * Quotation marks that do not pair up within a paragraph of the body view. Each mark is read by
 * its neighbours (a space before and a letter after opens, the reverse closes) and the double
 * marks of a paragraph are paired in order. Corrected, where only one reading is possible:
 * - a pair whose marks do not match: a straight opening closed by a curly one ('"rule of law.”'),
 *   a closing mark that opens or an opening one that closes ('”War Theory''', "'Outpost'“["),
 *   two apostrophes that close (''''); the mark that differs from the document's prevailing
 *   style (or from `quoteStyle`) is changed;
 * - a space inside the closing mark ('country. " 1' → 'country." 1', 'conditions “[' →
 *   'conditions” [') or inside the opening one ('states: " Military', a closing mark following);
 * - a closing mark stranded after the space of the next sentence when nothing later could close
 *   the quotation ('public. "Fairness and justice ... "rule of law"' → 'public." Fairness',
 *   'what should we do? “It also' → 'do?" It also');
 * - a single mark closing a double quotation that is otherwise never closed ('"One Belt, One
 *   Belt' construction', not after an "s": "the countries' interests"), and the reverse;
 * - a quotation left open whose end a footnote marker after a sentence shows ('into reality. 1
 *   In March' → 'reality." 1'; less sure, as the marker may cite a passage inside it).
 * Flagged with no correction: a quotation never closed in its paragraph ('"Chinese people
 * have ...'), or not closed before the next opens ('pointing out: "A community ...: "The
 * outbreak'; 'and "The "21st Century Maritime Silk Road" initiative'), a closing mark with no
 * opening ('Anabasis,” Ancient'), a lone mark between spaces ('him." ".'), and a mark after a
 * sentence that may close the quotation or open a new one whose predecessor lacks its closing
 * ('solitude is weak. "Win-win ... affairs." All', the later closing mark flagged as well).
 * With `quoteStyle`, every mark of a well-formed pair, single ones included, not in that style
 * gets a finding converting it; the corrections above use that style too.
 *
 * Left alone: apostrophes ("each other's", "People’ s", "countries'", "'tis", "don‘t"): a single
 * mark counts only where it opens after a space or a double mark before a letter, or closes a
 * single quotation opened so, and an unclosed single quotation is never flagged, being far more
 * often an apostrophe. Inch, foot and minute marks after a digit ('5\'10"', '12" pipe'), and
 * primes (″ ′). Marks touching Chinese text ('[火箭军常态开展“天剑”系列演训]', '发布重大成果,”').
 * A quotation nested in one of the other style ('“carries out the "Heaven Sword" series”'), or
 * in its own style when the marks say so ('"the "Belt and Road" way"'). A quotation over
 * several paragraphs, each opening with a quotation mark and the last closing it (the
 * typographic convention), or left open at a paragraph's end and closed by the first mark of the
 * next (a block quotation printed without the repeated mark, or a paragraph the extraction
 * split). Quotations side by side ('world." "All countries'): nothing in the marks is wrong.
 */

import { lineAtOffset } from '../text/lines';
import type { Draft } from '../types';
import type { Detector } from './detector';
import { draft } from './draft';
import { collectMarks, finishScan, quoteScan, scanParagraph, type Mark } from './quote-scan';

export const quote: Detector = {
  meta: {
    id: 'quote',
    kind: 'quote',
    description: 'An unbalanced, mismatched or misplaced quotation mark.',
    examples: [
      {
        before: 'They oppose "double standards" and the use of "rule of law.” The talks went on.\n',
        after: 'They oppose "double standards" and the use of "rule of law." The talks went on.\n',
      },
      {
        before: 'He said: "Peace is the common wish of the people. " 1 And he left.\n',
        after: 'He said: "Peace is the common wish of the people." 1 And he left.\n',
      },
      {
        before: 'It is "the public good. "Fairness is the aim of "all" countries.\n',
        after: 'It is "the public good." Fairness is the aim of "all" countries.\n',
      },
    ],
  },
  detect(layout, options) {
    const view = layout.bodyView();
    const notes = layout.footnotes
      .flatMap((note) => (note.marker ? [note.marker.start] : []))
      .sort((a, b) => a - b);
    const scan = quoteScan(view, layout.text, notes, options.quoteStyle);
    const { blocks } = view;
    let marks: Mark[] = [];
    let next: Mark[] = [];
    if (blocks.length > 0) collectMarks(scan, blocks[0]!.start, blocks[0]!.end, marks);
    for (let index = 0; index < blocks.length; index++) {
      const following = blocks[index + 1];
      if (following) collectMarks(scan, following.start, following.end, next);
      else next.length = 0;
      scanParagraph(scan, marks, blocks[index]!.end, next, following?.start ?? -1);
      [marks, next] = [next, marks];
    }
    finishScan(scan);
    const drafts: Draft[] = [];
    for (const { start, end, replacement, confidence, message } of scan.reports) {
      drafts.push(
        draft({
          kind: 'quote',
          start,
          end,
          replacement,
          confidence,
          message,
          page: layout.pageLabel(lineAtOffset(layout.lines, start)),
        }),
      );
    }
    return drafts;
  },
};
