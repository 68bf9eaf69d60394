// chrono-node reads the dates with a day in them ("Jun 10, 2020", "10 June 2020",
// "Friday, June 10", "2020-06-10", "6/10/2020", "10-12 June 2020"). It runs on small
// slices around a month name or numeric date only: over whole paragraphs it is the
// slowest part of the pipeline by far. Its strict parser is enough for these forms; the
// relative and partial forms are read by this detector's own rules, which know the
// conventions of news text and its false friends ("may", "march", "the Sun").
import { Chrono, ParsingContext, strict, type ParsedComponents, type Parser } from 'chrono-node';
import type { CalendarExpr, Mention } from './expression';
import { isValidDay } from './calendar';
import { MONTH, YEAR_WORDS_AFTER, looksLikeMonth, yearOffsetOf } from './lexicon';
import { fillYear } from './ranges';

/** Dates with a day; the parsers of time expressions and durations ("5 pm", "in 2 days",
 * "3 days ago") are dropped, which halves chrono's cost. Parsers are chosen by what they
 * match, not by class name, which a minifying bundler would erase. */
const WANTED = ['June 10, 2020', '10 June 2020', 'Friday, June 10', '6/10/2020', '2020-06-10'];
const UNWANTED = ['5 pm', 'in 2 days', '3 days ago', 'at 10:30'];

let dateChrono: Chrono | undefined;

function chronoForDates(): Chrono {
  if (dateChrono) return dateChrono;
  const context = new ParsingContext('', new Date(0));
  const wanted = (p: Parser): boolean => {
    const re = p.pattern(context);
    const test = (sample: string): boolean => {
      re.lastIndex = 0;
      return re.test(sample);
    };
    const keep = WANTED.some(test) && !UNWANTED.some(test);
    re.lastIndex = 0;
    return keep;
  };
  const parsers = strict.parsers.filter(wanted);
  dateChrono = parsers.length > 0 ? new Chrono({ parsers, refiners: strict.refiners }) : strict;
  return dateChrono;
}

/** chrono fills missing parts from a reference; only stated (certain) parts are kept. */
const CHRONO_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));
const MONTH_WORDS = new RegExp(MONTH, 'gi');
const NUMERIC_DATE = /\d{1,4}[./-]\d{1,2}[./-]\d{2,4}/;

function calendarOf(c: ParsedComponents, requireMonth: boolean): CalendarExpr | undefined {
  const month = c.isCertain('month') || (!requireMonth && c.isCertain('day')) ? c.get('month') : null;
  if (month === null) return undefined;
  const expr: CalendarExpr = { type: 'calendar', month };
  if (c.isCertain('year')) expr.year = c.get('year') ?? undefined;
  if (c.isCertain('day')) expr.day = c.get('day') ?? undefined;
  if (c.isCertain('weekday')) expr.weekday = c.get('weekday') ?? undefined;
  if (expr.year === undefined) delete expr.year;
  if (expr.day === undefined) delete expr.day;
  if (expr.weekday === undefined) delete expr.weekday;
  return expr;
}

/** The month words in a result must look like months ("May 5", not "may 5"). */
function plausible(resultText: string, text: string, start: number, end: number): boolean {
  // The tail of a longer figure: "Version 1.2 August 2020".
  if (/\d[.,:/-]?$/.test(text.slice(Math.max(0, start - 2), start))) return false;
  const words = resultText.match(MONTH_WORDS);
  if (words) return words.every((w) => looksLikeMonth(w, true));
  if (!NUMERIC_DATE.test(resultText)) return false;
  // Part of a version number, an address or a longer figure.
  return !/[\d.]/.test(text.charAt(start - 1)) && !/^[.\d/-]\d/.test(text.slice(end, end + 2));
}

/** A month and day, then a comma and two digits: chrono reads them as the year. */
const MONTH_DAY_SHORT_YEAR = /(?<=[A-Za-z]\.?\s+\d{1,2}(?:st|nd|rd|th)?|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,}\.?),\s*\d{2}$/;

/** "10.06.2020": dotted dates are written day first wherever they are used; chrono
 * reads them month first, as it reads slashed ones. */
function dotted(body: string): CalendarExpr | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(body);
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(year, month, day) ? { type: 'calendar', year, month, day } : undefined;
}

function fourDigitYear(e: CalendarExpr): boolean {
  return e.year === undefined || (e.year >= 1000 && e.year <= 9999);
}

/** "May 14 '26": this century's years only, as forums print recent posts. */
const APOSTROPHE_YEAR = /^,?\s['’](\d\d)\b(?![.,:/-]?\d)/;

/** Mentions chrono finds in `text.slice(from, to)`, with offsets in `text`. */
export function chronoMentions(text: string, from: number, to: number): Mention[] {
  const out: Mention[] = [];
  for (const r of chronoForDates().parse(text.slice(from, to), CHRONO_REFERENCE)) {
    const raw = r.text;
    const lead = raw.length - raw.trimStart().length;
    let body = raw.trim().replace(/[\s,;:]+$/, '');
    // "on September 18, 59 days later": a count after the comma, not a year ('59).
    const shortYear = MONTH_DAY_SHORT_YEAR.exec(body);
    if (shortYear !== null) body = body.slice(0, shortYear.index);
    const start = from + r.index + lead;
    const end = start + body.length;
    if (!plausible(body, text, start, end)) continue;
    const first = dotted(body) ?? calendarOf(r.start, true);
    if (first !== undefined && shortYear !== null) delete first.year;
    if (!first) continue;
    const last = r.end ? calendarOf(r.end, false) : undefined;
    // "June 27be": chrono reads "be" as the Buddhist era, a year before 1000; no text here dates one.
    if (!fourDigitYear(first) || (last !== undefined && !fourDigitYear(last))) continue;
    const expr: Mention['expr'] = last ? { type: 'range', from: fillYear(first, last), to: last } : first;
    // "May 14 '26": a forum's date, its year cut to two digits after an apostrophe.
    const shortened = last || first.year !== undefined || first.day === undefined ? null : APOSTROPHE_YEAR.exec(text.slice(end, end + 5));
    if (shortened) {
      first.year = 2000 + Number(shortened[1]);
      out.push({ start, end: end + shortened[0].length, expr });
      continue;
    }
    // "by September 1 of this year": one date, the day in the year the words name.
    const ofYear = last || first.year !== undefined || first.month === undefined ? null : YEAR_WORDS_AFTER.exec(text.slice(end, end + 20));
    if (ofYear) {
      first.yearOffset = yearOffsetOf(ofYear[1] ?? '');
      out.push({ start, end: end + ofYear[0].length, expr });
      continue;
    }
    out.push({ start, end, expr });
  }
  return out;
}
