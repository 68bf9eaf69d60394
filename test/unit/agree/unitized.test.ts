// Krippendorff's unitizing alpha (core/agree/unitized.ts) against Krippendorff's published
// examples, and the properties that hold whatever the units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unitizedAlpha } from '../../../src/core/agree/unitized';
import type { CategoryAlpha, UnitizedResult, UnitizedStudy, UnitizedUnit } from '../../../src/core/agree/unitized';

function near(actual: number | undefined, expected: number, tolerance = 0.0005): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < tolerance, `expected ${expected} ± ${tolerance}, got ${actual}`);
}

function category(result: UnitizedResult, name: string): CategoryAlpha {
  const found = result.categories.find((c) => c.category === name);
  assert.ok(found, `no category ${name}`);
  return found;
}

/** Units written as [start, end) pairs. */
function spans(coder: number, name: string, ...ranges: [number, number][]): UnitizedUnit[] {
  return ranges.map(([start, end]) => ({ coder, start, end, category: name }));
}

/** Units written as (start, length) pairs, as in the 1995 paper. */
function lengths(coder: number, name: string, ...ranges: [number, number][]): UnitizedUnit[] {
  return ranges.map(([start, length]) => ({ coder, start, end: start + length, category: name }));
}

test('Krippendorff (2004, p. 254): two coders, categories c and k', () => {
  const result = unitizedAlpha({
    begin: 150,
    length: 300,
    coders: 2,
    units: [
      ...spans(0, 'c', [225, 295], [370, 400]),
      ...spans(0, 'k', [180, 240], [300, 350]),
      ...spans(1, 'c', [220, 300], [355, 375], [400, 420]),
      ...spans(1, 'k', [180, 240], [300, 350]),
    ],
  });
  assert.deepEqual(
    result.categories.map((c) => c.category),
    ['c', 'k'],
  );
  const c = category(result, 'c');
  near(c.observed, 0.0144, 0.00005);
  near(c.expected, 0.0532, 0.00005);
  // The published 0.7286 comes from rounded figures, hence the looser bound.
  near(c.alpha, 0.7286, 0.0001);
  assert.equal(c.units, 5);
  const k = category(result, 'k');
  assert.equal(k.observed, 0);
  near(k.expected, 0.049, 0.00005);
  assert.equal(k.alpha, 1);
  near(result.alpha, 0.859);
});

/**
 * Krippendorff (1995, p. 57): coders John (0) and Jill (1) over 24 positions. For B and D a
 * coder's units touch one another; the published figures count them as separate units.
 */
function study1995(scale: number): UnitizedStudy {
  const units = [
    ...lengths(0, 'A', [2, 8], [14, 6]),
    ...lengths(1, 'A', [4, 4], [15, 2]),
    ...lengths(0, 'B', [0, 18]),
    ...lengths(1, 'B', [0, 2], [2, 1], [3, 1], [4, 1], [5, 1], [6, 3], [9, 1]),
    ...lengths(0, 'C', [2, 6], [10, 2], [14, 4], [20, 2]),
    ...lengths(1, 'C', [0, 2], [4, 4], [10, 4], [16, 2], [20, 2]),
    ...lengths(0, 'D', [0, 2], [2, 8], [10, 4], [14, 6], [20, 4]),
    ...lengths(1, 'D', [0, 4], [4, 4], [8, 7], [15, 2], [17, 7]),
  ];
  return {
    begin: 0,
    length: 24 * scale,
    coders: 2,
    units: units.map((u) => ({ ...u, start: u.start * scale, end: u.end * scale })),
  };
}

test('Krippendorff (1995, p. 57): observed disagreements, touching units kept apart', () => {
  const result = unitizedAlpha(study1995(1));
  near(category(result, 'A').observed, 0.03125, 0.000005);
  // John's (0, 18) against Jill's seven units: 1306 · 2 / (2 · 576).
  near(category(result, 'B').observed, 2.26736, 0.000005);
  near(category(result, 'C').observed, 1 / 36, 1e-12);
  near(category(result, 'D').observed, 0.38715, 0.000005);
  assert.equal(category(result, 'B').units, 8);
  assert.equal(category(result, 'D').units, 10);
});

test('Krippendorff (1995, p. 57) stretched ×50000: alpha and expected disagreement near the published ones', () => {
  // The 1995 paper treats the continuum as continuous, and its expected-disagreement formula
  // had a small error that the 2004 book corrected; stretching the positions brings the
  // discrete 2004 formula close to the continuous figures, which are matched loosely.
  const result = unitizedAlpha(study1995(50000));
  const published = { A: [0.553, 0.0699], B: [-0.926, 1.17731], C: [0.679, 0.08642], D: [0.066, 0.41445] } as const;
  for (const [name, [alpha, expected]] of Object.entries(published)) {
    near(category(result, name).alpha, alpha, 0.02);
    near(category(result, name).expected, expected, 0.005);
  }
});

