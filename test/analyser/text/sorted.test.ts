import { firstAbove } from '../../../src/analyser/text/sorted';

describe('firstAbove', () => {
  it.each([
    [[], 5, 0],
    [[1, 3, 5], 0, 0],
    [[1, 3, 5], 1, 1],
    [[1, 3, 5], 4, 2],
    [[1, 3, 5], 5, 3],
    [[2, 2, 2, 7], 2, 3],
  ])('in %j, the first value above %i stands at %i', (values, at, index) => {
    expect(firstAbove(values, at)).toBe(index);
  });
});
