// Expressions relative to the reference date, as news and corporate text writes them:
// "earlier this year", "last month", "over the past few years", "in the coming months",
// "by the end of the year", "two years ago", "yesterday", "this weekend".
import type { DateExpr, Mention, Unit } from './expression';
import { atSentenceStart, clauseBefore, futureClause, wordBefore } from './context';
import { COUNT, countValue, SEASON_FIRST_MONTH } from './lexicon';
import { Trigger, type Rule } from './rule';

function unitOf(word: string): { unit: Unit; factor: number } {
  const w = word.toLowerCase().replace(/s$/, '');
  if (w === 'decade') return { unit: 'year', factor: 10 };
  if (w === 'day' || w === 'week' || w === 'month' || w === 'quarter' || w === 'year') {
    return { unit: w, factor: 1 };
  }
  return { unit: 'day', factor: 1 };
}

function make(start: number, m: RegExpExecArray, expr: DateExpr): Mention {
  return { start, end: start + m[0].length, expr };
}

/** "this year", "last month", "next week", "earlier this year", "late last year". */
const thisLastNext: Rule = {
  name: 'this-last-next',
  needs: Trigger.Unit,
  hint: /this|last|next/i,
  pattern:
    /\b(?:(?:earlier|later|early|late)\s+(?:in\s+)?)?(this\s+past|this\s+coming|this|last|next)\s+(year|month|week|quarter)\b(?![-\w])/gi,
  build(m, start, text) {
    // "the last year", "the next month": a period or an anaphor, left to `period`.
    if (/\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start))) return undefined;
    const which = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const amount = which === 'last' || which === 'this past' ? -1 : which === 'this' ? 0 : 1;
    const { unit } = unitOf(m[2] ?? '');
    return make(start, m, { type: 'shift', unit, amount });
  },
};

/** "the current year", "the present quarter". */
const current: Rule = {
  name: 'current',
  needs: Trigger.Unit,
  hint: /current|present/i,
  pattern: /\b(?:(?:earlier|later)\s+(?:in\s+)?)?the\s+(?:current|present)\s+(year|month|week|quarter)\b/gi,
  build: (m, start) => make(start, m, { type: 'shift', unit: unitOf(m[1] ?? '').unit, amount: 0 }),
};

/**
 * "over the last year", "in the past few years", "the next two months", "the following
 * year". "past"/"last" reach back from the reference; "next"/"coming" reach forward when
 * a preposition makes them a period, and are anaphors otherwise, like "following".
 */
const period: Rule = {
  name: 'period',
  needs: Trigger.Unit,
  hint: /the\s+(?:past|last|previous|preceding|next|coming|following|upcoming|prior)\s/i,
  pattern: new RegExp(
    `\\b(?:(over|in|during|for|within|throughout|from)\\s+)?the\\s+(past|last|previous|preceding|next|coming|following|upcoming|prior)\\s+(?:(${COUNT})(\\s*(?:to|-|–|or)\\s*${COUNT})?\\s+)?(days?|weeks?|months?|quarters?|years?|decades?)\\b(?!-)`,
    'gi',
  ),
  build(m, start, text) {
    const end = start + m[0].length;
    // "the last week of June" is part of June; "the past year's results" is fine.
    if (/^\s+of\b/i.test(text.slice(end, end + 4))) return undefined;
    const prep = m[1]?.toLowerCase();
    const which = (m[2] ?? '').toLowerCase();
    const unitWord = m[5] ?? '';
    const { unit, factor } = unitOf(unitWord);
    const plural = /s$/i.test(unitWord);
    // "the next 12 to 18 months" has no single far end.
    const count = m[4] !== undefined ? undefined : m[3] === undefined ? (plural ? undefined : 1) : countValue(m[3]);
    const anaphor = which === 'previous' || which === 'preceding' || which === 'following' || which === 'prior';
    const future = which === 'next' || which === 'coming' || which === 'upcoming';
    if (anaphor || (future && prep === undefined && which === 'next')) {
      // "the following day", "the previous year": one step from the date before it.
      if (count !== 1 || factor !== 1 || unit === 'quarter') return make(start, m, { type: 'vague' });
      return make(start, m, { type: 'anaphor', unit, amount: which === 'following' || which === 'next' ? 1 : -1 });
    }
    return make(start, m, {
      type: 'period',
      unit,
      direction: future ? 'future' : 'past',
      ...(count === undefined ? {} : { count: count * factor }),
    });
  },
};

