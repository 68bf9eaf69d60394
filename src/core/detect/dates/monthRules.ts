// Dates written with a month name and no day chrono would parse: "September 2021",
// "in March", "early June", "June to August 2020", "Jun 10-12, 2020".
import type { CalendarExpr, Mention } from './expression';
import { isValidDay } from './calendar';
import { afterBoundAtLeast, charBefore, wordAfter, wordBefore } from './context';
import { MONTH, YEAR, YEAR_WORDS_AFTER, looksLikeMonth, monthNumber, yearOffsetOf } from './lexicon';
import { Trigger, type Rule } from './rule';

/** Words after which a lone month name is a month: "in March", "since June". */
const MONTH_CUES = new Set([
  'in',
  'since',
  'from',
  'until',
  'till',
  'til',
  'through',
  'throughout',
  'by',
  'during',
  'before',
  'after',
  'early',
  'late',
  'mid',
  'last',
  'next',
  'this',
  'that',
  'between',
  'starting',
  'beginning',
  'ending',
  'around',
  'into',
  'for',
]);

/** "the end of March", "the first week of June": heads that take "of" + month. */
const OF_HEADS = new Set([
  'end',
  'start',
  'beginning',
  'middle',
  'month',
  'rest',
  'remainder',
  'half',
  'part',
  'ides',
  'week',
  'weeks',
  'days',
  'day',
  'first',
  'last',
  'mid',
]);

/** Verbs that follow "may" the modal, never "May" the month. */
const AFTER_MODAL = new Set([
  'be',
  'have',
  'not',
  'also',
  'well',
  'still',
  'soon',
  'need',
  'want',
  'help',
  'take',
  'make',
  'seem',
  'become',
  'include',
  'get',
  'use',
  'affect',
  'allow',
  'cause',
  'lead',
  'require',
  'contain',
  'find',
  'face',
  'apply',
  'change',
  'continue',
  'result',
  'only',
  'even',
  'never',
  'already',
  'see',
  'receive',
  'choose',
  'wish',
  'decide',
  'access',
]);

const CONNECTED = new RegExp(`(?:${MONTH}|${YEAR}|\\d)[,\\s]*\\s(?:to|and|or|through|thru|until|till)\\s+$`, 'i');

function monthCue(text: string, start: number): boolean {
  const before = wordBefore(text, start).toLowerCase();
  if (MONTH_CUES.has(before)) return true;
  if (before === 'least') return afterBoundAtLeast(text, start);
  if (before === 'of') {
    const head = /([A-Za-z]+)\s+of\s+$/.exec(text.slice(Math.max(0, start - 24), start));
    return OF_HEADS.has((head?.[1] ?? '').toLowerCase());
  }
  if (['to', 'and', 'or', 'through', 'thru', 'until', 'till'].includes(before)) {
    return CONNECTED.test(text.slice(Math.max(0, start - 40), start));
  }
  return false;
}

/** An event a month names as "the June exercise", "the March breach": when it happened. */
const EVENT_AFTER =
  /^[\s\u00A0]+(?:exercises?|incidents?|breach(?:es)?|attacks?|outages?|audits?|assessments?|tests?|drills?|reviews?|inspections?|intrusions?|compromises?|leaks?|hearings?|meetings?|elections?|decisions?|announcements?|filings?|notices?|letters?|surveys?|launch(?:es)?|releases?|updates?|deadlines?)\b/;

function namesAnEvent(text: string, start: number, end: number): boolean {
  return /^the$/i.test(wordBefore(text, start)) && EVENT_AFTER.test(text.slice(end, end + 16));
}

function calendar(year: string | undefined, word: string, day?: string): CalendarExpr | undefined {
  const month = monthNumber(word);
  if (month === undefined) return undefined;
  const expr: CalendarExpr = { type: 'calendar', month };
  if (year !== undefined) expr.year = Number(year);
  if (day !== undefined) expr.day = Number(day);
  return expr;
}