test('a coder’s overlapping units of one category are merged; touching ones are not', () => {
  const merged = unitizedAlpha({
    begin: 0,
    length: 20,
    coders: 2,
    units: [...spans(0, 'x', [2, 8], [5, 10]), ...spans(1, 'x', [2, 10])],
  });
  assert.equal(category(merged, 'x').units, 2);
  assert.equal(category(merged, 'x').observed, 0);
  const touching = unitizedAlpha({
    begin: 0,
    length: 20,
    coders: 2,
    units: [...spans(0, 'x', [2, 6], [6, 10]), ...spans(1, 'x', [2, 10])],
  });
  assert.equal(category(touching, 'x').units, 3);
  assert.ok(category(touching, 'x').observed > 0);
});

test('units are clipped to the continuum and empty ones dropped', () => {
  const clipped = unitizedAlpha({
    begin: 10,
    length: 10,
    coders: 2,
    units: [...spans(0, 'x', [0, 14], [25, 30]), ...spans(1, 'x', [10, 14]), ...spans(1, 'y', [30, 40])],
  });
  assert.deepEqual(
    clipped.categories.map((c) => c.category),
    ['x'],
  );
  assert.equal(category(clipped, 'x').observed, 0);
  assert.equal(category(clipped, 'x').alpha, 1);
});

test('a study that cannot be computed is refused with a reason', () => {
  const unit: UnitizedUnit = { coder: 0, start: 0, end: 1, category: 'x' };
  assert.throws(() => unitizedAlpha({ begin: 0, length: 0, coders: 2, units: [] }), /length must be a positive integer/);
  assert.throws(() => unitizedAlpha({ begin: 0, length: 10, coders: 1, units: [] }), /at least 2 coders/);
  assert.throws(() => unitizedAlpha({ begin: 0, length: 10, coders: 2, units: [{ ...unit, coder: 2 }] }), /coder 2, outside 0\.\.1/);
  assert.throws(() => unitizedAlpha({ begin: 0, length: 10, coders: 2, units: [{ ...unit, coder: -1 }] }), RangeError);
  assert.throws(() => unitizedAlpha({ begin: 0, length: 10, coders: 2, units: [{ ...unit, end: 1.5 }] }), /integers/);
  assert.deepEqual(unitizedAlpha({ begin: 0, length: 10, coders: 2, units: [] }), {
    alpha: undefined,
    observed: 0,
    expected: 0,
    categories: [],
  });
});

// Random units on a small continuum: 2–3 coders, two categories, units that may overlap,
// touch or reach past the ends.
const LENGTH = 12;
const rawUnit = fc.record({
  start: fc.integer({ min: -2, max: LENGTH }),
  span: fc.integer({ min: 1, max: 6 }),
  category: fc.constantFrom('a', 'b'),
});
type RawUnit = typeof rawUnit extends fc.Arbitrary<infer T> ? T : never;

function placed(coder: number, raw: readonly RawUnit[]): UnitizedUnit[] {
  return raw.map(({ start, span, category }) => ({ coder, start, end: start + span, category }));
}

/** Whether a category of these units can have an expected disagreement: a clipped unit longer than 1, or a position left uncovered. */
function varies(raw: readonly RawUnit[], name: string): boolean {
  const covered = new Array<boolean>(LENGTH).fill(false);
  let long = false;
  for (const { start, span, category: c } of raw) {
    if (c !== name) continue;
    const from = Math.max(start, 0);
    const to = Math.min(start + span, LENGTH);
    if (to - from >= 2) long = true;
    for (let p = from; p < to; p++) covered[p] = true;
  }
  return long || covered.includes(false);
}

test('coders who mark the same units agree perfectly in every category that varies', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 3 }), fc.array(rawUnit, { minLength: 1, maxLength: 8 }), (coders, raw) => {
      const units = Array.from({ length: coders }, (_, coder) => placed(coder, raw)).flat();
      const result = unitizedAlpha({ begin: 0, length: LENGTH, coders, units });
      for (const c of result.categories) {
        assert.equal(c.observed, 0);
        if (varies(raw, c.category)) assert.equal(c.alpha, 1);
        else assert.equal(c.alpha, undefined);
      }
    }),
  );
});

test('swapping coders changes nothing, and every figure is finite', () => {
  fc.assert(
    fc.property(fc.array(fc.array(rawUnit, { maxLength: 6 }), { minLength: 2, maxLength: 3 }), (byCoder) => {
      const coders = byCoder.length;
      const units = byCoder.flatMap((raw, coder) => placed(coder, raw));
      const result = unitizedAlpha({ begin: 0, length: LENGTH, coders, units });
      const swapped = unitizedAlpha({
        begin: 0,
        length: LENGTH,
        coders,
        units: units.map((u) => ({ ...u, coder: (u.coder + 1) % coders })),
      });
      assert.deepEqual(
        swapped.categories.map((c) => c.category),
        result.categories.map((c) => c.category),
      );
      const figures = (r: UnitizedResult): (number | undefined)[] => [
        r.alpha,
        r.observed,
        r.expected,
        ...r.categories.flatMap((c) => [c.alpha, c.observed, c.expected]),
      ];
      const after = figures(swapped);
      figures(result).forEach((x, i) => {
        const y = after[i];
        if (x === undefined || y === undefined) assert.equal(x, y);
        else {
          assert.ok(Number.isFinite(x), `${x} is not finite`);
          assert.ok(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)), `${x} vs ${y}`);
        }
      });
    }),
  );
});
