/**
 * retext-repeated-words, the yardstick for Galley's doubled phrases: `retext` (unified with the
 * retext-latin parser and retext-stringify) with the plugin, as its README sets it up. Both are
 * ESM-only, so they are loaded with a dynamic `import()` (tsx keeps it one).
 */

/** One repeat retext reports: the offsets of the two words, and the words as written. */
export interface RetextRepeat {
  start: number;
  end: number;
  line: number;
  column: number;
  actual: string;
}

export type FindRepeats = (text: string) => RetextRepeat[];

interface Point {
  line?: number;
  column?: number;
  offset?: number;
}

interface Message {
  place?: { start?: Point; end?: Point } | Point;
  actual?: string;
}

/** Loads retext and the plugin once, and returns the check as a plain synchronous function. */
export async function loadRetextRepeats(): Promise<FindRepeats> {
  const { retext } = await import('retext');
  const { default: retextRepeatedWords } = await import('retext-repeated-words');
  const processor = retext().use(retextRepeatedWords).freeze();
  return (text) =>
    (processor.processSync(text).messages as Message[]).flatMap((message) => {
      const place = message.place;
      const start = place && 'start' in place ? place.start : undefined;
      const end = place && 'end' in place ? place.end : undefined;
      if (start?.offset === undefined || end?.offset === undefined) return [];
      return [
        {
          start: start.offset,
          end: end.offset,
          line: start.line ?? 0,
          column: start.column ?? 0,
          actual: message.actual ?? text.slice(start.offset, end.offset),
        },
      ];
    });
}
