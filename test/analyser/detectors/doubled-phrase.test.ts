import { analyse } from '../../../src/analyser/analyse';
import { runDetectorTable } from './detector-table';

runDetectorTable('doubled-phrase', {
  valid: [
    // Reduplication English means.
    'The circle of friends is getting bigger and bigger, and more and more open.\n',
    'We tried again and again, over and over, through and through.\n',
    'Step by step, side by side, one by one, day by day, face to face.\n',
    'A win-win result that had had no precedent; he said that that was enough.\n',
    'They flew to Bora Bora to hear Duran Duran.\n',
    'It is very very hot. No, no, not here.\n',
    // Parallel clauses that repeat a word without doubling it.
    'Safeguard peace, protect peace and share peace.\n',
    'It ensures equal rights, equal opportunities and equal rules for all.\n',
    'Mutual respect, mutual benefit and mutual trust.\n',
    // Figures of speech: anadiplosis and chiasmus.
    'Diversity brings exchanges, exchanges breed integration, and integration produces progress.\n',
    "Turn world opportunities into China's opportunities and China's opportunities into world opportunities.\n",
    'Friendship lies in the affinity of the people, and the affinity of the people lies in the heart.\n',
    // Numbers and a contrast of forms.
    'The scores were 10, 10 and 9 in developed and developing countries.\n',
    // A run is judged from its first copy: a name's word written three times is still a name.
    'The Sustainability Analysis or Analysis or Analysis provides guidance.\n',
  ],
  invalid: [
    {
      text: 'We must share hardships and hardships, share glory.\n',
      output: 'We must share hardships, share glory.\n',
    },
    {
      text: 'Responsibilities and Responsibilities of Great Powers\n',
      output: 'Responsibilities of Great Powers\n',
    },
    {
      text: 'It is the most important and important partner.\n',
      output: 'It is the most important partner.\n',
    },
    {
      text: 'China does not want to fight, does not want to fight, and is not afraid.\n',
      output: 'China does not want to fight, and is not afraid.\n',
    },
    {
      text: 'Stuck in the past, in the Cold War mentality, and in the Cold War mentality.\n',
      output: 'Stuck in the past, in the Cold War mentality.\n',
    },
    {
      text: 'Adhere to good-neighborliness, good-neighborliness and prosperity.\n',
      output: 'Adhere to good-neighborliness and prosperity.\n',
    },
    { text: 'This is the the answer.\n', output: 'This is the answer.\n' },
    {
      text: 'An open, inclusive, inclusive, balanced economy.\n',
      output: 'An open, inclusive, balanced economy.\n',
    },
    {
      // Across a line break and a split word: one finding enclosing both.
      text: 'We must share hardships\nand hard-\nships, share glory and disgrace with all the peoples of the world.\n',
      output: 'We must share hardships, share glory and disgrace with all the peoples of the world.\n',
    },
    // Three copies and more: one finding removes every copy after the first, so that the
    // edition does not keep a doubled phrase ("the the the" once gave "the the").
    { text: 'We saw the the the answer.\n', output: 'We saw the answer.\n' },
    { text: 'This is the the the the answer.\n', output: 'This is the answer.\n' },
    {
      text: 'We must share hardships and hardships and hardships, share glory.\n',
      output: 'We must share hardships, share glory.\n',
    },
    {
      text: 'We oppose development and development and development and development and isolation.\n',
      output: 'We oppose development and isolation.\n',
    },
    {
      text: 'An open, inclusive, inclusive, inclusive, balanced economy.\n',
      output: 'An open, inclusive, balanced economy.\n',
    },
    {
      // Two repeats that share a word: the second copy of "world" is the first of "world peace".
      text: 'We work for the world world peace, world peace and development.\n',
      output: 'We work for the world peace and development.\n',
    },
    {
      text: 'Build an open, inclusive, inclusive and inclusive, balanced economy.\n',
      output: 'Build an open, inclusive, balanced economy.\n',
    },
    {
      text: 'It opposes the law of the jungle, the law of the jungle, the law of the jungle, and bullying.\n',
      output: 'It opposes the law of the jungle, and bullying.\n',
    },
  ],
});

describe('doubled-phrase confidence', () => {
  const confidenceOf = (text: string) => analyse(text, { kinds: ['doubled-phrase'] }).findings[0]?.confidence;

  it('grows with the length of the phrase and falls for function words and other endings', () => {
    const long = confidenceOf('Stuck in the Cold War mentality, and in the Cold War mentality.\n')!;
    const word = confidenceOf('We share hardships and hardships.\n')!;
    const functionWord = confidenceOf('This is the the answer.\n')!;
    const inflected = confidenceOf('We share hardship and hardships.\n')!;
    expect(long).toBeGreaterThan(word);
    expect(word).toBeGreaterThan(functionWord);
    expect(functionWord).toBeGreaterThan(inflected);
  });
});

describe('doubled-phrase runs of three copies and more', () => {
  const findingsIn = (text: string) => analyse(text, { kinds: ['doubled-phrase'] }).findings;

  it('reports one finding for the run, which says how many times the phrase is written', () => {
    const findings = findingsIn('We saw the the the the answer.\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ text: ' the the the', replacement: '' });
    expect(findings[0]!.message).toMatch(/"the" is written 4 times/);
  });

  it('reads a doubled word written four times as the word, not as a doubled pair ("the the")', () => {
    const findings = findingsIn('It was the the the the the the the the end.\n');
    expect(findings.map((finding) => finding.text)).toEqual([' the the the the the the the']);
  });

  it('leaves repetition for effect alone however long it runs', () => {
    expect(findingsIn('It is very very very very hot.\n')).toEqual([]);
  });
});
