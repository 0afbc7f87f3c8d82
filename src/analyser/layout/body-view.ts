/**
 * The body as an editor reads it, for the detectors that look at sentences (doubled phrases,
 * quotes, spacing, capitals): each block (paragraph or heading) on one line, blocks separated by
 * "\n", furniture, footnote bodies and footnote markers left out, wrapped lines joined by a space
 * and split words joined as the hyphen decision says. Offsets map back to the source through
 * the view, so a finding over "share hardships⏎and hardships" encloses the line-wrap inside it.
 */

import { TextViewBuilder, type TextView } from '../text/text-view';
import type { PageLayout } from './page-layout';

export interface BodyView extends TextView {
  /** The view range of every block, in reading order. */
  blocks: Array<{ start: number; end: number; heading: boolean }>;
  /** The index of the block that holds a view offset. */
  blockAt(at: number): number;
}

export function buildBodyView(layout: PageLayout): BodyView {
  const { text, lines, joins, blocks } = layout;
  const markers = layout.footnotes
    .flatMap((note) => (note.marker ? [note.marker] : []))
    .sort((a, b) => a.start - b.start);
  // A copy and a stand-in for each join and each marker, and a last copy for each block.
  const builder = new TextViewBuilder(text, 2 * joins.length + 2 * markers.length + blocks.length + 1);
  let nextMarker = 0;
  let length = 0;

  /** Copies source[start, end), leaving out the footnote markers inside it. */
  const copy = (start: number, end: number): void => {
    let from = start;
    while (nextMarker < markers.length && markers[nextMarker]!.end <= start) nextMarker++;
    while (nextMarker < markers.length && markers[nextMarker]!.start < end) {
      const marker = markers[nextMarker]!;
      builder.copy(from, marker.start);
      length += Math.max(0, marker.start - from);
      builder.standIn('', marker.start, marker.end);
      from = marker.end;
      nextMarker++;
    }
    builder.copy(from, end);
    length += Math.max(0, end - from);
  };
  const standIn = (replacement: string, start: number, end: number): void => {
    builder.standIn(replacement, start, end);
    length += replacement.length;
  };

  const viewBlocks: BodyView['blocks'] = [];
  let joinIndex = 0;
  for (let blockIndex = 0; blockIndex < blocks.length; blockIndex++) {
    const block = blocks[blockIndex]!;
    const blockStart = length;
    let line = block.firstLine;
    let lineStart = lines[line]!.contentStart;
    while (line !== block.lastLine) {
      const join = joins[joinIndex]!;
      joinIndex++;
      const a = lines[join.from]!;
      const b = lines[join.to]!;
      if (join.hyphen) {
        copy(lineStart, a.contentEnd - 1);
        standIn(join.hyphen.join ? '' : '-', a.contentEnd - 1, b.contentStart);
      } else {
        copy(lineStart, a.contentEnd);
        standIn(' ', a.contentEnd, b.contentStart);
      }
      line = join.to;
      lineStart = b.contentStart;
    }
    copy(lineStart, lines[line]!.contentEnd);
    viewBlocks.push({ start: blockStart, end: length, heading: block.heading });
    const next = blockIndex + 1 < blocks.length ? blocks[blockIndex + 1] : undefined;
    if (next) {
      // The join that ends this block: its gap reads as the paragraph separator.
      joinIndex++;
      standIn('\n', lines[line]!.contentEnd, lines[next.firstLine]!.contentStart);
    }
  }
  const blockAt = (at: number): number => {
    let low = 0;
    let high = viewBlocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (viewBlocks[mid]!.start <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return { ...builder.build(), blocks: viewBlocks, blockAt };
}
