// Turning a mention into the values the model stores. Rules for what the text leaves out:
// - Every value is given at the precision the text states ("September 2021" -> 2021-09)
//   or, for relative expressions, at their natural precision ("last month" -> 2020-05).
// - A month, day or quarter without a year, and a weekday alone, is the most recent such
//   date on or before the reference date (news reports the past), unless the clause
//   before it speaks of the future ("will", "plans to", "next"...), or the text says
//   "last"/"next"/"this"; then that occurrence is taken. When the clause says neither
//   past nor future, a month, day or quarter whose next occurrence is under half as far
//   as its last is the next one ("on 11 June" in a text of 10 June).
// - Without a reference date nothing is filled in: the value is absent unless the text
//   states a year, and `implied` stays empty.
import type { DatePart } from '../../model';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  formatDay,
  formatMonth,
  formatQuarter,
  formatWeek,
  formatYear,
  quarterOf,
  weekdayOf,
  type Ymd,
} from './calendar';
import { fiscalQuarterMonths } from './fiscalYears';
import type { CalendarExpr, DateExpr, PeriodExpr, SeasonExpr, ShiftExpr, Unit, WeekendExpr } from './expression';

export interface Resolution {
  value?: string;
  endValue?: string;
  relative: boolean;
  stated: DatePart[];
  implied: DatePart[];
  /** Whether the reference date was used. */
  usedReference: boolean;
}

/**
 * Which occurrence of a date without a year the clause speaks of. 'nearer' when it says
 * neither: the past one (news reports the past), unless the next one is much nearer ("on
 * 11 June" in a text of 10 June, "Update (November 17)" under a post of November 13).
 */
type Orientation = 'past' | 'future' | 'nearer';
/** 'nearer' takes the next occurrence when it is less than this share of the way back to the last one. */
const NEARER_FUTURE_SHARE = 0.5;
/** Asked only when an incomplete date needs it: reading the clause costs time. */
type OrientationOf = () => Orientation;

const PART_ORDER: readonly DatePart[] = ['year', 'quarter', 'month', 'day', 'weekday'];

function ordered(parts: Iterable<DatePart>): DatePart[] {
  const set = new Set(parts);
  return PART_ORDER.filter((p) => set.has(p));
}

function statedParts(e: CalendarExpr): DatePart[] {
  const parts: DatePart[] = [];
  if (e.year !== undefined) parts.push('year');
  if (e.quarter !== undefined) parts.push('quarter');
  if (e.month !== undefined) parts.push('month');
  if (e.day !== undefined) parts.push('day');
  if (e.weekday !== undefined) parts.push('weekday');
  return parts;
}

function isRelativeCalendar(e: CalendarExpr): boolean {
  return e.pick !== undefined || e.yearOffset !== undefined || (e.weekday !== undefined && e.month === undefined && e.year === undefined);
}

function formatCalendar(year: number, e: CalendarExpr): string | undefined {
  if (e.month !== undefined && e.day !== undefined) return formatDay({ y: year, m: e.month, d: e.day });
  if (e.month !== undefined) return formatMonth(year, e.month);
  if (e.quarter !== undefined) return formatQuarter(year, e.quarter);
  return formatYear(year);
}

/** The year for a month/day/quarter stated without one. */
function pickYear(e: CalendarExpr, ref: Ymd, orientation: Orientation): number {
  if (e.yearOffset !== undefined) return ref.y + e.yearOffset;
  if (e.pick === 'this') return ref.y;
  // Position within the year, compared at the precision the text gives.
  const key = (m: number, d: number) => m * 100 + d;
  let mine: number;
  let now: number;
  if (e.month !== undefined) {
    mine = key(e.month, e.day ?? 0);
    now = key(ref.m, e.day === undefined ? 0 : ref.d);
  } else {
    mine = e.quarter ?? 1;
    now = quarterOf(ref.m);
  }
  if (e.pick === 'last') return mine < now ? ref.y : ref.y - 1;
  if (e.pick === 'next') return mine > now ? ref.y : ref.y + 1;
  if (orientation === 'future') return mine >= now ? ref.y : ref.y + 1;
  const past = mine <= now ? ref.y : ref.y - 1;
  if (orientation === 'past' || past === ref.y) return past;
  // 'nearer', and the past occurrence is last year: is next one much nearer?
  const back = distanceInDays(e, past, ref);
  const ahead = distanceInDays(e, past + 1, ref);
  return ahead < NEARER_FUTURE_SHARE * back ? past + 1 : past;
}

