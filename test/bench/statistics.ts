/** What a benchmark reports about a set of repeated measurements. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** How many measurements the summary is made of. */
  runs: number;
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarise(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/** Pairs up two series measured in the same rounds and divides them: `numerators[i] / denominators[i]`. */
export function ratiosByRound(numerators: readonly number[], denominators: readonly number[]): number[] {
  if (numerators.length !== denominators.length) throw new Error('series of different lengths');
  return numerators.map((value, round) => value / denominators[round]!);
}
