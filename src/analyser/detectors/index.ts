/**
 * The registry of detectors, sorted by id. Adding a detector means adding its file and one
 * line here.
 */

import { capitalAfterPageBreak } from './capital-after-page-break';
import { capitalInSentence } from './capital-in-sentence';
import type { Kind } from '../kinds';
import type { Detector } from './detector';
import { doubledPhrase } from './doubled-phrase';
import { footnote } from './footnote';
import { footnoteMarker } from './footnote-marker';
import { hyphenation } from './hyphenation';
import { lineWrap } from './line-wrap';
import { pageBreak } from './page-break';
import { pageNumber } from './page-number';
import { paragraphBreak } from './paragraph-break';
import { quote } from './quote';
import { runningHeader } from './running-header';
import { spacing } from './spacing';

export const DETECTORS: readonly Detector[] = [
  capitalAfterPageBreak,
  capitalInSentence,
  doubledPhrase,
  footnote,
  footnoteMarker,
  hyphenation,
  lineWrap,
  pageBreak,
  pageNumber,
  paragraphBreak,
  quote,
  runningHeader,
  spacing,
];

/** The kinds some detector reports; the others are in the contract but not detected yet. */
export const DETECTED_KINDS: ReadonlySet<Kind> = new Set(
  DETECTORS.filter((detector) => detector.meta.examples.length > 0).map((detector) => detector.meta.kind),
);

export type { Detector, DetectorExample, DetectorMeta } from './detector';