/** Days between the reference and the start of the period `e` names in `year`. */
function distanceInDays(e: CalendarExpr, year: number, ref: Ymd): number {
  const month = e.month ?? ((e.quarter ?? 1) - 1) * 3 + 1;
  const day = e.day ?? 1;
  return Math.abs(Date.UTC(year, month - 1, day) - Date.UTC(ref.y, ref.m - 1, ref.d)) / 86_400_000;
}

function resolveWeekday(weekday: number, pick: CalendarExpr['pick'], ref: Ymd, orientation: Orientation): Ymd {
  const today = weekdayOf(ref);
  const back = (today - weekday + 7) % 7;
  const ahead = (weekday - today + 7) % 7;
  if (pick === 'last') return addDays(ref, -(back || 7));
  if (pick === 'next') return addDays(ref, ahead || 7);
  if (pick === 'this') return addDays(ref, ((weekday + 6) % 7) - ((today + 6) % 7)); // same ISO week
  // A weekday alone stays in the past when the clause says nothing: "the company said on Friday".
  return orientation === 'future' ? addDays(ref, ahead) : addDays(ref, -back);
}

/** Whether a year the sentence states can be the year of a date in a clause of this orientation. */
function contextYearFits(year: number, ref: Ymd, orientation: OrientationOf): boolean {
  if (year === ref.y) return true;
  return year < ref.y ? orientation() !== 'future' : orientation() === 'future';
}

/** How many days after a dated day in its sentence a day without a year is still told from it. */
const ANCHORED_DAYS = 31;

/**
 * The year of a month or day told after a dated one in the sentence: its first occurrence
 * on or after that date, unless the clause speaks of the future (it is then reckoned from
 * the reference) or that occurrence is after the reference.
 */
function anchoredYear(
  e: CalendarExpr,
  anchor: NonNullable<CalendarExpr['contextAnchor']>,
  ref: Ymd | undefined,
  orientation: OrientationOf,
): number | undefined {
  if (e.month === undefined) return undefined;
  const key = (m: number, d: number) => m * 100 + d;
  const year = key(e.month, e.day ?? 31) >= key(anchor.m, anchor.d) ? anchor.y : anchor.y + 1;
  if (anchor.withinDays !== undefined && daysBetween(anchor, { y: year, m: e.month, d: e.day ?? 1 }) > anchor.withinDays) return undefined;
  if (ref !== undefined) {
    if (year > ref.y || (year === ref.y && key(e.month, e.day ?? 1) > key(ref.m, ref.d))) return undefined;
    // A day within weeks of the dated one is told from it, whatever the clause looks to
    // ("published on 26 June 2026, four days before the national deadline of 30 June").
    if (e.day !== undefined && daysBetween(anchor, { y: year, m: e.month, d: e.day }) <= ANCHORED_DAYS) return year;
    // The reference's own year needs no anchor, and a future clause is reckoned from the reference.
    if (year === ref.y || orientation() === 'future') return undefined;
  }
  return year;
}

