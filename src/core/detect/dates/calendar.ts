// Proleptic Gregorian calendar arithmetic on plain year/month/day triples. Date.UTC
// does the day counting so no local time zone can shift a day.
import type { CalendarExpr } from './expression';

export interface Ymd {
  y: number;
  /** 1..12 */
  m: number;
  /** 1..31 */
  d: number;
}

const DAY_MS = 86_400_000;

/** A day as the date expression that names it. */
export function calendarDay(d: Ymd): CalendarExpr {
  return { type: 'calendar', year: d.y, month: d.m, day: d.d };
}

export function parseIsoDay(value: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDay(ymd.y, ymd.m, ymd.d) ? ymd : undefined;
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function toMs(day: Ymd): number {
  return Date.UTC(day.y, day.m - 1, day.d);
}

function fromMs(ms: number): Ymd {
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(day: Ymd, n: number): Ymd {
  return fromMs(toMs(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: Ymd, b: Ymd): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

/** Month arithmetic on a year/month pair; the day is not needed where this is used. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + n;
  return { y: Math.floor(index / 12), m: (((index % 12) + 12) % 12) + 1 };
}

/** 0 = Sunday .. 6 = Saturday, as in JavaScript and chrono. */
export function weekdayOf(day: Ymd): number {
  return new Date(toMs(day)).getUTCDay();
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(day: Ymd): { y: number; w: number } {
  const isoWeekday = (weekdayOf(day) + 6) % 7; // Monday 0
  const thursday = addDays(day, 3 - isoWeekday);
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { y: thursday.y, w: Math.floor((toMs(thursday) - toMs(jan1)) / DAY_MS / 7) + 1 };
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatYear(y: number): string {
  return pad(y, 4);
}
export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}
export function formatDay(day: Ymd): string {
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}
export function formatQuarter(y: number, q: number): string {
  return `${pad(y, 4)}-Q${q}`;
}
export function formatWeek(day: Ymd): string {
  const { y, w } = isoWeek(day);
  return `${pad(y, 4)}-W${pad(w)}`;
}
