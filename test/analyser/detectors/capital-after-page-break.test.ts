import { pages, runDetectorTable } from './detector-table';

runDetectorTable('capitalisation', {
  valid: [
    // A name the document capitalises mid-sentence, a quotation, a new sentence.
    pages([
      ['Cooperation grew between India and', 'the neighbours of'],
      ['China, and later with China itself.'],
      ['End.'],
    ]),
    pages([['He said, quoting the declaration of the year:'], ['"The world is changing fast."'], ['End.']]),
    pages([['The plan was adopted in the spring.'], ['The members met again later.'], ['End.']]),
  ],
  invalid: [
    {
      text: pages([
        ['We strive for peace. China adheres to', 'innovation-driven development,'],
        ['Strive to work with all.'],
        ['End.'],
      ]),
      output: pages([
        ['We strive for peace. China adheres to', 'innovation-driven development,'],
        ['strive to work with all.'],
        ['End.'],
      ]),
    },
    {
      // Known to the lexicon as an ordinary word though the document never writes it in lower case.
      text: pages([['The monitors shared their measurements of'], ['Rainfall and river levels.'], ['End.']]),
      output: pages([
        ['The monitors shared their measurements of'],
        ['rainfall and river levels.'],
        ['End.'],
      ]),
    },
  ],
});