function resolveCalendar(e: CalendarExpr, ref: Ymd | undefined, orientation: OrientationOf): Resolution {
  const stated = statedParts(e);
  const relative = isRelativeCalendar(e);
  if (e.year !== undefined) {
    return { value: formatCalendar(e.year, e), relative, stated, implied: [], usedReference: false };
  }
  // Unless the clause speaks of the past and that year is still to come ("…by 2026, and
  // our report, last issued in February" is the February before the document), or of the
  // future and that year is over ("an analysis of 2025 incident data … after the
  // committee meets in May", in a document of January 2026, is next May).
  if (e.fiscalStartMonth !== undefined && e.quarter !== undefined)
    return resolveFiscalQuarter(e, e.quarter, e.fiscalStartMonth, ref, orientation);
  if (e.contextYear !== undefined && (ref === undefined || contextYearFits(e.contextYear, ref, orientation))) {
    return { value: formatCalendar(e.contextYear, e), relative, stated, implied: ['year'], usedReference: false };
  }
  const anchored = e.contextAnchor && anchoredYear(e, e.contextAnchor, ref, orientation);
  if (anchored !== undefined) {
    return { value: formatCalendar(anchored, e), relative, stated, implied: ['year'], usedReference: false };
  }
  if (!ref) return { relative, stated, implied: [], usedReference: false };
  if (e.month === undefined && e.quarter === undefined && e.weekday !== undefined && e.day !== undefined) {
    const day = dayOnWeekday(e.day, e.weekday, ref);
    if (day !== undefined) return { value: formatDay(day), relative, stated, implied: ['year', 'month'], usedReference: true };
  }
  if (e.month === undefined && e.quarter === undefined && e.weekday !== undefined) {
    const told = e.contextAnchor !== undefined && orientation() !== 'future' ? dayAfterStory(e.contextAnchor, ref, e.weekday) : undefined;
    if (told !== undefined) return { value: formatDay(told), relative, stated, implied: ['year', 'month', 'day'], usedReference: false };
    const day = resolveWeekday(e.weekday, e.pick, ref, e.pick ? 'past' : orientation());
    return { value: formatDay(day), relative, stated, implied: ['year', 'month', 'day'], usedReference: true };
  }
  if (e.month === undefined && e.quarter === undefined && e.yearOffset !== undefined) {
    return { value: formatYear(ref.y + e.yearOffset), relative, stated, implied: ['year'], usedReference: true };
  }
  const towards = e.pick || e.yearOffset !== undefined ? 'past' : orientation();
  const year = weekdayYear(e, pickYear(e, ref, towards), towards);
  return { value: formatCalendar(year, e), relative, stated, implied: ['year'], usedReference: true };
}

/**
 * A quarter without a year in a document that reckons in fiscal years: its fiscal year is
 * the one an earlier label of the sentence names, else picked as a calendar quarter's
 * year would be, from the reference moved to where it stands in its fiscal year (the
 * end of July is the first month of the fourth quarter of a year starting in October).
 */
function resolveFiscalQuarter(
  e: CalendarExpr,
  quarter: number,
  startMonth: number,
  ref: Ymd | undefined,
  orientation: OrientationOf,
): Resolution {
  const stated = statedParts(e);
  let year: number | undefined;
  let usedReference = false;
  if (e.contextYear !== undefined && (ref === undefined || contextYearFits(e.contextYear, ref, orientation))) year = e.contextYear;
  else if (ref !== undefined) {
    // Only the month matters to a quarter's year.
    const inFiscal = { ...addMonths(ref.y, ref.m, 13 - startMonth), d: 1 };
    year = pickYear({ type: 'calendar', quarter }, inFiscal, orientation());
    usedReference = true;
  }
  if (year === undefined) return { relative: false, stated, implied: [], usedReference: false };
  const { first, last } = fiscalQuarterMonths(year, quarter, startMonth);
  return {
    value: formatMonth(first.y, first.m),
    endValue: formatMonth(last.y, last.m),
    relative: false,
    stated,
    implied: ['year'],
    usedReference,
  };
}

/**
 * "Thursday the 29th": the day `day` of the month nearest `ref` that falls on `weekday`,
 * looked for up to three months either way (each day of the month meets each weekday
 * every few months).
 */
function dayOnWeekday(day: number, weekday: number, ref: Ymd): Ymd | undefined {
  let best: Ymd | undefined;
  let bestDistance = Infinity;
  for (let shift = -3; shift <= 3; shift++) {
    const index = ref.y * 12 + (ref.m - 1) + shift;
    const at = { y: Math.floor(index / 12), m: (index % 12) + 1, d: day };
    if (day > daysInMonth(at.y, at.m) || weekdayOf(at) !== weekday) continue;
    const distance = Math.abs(daysBetween(ref, at));
    if (distance < bestDistance) {
      best = at;
      bestDistance = distance;
    }
  }
  return best;
}

/** How many years either way a day named with its weekday is looked for: each date falls on each weekday within about six. */
const WEEKDAY_YEARS = 6;

/**
 * "Sunday 14 April" in a release of February 2026 about an attack: the 14 April that was a
 * Sunday (2024), when the nearest one (2025) was not; the nearest such year, the way the
 * clause looks first. The year stays when none is near.
 */