/** The expression, unless it names a day its month does not have ("31 April 2026"). */
function validDay(expr: CalendarExpr | undefined): CalendarExpr | undefined {
  if (!expr || (expr.day !== undefined && !isValidDay(expr.year ?? 2000, expr.month ?? 1, expr.day))) return undefined;
  return expr;
}

/** "September 2021", "mid-June 2020", and "17 August 2013" where chrono misses it
 * (a day glued to markup: "_17 August 2013_"). */
const monthYear: Rule = {
  name: 'month-year',
  needs: Trigger.Month,
  hint: /\d{4}/,
  pattern: new RegExp(
    `(?:(?<![\\d.,:/])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?|\\b(?:(early|mid|late)[\\s-]+)?)(${MONTH}),?\\s+(?:of\\s+)?(${YEAR})\\b(?![.,]?\\d|[-–/]\\d)`,
    'gi',
  ),
  build(m, start) {
    const word = m[3] ?? '';
    if (!looksLikeMonth(word, true)) return undefined;
    const expr = validDay(calendar(m[4], word, m[1]));
    return expr && { start, end: start + m[0].length, expr };
  },
};

/**
 * Thai dates in the Buddhist Era, 543 years ahead of the Gregorian: "31 January B.E. 2570
 * (2027)", "August B.E. 2567"; a Gregorian year in brackets after it is part of the date.
 */
const buddhistEra: Rule = {
  name: 'buddhist-era',
  needs: Trigger.Month,
  hint: /B\.\s?E\./,
  pattern: new RegExp(
    `(?:(?<![\\d.,:/])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?|\\b)(${MONTH}),?\\s+B\\.\\s?E\\.\\s?(2[4-6]\\d\\d)\\b(?:\\s*\\((?:A\\.\\s?D\\.\\s?|C\\.\\s?E\\.\\s?)?\\d{4}\\))?`,
    'gi',
  ),
  build(m, start) {
    const word = m[2] ?? '';
    if (!looksLikeMonth(word, true)) return undefined;
    const expr = validDay(calendar(String(Number(m[3]) - 543), word, m[1]));
    return expr && { start, end: start + m[0].length, expr };
  },
};

const PICK = /\b(last|next|this)\s+$/i;

