import { sequential } from '../../../src/analyser/text/sequential';

describe('sequential', () => {
  it.each([[''], ['a'], ['ab'], ['“quoted” and ’ marks 👍🏽'], ['x'.repeat(100_000)]])(
    'gives back the same text: %#',
    (text) => {
      expect(sequential(text)).toBe(text);
      expect(sequential(`..${text}..`.slice(2, -2))).toBe(text);
    },
  );
});
