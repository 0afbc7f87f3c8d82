import { pages, runDetectorTable } from './detector-table';

const citation = '1 Minutes of the meeting, Regional Press, 2019, p. 4.';

runDetectorTable('footnote', {
  valid: [
    // A numbered heading at a page bottom, and a text with no pages.
    pages([
      ['The times call for a new answer.', '1. build a world of lasting peace'],
      ['The concept is old.'],
      ['End.'],
    ]),
    'The list:\n1 apple\n2 pear\n',
  ],
  invalid: [
    {
      text: pages([
        ['It became reality.1 In March it', 'was repeated.', citation, 'Second line of the note.'],
        ['Later.'],
        ['End.'],
      ]),
      output: pages([['It became reality.1 In March it', 'was repeated.'], ['Later.'], ['End.']]),
    },
  ],
});
