import { runDetectorTable } from './detector-table';

const LONG = 'The commission agreed that the allocation of water in dry years would follow';

runDetectorTable('paragraph-break', {
  valid: [
    // Already one blank line between paragraphs; a wrapped paragraph.
    'A first paragraph.\n\nA second paragraph.\n',
    `${LONG}\nthe formula.\n`,
  ],
  invalid: [
    {
      text: `${LONG}\nthe agreed formula.\nA new paragraph starts here.\n`,
      output: `${LONG}\nthe agreed formula.\n\nA new paragraph starts here.\n`,
    },
    {
      text: 'A first paragraph.\n\n\n\nA second paragraph.\n',
      output: 'A first paragraph.\n\nA second paragraph.\n',
    },
    {
      text: `${LONG}\nthe formula.\nSection 2: Results\n${LONG}\nthe formula.\n`,
      output: `${LONG}\nthe formula.\n\nSection 2: Results\n\n${LONG}\nthe formula.\n`,
    },
  ],
});