function weekdayYear(e: CalendarExpr, year: number, towards: Orientation): number {
  const { weekday, month, day } = e;
  if (weekday === undefined || month === undefined || day === undefined) return year;
  const fits = (y: number): boolean => day <= daysInMonth(y, month) && weekdayOf({ y, m: month, d: day }) === weekday;
  if (fits(year)) return year;
  const step = towards === 'future' ? 1 : -1;
  for (let k = 1; k <= WEEKDAY_YEARS; k++) {
    if (fits(year + step * k)) return year + step * k;
    if (fits(year - step * k)) return year - step * k;
  }
  return year;
}

function shiftDate(ref: Ymd, unit: Unit, amount: number): Ymd {
  switch (unit) {
    case 'day':
      return addDays(ref, amount);
    case 'week':
      return addDays(ref, amount * 7);
    case 'month':
      return { ...addMonths(ref.y, ref.m, amount), d: 1 };
    case 'quarter':
      return { ...addMonths(ref.y, ref.m, amount * 3), d: 1 };
    case 'year':
      return { y: ref.y + amount, m: ref.m, d: 1 };
  }
}

const IMPLIED_BY_PRECISION: Readonly<Record<Unit, DatePart[]>> = {
  day: ['year', 'month', 'day'],
  // The model has no week part; the year of the ISO week is what is filled in.
  week: ['year'],
  month: ['year', 'month'],
  quarter: ['year', 'quarter'],
  year: ['year'],
};

function formatAt(day: Ymd, precision: Unit): string {
  switch (precision) {
    case 'day':
      return formatDay(day);
    case 'week':
      return formatWeek(day);
    case 'month':
      return formatMonth(day.y, day.m);
    case 'quarter':
      return formatQuarter(day.y, quarterOf(day.m));
    case 'year':
      return formatYear(day.y);
  }
}

function resolveShift(e: ShiftExpr, ref: Ymd | undefined): Resolution {
  if (!ref) return { relative: true, stated: [], implied: [], usedReference: false };
  const precision = e.precision ?? e.unit;
  return {
    value: formatAt(shiftDate(ref, e.unit, e.amount), precision),
    relative: true,
    stated: [],
    implied: IMPLIED_BY_PRECISION[precision],
    usedReference: true,
  };
}

/** A period is given from its far end to the reference, at month precision for
 * years and months and at day precision for weeks and days. */
function resolvePeriod(e: PeriodExpr, ref: Ymd | undefined): Resolution {
  if (!ref || e.count === undefined) return { relative: true, stated: [], implied: [], usedReference: false };
  const precision: Unit = e.unit === 'day' || e.unit === 'week' ? 'day' : 'month';
  const sign = e.direction === 'past' ? -1 : 1;
  const far =
    e.unit === 'year'
      ? { ...addMonths(ref.y, ref.m, sign * 12 * e.count), d: 1 }
      : e.unit === 'quarter'
        ? { ...addMonths(ref.y, ref.m, sign * 3 * e.count), d: 1 }
        : shiftDate(ref, e.unit, sign * e.count);
  const [a, b] = sign < 0 ? [far, ref] : [ref, far];
  return {
    value: formatAt(a, precision),
    endValue: formatAt(b, precision),
    relative: true,
    stated: [],
    implied: IMPLIED_BY_PRECISION[precision],
    usedReference: true,
  };
}

/** Days a story's dated day must lie before the reference for a weekday after it to go on from it, not from the reference. */
const STORY_BEFORE_DAYS = 60;

/**
 * The first `weekday` on or after `anchor`, when the anchor is a day of a story told long
 * before the reference ("On Friday 12 April 2024 … on Sunday", in a release of 2026);
 * undefined when the anchor is recent, where "on Monday" is more likely this week's.
 */
function dayAfterStory(anchor: Ymd, ref: Ymd, weekday: number): Ymd | undefined {
  if (daysBetween(anchor, ref) < STORY_BEFORE_DAYS) return undefined;
  return addDays(anchor, (weekday - weekdayOf(anchor) + 7) % 7);
}

