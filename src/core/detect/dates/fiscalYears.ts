// Split years read in the document's own fiscal year. An annual report that states its
// year ("from April 1, 2025, to March 31, 2026") means that span by "2025-2026", and
// its "in 2024-2025" is the year before, April to March again: governments and many
// companies outside the US keep such years. Without such a statement "2025-2026" stays a
// span of calendar years.
import { addDays, daysInMonth, type Ymd } from './calendar';
import type { CalendarExpr, DateExpr, Mention } from './expression';

function fullDay(e: CalendarExpr): Ymd | undefined {
  return e.year !== undefined && e.month !== undefined && e.day !== undefined && e.yearOffset === undefined
    ? { y: e.year, m: e.month, d: e.day }
    : undefined;
}

export interface MonthDay {
  m: number;
  d: number;
  /**
   * Which calendar year a fiscal year is named for, where the text says: the one it starts
   * in (Japan's "FY2025" runs from April 2025) or the one it ends in (India's "FY26" from
   * April 2025). Unsaid, only a year starting in July or later is named, for its end.
   */
  named?: 'start' | 'end';
}

/** What joins a fiscal label to the day its period ended: "fiscal 2027, which ended June 30, 2027". */
const ENDED_ON = /^\s*,?\s*(?:(?:which|that)\s+)?(?:ended|ending|closed)\s+(?:on\s+)?$/i;

/**
 * The first day of the fiscal year a labelled quarter or year states by its last day
 * ("the third quarter of fiscal 2027, which ended June 30, 2027": a year ending in
 * September), when the label names the year it ends in, as fiscalLabel reads it.
 */
function startFromEnding(label: CalendarExpr, end: Ymd): MonthDay | undefined {
  if (label.fiscal !== true || label.year === undefined || label.month !== undefined || end.d !== daysInMonth(end.y, end.m))
    return undefined;
  // Months counted from year 0 to the end of the fiscal year.
  const yearEnd = end.y * 12 + (end.m - 1) + (label.quarter === undefined ? 0 : 3 * (4 - label.quarter));
  if (Math.floor(yearEnd / 12) !== label.year || yearEnd % 12 === 11) return undefined;
  // The label names the year it ends in: the text says so.
  return { m: ((yearEnd + 1) % 12) + 1, d: 1, named: 'end' };
}

/**
 * Where the document's fiscal year starts: the first stated span of exactly one year that
 * does not start on January 1, or failing one, a labelled quarter or year stated with the
 * day it ended (`text` is what the mentions' offsets count in).
 */
export function fiscalStart(mentions: readonly Mention[], text?: string): MonthDay | undefined {
  for (const { expr } of mentions) {
    if (expr.type !== 'range') continue;
    const from = fullDay(expr.from);
    const to = fullDay(expr.to);
    if (from === undefined || to === undefined || (from.m === 1 && from.d === 1)) continue;
    const next = addDays(to, 1);
    if (next.y === from.y + 1 && next.m === from.m && next.d === from.d) return { m: from.m, d: from.d };
  }
  if (text === undefined) return undefined;
  for (let i = 0; i + 1 < mentions.length; i++) {
    const label = mentions[i] as Mention;
    const ended = mentions[i + 1] as Mention;
    if (label.expr.type !== 'calendar' || ended.expr.type !== 'calendar') continue;
    const end = fullDay(ended.expr);
    if (end === undefined || !ENDED_ON.test(text.slice(label.end, ended.start))) continue;
    const start = startFromEnding(label.expr, end);
    if (start !== undefined) return start;
  }
  const stated = labelWithSpan(mentions, text);
  if (stated !== undefined) return stated;
  if (FEDERAL_BODY.test(text) && FEDERAL.test(text)) return FEDERAL_FISCAL_START;
  // Where an Indian or Japanese text says which years it writes of, its opening says
  // where it is from; its fiscal labels may come much later.
  if (INDIAN.test(text)) return { m: 4, d: 1, named: 'end' };
  if (JAPANESE.test(text)) return { m: 4, d: 1, named: 'start' };
  return undefined;
}

/**
 * A fiscal year named and spelled out: "In FY2025 (April 2025 to March 2026)". Its months
 * give the year's start, and its label which year it is named for.
 */
