// Years on their own ("In 2021", "dated 2020", "since 2019"), year ranges ("2019-2021"),
// decades ("the 1990s") and qualified years ("mid-2023"). A four-digit number is a year
// only when its context says so: most such numbers in reports are counts and codes.
//
// A year that names an edition ("the 2022 edition of the standard", "certificates
// issued against the 2013 version", "the 2017 criteria") is part of a name, like the
// ":2013" of "ISO/IEC 27001:2013": it places nothing on a timeline, so it is not a
// date. A year that dates a thing or an event still is: "a 2020 report" was written in
// 2020, "the 2020 election" took place then, "in 2021" and "since 2019" are times.
import type { CalendarExpr, Mention } from './expression';
import { afterBoundAtLeast, atSentenceStart, wordAfter, wordBefore } from './context';
import { MONTH, SEASON_FIRST_MONTH, YEAR } from './lexicon';
import { Trigger, type Rule } from './rule';

/** Words after which a four-digit number is a year. */
const YEAR_CUES = new Set([
  'in',
  'since',
  'from',
  'until',
  'till',
  'til',
  'through',
  'thru',
  'throughout',
  'by',
  'during',
  'before',
  'after',
  'circa',
  'ca',
  'c',
  'around',
  'dated',
  'of',
  'early',
  'mid',
  'late',
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
  'year',
  'between',
  'starting',
  'effective',
  'into',
  'beginning',
  'ending',
  'covering',
  'covers',
]);

/** A figure set against a year: "up 18% on 2024", "31 more than in 2024", "compared with 2024", "versus 2024". */
const AGAINST_YEAR =
  /(?:(?:%|\bper\s*cent\b|\b(?:up|down|rise|rose|risen|fall|fell|fallen|increased?|decreased?)\b)[^.;\r\n]{0,12}\b(?:on|over|from)|\bcompared\s+(?:with|to)|\bversus|\bvs\.?)\s+$/i;

/** "our security budget for 2026 is 30% higher": the year a plan or a figure is for. */
const PLANNED_FOR =
  /\b(?:budgets?|plans?|targets?|goals?|forecasts?|guidance|outlook|priorities|roadmap|spending|spend|objectives|results|revenues?)\s+for\s+$/i;

/** "the Securities Exchange Act of 1934", "Act 4 of 2013": a year that is part of a law's name. */
const NAMED_BY_YEAR =
  /\b(?:Act|Acts|ACT|Law|Code|Statute|Ordinance|Regulations?|Amendments?|Convention|Treaty|Standard|Directive|Decree|Notice|Circular)(?:[^\S\r\n]+(?:No\.?[^\S\r\n]*)?\d{1,4}[A-Z]?)?[^\S\r\n]+(?:of|OF)[^\S\r\n]+$/;

/** Determiners before an attributive year: "the 2020 election", "its 2021 report". */
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'our',
  'my',
  'your',
  'whose',
  'this',
  'that',
  'these',
  'those',
  'each',
]);

/** Verbs after a year that opens a sentence: "2020 was a hard year". */
const SUBJECT_VERBS = new Set([
  'was',
  'is',
  'has',
  'had',
  'saw',
  'brought',
  'will',
  'marked',
  'began',
  'ended',
  'became',
  'proved',
  'turned',
]);

/**
 * After the year, an edition noun, possibly behind one word that qualifies editions:
 * "2022 edition", "2013 version", "2017 criteria", "2019 revised standard".
 */
