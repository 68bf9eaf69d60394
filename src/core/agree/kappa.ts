// Cohen's kappa (Cohen 1960) for two coders who each coded every item: agreement beyond
// the chance agreement that each coder's own distribution of categories would give.

export interface KappaResult {
  kappa: number | undefined;
  /** proportion of agreement */
  observed: number;
  /** chance agreement from each coder's own marginals */
  expected: number;
  items: number;
}

/**
 * κ = (p_o − p_e) / (1 − p_e) over the pairs (first coder's category, second coder's).
 * undefined when there are no items (then p_o and p_e are reported as 0) or when p_e = 1,
 * that is when both coders put every item in one and the same category.
 */
export function cohenKappa(pairs: ReadonlyArray<readonly [string, string]>): KappaResult {
  const items = pairs.length;
  if (items === 0) return { kappa: undefined, observed: 0, expected: 0, items: 0 };
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreed++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  // Products of whole counts stay exact, so p_e is exactly 1 when it should be.
  let chancePairs = 0;
  for (const [category, count] of first) chancePairs += count * (second.get(category) ?? 0);
  const observed = agreed / items;
  const expected = chancePairs / (items * items);
  return { kappa: expected === 1 ? undefined : (observed - expected) / (1 - expected), observed, expected, items };
}
