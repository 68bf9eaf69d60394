// Krippendorff's alpha (core/agree/alpha.ts) against Krippendorff's published examples, and
// the properties that hold whatever the data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ALPHA_LEVELS, krippendorffAlpha } from '../../../src/core/agree/alpha';
import type { AlphaLevel, AlphaResult, AlphaValue } from '../../../src/core/agree/alpha';

type Row = (AlphaValue | undefined)[];

function near(actual: number | undefined, expected: number, tolerance = 0.0005): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < tolerance, `expected ${expected} ± ${tolerance}, got ${actual}`);
}

/** Rows written as in the papers: one string per unit, the coders' values by spaces, '.' for a missing value. */
function rows(...units: string[]): Row[] {
  return units.map((unit) => unit.split(' ').map((value) => (value === '.' ? undefined : Number(value))));
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 coders, 12 units.
const RELIABILITY_DATA = rows(
  '1 1 . 1',
  '2 2 3 2',
  '3 3 3 3',
  '3 3 3 3',
  '2 2 2 2',
  '1 2 3 4',
  '4 4 4 4',
  '1 1 2 1',
  '2 2 2 2',
  '. 5 5 5',
  '. . 1 1',
  '. . 3 .',
);

test('Krippendorff (2011): the four levels of the 4-coder example', () => {
  near(krippendorffAlpha(RELIABILITY_DATA, 'nominal').alpha, 0.743);
  near(krippendorffAlpha(RELIABILITY_DATA, 'ordinal').alpha, 0.815);
  near(krippendorffAlpha(RELIABILITY_DATA, 'interval').alpha, 0.849);
  near(krippendorffAlpha(RELIABILITY_DATA, 'ratio').alpha, 0.797);
});

test('Krippendorff (2004, p. 232): disagreements of the 4-coder example, interval and read as categories', () => {
  const interval = krippendorffAlpha(RELIABILITY_DATA, 'interval');
  near(interval.observed, 0.433);
  near(interval.expected, 2.872);
  const nominal = krippendorffAlpha(RELIABILITY_DATA, 'nominal');
  near(nominal.observed, 0.2);
  near(nominal.expected, 0.779);
  // The last unit has one value only: 11 units, 40 pairable values.
  assert.equal(nominal.units, 11);
  assert.equal(nominal.pairable, 40);
});

test('Krippendorff (2004, p. 224): two coders, ten binary units', () => {
  const result = krippendorffAlpha(rows('1 0', '1 1', '0 1', '0 0', '0 0', '0 1', '0 0', '0 1', '0 0', '0 0'));
  near(result.observed, 0.4);
  near(result.expected, 0.442);
  near(result.alpha, 0.095);
});

test('Krippendorff (2004, p. 227): two coders, three categories', () => {
  const pairs = ['a a', 'a b', 'b b', 'b b', 'b b', 'b b', 'b c', 'c c', 'c c', 'c c', 'c c', 'c c'];
  near(krippendorffAlpha(pairs.map((pair) => pair.split(' '))).alpha, 0.734);
});

test('nominal values are compared as given: the string 1 is not the number 1', () => {
  const mixed = krippendorffAlpha([
    ['1', 1],
    [2, 2],
  ]);
  const numbers = krippendorffAlpha([
    [1, 1],
    [2, 2],
  ]);
  assert.equal(numbers.alpha, 1);
  assert.ok(mixed.observed > 0);
});

test('no pairable unit, or no variation, gives no alpha', () => {
  assert.deepEqual(krippendorffAlpha([]), { alpha: undefined, observed: 0, expected: 0, pairable: 0, units: 0 });
  assert.equal(krippendorffAlpha([[1], [undefined, 2], [3, undefined]]).alpha, undefined);
  for (const level of ALPHA_LEVELS) {
    const result = krippendorffAlpha(
      [
        [4, 4],
        [4, 4, 4],
      ],
      level,
    );
    assert.equal(result.alpha, undefined, level);
    assert.equal(result.expected, 0, level);
  }
});

test('a value that is not a number is refused at the numeric levels, naming its unit and coder', () => {
  for (const level of ['ordinal', 'interval', 'ratio'] as const) {
    assert.throws(
      () =>
        krippendorffAlpha(
          [
            [1, 2],
            [1, undefined, 'x'],
          ],
          level,
        ),
      (error: unknown) => error instanceof RangeError && /unit 1, coder 2/.test(error.message),
    );
  }
  assert.throws(() => krippendorffAlpha([[1, Number.NaN]], 'interval'), RangeError);
  assert.doesNotThrow(() => krippendorffAlpha([[1, 'x']], 'nominal'));
});

// Random reliability data: 2–4 coders, up to 12 units, values 0–4, about a quarter missing.
const cell = fc.option(fc.integer({ min: 0, max: 4 }), { freq: 3, nil: undefined });
const table = fc
  .integer({ min: 2, max: 4 })
  .chain((coders) => fc.array(fc.array(cell, { minLength: coders, maxLength: coders }), { minLength: 1, maxLength: 12 }));
const level = fc.constantFrom<AlphaLevel>(...ALPHA_LEVELS);

function sameResult(a: AlphaResult, b: AlphaResult): void {
  assert.equal(a.pairable, b.pairable);
  assert.equal(a.units, b.units);
  // Summing in another order may move the last bits only.
  for (const key of ['observed', 'expected', 'alpha'] as const) {
    const x = a[key];
    const y = b[key];
    if (x === undefined || y === undefined) assert.equal(x, y, key);
    else assert.ok(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)), `${key}: ${x} vs ${y}`);
  }
}