function resolveWeekend(e: WeekendExpr, ref: Ymd | undefined): Resolution {
  if (!ref) return { relative: true, stated: [], implied: [], usedReference: false };
  // The weekend of the story's day: the Saturday on or after it, or before it for a Sunday.
  const anchor = e.contextAnchor;
  const told = anchor === undefined ? undefined : dayAfterStory(weekdayOf(anchor) === 0 ? addDays(anchor, -1) : anchor, ref, 6);
  const saturday = told ?? resolveWeekday(6, e.pick === 'this' ? 'this' : e.pick, ref, 'past');
  return {
    value: formatDay(saturday),
    endValue: formatDay(addDays(saturday, 1)),
    relative: true,
    stated: [],
    implied: ['year', 'month', 'day'],
    usedReference: told === undefined,
  };
}

/** A season's three months: in its stated year, else the one `pick` names from the reference. */
function resolveSeason(e: SeasonExpr, ref: Ymd | undefined, orientation: OrientationOf): Resolution {
  let year = e.year;
  if (year === undefined && ref !== undefined) {
    const last = e.first + 2;
    // Months counted from year 0, so that winter's end lies in the next year.
    const at = ref.y * 12 + ref.m - 1;
    const startOf = (y: number): number => y * 12 + e.first - 1;
    if (e.pick === 'last') {
      year = ref.y;
      while (startOf(year) + 2 >= at) year--;
    } else if (e.pick === 'next') {
      year = ref.y - 1;
      while (startOf(year) <= at) year++;
    } else if (e.pick === 'this') year = e.first === 12 && ref.m <= 2 ? ref.y - 1 : ref.y;
    else {
      // "in the spring" alone: the one the clause looks towards, this year's while it lasts.
      const towards = orientation();
      year = towards === 'future' && last < ref.m ? ref.y + 1 : towards === 'past' && e.first > ref.m ? ref.y - 1 : ref.y;
    }
  }
  const stated: DatePart[] = e.year === undefined ? [] : ['year'];
  if (year === undefined) return { relative: true, stated, implied: [], usedReference: false };
  const end = year * 12 + e.first + 1;
  return {
    value: formatMonth(year, e.first),
    endValue: formatMonth(Math.floor(end / 12), (end % 12) + 1),
    relative: e.year === undefined,
    stated,
    implied: e.year === undefined ? ['year', 'month'] : ['month'],
    usedReference: e.year === undefined,
  };
}

/** "Jun 10-12" without a year: the end lies in the start's year (or the next one). */
function sameYear(from: CalendarExpr, to: CalendarExpr, fromValue: string | undefined): CalendarExpr {
  if (to.year !== undefined || from.year !== undefined || fromValue === undefined) return to;
  if (to.yearOffset !== undefined || to.pick !== undefined || to.month === undefined) return to;
  const y = Number(fromValue.slice(0, 4));
  const before = to.month * 100 + (to.day ?? 0) < (from.month ?? 0) * 100 + (from.day ?? 0);
  return { ...to, year: before ? y + 1 : y };
}

export function resolveExpr(e: DateExpr, ref: Ymd | undefined, orientation: OrientationOf): Resolution {
  switch (e.type) {
    case 'calendar':
      return resolveCalendar(e, ref, orientation);
    case 'shift':
      return resolveShift(e, ref);
    case 'period':
      return resolvePeriod(e, ref);
    case 'weekend':
      return resolveWeekend(e, ref);
    case 'season':
      return resolveSeason(e, ref, orientation);
    case 'vague':
    case 'anaphor':
      // An anaphor's value comes from the date before it (anaphors.ts).
      return { relative: true, stated: [], implied: [], usedReference: false };
    case 'range': {
      const a = resolveCalendar(e.from, ref, orientation);
      const b = resolveCalendar(sameYear(e.from, e.to, a.value), ref, orientation);
      const both: Resolution = {
        relative: a.relative || b.relative,
        stated: ordered([...statedParts(e.from), ...statedParts(e.to)]),
        implied: ordered([...a.implied, ...b.implied]),
        usedReference: a.usedReference || b.usedReference,
      };
      if (a.value !== undefined && b.value !== undefined) {
        both.value = a.value;
        both.endValue = b.value;
      }
      return both;
    }
  }
}
