// Weekdays: "on Friday", "Thursday", "last Tuesday", "Monday morning". A plural or an
// "every" makes them habitual ("on Fridays", "every Monday"), which is not a date.
import type { CalendarExpr } from './expression';
import { wordBefore } from './context';
import { WEEKDAY, isCapitalised, weekdayNumber } from './lexicon';
import { Trigger, type Rule } from './rule';

const HABITUAL = new Set(['every', 'each', 'most', 'some', 'all', 'other', 'alternate', 'any']);
/** "a bad Tuesday", "any given Monday": a kind of day, not a date. */
const GENERIC_BEFORE = /\b(?:a|an|any)(?:\s+[a-z]+)?\s+$/;
const DAY_NAME = '(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?\\b';
const SPAN_AFTER = new RegExp(`^(?:\\s*(?:-|–|—|to|through|thru)\\s*${DAY_NAME}|\\s+(?:mornings|afternoons|evenings|nights)\\b)`, 'i');
const SPAN_BEFORE = new RegExp(`\\b${DAY_NAME}\\.?\\s*(?:-|–|—|to|through|thru)\\s*$`, 'i');
const NAMED_DAYS = new Set(['black', 'good', 'cyber', 'super', 'ash', 'holy', 'maundy', 'easter', 'giving']);
const LOWER_CASE_CUES = new Set(['on', 'by', 'until', 'since', 'before', 'after', 'from', 'last', 'next', 'this']);

/** "the 29th" after a weekday, but not "the 16th of October" (a date of its own). */
const DAY_OF_MONTH_AFTER = /^,?[^\S\r\n]+the[^\S\r\n]+(\d{1,2})(?:st|nd|rd|th)\b(?![^\S\r\n]+of\b)/;

const weekday: Rule = {
  name: 'weekday',
  needs: Trigger.Weekday,
  pattern: new RegExp(
    `\\b(?:(last|next|this|this\\s+past|this\\s+coming|past|coming)\\s+)?(${WEEKDAY.replace('\\b', '')})(s)?\\b(?:,?\\s+(?:morning|afternoon|evening|night)\\b)?`,
    'gi',
  ),
  build(m, start, text) {
    if (m[3] !== undefined) return undefined;
    const word = m[2] ?? '';
    const n = weekdayNumber(word);
    if (n === undefined) return undefined;
    const before = wordBefore(text, start).toLowerCase();
    if (HABITUAL.has(before) || (m[1] === undefined && GENERIC_BEFORE.test(text.slice(Math.max(0, start - 20), start)))) return undefined;
    // Opening hours are habitual: "Monday through Friday", "Saturday mornings".
    const end = start + m[0].length;
    if (SPAN_AFTER.test(text.slice(end, end + 16)) || SPAN_BEFORE.test(text.slice(Math.max(0, start - 16), start))) {
      return undefined;
    }
    // A named day ("Black Friday", "Good Friday") is a date this detector cannot place.
    if (m[1] === undefined && NAMED_DAYS.has(before)) {
      const from = text.lastIndexOf(wordBefore(text, start), start);
      return { start: from, end: start + m[0].length, expr: { type: 'vague' } };
    }
    if (!isCapitalised(word) && m[1] === undefined && !LOWER_CASE_CUES.has(before)) return undefined;
    const expr: CalendarExpr = { type: 'calendar', weekday: n };
    const which = m[1]?.toLowerCase().replace(/\s+/g, ' ');
    if (which === 'last' || which === 'past' || which === 'this past') expr.pick = 'last';
    else if (which === 'next' || which === 'coming' || which === 'this coming') expr.pick = 'next';
    else if (which === 'this') expr.pick = 'this';
    // "Thursday the 29th": the day of the month that falls on that weekday (resolve.ts).
    const dayAfter = which === undefined ? DAY_OF_MONTH_AFTER.exec(text.slice(end, end + 16)) : null;
    if (dayAfter) {
      const day = Number(dayAfter[1]);
      if (day >= 1 && day <= 31) return { start, end: end + dayAfter[0].length, expr: { ...expr, day } };
    }
    return { start, end, expr };
  },
};

export const WEEKDAY_RULES: readonly Rule[] = [weekday];
