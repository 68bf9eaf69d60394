// Krippendorff's alpha for reliability data (Krippendorff, "Computing Krippendorff's
// Alpha-Reliability", 2011): how far coders who coded the same units agree beyond what
// their pooled values would give by chance.
//
// The coincidence matrix is never built in full. Its disagreement-weighted sum is taken
// unit by unit (a unit holds at most one value per coder), and the expected disagreement
// comes from the values' marginals, in closed form where the metric allows it, so the cost
// follows the size of the data rather than the square of its distinct values.

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export const ALPHA_LEVELS: readonly AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

export type AlphaValue = string | number;

export interface AlphaResult {
  /** undefined when the data cannot give it: no unit with two values, or no variation (expected disagreement 0). */
  alpha: number | undefined;
  /** Observed disagreement D_o and expected disagreement D_e (alpha = 1 - D_o/D_e). */
  observed: number;
  expected: number;
  /** Pairable values n (values in units that have at least two values). */
  pairable: number;
  /** Units with at least two values. */
  units: number;
}

/** A unit with at least two values: its distinct values (indices into the value table) and how often each was given. */
interface PairableUnit {
  readonly ids: readonly number[];
  readonly counts: readonly number[];
  /** m_u, the number of values in the unit. */
  readonly size: number;
}

/** δ² between two distinct values, given by their indices in the value table. */
type Distance = (c: number, k: number) => number;

interface Metric {
  readonly distance: Distance;
  /** Σ_c Σ_k n_c n_k δ²_ck, the numerator of the expected disagreement before dividing by n (n − 1). */
  readonly expectedPairs: number;
}

/** Each distinct value once, in order of first appearance, with n_c alongside. */
class ValueTable {
  readonly values: AlphaValue[] = [];
  /**
   * n_c. A unit contributes n_uc (m_u − 1) ordered pairs starting at c, divided by m_u − 1,
   * so the row sums of the coincidence matrix are plain counts over the pairable units.
   */
  readonly totals: number[] = [];
  // A Map compares with SameValueZero: '1' and 1 stay apart, as nominal data needs.
  private readonly ids = new Map<AlphaValue, number>();

  add(value: AlphaValue): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
      this.totals.push(0);
    }
    this.totals[id] = (this.totals[id] as number) + 1;
    return id;
  }
}

/**
 * Krippendorff's alpha of reliability data: `units` has one row per unit and one column per
 * coder, undefined where a coder gave no value. Units with fewer than two values cannot be
 * paired and are left out. At the ordinal, interval and ratio levels every value must be a
 * finite number (a RangeError names the unit and coder, both counted from 0, otherwise).
 */
export function krippendorffAlpha(units: ReadonlyArray<ReadonlyArray<AlphaValue | undefined>>, level: AlphaLevel = 'nominal'): AlphaResult {
  const table = new ValueTable();
  const pairableUnits = tallyUnits(units, level, table);
  const n = pairableUnits.reduce((sum, unit) => sum + unit.size, 0);
  if (n === 0) return { alpha: undefined, observed: 0, expected: 0, pairable: 0, units: 0 };
  const metric = metricFor(level, table, n);
  const observed = observedPairs(pairableUnits, metric.distance) / n;
  const expected = metric.expectedPairs / (n * (n - 1));
  return { alpha: expected === 0 ? undefined : 1 - observed / expected, observed, expected, pairable: n, units: pairableUnits.length };
}

function tallyUnits(rows: ReadonlyArray<ReadonlyArray<AlphaValue | undefined>>, level: AlphaLevel, table: ValueTable): PairableUnit[] {
  const pairable: PairableUnit[] = [];
  rows.forEach((row, unit) => {
    const given = presentValues(row, level, unit);
    // A value alone in its unit has no other coder's value to pair with (m_u − 1 = 0).
    if (given.length >= 2) pairable.push(countValues(given, table));
  });
  return pairable;
}

function presentValues(row: ReadonlyArray<AlphaValue | undefined>, level: AlphaLevel, unit: number): AlphaValue[] {
  const given: AlphaValue[] = [];
  // An index loop, not forEach, so that holes of a sparse row read as missing like undefined does.
  for (let coder = 0; coder < row.length; coder++) {
    const value = row[coder];
    if (value === undefined) continue;
    checkValue(value, level, unit, coder);
    given.push(value);
  }
  return given;
}

