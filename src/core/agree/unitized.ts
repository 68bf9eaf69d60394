// Krippendorff's unitizing alpha, αᵤ (Krippendorff 1995, "On the reliability of unitizing
// contiguous data"; Content Analysis, 2nd ed., 2004, pp. 251–256), computed as DKPro
// Agreement does: per category, each coder's continuum is cut into that category's units
// and the gaps between them, and coders disagree where their sections differ.

import { lowerBound } from '../util/bisect';

/** A unit of a category marked by one coder: half-open [start, end) over integer positions. */
export interface UnitizedUnit {
  coder: number;
  start: number;
  end: number;
  category: string;
}

export interface UnitizedStudy {
  begin: number;
  length: number;
  coders: number;
  units: readonly UnitizedUnit[];
}

export interface CategoryAlpha {
  category: string;
  observed: number;
  expected: number;
  alpha: number | undefined;
  /** Units of the category over all coders, once clipped to the continuum and merged where they overlap. */
  units: number;
}

export interface UnitizedResult {
  alpha: number | undefined;
  observed: number;
  expected: number;
  categories: CategoryAlpha[];
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** A stretch of one coder's continuum for one category: one of its units, or a gap between them. */
interface Section extends Span {
  readonly unit: boolean;
}

/** What one category's alpha needs of the study. */
interface Frame {
  readonly begin: number;
  readonly length: number;
  readonly coders: number;
}

/**
 * αᵤ per category and overall (1 − mean D_o / mean D_e over the categories, in sorted order).
 *
 * The method assumes that a coder's units of one category do not overlap: units are clipped
 * to [begin, begin + length), empty ones are dropped, and a coder's units of one category that
 * share a position are merged into one. Units that only touch (one ends where the next starts)
 * stay separate units, as in Krippendorff's own examples. A category whose units all fall
 * outside the continuum is not listed. Throws a RangeError for a length ≤ 0, fewer than two
 * coders, a coder outside 0..coders − 1, or positions that are not integers.
 */
export function unitizedAlpha(study: UnitizedStudy): UnitizedResult {
  checkStudy(study);
  const byCategory = spansByCategory(study);
  const categories = [...byCategory.keys()].sort().map((category) => categoryAlpha(category, byCategory.get(category) ?? [], study));
  const observed = mean(categories.map((c) => c.observed));
  const expected = mean(categories.map((c) => c.expected));
  return { alpha: expected === 0 ? undefined : 1 - observed / expected, observed, expected, categories };
}

function checkStudy({ begin, length, coders, units }: UnitizedStudy): void {
  // The expected disagreement counts positions, so the continuum and the units must be made of whole ones.
  if (!Number.isInteger(begin)) throw new RangeError(`Unitizing alpha: begin must be an integer, not ${begin}.`);
  if (!Number.isInteger(length) || length <= 0) throw new RangeError(`Unitizing alpha: length must be a positive integer, not ${length}.`);
  if (!Number.isInteger(coders) || coders < 2) throw new RangeError(`Unitizing alpha needs at least 2 coders, not ${coders}.`);
  units.forEach(({ coder, start, end }, i) => {
    if (!Number.isInteger(coder) || coder < 0 || coder >= coders) {
      throw new RangeError(`Unitizing alpha: unit ${i} has coder ${coder}, outside 0..${coders - 1}.`);
    }
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      throw new RangeError(`Unitizing alpha: unit ${i} runs from ${start} to ${end}; positions must be integers.`);
    }
  });
}

/** Per category, each coder's units clipped, sorted and merged where they overlap. */
function spansByCategory({ begin, length, coders, units }: UnitizedStudy): Map<string, Span[][]> {
  const byCategory = new Map<string, Span[][]>();
  for (const unit of units) {
    const start = Math.max(unit.start, begin);
    const end = Math.min(unit.end, begin + length);
    if (end <= start) continue;
    let perCoder = byCategory.get(unit.category);
    if (perCoder === undefined) {
      perCoder = Array.from({ length: coders }, () => []);
      byCategory.set(unit.category, perCoder);
    }
    (perCoder[unit.coder] as Span[]).push({ start, end });
  }
  for (const perCoder of byCategory.values()) perCoder.forEach((spans, coder) => (perCoder[coder] = mergeOverlapping(spans)));
  return byCategory;
}

