/**
 * A derived text that maps back to the original: the body as an editor reads it (each
 * paragraph on one line, furniture and footnote markers left out, split words joined), built
 * from pieces that either copy a range of the source or stand for one ("  ⏎  " read as " ").
 * Detectors search the view and report findings at the source offsets `sourceRange` gives,
 * so that a repeat split by a line or page break is one finding enclosing the break's own.
 * The pieces are kept in typed arrays: a book has hundreds of thousands of them.
 */

export interface TextView {
  readonly text: string;
  /** The source range that the view range [start, end) reads. */
  sourceRange(start: number, end: number): { start: number; end: number };
}

export class TextViewBuilder {
  private readonly parts: string[] = [];
  private count = 0;
  /** Where each piece starts in the view, and the source range it copies or stands for. */
  private viewStarts: Int32Array;
  private sourceStarts: Int32Array;
  private sourceEnds: Int32Array;
  /** 1 when the piece copies the source one character for one. */
  private copied: Uint8Array;
  private length = 0;

  /** `pieces`: how many pieces the view will hold, if the caller knows a bound (never grown then). */
  constructor(
    private readonly source: string,
    pieces = 1024,
  ) {
    this.viewStarts = new Int32Array(pieces);
    this.sourceStarts = new Int32Array(pieces);
    this.sourceEnds = new Int32Array(pieces);
    this.copied = new Uint8Array(pieces);
  }

  /** Copies `source[start, end)` into the view. */
  copy(start: number, end: number): void {
    if (end <= start) return;
    this.add(start, end, 1);
    this.parts.push(this.source.slice(start, end));
    this.length += end - start;
  }

  /** Puts `text` in the view in place of `source[start, end)` (a line break read as a space). */
  standIn(text: string, start: number, end: number): void {
    this.add(start, end, 0);
    this.parts.push(text);
    this.length += text.length;
  }

  private add(sourceStart: number, sourceEnd: number, copied: number): void {
    if (this.count === this.viewStarts.length) {
      const grow = <T extends Int32Array | Uint8Array>(array: T, make: (size: number) => T): T => {
        const bigger = make(Math.max(16, array.length * 2));
        bigger.set(array);
        return bigger;
      };
      this.viewStarts = grow(this.viewStarts, (size) => new Int32Array(size));
      this.sourceStarts = grow(this.sourceStarts, (size) => new Int32Array(size));
      this.sourceEnds = grow(this.sourceEnds, (size) => new Int32Array(size));
      this.copied = grow(this.copied, (size) => new Uint8Array(size));
    }
    this.viewStarts[this.count] = this.length;
    this.sourceStarts[this.count] = sourceStart;
    this.sourceEnds[this.count] = sourceEnd;
    this.copied[this.count] = copied;
    this.count++;
  }

  build(): TextView {
    const text = this.parts.join('');
    const { count, viewStarts, sourceStarts, sourceEnds, copied } = this;
    const pieceAt = (offset: number): number => {
      let low = 0;
      let high = count - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (viewStarts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      return low;
    };
    const sourceStartOf = (offset: number): number => {
      const piece = pieceAt(offset);
      return copied[piece] ? sourceStarts[piece]! + (offset - viewStarts[piece]!) : sourceStarts[piece]!;
    };
    const sourceEndOf = (offset: number): number => {
      const piece = pieceAt(offset);
      return copied[piece] ? sourceStarts[piece]! + (offset - viewStarts[piece]!) + 1 : sourceEnds[piece]!;
    };
    return {
      text,
      sourceRange(start, end) {
        if (count === 0) return { start: 0, end: 0 };
        if (end <= start) {
          const at = start < text.length ? sourceStartOf(start) : sourceEndOf(text.length - 1);
          return { start: at, end: at };
        }
        return { start: sourceStartOf(start), end: sourceEndOf(end - 1) };
      },
    };
  }
}
