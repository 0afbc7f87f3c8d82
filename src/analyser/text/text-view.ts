/**
 * A derived text that maps back to the original: the body as an editor reads it (each
 * paragraph on one line, furniture and footnote markers left out, split words joined), built
 * from pieces that either copy a range of the source or stand for one ("  ⏎  " read as " ").
 * Detectors search the view and report findings at the source offsets `sourceRange` gives,
 * so that a repeat split by a line or page break is one finding enclosing the break's own.
 */

interface Piece {
  /** Where the piece starts in the view. */
  viewStart: number;
  /** The source range it copies or stands for. */
  sourceStart: number;
  sourceEnd: number;
  /** True when the piece copies the source one character for one. */
  copied: boolean;
}

export interface TextView {
  readonly text: string;
  /** The source range that the view range [start, end) reads. */
  sourceRange(start: number, end: number): { start: number; end: number };
}

export class TextViewBuilder {
  private readonly parts: string[] = [];
  private readonly pieces: Piece[] = [];
  private length = 0;

  constructor(private readonly source: string) {}

  /** Copies `source[start, end)` into the view. */
  copy(start: number, end: number): void {
    if (end <= start) return;
    this.pieces.push({ viewStart: this.length, sourceStart: start, sourceEnd: end, copied: true });
    this.parts.push(this.source.slice(start, end));
    this.length += end - start;
  }

  /** Puts `text` in the view in place of `source[start, end)` (a line break read as a space). */
  standIn(text: string, start: number, end: number): void {
    this.pieces.push({ viewStart: this.length, sourceStart: start, sourceEnd: end, copied: false });
    this.parts.push(text);
    this.length += text.length;
  }

  build(): TextView {
    const text = this.parts.join('');
    const pieces = this.pieces;
    const pieceAt = (offset: number): Piece => {
      let low = 0;
      let high = pieces.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (pieces[mid]!.viewStart <= offset) low = mid;
        else high = mid - 1;
      }
      return pieces[low]!;
    };
    const sourceStartOf = (offset: number): number => {
      const piece = pieceAt(offset);
      return piece.copied ? piece.sourceStart + (offset - piece.viewStart) : piece.sourceStart;
    };
    const sourceEndOf = (offset: number): number => {
      const piece = pieceAt(offset);
      return piece.copied ? piece.sourceStart + (offset - piece.viewStart) + 1 : piece.sourceEnd;
    };
    return {
      text,
      sourceRange(start, end) {
        if (pieces.length === 0) return { start: 0, end: 0 };
        if (end <= start) {
          const at = start < text.length ? sourceStartOf(start) : sourceEndOf(text.length - 1);
          return { start: at, end: at };
        }
        return { start: sourceStartOf(start), end: sourceEndOf(end - 1) };
      },
    };
  }
}
