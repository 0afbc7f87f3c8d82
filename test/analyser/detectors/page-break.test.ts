import { pages, runDetectorTable } from './detector-table';

runDetectorTable('page-break', {
  valid: [
    // The paragraph ends at the page break: a heading, an enumerated paragraph follow.
    pages([
      ['The plan was adopted and the members agreed to it in', 'full.'],
      ['Section 2: Results', 'The results were published a year later in full.'],
      ['Second, the members met again.'],
    ]),
    // No pages at all.
    'A paragraph that is wrapped over\ntwo lines, with no page break.\n',
  ],
  invalid: [
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
