/** The index of the first value above `at` in ascending `values` (their length: none). */
export function firstAbove(values: ArrayLike<number>, at: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}