const bareMonth: Rule = {
  name: 'month',
  needs: Trigger.Month,
  pattern: new RegExp(`\\b(?:(early|mid|late)[\\s-]+)?(${MONTH})(?![\\w-])`, 'gi'),
  build(m, start, text) {
    const word = m[2] ?? '';
    if (!looksLikeMonth(word, false)) return undefined;
    const wordStart = start + m[0].length - word.length;
    if (m[1] === undefined && !monthCue(text, start) && !namesAnEvent(text, start, start + m[0].length)) return undefined;
    // A byline: "By April Glaser".
    if (/^by$/i.test(wordBefore(text, start)) && /^[\s\u00A0]+[A-Z][a-z]/.test(text.slice(start + m[0].length, start + m[0].length + 3))) {
      return undefined;
    }
    if (word.toLowerCase() === 'may') {
      // "May" the modal or the surname: "TikTok May have", "for May's government".
      const end = start + m[0].length;
      if (AFTER_MODAL.has(wordAfter(text, end).toLowerCase()) || /^['’]s\b/.test(text.slice(end, end + 3))) return undefined;
      if (wordBefore(text, start).toLowerCase() === 'for') return undefined;
    }
    const expr = calendar(undefined, word);
    if (!expr) return undefined;
    let from = start;
    let end = start + m[0].length;
    const pick = m[1] === undefined ? PICK.exec(text.slice(Math.max(0, wordStart - 8), wordStart)) : null;
    const year = pick ? null : YEAR_WORDS_AFTER.exec(text.slice(end, end + 20));
    if (pick?.[1]) {
      expr.pick = pick[1].toLowerCase() as CalendarExpr['pick'];
      from = wordStart - pick[0].length;
    } else if (year?.[1]) {
      // "in March last year" is one date: the month of that year.
      expr.yearOffset = yearOffsetOf(year[1]);
      end += year[0].length;
    }
    return { start: from, end, expr };
  },
};

const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const DASH = '\\s*(?:–|—|-|to|through|and)\\s*';

function dayRange(word: string, d1: string, d2: string, year: string | undefined, start: number, length: number): Mention | undefined {
  if (!looksLikeMonth(word, true)) return undefined;
  const a = Number(d1);
  const b = Number(d2);
  if (!(a >= 1 && b > a && b <= 31)) return undefined;
  const from = calendar(year, word, d1);
  const to = calendar(year, word, d2);
  return from && to ? { start, end: start + length, expr: { type: 'range', from, to } } : undefined;
}

const dayRangeMiddle: Rule = {
  name: 'day-range',
  needs: Trigger.Month,
  hint: /\d\s*(?:–|—|-|to|through|and)\s*\d/i,
  pattern: new RegExp(`\\b(${MONTH})\\s*${DAY}${DASH}${DAY}\\b(?:,?\\s*(${YEAR})\\b)?(?![.,:]?\\d)`, 'gi'),
  build: (m, start) => dayRange(m[1] ?? '', m[2] ?? '', m[3] ?? '', m[4], start, m[0].length),
};

const dayRangeLittle: Rule = {
  name: 'day-range',
  needs: Trigger.Month,
  hint: /\d\s*(?:–|—|-|to|through|and)\s*\d/i,
  pattern: new RegExp(`\\b${DAY}${DASH}${DAY}\\s+(?:of\\s+)?(${MONTH})(?:,?\\s*(${YEAR})\\b)?(?![.,:]?\\d)`, 'gi'),
  build(m, start, text) {
    if (/[\d.,]/.test(charBefore(text, start))) return undefined;
    return dayRange(m[3] ?? '', m[1] ?? '', m[2] ?? '', m[4], start, m[0].length);
  },
};

const monthRange: Rule = {
  name: 'month-range',
  needs: Trigger.Month,
  hint: /\d{4}/,
  pattern: new RegExp(`\\b(${MONTH})\\s*(?:–|—|-|to|through|and)\\s*(${MONTH}),?\\s+(${YEAR})\\b(?![.,]?\\d)`, 'gi'),
  build(m, start) {
    const w1 = m[1] ?? '';
    const w2 = m[2] ?? '';
    if (!looksLikeMonth(w1, true) || !looksLikeMonth(w2, true)) return undefined;
    const year = Number(m[3]);
    const to = calendar(m[3], w2);
    const from = calendar(undefined, w1);
    if (!from || !to || from.month === undefined || to.month === undefined) return undefined;
    from.year = from.month > to.month ? year - 1 : year;
    return { start, end: start + m[0].length, expr: { type: 'range', from, to } };
  },
};

/**
 * "in January and February": two months in a row without a year, one span read as the
 * first month is (its year from the document's date and the clause's tense).
 */
const monthPair: Rule = {
  name: 'month-pair',
  needs: Trigger.Month,
  hint: /\sand\s/i,
  pattern: new RegExp(`\\b(${MONTH})\\s+and\\s+(${MONTH})\\b(?![\\w-]|,?\\s+(?:\\d|of\\s+\\d))`, 'gi'),
  build(m, start, text) {
    const w1 = m[1] ?? '';
    const w2 = m[2] ?? '';
    if (!looksLikeMonth(w1, true) || !looksLikeMonth(w2, true)) return undefined;
    // The last two of a list ("in May, June and July") are items, not a span.
    if (/,\s*$/.test(text.slice(Math.max(0, start - 4), start))) return undefined;
    const from = calendar(undefined, w1);
    const to = calendar(undefined, w2);
    if (!from || !to || from.month === undefined || to.month === undefined || to.month !== from.month + 1) return undefined;
    return { start, end: start + m[0].length, expr: { type: 'range', from, to } };
  },
};

export const MONTH_RULES: readonly Rule[] = [monthYear, bareMonth, dayRangeMiddle, dayRangeLittle, monthRange, monthPair, buddhistEra];
