/**
 * How each body line ends once its footnote marker is left out ("countries.”1" → "countries.”"):
 * what the joins between lines, the hyphen decisions and the page-break detectors read.
 *
 * Plain data and module functions rather than closures over the layout's locals: the joins call
 * these for every line pair, and V8 inlines them (see keep-shape.ts).
 */

import { emptyShapes, type Line, type LineShapes } from '../text/lines';
import type { FootnoteMarker } from './footnotes';
import { keepShapeOf } from '../keep-shape';

export interface LineEnds {
  source: string;
  lines: readonly Line[];
  shapes: LineShapes;
  /** The marker that ends a line, by line. */
  markers: Map<number, FootnoteMarker>;
  /** Most lines hold no marker: a flag rules them out before a look-up. */
  holdsMarker: Uint8Array;
}

export function lineEnds(
  source: string,
  lines: readonly Line[],
  shapes: LineShapes,
  markers: Iterable<FootnoteMarker>,
): LineEnds {
  const ends: LineEnds = {
    source,
    lines,
    shapes,
    markers: new Map(),
    holdsMarker: new Uint8Array(lines.length),
  };
  for (const marker of markers) {
    ends.markers.set(marker.line, marker);
    ends.holdsMarker[marker.line] = 1;
  }
  return ends;
}

/** The line's trimmed text without a footnote marker at its end. */
export function endText(ends: LineEnds, line: number): string {
  const current = ends.lines[line]!;
  if (ends.holdsMarker[line] === 0) return current.trimmed;
  const marker = ends.markers.get(line)!;
  if (marker.end >= current.contentEnd)
    return ends.source.slice(current.contentStart, marker.start).trimEnd();
  return current.trimmed;
}

/** The last character of endText, 0 when it is empty; read from the shapes where no marker can end the line. */
export function endCode(ends: LineEnds, line: number): number {
  if (ends.holdsMarker[line] === 0) return ends.shapes.last[line]!;
  const end = endText(ends, line);
  return end.length === 0 ? 0 : end.charCodeAt(end.length - 1);
}

keepShapeOf(lineEnds('', [], emptyShapes(0), []));
