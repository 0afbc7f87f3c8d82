import { analyse } from '../../../src/analyser/analyse';
import { applyEdits } from '../../../src/analyser/edits/apply-edits';
import { acceptAll, selectEdits } from '../../../src/analyser/edits/decisions';
import { pages, runDetectorTable } from './detector-table';

runDetectorTable('quote', {
  valid: [
    // Apostrophes, elisions, primes, inch and foot marks.
    "Learn from each other's strengths; the countries' interests and the People’ s Republic don’t differ.\n",
    "'Tis the season of rock 'n' roll, as in the '90s and in the 1990's.\n",
    '“In the ’90s the rock ’n’ roll bands toured the region,” he said.\n',
    'He is 5\'10" tall, the pipe is 12" wide, and the angle is 5′ 30″.\n',
    'A don‘t and a China’s written with the wrong apostrophe.\n',
    // Well-formed quotations of both styles, and of both styles in one text (normalised only on request).
    'He spoke of "peace" and "development." Then he left.\n',
    'He spoke of “peace” and “development.” Then he left.\n',
    'He spoke of "peace" and of “development,” then he left.\n',
    'Quotations side by side: "the beauty of the world." "All countries should act."\n',
    // Nested: single in double, straight in curly, double in double.
    'He said: "We follow the \'Belt and Road\' way, and no other." Then he left.\n',
    'He said: “We follow the ‘Belt and Road’ way, and China’s own.” Then he left.\n',
    '“The Rocket Force carries out the "Heaven Sword" series of exercises,” PLA Daily reported.\n',
    '"We follow the "Belt and Road" way," he said.\n',
    '“China’s Nuclear ‘Leakage’,” The Diplomat, 7 August 2012.\n',
    '“…no first use of nuclear weapons at any time.”\n',
    // A quotation over paragraphs: the convention, and a block quotation closed in the next one.
    '"The first paragraph of a long quotation.\n\n"The second paragraph, which closes it."\n',
    '“First, be moderately ambiguous.\n\nSecond, think expansively.”\n',
    // The original wording in Chinese keeps its own marks.
    'The PLA Daily [火箭军常态开展“天剑”系列演训] and [项目首次发布重大成果,” Xinhua] reported it.\n',
    // A quotation across a page break.
    pages([
      ['He said: "The world is changing and so', 'are we, and the nations of the world'],
      ['must change with it." Then he left.'],
      ['The end.'],
    ]),
  ],
  invalid: [
    // A straight opening closed by a curly mark: the mark out of the prevailing style changes.
    {
      text: 'They oppose "double standards" and the use of "rule of law.” The talks went on.\n',
      output: 'They oppose "double standards" and the use of "rule of law." The talks went on.\n',
    },
    {
      text: 'They oppose “double standards” and the use of “rule of law." The talks went on.\n',
      output: 'They oppose “double standards” and the use of “rule of law.” The talks went on.\n',
    },
    // A closing mark that opens, an opening one that closes, two apostrophes that close.
    {
      text: 'The works ”War Theory" and "On War" spread.\n',
      output: 'The works "War Theory" and "On War" spread.\n',
    },
    {
      text: '“Early Warning Satellites, the Tireless Space Outpost“[天基] were launched.\n',
      output: '“Early Warning Satellites, the Tireless Space Outpost”[天基] were launched.\n',
    },
    {
      text: 'The works ”War Theory\'\' and ”On the Art of War\'\', and "On War" and "Strategy" spread.\n',
      output: 'The works "War Theory" and "On the Art of War", and "On War" and "Strategy" spread.\n',
    },
    // A space inside the closing mark, or inside the opening one.
    {
      text: 'He said: "Peace is the common wish of the people. " 1 And he left.\n',
      output: 'He said: "Peace is the common wish of the people." 1 And he left.\n',
    },
    {
      text: '“A long sword is sharpened in the cold conditions “[冰天雪地砺长剑], PLA Daily reported.\n',
      output: '“A long sword is sharpened in the cold conditions” [冰天雪地砺长剑], PLA Daily reported.\n',
    },
    {
      text: 'The institute states: " Military strategy is the use of power." It adds more.\n',
      output: 'The institute states: "Military strategy is the use of power." It adds more.\n',
    },
    // A closing mark after the space of the next sentence, nothing later closing the quotation.
    {
      text: 'It is "the public good. "Fairness is the aim of "all" countries.\n',
      output: 'It is "the public good." Fairness is the aim of "all" countries.\n',
    },
    {
      text: 'He asked "what is wrong with the world and what should we do? “It also grasps the trend.\n',
      output: 'He asked "what is wrong with the world and what should we do?" It also grasps the trend.\n',
    },
    // A single mark for a double one.
    {
      text: '"One Belt, One Belt\' construction focuses on Asia, and the "Belt and Road" is open.\n',
      output: '"One Belt, One Belt" construction focuses on Asia, and the "Belt and Road" is open.\n',
    },
    {
      text: 'The \'One Belt, One Road" initiative is open to all.\n',
      output: 'The "One Belt, One Road" initiative is open to all.\n',
    },
  ],
});

