/**
 * The body as an editor reads it, for the detectors that look at sentences (doubled phrases,
 * quotes, spacing, capitals): each block (paragraph or heading) on one line, blocks separated by
 * "\n", furniture, footnote bodies and footnote markers left out, wrapped lines joined by a space
 * and split words joined as the hyphen decision says. Offsets map back to the source through
 * the view, so a finding over "share hardships⏎and hardships" encloses the line-wrap inside it.
 */

import type { FootnoteMarker } from './footnotes';
import {
  buildTextView,
  copySource,
  standIn,
  textViewBuilder,
  type TextView,
  type TextViewBuilder,
} from '../text/text-view';
import type { PageLayout } from './page-layout';
import { keepShapeOf } from '../keep-shape';

export interface BodyView extends TextView {
  /** The view range of every block, in reading order. */
  blocks: Array<{ start: number; end: number; heading: boolean }>;
}

/** The builder, and the footnote markers it leaves out, in text order, from the next one on. */
interface BodyBuilder {
  view: TextViewBuilder;
  markers: FootnoteMarker[];
  nextMarker: number;
}

export function buildBodyView(layout: PageLayout): BodyView {
  const { text, lines, joins, blocks } = layout;
  const markers = layout.footnotes
    .flatMap((note) => (note.marker ? [note.marker] : []))
    .sort((a, b) => a.start - b.start);
  // A copy and a stand-in for each join and each marker, and a last copy for each block.
  const builder = bodyBuilder(text, 2 * joins.length + 2 * markers.length + blocks.length + 1, markers);
  const view = builder.view;

  const viewBlocks: BodyView['blocks'] = [];
  let joinIndex = 0;
  for (let blockIndex = 0; blockIndex < blocks.length; blockIndex++) {
    const block = blocks[blockIndex]!;
    const blockStart = view.length;
    let line = block.firstLine;
    let lineStart = lines[line]!.contentStart;
    while (line !== block.lastLine) {
      const join = joins[joinIndex]!;
      joinIndex++;
      const a = lines[join.from]!;
      const b = lines[join.to]!;
      if (join.hyphen) {
        copyWithoutMarkers(builder, lineStart, a.contentEnd - 1);
        standIn(view, join.hyphen.join ? '' : '-', a.contentEnd - 1, b.contentStart);
      } else {
        copyWithoutMarkers(builder, lineStart, a.contentEnd);
        standIn(view, ' ', a.contentEnd, b.contentStart);
      }
      line = join.to;
      lineStart = b.contentStart;
    }
    copyWithoutMarkers(builder, lineStart, lines[line]!.contentEnd);
    viewBlocks.push({ start: blockStart, end: view.length, heading: block.heading });
    const next = blockIndex + 1 < blocks.length ? blocks[blockIndex + 1] : undefined;
    if (next) {
      // The join that ends this block: its gap reads as the paragraph separator.
      joinIndex++;
      standIn(view, '\n', lines[line]!.contentEnd, lines[next.firstLine]!.contentStart);
    }
  }
  return bodyView(buildTextView(view), viewBlocks);
}

function bodyBuilder(text: string, pieces: number, markers: FootnoteMarker[]): BodyBuilder {
  return { view: textViewBuilder(text, pieces), markers, nextMarker: 0 };
}

function bodyView(view: TextView, blocks: BodyView['blocks']): BodyView {
  const { text, count, viewStarts, sourceStarts, sourceEnds, copied } = view;
  return { text, count, viewStarts, sourceStarts, sourceEnds, copied, blocks };
}

/** Copies source[start, end), leaving out the footnote markers inside it. */
function copyWithoutMarkers(builder: BodyBuilder, start: number, end: number): void {
  const { view, markers } = builder;
  let from = start;
  while (builder.nextMarker < markers.length && markers[builder.nextMarker]!.end <= start)
    builder.nextMarker++;
  while (builder.nextMarker < markers.length && markers[builder.nextMarker]!.start < end) {
    const marker = markers[builder.nextMarker]!;
    copySource(view, from, marker.start);
    standIn(view, '', marker.start, marker.end);
    from = marker.end;
    builder.nextMarker++;
  }
  copySource(view, from, end);
}

/** The index of the block that holds a view offset. */
export function blockAt(view: BodyView, at: number): number {
  const blocks = view.blocks;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (blocks[mid]!.start <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

keepShapeOf(bodyBuilder('', 0, []));
keepShapeOf(bodyView(buildTextView(textViewBuilder('', 0)), []));
