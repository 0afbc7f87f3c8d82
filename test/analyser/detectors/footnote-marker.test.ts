import { pages, runDetectorTable } from './detector-table';

const note = '1 Minutes of the meeting, Regional Press, 2019, p. 4.';

runDetectorTable('footnote-marker', {
  valid: [
    // Numbers with no note on their page.
    pages([
      ['The G20 met in 2016 and the 16+1', 'format grew by 1 per cent.'],
      ['Version 2.1 of the plan', 'was adopted.'],
      ['End.'],
    ]),
  ],
  invalid: [
    {
      text: pages([['It became reality. 1 In March it', 'was repeated.', note], ['Later.'], ['End.']]),
      output: pages([['It became reality. In March it', 'was repeated.', note], ['Later.'], ['End.']]),
    },
    {
      text: pages([['A home for the world.1 In May it', 'was repeated.', note], ['Later.'], ['End.']]),
      output: pages([['A home for the world. In May it', 'was repeated.', note], ['Later.'], ['End.']]),
    },
    {
      text: pages([
        ['Solidarity with developing countries.”1', 'It was repeated.', note],
        ['Later.'],
        ['End.'],
      ]),
      output: pages([
        ['Solidarity with developing countries.”', 'It was repeated.', note],
        ['Later.'],
        ['End.'],
      ]),
    },
  ],
});
