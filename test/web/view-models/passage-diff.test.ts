import { passageDiff } from '../../../src/web/view-models/passage-diff';

const SOURCE = 'Countries should share weal and woe, share hardships and hardships, and build a future.\n';

function spanOf(text: string, part: string): { start: number; end: number } {
  const start = SOURCE.indexOf(part);
  return { start, end: start + part.length };
}

describe('passageDiff', () => {
  it('shows the suggestion as words removed and added in the surrounding passage', () => {
    const { start, end } = spanOf(SOURCE, ' and hardships');
    const parts = passageDiff(SOURCE, start, end, '');
    expect(parts.filter((part) => part.removed).map((part) => part.text)).toEqual([' and hardships']);
    expect(parts.some((part) => part.added)).toBe(false);
    expect(
      parts
        .filter((part) => !part.removed)
        .map((part) => part.text)
        .join(''),
    ).toBe('Countries should share weal and woe, share hardships, and build a future.');
  });

  it('keeps the passage before the change, word for word', () => {
    const { start, end } = spanOf(SOURCE, 'Countries');
    const parts = passageDiff(SOURCE, start, end, 'countries');
    expect(parts[0]).toEqual({ text: 'Countries', added: false, removed: true });
    expect(parts[1]).toEqual({ text: 'countries', added: true, removed: false });
  });

  it('cuts long context at a word, within the given number of characters, and stays on its lines', () => {
    const long = `${'word '.repeat(100)}target ${'more '.repeat(100)}\nnext line\n`;
    const start = long.indexOf('target');
    const parts = passageDiff(long, start, start + 6, 'goal', 40);
    const before = parts
      .filter((part) => !part.added)
      .map((part) => part.text)
      .join('');
    expect(before.length).toBeLessThanOrEqual(6 + 2 * 40);
    expect(before.startsWith('word ')).toBe(true);
    expect(before).not.toContain('next');
  });

  it('shows a removed line break as a visible mark', () => {
    const text = 'the first line\n\n12\n\nthe second line\n';
    const start = text.indexOf('\n\n12');
    const parts = passageDiff(text, start, start + '\n\n12\n\n'.length, ' ');
    expect(
      parts
        .filter((part) => part.removed)
        .map((part) => part.text)
        .join(''),
    ).toContain('⏎');
  });
});
