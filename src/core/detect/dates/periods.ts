// A reporting period named by its length and its last day: "the fiscal year ended
// December 31, 2025", "the twelve months ended September 30, 2025", "the quarter ending
// June 30, 2026". Filings and annual reports date their figures this way; the period,
// not its last day, is what the figures cover.
import { addDays, daysInMonth, quarterOf, type Ymd } from './calendar';
import type { CalendarExpr, DateExpr, Mention } from './expression';

// "ended" is the filings' idiom for a period reported on, "to" the British one ("the
// twelve months to 30 September 2026"); "the twelve months ending
// June 10" on a trust page usually dates the report by its last day, and stays a day.
const LENGTH_BEFORE =
  /\b(?:the[^\S\r\n]+)?(?:(?:fiscal|financial)[^\S\r\n]+(year|quarter)[^\S\r\n]+(?:then[^\S\r\n]+)?end(?:ed|ing)|(?:(year|quarter)|(twelve|12|nine|9|six|6|three|3)[^\S\r\n]+months)[^\S\r\n]+(?:(?:then[^\S\r\n]+)?ended|to))[^\S\r\n]+(?:on[^\S\r\n]+)?$/i;

const MONTHS_OF: Readonly<Record<string, number>> = { twelve: 12, '12': 12, nine: 9, '9': 9, six: 6, '6': 6, three: 3, '3': 3 };

function day(e: DateExpr): Ymd | undefined {
  if (e.type !== 'calendar' || e.year === undefined || e.month === undefined || e.day === undefined) return undefined;
  return { y: e.year, m: e.month, d: e.day };
}

function calendarDay(d: Ymd): CalendarExpr {
  return { type: 'calendar', year: d.y, month: d.m, day: d.d };
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

export function reportingPeriods(text: string, mentions: readonly Mention[]): Mention[] {
  return mentions.map((mention) => {
    const last = day(mention.expr);
    if (last === undefined) return mention;
    const lead = LENGTH_BEFORE.exec(text.slice(Math.max(0, mention.start - 40), mention.start));
    if (lead === null) return mention;
    const unit = (lead[1] ?? lead[2] ?? '').toLowerCase();
    const months = unit === 'year' ? 12 : unit === 'quarter' ? 3 : (MONTHS_OF[(lead[3] ?? '').toLowerCase()] ?? 12);
    return { start: mention.start - lead[0].length, end: mention.end, expr: periodOf(months, last) };
  });
}