function labelWithSpan(mentions: readonly Mention[], text: string): MonthDay | undefined {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const label = mentions[i] as Mention;
    const span = mentions[i + 1] as Mention;
    const year = label.expr.type === 'calendar' && label.expr.fiscal === true ? yearOnly(label.expr) : undefined;
    if (year === undefined || span.expr.type !== 'range' || !/^\s*\(\s*$/.test(text.slice(label.end, span.start))) continue;
    const { from, to } = span.expr;
    if (from.year === undefined || from.month === undefined || to.year === undefined || to.month === undefined) continue;
    if (from.month === 1 || to.year * 12 + to.month - (from.year * 12 + from.month) !== 11) continue;
    const named = year === from.year ? 'start' : year === to.year ? 'end' : undefined;
    if (named !== undefined) return { m: from.month, d: 1, named };
  }
  return undefined;
}

/** India's fiscal years run from April and are named for the year they end in. */
const INDIAN = /\b(?:India|Indian|crore|lakh|SEBI|RBI|Rs\.?\s?\d)|₹/;
/** Japan's run from April and are named for the year they start in. */
const JAPANESE = /\b(?:Japan|Japanese)\b|¥/;

/**
 * Who writes of the US government's fiscal years without saying when they start: its
 * inspectors general and the GAO ("FHAC's program was not effective in FY 2026"). A
 * state's inspector general counts a year from July, so the text must say federal too.
 */
