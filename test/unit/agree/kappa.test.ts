// Cohen's kappa (core/agree/kappa.ts) against Cohen's and Krippendorff's published examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cohenKappa } from '../../../src/core/agree/kappa';

type Pair = readonly [string, string];

function near(actual: number | undefined, expected: number, tolerance = 0.0005): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < tolerance, `expected ${expected} ± ${tolerance}, got ${actual}`);
}

/** Pairs from a contingency table: counts[i][j] items that the first coder put in categories[i] and the second in categories[j]. */
function fromTable(categories: readonly string[], counts: readonly (readonly number[])[]): Pair[] {
  return counts.flatMap((row, i) =>
    row.flatMap((count, j) => Array.from({ length: count }, (): Pair => [categories[i] as string, categories[j] as string])),
  );
}

test('Cohen (1960, p. 45): 200 items, three categories', () => {
  const result = cohenKappa(
    fromTable(
      ['1', '2', '3'],
      [
        [88, 14, 18],
        [10, 40, 10],
        [2, 6, 12],
      ],
    ),
  );
  assert.equal(result.items, 200);
  near(result.kappa, 0.492);
  near(result.observed, 0.7, 0.005);
  near(result.expected, 0.41, 0.005);
});

test('Krippendorff (2004, p. 246): kappa of two tables with the same agreement', () => {
  const abc = ['a', 'b', 'c'];
  const skewed = [
    [12, 18, 18],
    [0, 14, 18],
    [0, 0, 20],
  ];
  const symmetric = [
    [12, 9, 9],
    [9, 14, 9],
    [9, 9, 20],
  ];
  near(cohenKappa(fromTable(abc, skewed)).kappa, 0.258);
  near(cohenKappa(fromTable(abc, symmetric)).kappa, 0.186);
});

test('no items, or one category used by both coders, gives no kappa', () => {
  assert.deepEqual(cohenKappa([]), { kappa: undefined, observed: 0, expected: 0, items: 0 });
  const single = cohenKappa([
    ['a', 'a'],
    ['a', 'a'],
  ]);
  assert.equal(single.kappa, undefined);
  assert.equal(single.expected, 1);
});

const pairs = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('a', 'b', 'c', 'd')), { minLength: 1, maxLength: 40 });

test('swapping the coders gives the same kappa', () => {
  fc.assert(
    fc.property(pairs, (items) => {
      const swapped = items.map(([a, b]): Pair => [b, a]);
      assert.deepEqual(cohenKappa(swapped), cohenKappa(items));
    }),
  );
});

test('perfect agreement over at least two categories gives 1', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 2, maxLength: 40 }), (codes) => {
      fc.pre(new Set(codes).size >= 2);
      assert.equal(cohenKappa(codes.map((code): Pair => [code, code])).kappa, 1);
    }),
  );
});