/**
 * "the same evening", "that same week", "later that day", "the next morning", "the day before": told from
 * the date before it in the text (anaphors.ts), like "the following day" above.
 */
const sameOrNext: Rule = {
  name: 'same-or-next',
  needs: Trigger.Unit | Trigger.Casual,
  hint: /\bsame\s|\bthat\s+(?:day|morning|afternoon|evening|night)\b|\b(?:next|following)\s+(?:morning|afternoon|evening|night)|\b(?:before|after)\s*(?:[,.;:)]|$)/i,
  pattern:
    /\b(?:(?:on|by|until|later|earlier)\s+)?(?:that|the)\s+same\s+(day|morning|afternoon|evening|night|week|month|year)\b|\b(?:(?:on|by|until|later|earlier)\s+)?that\s+(day|morning|afternoon|evening|night)\b|\bthe\s+(next|following)\s+(morning|afternoon|evening|night)\b|\bthe\s+(day|night|week|month|year)\s+(before|after)(?=\s*[,.;:)]|\s*$)/gi,
  build(m, start) {
    const word = (m[1] ?? m[2] ?? m[4] ?? m[5] ?? '').toLowerCase();
    const unit = word === 'week' || word === 'month' || word === 'year' ? word : 'day';
    // "same" and "that" stay, "next"/"following"/"after" steps on, "before" back.
    const amount = m[1] !== undefined || m[2] !== undefined ? 0 : m[3] !== undefined || (m[6] ?? '').toLowerCase() === 'after' ? 1 : -1;
    return make(start, m, { type: 'anaphor', unit, amount, needsAntecedent: true });
  },
};

/** "Five days later", "two weeks afterwards", "a year earlier": counted from the date before it. */
const later: Rule = {
  name: 'later',
  needs: Trigger.Unit,
  hint: /(?:days?|weeks?|months?|years?)\s+(?:later|afterwards?|earlier)/i,
  pattern: new RegExp(`\\b(${COUNT})\\s+(days?|weeks?|months?|years?)\\s+(later|afterwards?|earlier)\\b`, 'gi'),
  build(m, start, text) {
    // "more than four months later", "about a week later": no one day to place.
    if (/\b(?:than|about|around|roughly|nearly|almost|some|over|under|few)\s+$/i.test(text.slice(Math.max(0, start - 12), start)))
      return undefined;
    const count = countValue(m[1] ?? '');
    if (count === undefined) return undefined;
    const { unit } = unitOf(m[2] ?? '');
    const sign = (m[3] ?? '').toLowerCase() === 'earlier' ? -1 : 1;
    // A week later is a day: the antecedent's day seven on.
    if (unit === 'week') return make(start, m, { type: 'anaphor', unit: 'day', amount: sign * 7 * count, needsAntecedent: true });
    // The pattern names no quarters; the test tells the type so.
    if (unit === 'quarter') return undefined;
    return make(start, m, { type: 'anaphor', unit, amount: sign * count, needsAntecedent: true });
  },
};

/** "earlier in the year", "later in the week": the reference's year or week. */
const inThe: Rule = {
  name: 'in-the',
  needs: Trigger.Unit,
  hint: /in\s+the\s/i,
  pattern: /\b(?:earlier|later)\s+in\s+the\s+(year|month|week)\b/gi,
  build: (m, start) => make(start, m, { type: 'shift', unit: unitOf(m[1] ?? '').unit, amount: 0 }),
};

/** "in the new year", said as a year draws to its end: the next calendar year. */
const newYear: Rule = {
  name: 'new-year',
  needs: Trigger.Unit,
  hint: /new\s+year/i,
  pattern: /\b(?:(?:early|later?)\s+)?in\s+the\s+new\s+year\b/gi,
  build: (m, start) => make(start, m, { type: 'shift', unit: 'year', amount: 1 }),
};

