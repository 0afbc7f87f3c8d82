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
    expect((await sources.get(1))!.text).toBe('one');
    await sources.get(2);
    await sources.get(1);
    expect(store.reads).toEqual([1, 2]);
    await sources.get(3); // 2 is now the least recently used: it goes
    await sources.get(1);
    await sources.get(2);
    expect(store.reads).toEqual([1, 2, 3, 2]);
  });

  it('does not keep a document it did not find', async () => {
    const store = countingStore({});
    const sources = sourceCache(store);
    expect(await sources.get(7)).toBeUndefined();
    expect(await sources.get(7)).toBeUndefined();
    expect(store.reads).toEqual([7, 7]);
  });
});
