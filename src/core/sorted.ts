// One binary search for the line, segment and section tables the core keeps in ascending order.

/** Index of the last entry of ascending `sorted` that is at or before `value`; -1 when all are after it. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
