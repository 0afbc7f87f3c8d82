import { countWords } from '../../../src/analyser/layout/vocabulary';

describe('countWords', () => {
  it.each([
    // [text, word, total]: whole words only, as "\\b" and the checks around it read them.
    ['China and china, CHINA.', 'china', 3],
    ['The China-France forum', 'china', 0],
    ['The China-France forum', 'china-france', 1],
    ['all-round, allround', 'all-round', 1],
    ['all-round-the-clock', 'all-round', 0],
    ['round in all-round', 'round', 1],
    // A hyphen before a digit ends the word for "\\b": "china" counts in "china-2".
    ['china-2 and COVID-19', 'china', 1],
    ['china-2 and COVID-19', 'covid', 1],
    ['china-2 and COVID-19', 'covid-19', 1],
    ['china-france-2', 'china', 0],
    ["china's and china\u2019s", 'china', 0],
    ['china_x x_china 2china china2', 'china', 0],
    ['Élan, élan, ×china', 'china', 0],
  ])('%j has %j %d times', (text, word, total) => {
    expect(countWords(text, new Set([word])).use(word).total).toBe(total);
  });

  it('counts a longer wanted word where it matches, not the shorter one it begins with', () => {
    const vocabulary = countWords('covid-19 spread', new Set(['covid', 'covid-19']));
    expect(vocabulary.use('covid-19').total).toBe(1);
    expect(vocabulary.use('covid').total).toBe(0);
  });

  it('tells lower case from capitals mid-sentence', () => {
    const use = countWords('Strive on. We strive, and we Strive.', new Set(['strive'])).use('strive');
    expect(use).toEqual({ lower: 1, capitalMidSentence: 1, total: 3 });
  });
});
