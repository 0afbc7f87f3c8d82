import { pages, runDetectorTable } from './detector-table';

runDetectorTable('page-break', {
  valid: [
    // The paragraph ends at the page break: a heading, an enumerated paragraph follow.
    pages([
      ['The plan was adopted and the members agreed to it in', 'full.'],
      ['Section 2: Results', 'The results were published a year later in full.'],
      ['Second, the members met again.'],
    ]),
    // A full last line says little, but the next page opens with a summing-up phrase.
    pages([
      [
        'The members met in the spring and agreed on a plan for the basin.',
        'The plan was adopted and the members agreed to it in full.',
      ],
      [
        'Looking ahead, the commission will meet every year in the capital.',
        'It will report to the members on the works of the year.',
      ],
      ['End.'],
    ]),
    // A full last line, and the next page opens with a section named in capitals.
    pages([
      [
        'The members met in the spring and agreed on a plan for the basin.',
        'The plan was adopted and the members agreed to it in full.',
      ],
      ['CONCLUSION', 'The commission will meet every year.'],
      ['End.'],
    ]),
    // A contents page ends on a page number: the next page's text does not go on from it.
    pages([
      [
        'Chapter 24 Strategic Guidance ............................ 421',
        'Chapter 25 Construction ......... 432',
      ],
      ['451'],
      ['The science of strategy is a theoretical system.'],
    ]),
    // No pages at all.
    'A paragraph that is wrapped over\ntwo lines, with no page break.\n',
  ],
  invalid: [
    // Not translated page by page: sentences cut by a page break go on in lower case, so a
    // sentence that ends on a short last line ends its paragraph, as it would inside a page.
    {
      text: pages([
        ['The plan was adopted by all the members of the commission, who agreed to', 'meet'],
        ['again in the spring, when the river is high and the work on the', 'dam'],
        ['can go on as the treaty asks of them and as the members agreed in', 'full'],
        ['at the meeting. The members went home.'],
        ['The next year the commission met again in the capital of the region.'],
      ]),
      output: [
        'Institute for Regional Studies',
        '41',
        'The plan was adopted by all the members of the commission, who agreed to',
        'meet again in the spring, when the river is high and the work on the',
        'dam can go on as the treaty asks of them and as the members agreed in',
        'full at the meeting. The members went home.',
        'Institute for Regional Studies',
        '45',
        'The next year the commission met again in the capital of the region.',
        '',
      ].join('\n'),
    },
    {
      text: pages([
        ['The plan was adopted by all the members of the', 'commission, who agreed to'],
        ['Meet again in the spring.'],
        ['End.'],
      ]),
      output: [
        'Institute for Regional Studies',
        '41',
        'The plan was adopted by all the members of the',
        'commission, who agreed to Meet again in the spring.',
        'Institute for Regional Studies',
        '43',
        'End.',
        '',
      ].join('\n'),
    },
    {
      // Pages that end anywhere in a paragraph: a sentence end at the page end is joined, even
      // before a question when the page ends on one ("What should be done?" / "Who will pay
      // ..."), but not when a statement is followed by a question or a summing-up phrase.
      text: pages([
        ['The plan was adopted by all the members of the', 'commission, who agreed to'],
        ['Meet again in the spring, when the river', 'is high,'],
        ['And report on the works of the', 'year,'],
        ['As the treaty asks of them.'],
        ['The members agreed. What should be done?'],
        ['Who will pay for it? Nobody could say.'],
        ['What is wrong with the basin? The river is low.'],
        ['Facing the future, the members will meet again.'],
      ]),
      output: [
        'Institute for Regional Studies',
        '41',
        'The plan was adopted by all the members of the',
        'commission, who agreed to Meet again in the spring, when the river',
        'is high, And report on the works of the',
        'year, As the treaty asks of them. The members agreed. What should be done? Who will pay for it? Nobody could say.',
        'Institute for Regional Studies',
        '47',
        'What is wrong with the basin? The river is low.',
        'Institute for Regional Studies',
        '48',
        'Facing the future, the members will meet again.',
        '',
      ].join('\n'),
    },
    {
      // A word split across the page break is joined the way hyphenation joins it.
      text: pages([
        ['Countries are increasingly interconnected and interdepen-'],
        ['dent, and the balance of power is changing.'],
        ['End.'],
      ]),
      output: [
        'Institute for Regional Studies',
        '41',
        'Countries are increasingly interconnected and interdependent, and the balance of power is changing.',
        'Institute for Regional Studies',
        '43',
        'End.',
        '',
      ].join('\n'),
    },
  ],
});
