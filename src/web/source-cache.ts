/**
 * The texts of the few documents being reviewed, kept in memory: a document's text never
 * changes once imported (and its id is never given to another), so a copy cannot go stale. Its
 * headings can (a re-analysis replaces them), so they are not kept here. Every page of flags and
 * every decision answered in place needs the text for its diffs; a book is megabytes, read once
 * here instead of once a request.
 */

import type { Store } from '../store';

const CAPACITY = 4;

export interface SourceCache {
  /** The document's text as imported; undefined when there is no such document. */
  text(documentId: number): Promise<string | undefined>;
}

export function sourceCache(store: Pick<Store, 'getSource'>, capacity = CAPACITY): SourceCache {
  // A Map keeps insertion order: the first key is the least recently used.
  const sources = new Map<number, Promise<string | undefined>>();
  return {
    text(documentId) {
      let source = sources.get(documentId);
      if (source) {
        sources.delete(documentId);
      } else {
        source = store.getSource(documentId).then((found) => found?.text);
        // A document deleted (or never there) is not kept.
        void source.then(
          (found) => found === undefined && sources.delete(documentId),
          () => sources.delete(documentId),
        );
      }
      sources.set(documentId, source);
      if (sources.size > capacity) sources.delete(sources.keys().next().value!);
      return source;
    },
  };
}
