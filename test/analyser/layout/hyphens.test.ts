import { decideHyphen, hyphenParts } from '../../../src/analyser/layout/hyphens';
import { countWords } from '../../../src/analyser/layout/vocabulary';

const none = countWords('', new Set());

describe('decideHyphen', () => {
  it.each([
    ['empha-', 'sis and', 'emphasis', true],
    ['develop-', 'ment of', 'development', true],
    ['all-', 'round opening', 'all-round', false],
    ['people-to-', 'people exchanges', 'people-to-people', false],
    ['friendly people-', 'to-people exchanges', 'people-to', false],
    ['China-', 'France forum', 'China-France', false],
    ['non-', 'threat posture', 'non-threat', false],
    ['well-', 'being of', 'well-being', false],
    ['COVID-', '19 pandemic', 'COVID-19', false],
    ['The tizhi-', 'system acting', 'tizhi-system', false],
  ])('%j + %j gives %j', (before, after, word, join) => {
    const { left, right, compoundBefore } = hyphenParts(before, after);
    const decision = decideHyphen(left, right, compoundBefore, none);
    expect(decision.join).toBe(join);
    if (join) expect(decision.word).toBe(word);
  });

  it('follows the document when it writes the word elsewhere', () => {
    const text = 'The cooperation grew. Later co-\noperation stalled.';
    const vocabulary = countWords(text, new Set(['cooperation', 'co-operation']));
    expect(decideHyphen('co', 'operation', false, vocabulary)).toMatchObject({
      join: true,
      word: 'cooperation',
    });
    const hyphenated = countWords('The co-operation grew.', new Set(['cooperation', 'co-operation']));
    expect(decideHyphen('co', 'operation', false, hyphenated)).toMatchObject({ join: false });
  });

  it('is less sure when it has no evidence', () => {
    const decision = decideHyphen('zorbly', 'fex', false, none);
    expect(decision.confidence).toBeLessThan(0.9);
  });
});

describe('countWords', () => {
  it('counts whole words only, and tells lower case from a mid-sentence capital', () => {
    const text = 'We strive. Strive on, Strive again; all-round and round.';
    const vocabulary = countWords(text, new Set(['strive', 'round']));
    expect(vocabulary.use('Strive')).toEqual({ lower: 1, capitalMidSentence: 1, total: 3 });
    expect(vocabulary.use('round').total).toBe(1);
  });
});
