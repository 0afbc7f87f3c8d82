import { hashWord, tokenizeWords } from '../../../src/analyser/text/word-tokens';

describe('hashWord', () => {
  it.each(['and', 'And', 'OR', 'Promote', "People's", 'People’s', 'win-win', 'Élan', 'covid19'])(
    'gives %j the hash tokenizeWords gives it',
    (word) => {
      const tokens = tokenizeWords(`(${word}) `);
      expect(tokens.count).toBe(1);
      expect(hashWord(word)).toBe(tokens.hashes[0]);
    },
  );

  it('ignores ASCII case, as the tokens do', () => {
    expect(hashWord('THE')).toBe(hashWord('the'));
    expect(hashWord('the')).not.toBe(hashWord('then'));
  });
});
