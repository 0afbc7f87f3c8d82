import fc from 'fast-check';
import { partlyOverlap, resolveOverlaps } from '../../../src/analyser/edits/overlap-policy';
import type { Kind } from '../../../src/analyser/kinds';

const at = (kind: Kind, start: number, end: number, confidence = 0.9) => ({ kind, start, end, confidence });

describe('resolveOverlaps', () => {
  it('keeps the structure and drops what partly overlaps it', () => {
    const wrap = at('line-wrap', 10, 11);
    const inside = at('spacing', 8, 12);
    const across = at('quote', 5, 10.5);
    expect(resolveOverlaps([across, inside, wrap].sort((a, b) => a.start - b.start))).toEqual([inside, wrap]);
  });

  it('takes the more confident of two partly overlapping findings', () => {
    const doubled = at('doubled-phrase', 0, 10, 0.95);
    const spacing = at('spacing', 8, 12, 0.9);
    expect(resolveOverlaps([doubled, spacing])).toEqual([doubled]);
    expect(resolveOverlaps([at('spacing', 0, 10, 0.99), doubled])).toEqual([
      at('spacing', 0, 10, 0.99),
      doubled,
    ]);
  });

  it('breaks a tie of confidence by the kind order, then keeps nested findings', () => {
    const quote = at('quote', 4, 6, 0.9);
    const doubled = at('doubled-phrase', 0, 5, 0.9);
    const nested = at('capitalisation', 1, 2, 0.9);
    expect(resolveOverlaps([doubled, nested, quote])).toEqual([doubled, nested]);
  });

  it('always leaves a set in which no two ranges partly overlap', () => {
    const kinds: Kind[] = ['doubled-phrase', 'quote', 'spacing', 'capitalisation'];
    const finding = fc
      .tuple(fc.nat(100), fc.nat(20), fc.constantFrom(...kinds), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([start, length, kind, confidence]) => at(kind, start, start + length, confidence));
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 30 }), (findings) => {
        const kept = resolveOverlaps([...findings].sort((a, b) => a.start - b.start));
        for (const a of kept) for (const b of kept) expect(partlyOverlap(a, b)).toBe(false);
      }),
    );
  });
});