/** The indices 0..length−1 in the order of the random keys. */
function order(keys: readonly number[]): number[] {
  return keys
    .map((key, index) => ({ key, index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ index }) => index);
}

test('perfect agreement with some variation gives exactly 1, at every level', () => {
  const presence = fc.array(fc.boolean(), { minLength: 2, maxLength: 4 });
  const agreed = fc.array(fc.record({ value: fc.integer({ min: 0, max: 4 }), present: presence }), { minLength: 2, maxLength: 12 });
  fc.assert(
    fc.property(agreed, level, (units, lvl) => {
      // Every unit has at least two values, all the same; two units at least differ.
      const data = units.map(({ value, present }) => present.map((here, coder) => (here || coder < 2 ? value : undefined)));
      fc.pre(new Set(units.map((u) => u.value)).size > 1);
      assert.equal(krippendorffAlpha(data, lvl).alpha, 1);
    }),
  );
});

test('permuting the coders or the units changes nothing', () => {
  const shuffled = table.chain((data) =>
    fc.tuple(
      fc.constant(data),
      fc.array(fc.nat(), { minLength: data[0]?.length ?? 0, maxLength: data[0]?.length ?? 0 }),
      fc.array(fc.nat(), { minLength: data.length, maxLength: data.length }),
    ),
  );
  fc.assert(
    fc.property(shuffled, level, ([data, coderKeys, unitKeys], lvl) => {
      const coders = order(coderKeys);
      const permuted = order(unitKeys).map((u) => coders.map((c) => (data[u] as Row)[c]));
      sameResult(krippendorffAlpha(permuted, lvl), krippendorffAlpha(data, lvl));
    }),
  );
});

test('a unit with a single value changes nothing', () => {
  fc.assert(
    fc.property(table, fc.nat(), fc.integer({ min: 0, max: 4 }), level, (data, at, value, lvl) => {
      const coders = (data[0] as Row).length;
      const lone: Row = Array.from({ length: coders }, (_, coder) => (coder === at % coders ? value : undefined));
      const place = at % (data.length + 1);
      const added = [...data.slice(0, place), lone, ...data.slice(place)];
      sameResult(krippendorffAlpha(added, lvl), krippendorffAlpha(data, lvl));
    }),
  );
});

test('alpha is at most 1, and the disagreements are not negative', () => {
  fc.assert(
    fc.property(table, level, (data, lvl) => {
      const result = krippendorffAlpha(data, lvl);
      assert.ok(result.observed >= 0 && result.expected >= 0);
      if (result.alpha !== undefined) assert.ok(result.alpha <= 1, `alpha ${result.alpha}`);
    }),
  );
});
