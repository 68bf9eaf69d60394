// Finding date mentions in linear time: one cheap pass for trigger tokens (month and
// weekday names, year-like numbers, numeric dates, time units, fiscal codes), then the
// rules and chrono run only on small windows around them. Text without date words costs
// one regular-expression scan and nothing else.
import type { DateExpr, Mention } from './expression';
import { chronoMentions } from './chronoDates';
import { extendMentions } from './extend';
import { MONTH_RULES } from './monthRules';
import { QUARTER_RULES } from './quarterRules';
import { reportingPeriods } from './periods';
import { hijriMentions } from './hijri';
import { mergeRanges } from './ranges';
import { RELATIVE_RULES } from './relativeRules';
import { Trigger, type Rule } from './rule';
import { selectMentions } from './select';
import { sentenceYears } from './sentenceYear';
import { WEEKDAY_RULES } from './weekdayRules';
import { YEAR_RULES } from './yearRules';

const RULES: readonly Rule[] = [...MONTH_RULES, ...QUARTER_RULES, ...YEAR_RULES, ...RELATIVE_RULES, ...WEEKDAY_RULES];

const TRIGGER = new RegExp(
  '\\b(\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4})(?!\\d)|\\b(?:' +
    '((?:1[89]|2[01])\\d\\ds?)' +
    '|(january|february|march|april|may|june|july|august|september|october|november|december|' +
    'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)' +
    '|(sunday|monday|tuesday|wednesday|thursday|friday|saturday)' +
    '|(years?|months?|weeks?|weekends?|quarters?|days?|decades?|future)' +
    '|(today|tonight|tomorrow|yesterday|(?:last|this|that|same|next|following)\\s+(?:night|morning|afternoon|evening)|' +
    '(?:last|this|next|past|coming)\\s+(?:spring|summer|autumn|fall|winter)|spring|summer|autumn)' +
    "|(fy(?:\\d{2}|\\d{4})?|fiscal|q[1-4](?:['’]\\d\\d)?|[1-4]q(?:\\d{2}|\\d{4})?|h[12])" +
    ")\\b|['’]\\d0s\\b",
  'gi',
);

const KIND_OF_GROUP = [0, Trigger.Numeric, Trigger.Year, Trigger.Month, Trigger.Weekday, Trigger.Unit, Trigger.Casual, Trigger.Fiscal];

/** Context kept around trigger tokens. Phrases reach at most about 30 characters before
 * their last trigger ("by the end of the fiscal year") and a few after it ("ago"). */
const BEFORE = 40;
const AFTER = 20;
const CHRONO_BEFORE = 24;
const CHRONO_AFTER = 28;
const CHRONO_SLICE_MAX = 240;

interface Window {
  start: number;
  end: number;
  kinds: number;
  /** Slices for chrono, sorted and disjoint. */
  chrono: Array<[number, number]>;
}

/** Space, tab, line breaks and no-break space: where a window may be cut. */
function isBreak(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 0xa0;
}

