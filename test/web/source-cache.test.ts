import type { DocumentSource } from '../../src/store';
import { sourceCache } from '../../src/web/source-cache';

function countingStore(texts: Record<number, string>) {
  const reads: number[] = [];
  return {
    reads,
    getSource: async (id: number): Promise<DocumentSource | undefined> => {
      reads.push(id);
      const text = texts[id];
      return text === undefined ? undefined : { text, headings: [] };
    },
  };
}

describe('sourceCache', () => {
  it('reads each document once while it is among the most recently used', async () => {
    const store = countingStore({ 1: 'one', 2: 'two', 3: 'three' });
    const sources = sourceCache(store, 2);
    expect(await sources.text(1)).toBe('one');
    await sources.text(2);
    await sources.text(1);
    expect(store.reads).toEqual([1, 2]);
    await sources.text(3); // 2 is now the least recently used: it goes
    await sources.text(1);
    await sources.text(2);
    expect(store.reads).toEqual([1, 2, 3, 2]);
  });

  it('does not keep a document it did not find', async () => {
    const store = countingStore({});
    const sources = sourceCache(store);
    expect(await sources.text(7)).toBeUndefined();
    expect(await sources.text(7)).toBeUndefined();
    expect(store.reads).toEqual([7, 7]);
  });
});
