/** A decision made on a version of a finding that another decision has since replaced. */

import type { ReviewedFinding } from './types';

export class VersionConflict extends Error {
  constructor(
    /** The finding as it is now: what the editor should look at before deciding again. */
    readonly current: ReviewedFinding,
    readonly expected: number,
  ) {
    super(
      `the finding has changed since version ${expected}: it is now version ${current.version} (${current.status}); look again before deciding`,
    );
    this.name = 'VersionConflict';
  }
}