const FEDERAL_BODY =
  /\b(?:(?:Office\s+of\s+(?:the\s+)?)?Inspector\s+General|OIG|Government\s+Accountability\s+Office|(?:[Ff]ederal|U\.S\.\s+[Gg]overnment(?:['’]s)?)\s+fiscal\s+years?)\b/;
const FEDERAL = /\b(?:[Ff]ederal|FEDERAL|FISMA|OMB)\b/;
const FEDERAL_FISCAL_START: MonthDay = { m: 10, d: 1 };

function yearOnly(e: CalendarExpr): number | undefined {
  return e.month === undefined && e.quarter === undefined && e.day === undefined && e.yearOffset === undefined ? e.year : undefined;
}

/** `MM-DD`, with `/start` or `/end` when the year's naming is known. */
export function formatMonthDay(md: MonthDay): string {
  const day = `${String(md.m).padStart(2, '0')}-${String(md.d).padStart(2, '0')}`;
  return md.named === undefined ? day : `${day}/${md.named}`;
}

export function parseMonthDay(value: string): MonthDay | undefined {
  const m = /^(\d{2})-(\d{2})(?:\/(start|end))?$/.exec(value);
  if (!m) return undefined;
  const md: MonthDay = { m: Number(m[1]), d: Number(m[2]) };
  if (m[3] === 'start' || m[3] === 'end') md.named = m[3];
  return md.m >= 1 && md.m <= 12 && md.d >= 1 && md.d <= 31 ? md : undefined;
}

/**
 * A fiscal label ("fiscal 2026", "the third quarter of fiscal 2026") in a year starting
 * on the first of `start.m`. Only for years starting in July or later: those are named
 * for the calendar year they end in (the US government's, Microsoft's, most US filers'),
 * where a year starting in February or April is named for either year by different
 * organisations (retailers, Japanese and Indian companies), which the text does not say.
 */
function fiscalLabel(e: CalendarExpr, start: MonthDay): DateExpr | undefined {
  if (e.fiscal !== true || e.year === undefined || e.yearOffset !== undefined || e.day !== undefined || start.d !== 1) return undefined;
  if (start.m < 7 && start.named === undefined) return undefined;
  // Named for the year it ends in, unless the text says the one it starts in.
  const endYear = start.named === 'start' ? e.year + 1 : e.year;
  // A month of a fiscal label is its place in that year (the ends of "H2 fiscal 2027").
  const first = fiscalMonth(endYear, e.quarter === undefined ? (e.month ?? 1) - 1 : 3 * (e.quarter - 1), start.m);
  const last = first + (e.quarter !== undefined ? 2 : e.month !== undefined ? 0 : 11);
  const month = (i: number): CalendarExpr => ({ type: 'calendar', year: yearOf(i), month: monthOf(i) });
  if (e.month !== undefined) return month(first);
  if (e.quarter !== undefined) return { type: 'range', from: month(first), to: month(last) };
  const end = month(last);
  return {
    type: 'range',
    from: { ...month(first), day: 1 },
    to: { ...end, day: daysInMonth(end.year as number, end.month as number) },
  };
}

function isFiscalLabel(e: DateExpr): boolean {
  return e.type === 'calendar' ? e.fiscal === true : e.type === 'range' && e.from.fiscal === true;
}

/** "The fourth quarter", "Q4" with no year told, nor one counted from the reference ("of next year"). */
function isBareQuarter(e: CalendarExpr): boolean {
  return e.quarter !== undefined && e.year === undefined && e.yearOffset === undefined && e.pick === undefined;
}

/**
 * The month, counted from year 0, at `place` (0 to 11) of the fiscal year `year` starting
 * on the first of `startMonth`: fiscal year Y starts in that month of Y - 1 (it is named
 * for the year it ends in).
 */
function fiscalMonth(year: number, place: number, startMonth: number): number {
  return (year - 1) * 12 + (startMonth - 1) + place;
}

const yearOf = (i: number): number => Math.floor(i / 12);
const monthOf = (i: number): number => (i % 12) + 1;

/** The first and last months of quarter `quarter` of the fiscal year `year` starting on the first of `startMonth`. */
export function fiscalQuarterMonths(year: number, quarter: number, startMonth: number): { first: Ym; last: Ym } {
  const first = fiscalMonth(year, 3 * (quarter - 1), startMonth);
  return { first: { y: yearOf(first), m: monthOf(first) }, last: { y: yearOf(first + 2), m: monthOf(first + 2) } };
}

interface Ym {
  y: number;
  m: number;
}

/**
 * Split years ("2025-2026"), fiscal labels ("fiscal 2026") and quarters without a year
 * ("the fourth quarter") as fiscal years starting on `start`.
 */
export function fiscalYears(mentions: Mention[], start: MonthDay | undefined): Mention[] {
  if (start === undefined) return mentions;
  // A quarter without a year is a fiscal one only beside a fiscal label ("Q3 fiscal 2027 …
  // in the fourth quarter"): a page whose one-year span is an audit period ("October 1,
  // 2023 to September 30, 2024") still means the calendar's "Q4".
  // So is one in a document whose labels said where its years start ("the first quarter of
  // fiscal year 2027, which ended September 30, 2026"), in whichever block it stands.
  const bareIsFiscal = start.m >= 7 && start.d === 1 && (start.named !== undefined || mentions.some(({ expr }) => isFiscalLabel(expr)));
  return mentions.map((mention) => {
    const e = mention.expr;
    if (e.type === 'calendar') {
      if (bareIsFiscal && isBareQuarter(e)) return { ...mention, expr: { ...e, fiscalStartMonth: start.m } };
      const expr = fiscalLabel(e, start);
      return expr === undefined ? mention : { ...mention, expr };
    }
    if (e.type !== 'range') return mention;
    if (e.from.fiscal === true && e.to.fiscal === true) {
      // A fiscal half: the months its ends name, in the fiscal year.
      // …or fiscal years and quarters ("FY 2023 through FY 2025"): from the first's start to the last's end.
      const from = fiscalLabel(e.from, start);
      const to = fiscalLabel(e.to, start);
      if (from === undefined || to === undefined) return mention;
      const first = from.type === 'range' ? from.from : from;
      const last = to.type === 'range' ? to.to : to;
      return first.type === 'calendar' && last.type === 'calendar'
        ? { ...mention, expr: { type: 'range', from: first, to: last } }
        : mention;
    }
    const a = yearOnly(e.from);
    const b = yearOnly(e.to);
    if (a === undefined || b !== a + 1) return mention;
    const last = addDays({ y: b, m: start.m, d: start.d }, -1);
    const expr: DateExpr = {
      type: 'range',
      from: { type: 'calendar', year: a, month: start.m, day: start.d },
      to: { type: 'calendar', year: last.y, month: last.m, day: last.d },
    };
    return { ...mention, expr };
  });
}
