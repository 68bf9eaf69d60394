// A reporting period named by its length and its last day: "the fiscal year ended
// December 31, 2025", "the twelve months ended September 30, 2025", "the quarter ending
// June 30, 2026". Filings and annual reports date their figures this way; the period,
// not its last day, is what the figures cover.
import { addDays, addMonths, calendarDay, daysInMonth, quarterOf, type Ymd } from './calendar';
import type { DateExpr, Mention } from './expression';
import { ORDINAL_PARTS, countValue } from './lexicon';

// "ended" is the filings' idiom for a period reported on, "to" the British one ("the
// twelve months to 30 September 2026"); "the twelve months ending
// June 10" on a trust page usually dates the report by its last day, and stays a day.
const LENGTH_BEFORE =
  /\b(?:the[^\S\r\n]+)?(?:(?:fiscal|financial)[^\S\r\n]+(year|quarter)[^\S\r\n]+(?:then[^\S\r\n]+)?end(?:ed|ing)|(?:(year|quarter)|(twelve|eleven|ten|nine|eight|seven|six|five|four|three|two|1[0-2]|[2-9])[^\S\r\n]+months)[^\S\r\n]+(?:(?:then[^\S\r\n]+)?ended|to)|(year|quarter)[^\S\r\n]+ending)[^\S\r\n]+(?:on[^\S\r\n]+)?$/i;

function day(e: DateExpr): Ymd | undefined {
  if (e.type !== 'calendar' || e.year === undefined || e.month === undefined || e.day === undefined) return undefined;
  return { y: e.year, m: e.month, d: e.day };
}

/** What a period of `months` ending on `last` is, at the precision its ends allow. */
function periodOf(months: number, last: Ymd): DateExpr {
  const monthEnd = last.d === daysInMonth(last.y, last.m);
  if (monthEnd && months === 12 && last.m === 12) return { type: 'calendar', year: last.y };
  if (monthEnd && months === 3 && last.m % 3 === 0) return { type: 'calendar', year: last.y, quarter: quarterOf(last.m) };
  // The day after the same day `months` earlier: September 30 back twelve months is
  // October 1 of the year before.
  const back = last.y * 12 + (last.m - 1) - months;
  const y = Math.floor(back / 12);
  const m = (back % 12) + 1;
  const first = addDays({ y, m, d: Math.min(last.d, daysInMonth(y, m)) }, 1);
  const start = monthEnd ? { y: m === 12 ? y + 1 : y, m: (m % 12) + 1, d: 1 } : first;
  return { type: 'range', from: calendarDay(start), to: calendarDay(last) };
}

// "the third quarter of the fiscal year ending March 31, 2027": a part of the period,
// counted from its first day, not the calendar's third quarter.
const PART_BEFORE = /\b(?:the[^\S\r\n]+)?(first|second|third|fourth|1st|2nd|3rd|4th)[^\S\r\n]+(quarter|half)[^\S\r\n]+of[^\S\r\n]+$/i;

/** The `part`th quarter or half of the year of months ending on `last`, a month end. */
function partOfYear(unit: string, part: number, last: Ymd): DateExpr | undefined {
  const length = unit === 'half' ? 6 : 3;
  if (part * length > 12) return undefined;
  const first = addMonths(last.y, last.m, -11);
  const from = addMonths(first.y, first.m, (part - 1) * length);
  const to = addMonths(from.y, from.m, length - 1);
  if (length === 3 && from.m % 3 === 1) return { type: 'calendar', year: from.y, quarter: quarterOf(from.m) };
  return { type: 'range', from: { type: 'calendar', year: from.y, month: from.m }, to: { type: 'calendar', year: to.y, month: to.m } };
}

interface Ym {
  y: number;
  m: number;
}

/** A month of a known year with no day: "March 2024". */
function monthOnly(e: DateExpr): Ym | undefined {
  if (e.type !== 'calendar' || e.year === undefined || e.month === undefined || e.day !== undefined) return undefined;
  return { y: e.year, m: e.month };
}

/** "the year ended March 2024": a period stated by its last month, at month precision. */
function monthPeriod(months: number, last: Ym): DateExpr {
  if (months === 12 && last.m === 12) return { type: 'calendar', year: last.y };
  if (months === 3 && last.m % 3 === 0) return { type: 'calendar', year: last.y, quarter: quarterOf(last.m) };
  const first = addMonths(last.y, last.m, 1 - months);
  return {
    type: 'range',
    from: { type: 'calendar', year: first.y, month: first.m },
    to: { type: 'calendar', year: last.y, month: last.m },
  };
}

function reportingPeriod(text: string, mention: Mention): Mention {
  const last = day(mention.expr);
  const lastMonth = last === undefined ? monthOnly(mention.expr) : undefined;
  if (last === undefined && lastMonth === undefined) return mention;
  const lead = LENGTH_BEFORE.exec(text.slice(Math.max(0, mention.start - 40), mention.start));
  if (lead === null) return mention;
  const unit = (lead[1] ?? lead[2] ?? lead[4] ?? '').toLowerCase();
  const months = unit === 'year' ? 12 : unit === 'quarter' ? 3 : (countValue(lead[3] ?? '') ?? 12);
  const start = mention.start - lead[0].length;
  if (last === undefined) return lastMonth === undefined ? mention : { start, end: mention.end, expr: monthPeriod(months, lastMonth) };
  const monthEnd = last.d === daysInMonth(last.y, last.m);
  // "the year ending 30 April 2026" is a reporting year only when it ends with a month;
  // "the year ending June 10" on a trust page dates the report by its last day.
  if (lead[4] !== undefined && !monthEnd) return mention;
  if (months === 12 && monthEnd) {
    const part = PART_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
    const expr =
      part === null ? undefined : partOfYear((part[2] ?? '').toLowerCase(), ORDINAL_PARTS[(part[1] ?? '').toLowerCase()] ?? 0, last);
    if (part !== null && expr !== undefined) return { start: start - part[0].length, end: mention.end, expr };
  }
  return { start, end: mention.end, expr: periodOf(months, last) };
}

export function reportingPeriods(text: string, mentions: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const mention of mentions) {
    const period = reportingPeriod(text, mention);
    // A period that took in the words before it ("the third quarter of …") takes in what
    // was read there on its own (mentions come sorted and disjoint).
    while (out.length > 0 && (out[out.length - 1] as Mention).start >= period.start) out.pop();
    out.push(period);
  }
  return out;
}