function snapLeft(text: string, i: number): number {
  const floor = Math.max(0, i - 16);
  while (i > floor && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

function snapRight(text: string, i: number): number {
  const ceiling = Math.min(text.length, i + 16);
  while (i < ceiling && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

/** A lower-case "may", "march" or abbreviation is an ordinary word, not a trigger. */
const LOWER_CASE_MONTHS = new Set([
  'january',
  'february',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

function monthToken(token: string): boolean {
  return token !== token.toLowerCase() || LOWER_CASE_MONTHS.has(token);
}

/** A month name with a day beside it is a job for chrono ("June 27", "10th of June");
 * with a year only ("September 2021") it is not. */
function dayNearMonth(text: string, start: number, end: number): boolean {
  return (
    /^\.?\s{0,3}\d{1,2}(?!\d)/.test(text.slice(end, end + 7)) ||
    /\d(?:st|nd|rd|th)?(?:\s+of)?\s{0,3}$/i.test(text.slice(Math.max(0, start - 10), start))
  );
}

function findWindows(text: string): Window[] {
  const windows: Window[] = [];
  let current: Window | undefined;
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    let group = 1;
    while (group < KIND_OF_GROUP.length && m[group] === undefined) group++;
    let kind = KIND_OF_GROUP[group] ?? Trigger.Year; // the "'90s" alternative
    if (kind === Trigger.Month && !monthToken(m[0])) continue;
    const wantsChrono = kind === Trigger.Numeric || (kind === Trigger.Month && dayNearMonth(text, start, end));
    if (kind === Trigger.Numeric) kind |= Trigger.Year;
    const from = Math.max(0, start - BEFORE);
    const to = Math.min(text.length, end + AFTER);
    if (!current || from > current.end) {
      current = { start: snapLeft(text, from), end: snapRight(text, to), kinds: 0, chrono: [] };
      windows.push(current);
    } else {
      current.end = snapRight(text, to);
    }
    current.kinds |= kind;
    if (wantsChrono) {
      const cFrom = Math.max(current.start, snapLeft(text, start - CHRONO_BEFORE));
      const cTo = Math.min(current.end, snapRight(text, end + CHRONO_AFTER));
      // Slices may overlap rather than grow without bound in a list of dates; a date
      // found twice is chosen once by selectMentions.
      const last = current.chrono[current.chrono.length - 1];
      if (last && cFrom <= last[1] && cTo - last[0] <= CHRONO_SLICE_MAX) last[1] = Math.max(last[1], cTo);
      else current.chrono.push([cFrom, cTo]);
    }
  }
  return windows;
}

function scanWindow(text: string, w: Window): Mention[] {
  const slice = text.slice(w.start, w.end);
  const candidates: Mention[] = [];
  for (const rule of RULES) {
    if ((rule.needs & w.kinds) === 0 || rule.hint?.test(slice) === false) continue;
    const re = rule.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const found = rule.build(m, w.start + m.index, text);
      if (found) candidates.push(found);
    }
  }
  for (const [from, to] of w.chrono) candidates.push(...chronoMentions(text, from, to));
  if (candidates.length === 0) return candidates;
  return extendMentions(text, reportingPeriods(text, mergeRanges(text, selectMentions(candidates)))).filter((m) => !recursYearly(text, m));
}

/** "during January and February each year", "in March every year", "Each year in May": a time that comes back, no date. */
const EACH_YEAR_AFTER = /^[^\S\r\n]+(?:each|every)[^\S\r\n]+year\b/i;
const EACH_YEAR_BEFORE = /\b(?:each|every)[^\S\r\n]+year,?[^\S\r\n]+$/i;

function monthOnly(e: DateExpr): boolean {
  if (e.type === 'range') return monthOnly(e.from) && monthOnly(e.to);
  return e.type === 'calendar' && e.month !== undefined && e.year === undefined && e.day === undefined && e.yearOffset === undefined;
}

function recursYearly(text: string, m: Mention): boolean {
  return (
    monthOnly(m.expr) &&
    (EACH_YEAR_AFTER.test(text.slice(m.end, m.end + 16)) || EACH_YEAR_BEFORE.test(text.slice(Math.max(0, m.start - 16), m.start)))
  );
}

/**
 * A page's read time glued to its date when the markup between them was lost:
 * "March 14, 20255 min read". The digits after the year are blanked (the text keeps its
 * length, so offsets hold) and the year reads as a year again.
 */
const GLUED_READ_TIME = /\b((?:19|20)\d\d)(\d{1,2})(?=[^\S\r\n]?min(?:ute)?s?[^\S\r\n]+read\b)/gi;

/** The other order, "6 min readOctober 16, 2025": the read's last letter is blanked. */
const READ_TIME_GLUED = /(\bmin(?:ute)?s?[^\S\r\n]+rea)d(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))/g;

export function unglued(text: string): string {
  if (!/min(?:ute)?s?[^\S\r\n]+read/i.test(text)) return text;
  return text
    .replace(GLUED_READ_TIME, (_, year: string, digits: string) => year + ' '.repeat(digits.length))
    .replace(READ_TIME_GLUED, '$1 ');
}

/**
 * Triggers a day of the month needs: only month rules and chrono (run where a month name
 * or a numeric date is) state one; reportingPeriods and mergeRanges only rework theirs.
 */
export const DAY_TRIGGERS = Trigger.Month | Trigger.Numeric;

/**
 * Every date mention in `text`, sorted by start and pairwise disjoint. `text` is read as
 * given: callers pass it through `unglued` first (dates.ts does, once per text).
 * With `only`, windows holding none of those triggers are not read: a caller that wants
 * only full days (the document's own date) passes DAY_TRIGGERS. A window's mentions
 * depend on the text, not on the other windows, so the rest are as a full scan finds them
 * (sentenceYears only adds context years, which never make a day).
 */
export function scanMentions(text: string, only?: number): Mention[] {
  const out: Mention[] = [];
  for (const w of findWindows(text)) if (only === undefined || (w.kinds & only) !== 0) out.push(...scanWindow(text, w));
  return sentenceYears(text, withHijri(out, hijriMentions(text)));
}

/** Hijri dates in place of what was read inside them ("Monday" of "Monday 22 Jumada al-Ula 1448H"). */
function withHijri(mentions: Mention[], hijri: readonly Mention[]): Mention[] {
  if (hijri.length === 0) return mentions;
  const kept = mentions.filter((m) => !hijri.some((h) => h.start < m.end && m.start < h.end));
  return [...kept, ...hijri].sort((a, b) => a.start - b.start);
}
