/**
 * The one shape every detector has: static `meta` and a pure `detect` from the shared layout
 * to draft findings. The engine (analyse.ts) gives drafts their ids, lines and columns, checks
 * them and sorts them.
 */

import type { Kind } from '../kinds';
import type { PageLayout } from '../layout/page-layout';
import type { Draft } from '../types';

export interface DetectorExample {
  /** A small document showing the artefact. */
  before: string;
  /** The same document after accepting every finding of this detector. */
  after: string;
}

export interface DetectorMeta {
  /** Stable identifier, the file name. */
  id: string;
  kind: Kind;
  description: string;
  /** Wrong → fixed pairs, run by one generic test and shown in the docs. */
  examples: DetectorExample[];
}

/** Choices a user makes for a whole document, passed to every detector. */
export interface DetectorOptions {
  /** Normalise every quotation mark to this style (quote findings for the others). */
  quoteStyle?: 'curly' | 'straight';
}

export interface Detector {
  meta: DetectorMeta;
  detect(layout: PageLayout, options: DetectorOptions): Draft[];
}
