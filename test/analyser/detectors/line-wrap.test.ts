import { runDetectorTable } from './detector-table';

const LONG = 'The commission agreed that the allocation of water in dry years would follow';

runDetectorTable('line-wrap', {
  valid: [
    // One line; paragraphs already separated by blank lines.
    'One line only.\n',
    'A first paragraph.\n\nA second paragraph.\n',
  ],
  invalid: [
    {
      text: `${LONG}\nthe agreed formula, and the members signed.\n`,
      output: `${LONG} the agreed formula, and the members signed.\n`,
    },
    {
      // CRLF line ends: the whole break goes.
      text: `${LONG}\r\nthe agreed formula.\r\n`,
      output: `${LONG} the agreed formula.\r\n`,
    },
    {
      // Trailing spaces before the break and indentation after it go with it.
      text: `${LONG}   \n   the agreed formula.\n`,
      output: `${LONG} the agreed formula.\n`,
    },
  ],
});