const EDITION_AFTER =
  /^[\s\u00A0]+(?:(?:revised|updated|amended|new|latest|current|original|final|draft|consolidated|official)[\s\u00A0]+)?(?:editions?|versions?|releases?|revisions?|criteria|standards?|models?|specifications?|specs?|baselines?|frameworks?|catalog(?:ue)?s?|iterations?|requirements|controls)\b(?!['’-])/i;

const COUNTED =
  /^(?:people|persons|employees|users|staff|workers|members|customers|companies|firms|jobs|units|accounts|devices|apps|servers|engineers|experts|times|dollars|euros|pounds|yuan|rupees)$/i;

/** Numbers glued to the left: figures, codes, phone numbers, standard numbers. */
const GLUED_BEFORE =
  /(?:\d[\s.,:/–-]?|[$€£¥#§+]|\b(?:no|nos|number|iso|iec|sp|nist|rfc|cve|art|article|section|sec|part|rule|form|model|version|ver|v|route|room|suite|box|flight|level|chapter|item|page|pp?|vol|issue|ticket|id|pin|zip|ext|tel|phone|fax|windows|office|server|circular|bulletin|advisory|directive|docket|memorandum|memo|opinion|ruling|case)\.?\s*[:#]?\s*)$/i;

/** Numbers glued to the right: decimals, further digits, percentages, units, codes. */
const GLUED_AFTER = /^(?:[.,]\d|[-–/:]\d|\d|\s?%|\s(?:percent|per\s?cent|px|km|kg|mb|gb|tb|mhz|ghz|ms)\b)/i;

export function gluedBefore(text: string, start: number): boolean {
  return GLUED_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

export function gluedToFigure(text: string, start: number, end: number): boolean {
  return gluedBefore(text, start) || GLUED_AFTER.test(text.slice(end, end + 10));
}

/** A year listed after another date: "2019 and 2020", "2019, 2020", "June to 2021". */
const FOLLOWS_DATE = new RegExp(`(?:${MONTH}|\\b${YEAR})(?:[,\\s]*\\s(?:to|and|or|through|thru|until|till)\\s+|,\\s+)$`, 'i');

/** Length of the line holding [start, end), counted at most 80 characters each way. */
function lineLength(text: string, start: number, end: number): number {
  let a = start;
  while (a > 0 && start - a < 80 && !/[\r\n]/.test(text.charAt(a - 1))) a--;
  let b = end;
  while (b < text.length && b - end < 80 && !/[\r\n]/.test(text.charAt(b))) b++;
  return b - a;
}

function cued(text: string, start: number, end: number, year: number): boolean {
  if (EDITION_AFTER.test(text.slice(end, end + 40))) return false;
  const before = wordBefore(text, start).toLowerCase().replace(/\.$/, '');
  const after = wordAfter(text, end);
  // A count: "in 2000 cities", "of 1900 firms", "2019, 2021 people". Round numbers are
  // counts before any plural; after "in" or "since" other numbers are years ("in 2019
  // users complained"), elsewhere they are counts before words for what is counted.
  if (year % 100 === 0 && /^(?:[a-z]+s|people|staff|personnel|children|men|women)$/.test(after)) return false;
  if (before === 'of' && NAMED_BY_YEAR.test(text.slice(Math.max(0, start - 24), start))) return false;
  if (YEAR_CUES.has(before)) return !(before === 'of' && year % 100 === 0);
  if (AGAINST_YEAR.test(text.slice(Math.max(0, start - 40), start))) return !COUNTED.test(after);
  if (before === 'least' && afterBoundAtLeast(text, start)) return true;
  // A table cell holding a year: "| FedRAMP Moderate | 2027 |".
  if (/\|[^\S\r\n]*$/.test(text.slice(Math.max(0, start - 3), start)) && /^[^\S\r\n]*(?:\||$)/m.test(text.slice(end, end + 3))) return true;
  if (COUNTED.test(after)) return false;
  if (FOLLOWS_DATE.test(text.slice(Math.max(0, start - 40), start))) return true;
  if (['to', 'and', 'or', 'through', 'thru', 'until', 'till'].includes(before)) return false;
  const next = text.slice(end, end + 3);
  if (/^['’]s\b/.test(next)) return true;
  // "(2019)", "(Smith, 2019)", "(Reuters, 2020; …)": a citation's year; not a version
  // ("ISO/IEC 27001 (2013)", "SOC 2 (2022)").
  const head = text.slice(Math.max(0, start - 62), start);
  if (/^[);]/.test(next) && /\((?:[^()\r\n]{1,60},\s*)?$/.test(head) && !/(?:\b[A-Z]{2,}[\w/-]*|\d)\s*\($/.test(head)) {
    return true;
  }
  // A copyright year dates the page's rights, not an event: not on a timeline.
  if (/(?:©|\(c\)|copyright)\s*$/i.test(head)) return false;
  // A heading that ends in its year: "Transparency Report 2022".
  if (
    /^[^\S\r\n]*(?:[\r\n]|$)/.test(text.slice(end, end + 4)) &&
    /^[A-Z]/.test(before === '' ? '' : wordBefore(text, start)) &&
    year % 100 !== 0 &&
    lineLength(text, start, end) <= 60
  ) {
    return true;
  }
  if (before === 'for' && (/^[,.;:)]/.test(next) || PLANNED_FOR.test(text.slice(Math.max(0, start - 24), start)))) return true;
  if (DETERMINERS.has(before) || /['’]s$/.test(before)) {
    return year % 100 !== 0 && /^[a-z][a-z-]*$/.test(after);
  }
  if (atSentenceStart(text, start)) {
    // "2020 was a hard year", "2018: founded", "2019 – first audit", "2021, however, …".
    return /^(?:,|:|\s[-–—]\s)/.test(text.slice(end, end + 3)) || SUBJECT_VERBS.has(after.toLowerCase());
  }
  return false;
}

const bareYear: Rule = {
  name: 'year',
  needs: Trigger.Year,
  pattern: new RegExp(`\\b(${YEAR})\\b`, 'g'),
  build(m, start, text) {
    const end = start + m[0].length;
    const year = Number(m[1]);
    if (gluedToFigure(text, start, end) || !cued(text, start, end, year)) return undefined;
    return { start, end, expr: { type: 'calendar', year } };
  },
};

const yearRange: Rule = {
  name: 'year-range',
  needs: Trigger.Year,
  hint: /\d{4}\s*(?:–|—|-|\/|to|through|thru|until|till|and)\s*\d/i,
  pattern: new RegExp(
    `\\b(?:(between|from)\\s+)?(${YEAR})\\s*(–|—|-|/|to|through|thru|until|till|and)\\s*(${YEAR}|\\d\\d)\\b(?![-–/.,:]?\\d)`,
    'gi',
  ),
  build(m, start, text) {
    const lead = m[1]?.toLowerCase();
    const yearStart = start + m[0].indexOf(m[2] ?? '');
    const end = start + m[0].length;
    if (gluedBefore(text, yearStart)) return undefined;
    const y1 = Number(m[2]);
    const gap = (m[3] ?? '').toLowerCase();
    const second = m[4] ?? '';
    // "in 2026 and 2027" is the two years as one span, as readers (and keys) take it; "2019
    // and 2023" are two dates.
    // The last two of a list ("In 2019, 2020 and 2021") are items, not a span.
    if (
      gap === 'and' &&
      lead !== 'between' &&
      (second.length !== 4 || Number(second) !== y1 + 1 || /,\s*$/.test(text.slice(Math.max(0, yearStart - 4), yearStart)))
    )
      return undefined;
    let y2 = Number(second);
    if (second.length === 2) {
      y2 = Math.floor(y1 / 100) * 100 + y2;
      if (y2 <= y1 && gap === '-' && Number(second) >= 1 && Number(second) <= 12) {
        // "2020-06": an ISO year and month, not a range of years.
        return { start: yearStart, end, expr: { type: 'calendar', year: y1, month: Number(second) } };
      }
      if (y2 <= y1) y2 += 100;
      // "2025-26" is a span of years; "2025-91" is a release or case number.
      if (y2 - y1 > 10) return undefined;
    }
    if (y2 <= y1 || y2 - y1 > 100) return undefined;
    if (gap === '/' && y2 !== y1 + 1) return undefined;
    const from: CalendarExpr = { type: 'calendar', year: y1 };
    const to: CalendarExpr = { type: 'calendar', year: y2 };
    return { start, end, expr: { type: 'range', from, to } };
  },
};

const decade: Rule = {
  name: 'decade',
  needs: Trigger.Year,
  hint: /\d0s\b/i,
  pattern: /(?:\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?)?(?:\b(1[89]\d0|20\d0)s\b|['’](\d)0s\b)/gi,
  build(m, start) {
    let first = Number(m[1]);
    if (m[1] === undefined) {
      const d = Number(m[2]);
      first = (d >= 3 ? 1900 : 2000) + d * 10;
    }
    const expr: Mention['expr'] = {
      type: 'range',
      from: { type: 'calendar', year: first },
      to: { type: 'calendar', year: first + 9 },
    };
    return { start, end: start + m[0].length, expr };
  },
};

const qualifiedYear: Rule = {
  name: 'qualified-year',
  needs: Trigger.Year,
  hint: /early|mid|late|spring|summer|autumn|fall|winter/i,
  pattern: new RegExp(`\\b(early|mid|late|spring|summer|autumn|fall|winter)(?:\\s+of)?[\\s-]+(${YEAR})\\b(?![-–/.,:]?\\d)`, 'gi'),
  build(m, start, text) {
    const end = start + m[0].length;
    if (gluedToFigure(text, end - 4, end)) return undefined;
    const year = Number(m[2]);
    // A season of one year is its three months; "early 2024", "winter 2024" are the year,
    // and "mid-2028" its middle month, as readers and most keys take it.
    const qualifier = (m[1] ?? '').toLowerCase();
    if (qualifier === 'mid') return { start, end, expr: { type: 'calendar', year, month: 6 } };
    const first = SEASON_FIRST_MONTH[qualifier];
    return { start, end, expr: first === undefined ? { type: 'calendar', year } : { type: 'season', first, year } };
  },
};

/**
 * "year-end 2024", "by end-2024", "the end of year 2023": the end of a stated year,
 * given as that year, as "by the end of 2024" is.
 */
const yearEnd: Rule = {
  name: 'year-end',
  needs: Trigger.Year,
  hint: /end[\s-]+(?:of[\s-]+year\s+)?\d/i,
  pattern: new RegExp(
    `\\b(?:(?:by|at|before|until|till|through|from|since|in|for)\\s+)?(?:the\\s+)?(?:year[\\s-]?end|end[\\s-]of[\\s-]year|end-)\\s*(${YEAR})\\b(?![-–/.,:]?\\d)`,
    'gi',
  ),
  build(m, start, text) {
    const end = start + m[0].length;
    if (gluedToFigure(text, end - 4, end)) return undefined;
    return { start, end, expr: { type: 'calendar', year: Number(m[1]) } };
  },
};

export const YEAR_RULES: readonly Rule[] = [bareYear, yearRange, decade, qualifiedYear, yearEnd];
