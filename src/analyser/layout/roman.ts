/** Roman numerals as printed in front matter and footnote labels ("iv", "XIV"). */

const VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
const WELL_FORMED = /^(m{0,3})(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

/** The value of a well-formed roman numeral in one case ("xiv", "XIV"), or undefined. */
export function romanValue(token: string): number | undefined {
  if (token.length === 0 || token.length > 9) return undefined;
  const lower = token.toLowerCase();
  if (token !== lower && token !== token.toUpperCase()) return undefined;
  if (!WELL_FORMED.test(lower)) return undefined;
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const value = VALUES[lower[i]!]!;
    const next = i + 1 < lower.length ? VALUES[lower[i + 1]!]! : 0;
    total += value < next ? -value : value;
  }
  return total;
}

export function toRoman(value: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = value;
  let out = '';
  for (const [amount, numeral] of table) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}
