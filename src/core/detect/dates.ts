// The date detector: time expressions a researcher would put on a timeline, with their
// ISO 8601 values. Pure TypeScript over chrono-node; see dates/ for the parts:
// scan.ts finds mentions, resolve.ts gives them values, documentDate.ts finds the
// reference date when the caller does not give one.
import type { DateDetection } from '../model';
import type { Mention } from './dates/expression';
import { resolveAnaphors } from './dates/anaphors';
import { parseIsoDay, type Ymd } from './dates/calendar';
import { clauseTense, futureLeadIn } from './dates/context';
import { dayCountMentions, findDayZero } from './dates/dayCount';
import { closingDateFrom, documentDateFrom, type DocumentDate } from './dates/documentDate';
import { resolveExpr } from './dates/resolve';
import { fiscalStart, fiscalYears, formatMonthDay, parseMonthDay, type MonthDay } from './dates/fiscalYears';
import { DAY_TRIGGERS, scanMentions, unglued } from './dates/scan';
import { readDayFirst, writesDayFirst } from './dates/dayOrder';

export type { DocumentDate } from './dates/documentDate';

/** How far into a timeline's item its opening words reach ("• Early on Wednesday, 02:10 — …"). */
export const ITEM_OPENING = 16;
/** How much of a text's opening says which way it writes numeric dates, as much as the detector reads its date from. */
export const DAY_ORDER_WINDOW = 4000;
export { findDayZero } from './dates/dayCount';

export interface DetectDatesOptions {
  /** `YYYY-MM-DD`: the date relative expressions are resolved against. When absent, the
   * document's own date (findDocumentDate) is used; when there is none, relative and
   * partial dates are detected but left unresolved. `null` says there is none: a caller
   * that detects a document piece by piece passes it so that no piece is taken for the
   * whole document and searched for a date of its own. */
  referenceDate?: string | null;
  /** `MM-DD`: the day the document's fiscal year starts, read from a one-year span it
   * states ("from April 1, 2025, to March 31, 2026"); split years ("2025-2026") are then
   * such years. `MM-DD/start` or `MM-DD/end` also says which year a fiscal label names
   * ("FY2025 (April 2025 to March 2026)" is `04-01/start`). When absent, looked for in the text; `null` says there is none (for a
   * caller detecting piece by piece, as for referenceDate). */
  fiscalYearStart?: string | null;
  /** `YYYY-MM-DD`: the date of a disclosure timeline's "Day 0", from which each "Day N"
   * counts (dates/dayCount.ts). When absent, looked for in the text; `null` says there is
   * none (for a caller detecting piece by piece, as for referenceDate). */
  dayZero?: string | null;
  /**
   * When `text` is a list item, the line that introduces the list ("We will:"): a date
   * whose own clause says neither past nor future takes the lead-in's tense ("• bring the
   * account into scope at our surveillance audit in June" is next June).
   */
  leadIn?: string;
  /**
   * `YYYY-MM-DD`: when `text` is a list item that goes on from the item before it ("• The
   * next day, 14:00 — …"), the day that item is dated (dates/sections.ts): anaphors before
   * any date of `text` itself count from it.
   */
  antecedent?: string;
  /** Numeric dates ("11/03/2026") are written day first (dates/dayOrder.ts). When absent,
   * decided from the text's opening; a caller detecting piece by piece passes the
   * document's. */
  dayFirst?: boolean;
  /** `text` is a timeline's item: a date in its opening words is the next one after the reference date ("• On Friday — …"), whatever the tense of its clause. */
  forward?: boolean;
}

/**
 * Date mentions in `text`, sorted by start and non-overlapping. Offsets are UTF-16 code
 * units, end exclusive, so `text.slice(d.start, d.end) === d.text`.
 */