function checkValue(value: AlphaValue, level: AlphaLevel, unit: number, coder: number): void {
  if (level === 'nominal' || (typeof value === 'number' && Number.isFinite(value))) return;
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  throw new RangeError(`Krippendorff's alpha at the ${level} level needs finite numbers: unit ${unit}, coder ${coder} has ${shown}.`);
}

function countValues(given: readonly AlphaValue[], table: ValueTable): PairableUnit {
  const ids: number[] = [];
  const counts: number[] = [];
  const place = new Map<number, number>();
  for (const value of given) {
    const id = table.add(value);
    const at = place.get(id);
    if (at === undefined) {
      place.set(id, ids.length);
      ids.push(id);
      counts.push(1);
    } else counts[at] = (counts[at] as number) + 1;
  }
  return { ids, counts, size: given.length };
}

/** Σ_c Σ_k o_ck δ²_ck, summed unit by unit: a unit's n_uc n_uk pairs of two values, weighted 1 / (m_u − 1). */
function observedPairs(units: readonly PairableUnit[], distance: Distance): number {
  let sum = 0;
  for (const unit of units) {
    let within = 0;
    for (let a = 0; a < unit.ids.length; a++) {
      for (let b = a + 1; b < unit.ids.length; b++) {
        within += (unit.counts[a] as number) * (unit.counts[b] as number) * distance(unit.ids[a] as number, unit.ids[b] as number);
      }
    }
    // Twice: the pairs (c, k) and (k, c) are both in the matrix and every δ² here is symmetric.
    sum += (2 * within) / (unit.size - 1);
  }
  return sum;
}

function metricFor(level: AlphaLevel, table: ValueTable, n: number): Metric {
  // checkValue let only numbers through at the levels other than nominal.
  const numbers = table.values as readonly number[];
  switch (level) {
    case 'nominal':
      return nominalMetric(table.totals, n);
    case 'interval':
      return squaredDifferenceMetric(numbers, table.totals, n);
    case 'ordinal':
      return squaredDifferenceMetric(midRanks(numbers, table.totals), table.totals, n);
    case 'ratio':
      return ratioMetric(numbers, table.totals);
  }
}

function nominalMetric(totals: readonly number[], n: number): Metric {
  // Every pair of two different values counts 1: all n² pairs but those of a value with itself.
  const same = totals.reduce((sum, count) => sum + count * count, 0);
  return { distance: (c, k) => (c === k ? 0 : 1), expectedPairs: n * n - same };
}

/**
 * δ²_ck = (x_c − x_k)². Then Σ_c Σ_k n_c n_k δ²_ck = 2n Σ_c n_c (x_c − x̄)², linear in the
 * number of distinct values; taken around the mean, which loses less to rounding than the raw
 * sums of squares.
 */
function squaredDifferenceMetric(x: readonly number[], totals: readonly number[], n: number): Metric {
  const at = (id: number): number => x[id] as number;
  const distance: Distance = (c, k) => (at(c) - at(k)) ** 2;
  // One distinct value has no spread; said outright so that rounding cannot turn it into a tiny D_e.
  if (x.length < 2) return { distance, expectedPairs: 0 };
  const mean = totals.reduce((sum, count, id) => sum + count * at(id), 0) / n;
  const spread = totals.reduce((sum, count, id) => sum + count * (at(id) - mean) ** 2, 0);
  return { distance, expectedPairs: 2 * n * spread };
}

/**
 * The ordinal distance, (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over the values in ascending order,
 * is the squared difference of mid-ranks M_g = (n of the values below g) + n_g / 2: the sum
 * from c to k minus half of each end is M_k − M_c. So ordinal data is interval data on these.
 */
function midRanks(values: readonly number[], totals: readonly number[]): number[] {
  const order = values.map((_, id) => id).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length).fill(0);
  let below = 0;
  for (const id of order) {
    const count = totals[id] as number;
    ranks[id] = below + count / 2;
    below += count;
  }
  return ranks;
}

/** δ²_ck = ((x_c − x_k) / (x_c + x_k))², which has no closed-form sum: the expected pairs are summed over distinct values. */
function ratioMetric(x: readonly number[], totals: readonly number[]): Metric {
  const distance: Distance = (c, k) => {
    const a = x[c] as number;
    const b = x[k] as number;
    return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
  };
  let half = 0;
  for (let c = 0; c < x.length; c++) {
    for (let k = c + 1; k < x.length; k++) half += (totals[c] as number) * (totals[k] as number) * distance(c, k);
  }
  return { distance, expectedPairs: 2 * half };
}
