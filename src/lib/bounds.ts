/**
 * Smallest and largest of a list of any length. spreading a list into `Math.min` passes every element as an
 * argument and overflows the stack somewhere past 100k elements; these loop instead.
 */
export function minOf(xs: readonly number[], empty = Infinity): number {
  if (xs.length === 0) return empty;
  let m = Infinity;
  for (const x of xs) if (x < m || Number.isNaN(x)) m = x;
  return m;
}

export function maxOf(xs: readonly number[], empty = -Infinity): number {
  if (xs.length === 0) return empty;
  let m = -Infinity;
  for (const x of xs) if (x > m || Number.isNaN(x)) m = x;
  return m;
}
