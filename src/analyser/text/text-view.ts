/**
 * A derived text that maps back to the original: the body as an editor reads it (each
 * paragraph on one line, furniture and footnote markers left out, split words joined), built
 * from pieces that either copy a range of the source or stand for one ("  ⏎  " read as " ").
 * Detectors search the view and report findings at the source offsets `sourceRange` gives,
 * so that a repeat split by a line or page break is one finding enclosing the break's own.
 * The pieces are kept in typed arrays: a book has hundreds of thousands of them.
 *
 * Plain data and module functions, not a class or closures, with their shapes kept: see
 * keep-shape.ts.
 */

import { keepShapeOf } from '../keep-shape';

export interface TextView {
  readonly text: string;
  /** How many pieces the view is made of. */
  readonly count: number;
  /** Where each piece starts in the view, and the source range it copies or stands for. */
  readonly viewStarts: Int32Array;
  readonly sourceStarts: Int32Array;
  readonly sourceEnds: Int32Array;
  /** 1 when the piece copies the source one character for one. */
  readonly copied: Uint8Array;
}

/** A view being built, piece by piece, from the start of the view to its end. */
export interface TextViewBuilder {
  readonly source: string;
  readonly parts: string[];
  count: number;
  viewStarts: Int32Array;
  sourceStarts: Int32Array;
  sourceEnds: Int32Array;
  copied: Uint8Array;
  /** The length of the view so far. */
  length: number;
}

/** `pieces`: how many pieces the view will hold, if the caller knows a bound (never grown then). */
export function textViewBuilder(source: string, pieces = 1024): TextViewBuilder {
  return {
    source,
    parts: [],
    count: 0,
    viewStarts: new Int32Array(pieces),
    sourceStarts: new Int32Array(pieces),
    sourceEnds: new Int32Array(pieces),
    copied: new Uint8Array(pieces),
    length: 0,
  };
}

/** Copies `source[start, end)` into the view. */
export function copySource(builder: TextViewBuilder, start: number, end: number): void {
  if (end <= start) return;
  addPiece(builder, start, end, 1);
  builder.parts.push(builder.source.slice(start, end));
  builder.length += end - start;
}

/** Puts `text` in the view in place of `source[start, end)` (a line break read as a space). */
export function standIn(builder: TextViewBuilder, text: string, start: number, end: number): void {
  addPiece(builder, start, end, 0);
  builder.parts.push(text);
  builder.length += text.length;
}

function addPiece(builder: TextViewBuilder, sourceStart: number, sourceEnd: number, copied: number): void {
  const at = builder.count;
  if (at === builder.viewStarts.length) growPieces(builder);
  builder.viewStarts[at] = builder.length;
  builder.sourceStarts[at] = sourceStart;
  builder.sourceEnds[at] = sourceEnd;
  builder.copied[at] = copied;
  builder.count = at + 1;
}

function growPieces(builder: TextViewBuilder): void {
  const size = Math.max(16, builder.viewStarts.length * 2);
  builder.viewStarts = copiedInto(builder.viewStarts, new Int32Array(size));
  builder.sourceStarts = copiedInto(builder.sourceStarts, new Int32Array(size));
  builder.sourceEnds = copiedInto(builder.sourceEnds, new Int32Array(size));
  builder.copied = copiedInto(builder.copied, new Uint8Array(size));
}

function copiedInto<T extends Int32Array | Uint8Array>(array: T, bigger: T): T {
  bigger.set(array);
  return bigger;
}

export function buildTextView(builder: TextViewBuilder): TextView {
  const { count, viewStarts, sourceStarts, sourceEnds, copied } = builder;
  return { text: builder.parts.join(''), count, viewStarts, sourceStarts, sourceEnds, copied };
}

/** The source range that the view range [start, end) reads. */
export function sourceRange(view: TextView, start: number, end: number): { start: number; end: number } {
  if (view.count === 0) return { start: 0, end: 0 };
  if (end <= start) {
    const at =
      start < view.text.length ? sourceStartOf(view, start) : sourceEndOf(view, view.text.length - 1);
    return { start: at, end: at };
  }
  return { start: sourceStartOf(view, start), end: sourceEndOf(view, end - 1) };
}

/** The source offset where the view character at `offset` starts. */
function sourceStartOf(view: TextView, offset: number): number {
  const piece = pieceAt(view, offset);
  const start = view.sourceStarts[piece]!;
  return view.copied[piece] === 1 ? start + (offset - view.viewStarts[piece]!) : start;
}

/** The source offset just past the view character at `offset`. */
function sourceEndOf(view: TextView, offset: number): number {
  const piece = pieceAt(view, offset);
  return view.copied[piece] === 1
    ? view.sourceStarts[piece]! + (offset - view.viewStarts[piece]!) + 1
    : view.sourceEnds[piece]!;
}

function pieceAt({ count, viewStarts }: TextView, offset: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (viewStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

keepShapeOf(buildTextView(keepShapeOf(textViewBuilder('', 0))));
