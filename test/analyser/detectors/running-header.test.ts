import { pages, runDetectorTable } from './detector-table';

runDetectorTable('running-header', {
  valid: [
    // A heading that recurs twice in an ordinary text is not furniture.
    'Section 2: Milestones\n\nThe plan was adopted.\n\nSection 2: Milestones\n\nIt was repeated.\n',
    // Repeated body lines without page numbers, at irregular distances.
    'and so on\nThe first point.\nand so on\nThe second point is longer\nand takes more\nlines.\nand so on\n',
  ],
  invalid: [
    {
      // A title glued to other furniture, on every page: the whole line goes.
      text: pages(
        [['Peace and development', 'remain the themes.'], ['The world faces', 'instability.'], ['End.']],
        'Translation published Fall 2023Basic Issues',
      ),
      output: [
        '41',
        'Peace and development',
        'remain the themes.',
        '42',
        'The world faces',
        'instability.',
        '43',
        'End.',
        '',
      ].join('\n'),
    },
    {
      // A header that carries the page number, alternating sides.
      text: [
        '166   BASIC QUESTIONS',
        'The first page of the chapter goes on',
        'for a while.',
        'CHAPTER TWO   167',
        'The second page goes on.',
        'It has a second line.',
        '168   BASIC QUESTIONS',
        'The third page ends here.',
        '',
      ].join('\n'),
      output: [
        'The first page of the chapter goes on',
        'for a while.',
        'The second page goes on.',
        'It has a second line.',
        'The third page ends here.',
        '',
      ].join('\n'),
    },
  ],
});