/** "in the year ahead", "over the months ahead". */
const ahead: Rule = {
  name: 'ahead',
  needs: Trigger.Unit,
  hint: /ahead/i,
  pattern: /\b(?:(?:in|over|during|for)\s+)?the\s+(years?|months?|weeks?|days?|decades?)\s+ahead\b/gi,
  build(m, start) {
    const word = m[1] ?? '';
    const { unit, factor } = unitOf(word);
    const count = /s$/i.test(word) ? undefined : factor;
    return make(start, m, { type: 'period', unit, direction: 'future', ...(count === undefined ? {} : { count }) });
  },
};

/** "in recent years", "in the near future". */
const vague: Rule = {
  name: 'vague',
  needs: Trigger.Unit,
  hint: /recent|future/i,
  pattern:
    /\b(?:(?:in|over|during)\s+recent\s+(?:years|months|weeks|decades)|(?:in|into)\s+the\s+(?:near|not[\s-]+too[\s-]+distant|foreseeable|immediate)\s+future)\b/gi,
  build: (m, start) => make(start, m, { type: 'vague' }),
};

/** "by the end of the year", "at the start of next month", "by year-end". */
const partOf: Rule = {
  name: 'part-of',
  needs: Trigger.Unit,
  hint: /(?:end|start|beginning|middle|close|turn|rest|remainder)\s+of\s|[\s-]end\b/i,
  pattern:
    /\b(?:(?:by|at|before|until|till|through|toward|towards|around|near|from|since|in|for)\s+)?(?:the\s+)?(?:end|start|beginning|middle|close|turn|rest|remainder)\s+of\s+(?:the\s+)?(?:(this|last|next|current|previous|coming|same|following)\s+)?(year|month|week|quarter|decade|(?:fiscal|calendar)\s+year)\b(?![\s\u00A0]*['’-]?[\s\u00A0]*\d)|\b(?:by|at|before|until|through)\s+(?:the\s+)?(year|month|quarter)[\s-]?end\b/gi,
  build(m, start) {
    const which = m[1]?.toLowerCase();
    const unitWord = (m[2] ?? m[3] ?? '').toLowerCase().replace(/^(?:fiscal|calendar)\s+/, '');
    if (which === 'same' || which === 'previous' || which === 'following' || unitWord === 'decade') {
      return make(start, m, { type: 'vague' });
    }
    const amount = which === 'last' ? -1 : which === 'next' || which === 'coming' ? 1 : 0;
    return make(start, m, { type: 'shift', unit: unitOf(unitWord).unit, amount });
  },
};

/** "before the year is out", "by the time the month ends": the reference's year or month. */
const isOut: Rule = {
  name: 'is-out',
  needs: Trigger.Unit,
  hint: /\b(?:before|by\s+the\s+time)\s+the\s/i,
  pattern: /\b(?:before|by\s+the\s+time)\s+the\s+(year|month|week|quarter)\s+(?:is\s+(?:out|over|up|done)|ends|closes|runs\s+out)\b/gi,
  build: (m, start) => make(start, m, { type: 'shift', unit: unitOf(m[1] ?? '').unit, amount: 0 }),
};

/** "by year's end", "before the month's end": the same time as "by the end of the year". */
const possessiveEnd: Rule = {
  name: 'possessive-end',
  needs: Trigger.Unit,
  hint: /['’]s\s+end\b/i,
  pattern: /\b(?:(?:by|at|before|until|till|through|toward|towards|around|near)\s+)?(?:the\s+)?(year|month|week|quarter)['’]s\s+end\b/gi,
  build: (m, start) => make(start, m, { type: 'shift', unit: unitOf(m[1] ?? '').unit, amount: 0 }),
};

const PRECISION: Readonly<Record<Unit, Unit>> = {
  day: 'day',
  week: 'day',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};

/** "two years ago", "three weeks ago", "a few months ago", "in two weeks' time". */
const ago: Rule = {
  name: 'ago',
  needs: Trigger.Unit,
  hint: /ago\b|from\s+now|hence/i,
  pattern: new RegExp(`\\b(${COUNT})\\s+(days?|weeks?|months?|years?|decades?)\\s+(ago|from\\s+now|hence)\\b`, 'gi'),
  build(m, start) {
    const count = countValue(m[1] ?? '');
    if (count === undefined) return make(start, m, { type: 'vague' });
    const { unit, factor } = unitOf(m[2] ?? '');
    const sign = (m[3] ?? '').toLowerCase() === 'ago' ? -1 : 1;
    const days = unit === 'week';
    return make(start, m, {
      type: 'shift',
      unit: days ? 'day' : unit,
      amount: sign * count * factor * (days ? 7 : 1),
      precision: PRECISION[unit],
    });
  },
};

const inTime: Rule = {
  name: 'in-time',
  needs: Trigger.Unit,
  hint: /\bin\s/i,
  pattern: new RegExp(`\\bin\\s+(${COUNT})\\s+(days?|weeks?|months?|years?)(['’]?\\s+time)?\\b(?!\\s+(?:of|old)\\b|['’-])`, 'gi'),
  build(m, start, text) {
    if (m[3] === undefined && !futureClause(text, start)) return undefined;
    const count = countValue(m[1] ?? '');
    if (count === undefined) return make(start, m, { type: 'vague' });
    const { unit } = unitOf(m[2] ?? '');
    const days = unit === 'week';
    return make(start, m, {
      type: 'shift',
      unit: days ? 'day' : unit,
      amount: count * (days ? 7 : 1),
      precision: PRECISION[unit],
    });
  },
};

const CASUAL_DAYS: Readonly<Record<string, number>> = {
  today: 0,
  tonight: 0,
  yesterday: -1,
  tomorrow: 1,
  'last night': -1,
  'this morning': 0,
  'this afternoon': 0,
  'this evening': 0,
  'the day before yesterday': -2,
  'the day after tomorrow': 2,
};

/**
 * Things a release or a report dates by "today's": "today's settlement", "today's order".
 * Elsewhere "today's" is usually "nowadays" ("today's threat landscape").
 */
const DATED_BY_TODAY =
  /^['’]s\s+(?:settlement|announcement|action|actions|order|decision|ruling|release|filing|complaint|charges|report|statement|update|agreement|judgment|judgement|fine|penalty|vote|hearing|notice|letter|proposal|final\s+rule|rule|guidance|enforcement|sanction|sanctions|consent|resolution)\b/i;

/**
 * "Alderpath is FedRAMP authorized today", "that is a genuine advantage today": a state
 * that holds at present, where "today" means "now" and dates nothing; not "is being
 * published today", "are available from today", "was filed today".
 */
const STATE_BEFORE_TODAY =
  /\b(?:is|are|remains?|stays?)\b(?![^,;:]*\b(?:being|announc|publish|issu|fil|releas|launch|adopt|sen[dt]|mail|email|clos|open|held|hold|meet|vot)\w*)[^,;:]*$/i;
const PREPOSITION_BEFORE = /\b(?:from|as\s+of|until|till|since|through|by)\s+$/i;

/** "yesterday", "today", "last night"; "today's" only before a dated act ("today's order"). */
const casualDay: Rule = {
  name: 'casual-day',
  needs: Trigger.Casual,
  pattern:
    /\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b(?!-)/gi,
  build(m, start, text) {
    const end = start + m[0].length;
    const next = text.slice(end, end + 32);
    if (/^['’]s/.test(next) && !(/^today$/i.test(m[0]) && DATED_BY_TODAY.test(next))) return undefined;
    // A name: "USA Today", "BBC Radio 4's Today".
    if (m[0] === 'Today' && !atSentenceStart(text, start) && /^[A-Z0-9]/.test(wordBefore(text, start))) return undefined;
    if (m[0] === 'today' && /^\s*(?:[.;:!?)]|$)/.test(next)) {
      const clause = clauseBefore(text, start);
      const near = clause.slice(Math.max(clause.lastIndexOf(','), clause.lastIndexOf('—')) + 1);
      if (STATE_BEFORE_TODAY.test(near) && !PREPOSITION_BEFORE.test(near)) return undefined;
    }
    const amount = CASUAL_DAYS[m[0].toLowerCase().replace(/\s+/g, ' ')] ?? 0;
    return make(start, m, { type: 'shift', unit: 'day', amount });
  },
};

/** "this spring", "last summer", "last winter": the season's months (winter's run over a new year). */
const season: Rule = {
  name: 'season',
  needs: Trigger.Casual,
  hint: /spring|summer|autumn|fall|winter/i,
  pattern: /\b(this|last|next|this\s+past|this\s+coming)\s+(spring|summer|autumn|fall|winter)\b/gi,
  build(m, start) {
    const w = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const word = (m[2] ?? '').toLowerCase();
    const first = word === 'winter' ? 12 : SEASON_FIRST_MONTH[word];
    const pick = w === 'last' || w === 'this past' ? 'last' : w === 'next' || w === 'this coming' ? 'next' : 'this';
    if (first === undefined) return make(start, m, { type: 'calendar', yearOffset: pick === 'last' ? -1 : pick === 'next' ? 1 : 0 });
    return make(start, m, { type: 'season', first, pick });
  },
};

/** "in the spring", "since the summer" with no year: the season the clause looks towards (resolve.ts). Not "in the fall of 2024" or "in the fall in prices". */
const seasonAlone: Rule = {
  name: 'season',
  needs: Trigger.Casual,
  hint: /spring|summer|autumn|fall/i,
  pattern:
    /\b(?:in|since|over|during|through|until|till)\s+the\s+(spring|summer|autumn|fall)\b(?![^\S\r\n]*,?[^\S\r\n]*(?:of\b|in\b|\d))/gi,
  build(m, start) {
    const first = SEASON_FIRST_MONTH[(m[1] ?? '').toLowerCase()];
    if (first === undefined) return undefined;
    return make(start, m, { type: 'season', first });
  },
};

const weekend: Rule = {
  name: 'weekend',
  needs: Trigger.Unit,
  hint: /weekend/i,
  // "over the weekend" in a report is the weekend just gone, as "last weekend" is.
  pattern: /\b(this|last|next|the\s+past|the\s+coming|(?<=\bover\s+)the)\s+weekend\b(?!s)/gi,
  build(m, start) {
    const w = (m[1] ?? '').toLowerCase();
    const pick = w === 'this' ? 'this' : w === 'next' || w.endsWith('coming') ? 'next' : 'last';
    return make(start, m, { type: 'weekend', pick });
  },
};

/** "this time next year", "by this time last year": the reference's month, a year on or back. */
const thisTimeYear: Rule = {
  name: 'this-time-year',
  needs: Trigger.Unit,
  hint: /this\s+time/i,
  pattern: /\b(?:by\s+|at\s+|around\s+)?this\s+time\s+(next|last)\s+year\b/gi,
  build(m, start) {
    const amount = (m[1] ?? '').toLowerCase() === 'next' ? 12 : -12;
    return make(start, m, { type: 'shift', unit: 'month', amount });
  },
};

/**
 * "the same month last year", "the same quarter a year earlier": the reference's month or
 * quarter, a year back (figures set beside their own past).
 */
const sameLastYear: Rule = {
  name: 'same-last-year',
  needs: Trigger.Unit,
  hint: /same\s+(?:month|quarter)/i,
  pattern:
    /\b(?:(?:in|during|for|over|from)\s+)?the\s+same\s+(month|quarter)\s+(?:(?:of\s+)?last\s+year|a\s+year\s+(?:earlier|ago|before)|(?:of\s+)?the\s+(?:previous|prior|preceding)\s+year|the\s+year\s+before)\b/gi,
  build(m, start) {
    const quarter = (m[1] ?? '').toLowerCase() === 'quarter';
    return make(start, m, quarter ? { type: 'shift', unit: 'quarter', amount: -4 } : { type: 'shift', unit: 'month', amount: -12 });
  },
};

export const RELATIVE_RULES: readonly Rule[] = [
  sameLastYear,
  thisTimeYear,
  thisLastNext,
  current,
  period,
  inThe,
  newYear,
  sameOrNext,
  later,
  ahead,
  vague,
  partOf,
  isOut,
  possessiveEnd,
  ago,
  inTime,
  casualDay,
  season,
  seasonAlone,
  weekend,
];
