import { pages, runDetectorTable } from './detector-table';

runDetectorTable('page-number', {
  valid: [
    // A year and a list number alone on lines of an ordinary text: no page-like sequence.
    'The milestones were reached\nin order:\n2019\n2020\n2021\nEach was marked.\n',
    'The list that follows has a\nnumber alone on a line:\n3\nThat number is an item.\n',
    // Numbers going up by one on every other line are too close to be pages.
    'Item\n1\nItem\n2\nItem\n3\nItem\n4\n',
  ],
  invalid: [
    {
      text: pages([
        ['Peace and development', 'remain the themes.'],
        ['The world faces', 'instability.'],
        ['End.'],
      ]),
      output: [
        'Institute for Regional Studies',
        'Peace and development',
        'remain the themes.',
        'Institute for Regional Studies',
        'The world faces',
        'instability.',
        'Institute for Regional Studies',
        'End.',
        '',
      ].join('\n'),
    },
    {
      text: [
        'One page of text goes',
        'on here.',
        'page 7',
        'Another page of text',
        'goes on.',
        'page 8',
        'A third page',
        'ends.',
        'page 9',
        '',
      ].join('\n'),
      output: [
        'One page of text goes',
        'on here.',
        'Another page of text',
        'goes on.',
        'A third page',
        'ends.',
        '',
      ].join('\n'),
    },
  ],
});