function quoteFindings(text: string, quoteStyle?: 'curly' | 'straight') {
  return analyse(text, { kinds: ['quote'], quoteStyle }).findings;
}

function acceptEvery(text: string, quoteStyle?: 'curly' | 'straight'): string {
  const findings = quoteFindings(text, quoteStyle);
  return applyEdits(text, selectEdits(findings, acceptAll(findings)).edits).text;
}

describe('quote flags without a correction', () => {
  it.each([
    [
      'a quotation never closed',
      '"Chinese people remember the war.\n\nThe next paragraph.\n',
      '"',
      /never closed/,
    ],
    [
      'a quotation not closed before the next opens',
      'He pointed out: "A community. In March he said: "The outbreak shows it" and left.\n',
      '"',
      /not closed before the next one opens/,
    ],
    [
      'a mark stuck in the wrong place',
      'It proposed the "Silk Road Economic Belt" and "The "21st Century Maritime Silk Road" initiative.\n',
      '"',
      /not closed before the next one opens/,
    ],
    [
      'a closing mark with no opening one',
      'Xenophon wrote Anabasis,” and Caesar wrote "Gaul Wars."\n',
      '”',
      /no opening one/,
    ],
    [
      'a mark alone between spaces',
      'Moltke said it is "the purpose given to him." ". Then Liddell Hart said "yes."\n',
      '"',
      /alone between spaces/,
    ],
    [
      'an apostrophe in an unclosed quotation, not taken for its closing mark',
      '"The rock ’n’ roll bands toured the region.\n',
      '"',
      /never closed/,
    ],
    [
      'a plural possessive in an unclosed quotation, not taken for its closing mark',
      '"The countries\' interests come first.\n',
      '"',
      /never closed/,
    ],
  ])('%s', (_name, text, mark, message) => {
    const findings = quoteFindings(text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.replacement).toBeNull();
    expect(finding!.text).toBe(mark);
    expect(finding!.message).toMatch(message);
  });

  it('flags both marks when one may close a quotation or open the next', () => {
    const text =
      'The goal. "Harmony is strong, solitude is weak. "Win-win cooperation is the rule." All agree.\n';
    const findings = quoteFindings(text);
    expect(findings.map((finding) => [finding.start, finding.replacement, finding.confidence])).toEqual([
      [text.indexOf('"Win'), null, 0.75],
      [text.indexOf('" All'), null, 0.5],
    ]);
    expect(findings[0]!.message).toMatch(/missing before this one/);
    expect(findings[1]!.message).toMatch(/stray if/);
  });

  it('closes a quotation left open where a footnote marker after a sentence shows its end', () => {
    const text = pages([
      [
        'He said: "Countries should share hardships and work together',
        'as one family in the world.1 The talks went on for a long time',
        'and ended late in the evening of that day.',
        '1 Minutes of the meeting, Regional Press, 2019, p. 4.',
      ],
      ['The next page has its own text.'],
      ['Done.'],
    ]);
    const [finding] = quoteFindings(text);
    expect(finding).toMatchObject({
      start: text.indexOf('.1 The'),
      text: '.',
      replacement: '."',
      confidence: 0.7,
    });
    // The marker also tells a missing closing mark from a misplaced one.
    const another = text.replace('.1 The talks went on', '.1 "The talks went on"');
    expect(quoteFindings(another).map((found) => [found.text, found.replacement])).toEqual([['.', '."']]);
  });

  it('points at the quotation that is never closed', () => {
    const text =
      'It proposed the "Silk Road Economic Belt" and "The "21st Century Maritime Silk Road" initiative.\n';
    expect(quoteFindings(text)[0]!.start).toBe(text.indexOf('"The'));
    const unclosed = 'He said "yes" and then: "Chinese people remember the war.\n';
    expect(quoteFindings(unclosed)[0]!.start).toBe(unclosed.indexOf('"Chinese'));
  });

  it('flags a misplaced closing mark alone when a page break stands before it', () => {
    const text = pages([
      ['Fairness and justice are the norm. "The journey of the great avenue is also the public.'],
      ['"Fairness and justice are the lofty goals pursued by the peoples in the relations of the'],
      ['The end of the chapter.'],
    ]);
    const findings = quoteFindings(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ text: '"', replacement: null, page: '42' });
  });

  it('covers the mark and the space it moves, enclosing the line break read as that space', () => {
    const text =
      'Fairness and justice are the norm. "The journey of the great avenue is also the public.\n' +
      '"Fairness and justice are the lofty goals pursued by the peoples in the relations of all the\n' +
      'countries, and they oppose the use of "rule of law" in the name of others. We go on with it.\n';
    const [finding] = quoteFindings(text);
    expect(finding).toMatchObject({ text: '\n"', replacement: '" ', confidence: 0.8 });
    expect(acceptEvery(text)).toContain('the public." Fairness');
  });
});