function mergeOverlapping(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    // Strictly less: touching units are separate units in Krippendorff's examples, and in his published figures.
    if (last !== undefined && span.start < last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  return merged;
}

function categoryAlpha(category: string, perCoder: readonly Span[][], frame: Frame): CategoryAlpha {
  const sections = perCoder.map((spans) => sectionsOf(spans, frame));
  const units = perCoder.flat();
  const gaps = sections.flat().filter((section) => !section.unit);
  const observed = observedDisagreement(sections, frame);
  const expected = expectedDisagreement(units.map(spanLength), gaps.map(spanLength), frame);
  return { category, observed, expected, alpha: expected === 0 ? undefined : 1 - observed / expected, units: units.length };
}

/** The coder's continuum cut into units and the gaps between them; touching units leave no gap between them. */
function sectionsOf(spans: readonly Span[], { begin, length }: Frame): Section[] {
  const sections: Section[] = [];
  let cursor = begin;
  for (const span of spans) {
    if (span.start > cursor) sections.push({ start: cursor, end: span.start, unit: false });
    sections.push({ ...span, unit: true });
    cursor = span.end;
  }
  if (cursor < begin + length) sections.push({ start: cursor, end: begin + length, unit: false });
  return sections;
}

/** D_o(c) = Σ over ordered pairs of coders i ≠ j of Σ_g Σ_h δ²(g, h), over m (m − 1) L². */
function observedDisagreement(sections: readonly Section[][], { length, coders }: Frame): number {
  let sum = 0;
  for (let i = 0; i < sections.length; i++) {
    for (let j = i + 1; j < sections.length; j++) sum += overlappingDistances(sections[i] as Section[], sections[j] as Section[]);
  }
  // Twice: δ² is symmetric, so the pair (j, i) adds what (i, j) does.
  return (2 * sum) / (coders * (coders - 1) * length * length);
}

/**
 * Σ δ² over the pairs of sections that overlap, the only ones whose δ² can be above 0. Both
 * coders' sections tile the same continuum in order, so a merge-like sweep meets each of those
 * pairs once: the section that ends first cannot overlap anything after the other's current one.
 */
function overlappingDistances(a: readonly Section[], b: readonly Section[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const g = a[i] as Section;
    const h = b[j] as Section;
    sum += sectionDistance(g, h);
    if (g.end <= h.end) i++;
    if (h.end <= g.end) j++;
  }
  return sum;
}

function sectionDistance(g: Section, h: Section): number {
  if (g.unit && h.unit) return overlaps(g, h) ? (g.start - h.start) ** 2 + (g.end - h.end) ** 2 : 0;
  if (g.unit === h.unit) return 0;
  // A unit that one coder marked inside what the other left as a gap counts its whole length;
  // a unit only partly in a gap is paired with the other's unit instead.
  const [unit, gap] = g.unit ? [g, h] : [h, g];
  return gap.start <= unit.start && unit.end <= gap.end ? spanLength(unit) ** 2 : 0;
}

function overlaps(g: Span, h: Span): boolean {
  return g.start < h.end && h.start < g.end;
}

/**
 * D_e(c) = (2 / L) Σ_u term(u) / (m L (m L − 1) − Σ_u l_u (l_u − 1)), with
 * term(u) = (N_c − 1) / 3 · (2l³ − 3l² + l) + l² Σ_{gaps G with l_G ≥ l} (l_G − l + 1)
 * over the N_c units and all coders' gaps of the category (Krippendorff 2004, p. 254).
 */
function expectedDisagreement(units: readonly number[], gaps: readonly number[], { length, coders }: Frame): number {
  if (units.length === 0) return 0;
  const fitting = gapsFitting(gaps);
  let sum = 0;
  let selfPairs = 0;
  for (const l of units) {
    sum += ((units.length - 1) / 3) * (2 * l ** 3 - 3 * l ** 2 + l) + l ** 2 * fitting(l);
    selfPairs += l * (l - 1);
  }
  const positions = coders * length;
  return ((2 / length) * sum) / (positions * (positions - 1) - selfPairs);
}

/**
 * For a unit length l, Σ (l_G − l + 1) over the gaps at least l long: the number of places the
 * unit fits in them. Sorted gap lengths and suffix sums make it (their sum) − (their count) (l − 1)
 * after one binary search, rather than a pass over every gap for every unit.
 */
function gapsFitting(gaps: readonly number[]): (l: number) => number {
  const sorted = [...gaps].sort((a, b) => a - b);
  const suffix = new Array<number>(sorted.length + 1).fill(0);
  for (let i = sorted.length - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] as number) + (sorted[i] as number);
  return (l) => {
    const first = lowerBound(sorted.length, (i) => (sorted[i] as number) < l);
    return (suffix[first] as number) - (sorted.length - first) * (l - 1);
  };
}

function spanLength(span: Span): number {
  return span.end - span.start;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
