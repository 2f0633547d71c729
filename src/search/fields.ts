/** Where a word can be found in a document; matches count more in the fields first listed. */
export const FIELDS = ['title', 'names', 'description', 'question', 'text'] as const;
export type Field = (typeof FIELDS)[number];

export const TITLE = FIELDS.indexOf('title');
export const NAMES = FIELDS.indexOf('names');
export const TEXT = FIELDS.indexOf('text');

/** How much a match counts in each field. */
const FIELD_WEIGHT: Readonly<Record<Field, number>> = {
  title: 3,
  // A task is its profile's as much as its title's, a little more: in « RAE qualité » the RAE
  // is who asks, more often than what is asked about.
  names: 3.3,
  description: 1.5,
  question: 1.2,
  text: 0.6,
};
/** The same, in the order of FIELDS. */
export const WEIGHTS: readonly number[] = FIELDS.map((field) => FIELD_WEIGHT[field]);

/** What a match on a part of a phrase ("RAE" in "co-RAE") counts, against the whole. */
export const PART_WEIGHT = 0.6;

/**
 * What one occurrence of a query's token counts, times the token's own weight: written as
 * ranking computes it, so the occurrence an index keeps as the best is the one ranking would
 * have found best.
 */
export function occurrenceScore(weight: number, field: number, part: boolean): number {
  return weight * (part ? PART_WEIGHT : 1) * (WEIGHTS[field] ?? 0);
}