describe('quote style', () => {
  const mixed = "China's \"peace\" and 'the way' and “development” and ‘trust’ and the People’s Republic.\n";

  it('converts every well-paired mark to curly, apostrophes left alone', () => {
    expect(acceptEvery(mixed, 'curly')).toBe(
      "China's “peace” and ‘the way’ and “development” and ‘trust’ and the People’s Republic.\n",
    );
    const findings = quoteFindings(mixed, 'curly');
    expect(findings.map((finding) => finding.text)).toEqual(['"', '"', "'", "'"]);
    for (const finding of findings) {
      expect(finding.confidence).toBe(0.95);
      expect(finding.message).toMatch(/set curly/);
    }
  });

  it('converts every well-paired mark to straight', () => {
    expect(acceptEvery(mixed, 'straight')).toBe(
      "China's \"peace\" and 'the way' and \"development\" and 'trust' and the People’s Republic.\n",
    );
  });

  it('reports nothing about style without the option', () => {
    expect(quoteFindings(mixed)).toEqual([]);
  });

  it('mends a mismatched pair in the chosen style, as an error, and restyles the rest', () => {
    const text = 'They oppose "rule of law.” and "double standards" alike.\n';
    const findings = quoteFindings(text, 'curly');
    expect(findings.map((finding) => [finding.text, finding.replacement])).toEqual([
      ['"', '“'],
      ['"', '“'],
      ['"', '”'],
    ]);
    expect(findings[0]!.message).toBe('This " opens a quotation closed with ”: write “.');
    expect(acceptEvery(text, 'curly')).toBe('They oppose “rule of law.” and “double standards” alike.\n');
    expect(acceptEvery(text, 'straight')).toBe('They oppose "rule of law." and "double standards" alike.\n');
  });

  it('writes the moved or spaced mark in the chosen style', () => {
    expect(acceptEvery('He said: "Peace is the common wish. " 1 And he left.\n', 'curly')).toBe(
      'He said: “Peace is the common wish.” 1 And he left.\n',
    );
  });
});
