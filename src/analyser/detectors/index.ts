/**
 * The registry of detectors, sorted by id. Adding a detector means adding its file and one
 * line here.
 */

import { capitalAfterPageBreak } from './capital-after-page-break';
import type { Detector } from './detector';
import { footnote } from './footnote';
import { footnoteMarker } from './footnote-marker';
import { hyphenation } from './hyphenation';
import { lineWrap } from './line-wrap';
import { pageBreak } from './page-break';
import { pageNumber } from './page-number';
import { paragraphBreak } from './paragraph-break';
import { runningHeader } from './running-header';

export const DETECTORS: readonly Detector[] = [
  capitalAfterPageBreak,
  footnote,
  footnoteMarker,
  hyphenation,
  lineWrap,
  pageBreak,
  pageNumber,
  paragraphBreak,
  runningHeader,
];

export type { Detector, DetectorExample, DetectorMeta } from './detector';
