// Binary search over a sorted sequence, written once: the controls' confirmations, the
// nearest-name search and lookups by start all need the first place a value may go.

/** The first index in [0, length) where `before(index)` is false; `before` must be true then false along the sequence. */
export function lowerBound(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