export function detectDates(original: string, options: DetectDatesOptions = {}, scanned?: Mention[]): DateDetection[] {
  // Read with glued read times blanked ("March 14, 20255 min read"); same length.
  const text = unglued(original);
  let fiscal: MonthDay | undefined;
  let mentions = scanned ?? scanMentions(text);
  if (options.dayFirst ?? writesDayFirst(text.slice(0, DAY_ORDER_WINDOW))) mentions = readDayFirst(text, mentions);
  if (typeof options.fiscalYearStart === 'string') {
    fiscal = parseMonthDay(options.fiscalYearStart);
    if (!fiscal) throw new RangeError(`fiscalYearStart must be MM-DD, got "${options.fiscalYearStart}"`);
  } else if (options.fiscalYearStart === undefined) {
    fiscal = fiscalStart(mentions, text);
  }
  mentions = fiscalYears(mentions, fiscal);
  let reference: string | undefined;
  let ref: Ymd | undefined;
  if (typeof options.referenceDate === 'string') {
    ref = parseIsoDay(options.referenceDate);
    if (!ref) throw new RangeError(`referenceDate must be YYYY-MM-DD, got "${options.referenceDate}"`);
    reference = options.referenceDate;
  } else if (options.referenceDate === undefined && mentions.length > 0) {
    const own = documentDateFrom(text, mentions);
    if (own) {
      reference = own.value;
      ref = parseIsoDay(own.value);
    }
  }
  const dayZero = options.dayZero === undefined ? findDayZero(text) : (options.dayZero ?? undefined);
  if (dayZero !== undefined) {
    const counted = dayCountMentions(text, dayZero, mentions);
    if (counted.length > 0) mentions = [...mentions, ...counted].sort((a, b) => a.start - b.start);
  }
  const futureList = options.leadIn !== undefined && futureLeadIn(options.leadIn);
  const found = mentions.map((m) => {
    // The clause's tense is read once, however many of the resolver's steps ask for it.
    let orientation: 'past' | 'future' | 'nearer' | undefined;
    const r = resolveExpr(m.expr, ref, () => {
      if (orientation !== undefined) return orientation;
      if (options.forward === true && m.start <= ITEM_OPENING) return (orientation = 'future');
      const tense = clauseTense(text, m.start, m.end, futureList);
      // A weekday alone reads as last week's when the clause says nothing ("said on
      // Friday"); set as a deadline ("should say so by Wednesday") it is the next one.
      if (tense === 'undecided' && weekdayAlone(m) && WEEKDAY_DEADLINE.test(text.slice(m.start, m.end))) return (orientation = 'future');
      return (orientation = tense === 'undecided' ? 'nearer' : tense);
    });
    const d: DateDetection = {
      kind: 'date',
      start: m.start,
      end: m.end,
      text: original.slice(m.start, m.end),
      relative: r.relative,
      stated: r.stated,
      implied: r.implied,
    };
    if (r.value !== undefined) d.value = r.value;
    if (r.endValue !== undefined) d.endValue = r.endValue;
    if (r.usedReference && reference !== undefined) d.reference = reference;
    return d;
  });
  return resolveAnaphors(text, mentions, found, options.antecedent);
}

const WEEKDAY_DEADLINE = /^(?:by|until|till|before|no\s+later\s+than)\s/i;

function weekdayAlone(m: Mention): boolean {
  const e = m.expr;
  return (
    e.type === 'calendar' &&
    e.weekday !== undefined &&
    e.day === undefined &&
    e.month === undefined &&
    e.year === undefined &&
    e.pick === undefined
  );
}

/**
 * The document's own date: a "Published on …" / "Updated …" line, a dateline near the top
 * ("WASHINGTON, June 10, 2020 (Reuters) -", "Jun 10, 2020 —", a date alone on a line), or
 * failing those the first full date in the opening sentence of the first paragraph.
 */
/** The document's date and the day its fiscal year starts, from one scan of `original`. */
export function findDocumentContext(original: string): { date?: DocumentDate; fiscalYearStart?: string; dayFirst: boolean } {
  // Both read full days only (a dated day; a span between two), so windows without a
  // month name or a numeric date are skipped: most of the opening's triggers are years
  // and time words, and this scan ran as long as the blocks' own.
  return documentContextFrom(original, scanMentions(unglued(original), DAY_TRIGGERS));
}

/** The mentions detectDates finds in `original` before it resolves them: they depend on the text alone. */
export function scanDates(original: string): Mention[] {
  return scanMentions(unglued(original));
}

/**
 * findDocumentContext of `head` from mentions found in it already (by scanDates over
 * its blocks, moved to offsets in `head`), sorted by start, instead of a scan of its own.
 */
export function documentContextFrom(
  head: string,
  scanned: readonly Mention[],
): { date?: DocumentDate; fiscalYearStart?: string; dayFirst: boolean } {
  const dayFirst = writesDayFirst(head);
  const mentions = dayFirst ? readDayFirst(head, scanned) : scanned;
  const date = documentDateFrom(unglued(head), mentions);
  const start = fiscalStart(mentions, head);
  return {
    ...(date === undefined ? {} : { date }),
    ...(start === undefined ? {} : { fiscalYearStart: formatMonthDay(start) }),
    dayFirst,
  };
}

/** The day (`MM-DD`) the text's fiscal year starts, when it states a one-year span that does not start on January 1. */
export function findFiscalYearStart(original: string): string | undefined {
  const text = unglued(original);
  const start = fiscalStart(scanMentions(text), text);
  return start === undefined ? undefined : formatMonthDay(start);
}

/** How far from its end a document's closing date (a signature's, a notice's) is looked for. */
export const CLOSING_DATE_WINDOW = 8000;

/**
 * The date a document's closing block gives it ("Date: May 20, 2026" under a filing's
 * signature), for a document whose opening gives none. Reads the last CLOSING_DATE_WINDOW
 * characters of `original`.
 */
export function findClosingDate(original: string): string | undefined {
  const tail = unglued(original.slice(Math.max(0, original.length - CLOSING_DATE_WINDOW)));
  return closingDateFrom(tail, scanMentions(tail, DAY_TRIGGERS))?.value;
}

export function findDocumentDate(original: string): DocumentDate | undefined {
  return findDocumentContext(original).date;
}
