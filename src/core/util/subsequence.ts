/**
 * Indices of one longest increasing subsequence of `xs` (patience sorting, O(n log n)):
 * strictly increasing, or non-decreasing when `strict` is false. Used to find which
 * items kept their relative order (anchors that did not move, annotations a sidecar
 * update can leave where they are).
 */
export function longestIncreasingSubsequence(xs: readonly number[], strict = true): number[] {
  const tails: number[] = [];
  const prev = new Array<number>(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const tail = xs[tails[mid] as number] as number;
      if (strict ? tail < x : tail <= x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; i !== -1; i = prev[i] as number) out.push(i);
  return out.reverse();
}
