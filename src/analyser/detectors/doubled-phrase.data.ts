/**
 * Words that English repeats on purpose, and so are never a doubled phrase by themselves.
 */

/** "more and more", "bigger and bigger" (any comparative in -er), "again and again", "on and on". */
export const DOUBLED_WITH_AND: ReadonlySet<string> = new Set([
  'more',
  'less',
  'fewer',
  'again',
  'over',
  'through',
  'round',
  'around',
  'on',
  'up',
  'down',
  'out',
  'in',
  'by',
  'so',
  'such',
  'ages',
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'miles',
  'far',
  'away',
  'back',
  'forth',
  'worse',
  'further',
  'farther',
  'better',
  'bit',
  'little',
  'many',
]);

/** "very very", "no, no", "bye bye": intensifiers and interjections repeated for effect. */
export const DOUBLED_FOR_EFFECT: ReadonlySet<string> = new Set([
  'very',
  'so',
  'too',
  'much',
  'many',
  'really',
  'long',
  'far',
  'no',
  'yes',
  'well',
  'oh',
  'ah',
  'ha',
  'hey',
  'now',
  'there',
  'bye',
  'hush',
  'tut',
  'knock',
  'please',
  'quickly',
  'slowly',
  'again',
  'never',
  'always',
  'more',
  'bang',
  'boom',
  'chop',
  'wait',
  'go',
]);

/** "had had", "that that", "is is" ("what it is is"), "do do" ("what they do do"): grammatical. */
export const GRAMMATICAL_DOUBLES: ReadonlySet<string> = new Set([
  'had',
  'that',
  'is',
  'do',
  'does',
  'did',
  'can',
  'will',
]);

/** Words that open a modifying phrase after a noun: "strategy for network space". */
export const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of',
  'for',
  'in',
  'on',
  'with',
  'to',
  'from',
  'at',
  'by',
  'about',
]);

/** "strategy cannot deviate": a modal after the copy makes it the subject of a new clause. */
export const MODALS: ReadonlySet<string> = new Set([
  'can',
  'cannot',
  'could',
  'will',
  'would',
  'shall',
  'should',
  'may',
  'might',
  'must',
]);
