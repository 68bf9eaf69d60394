// Which way a document writes numeric dates. "11/03/2026" is read month first, as US
// text writes it, unless the document's opening shows that it writes the day first: a
// numeric date that can only be read day first ("25/03/2026"), a time in the style of
// Brazil and France ("15h42"), or dates with month names written day first ("2 August
// 2024") and none written month first ("August 2, 2024"). The decision is the
// document's, like its date and fiscal year: a block alone ("On 11/03/2026 …") says
// nothing either way.
import type { CalendarExpr, Mention } from './expression';
import { isValidDay } from './calendar';

const NUMERIC_DATE = /(?<![\d./-])(\d{1,2})[/-](\d{1,2})[/-](?:\d{4}|\d{2})(?![\d/-])/g;
const CONTINENTAL_TIME = /\b(?:[01]?\d|2[0-3])h[0-5]\d\b/;
const MONTH_NAME =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';
const DAY_MONTH = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_NAME}\\.?\\s+\\d{4}\\b`);
const MONTH_DAY = new RegExp(`\\b${MONTH_NAME}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,\\s*\\d{4}|\\b(?!\\s*\\d))`);
/** A mention that is a slashed or dashed numeric date and nothing else ("11/03/2026"), its time after it allowed. */
const NUMERIC_MENTION = /^(?:[a-z]+\s+)?(\d{1,2})[/-](\d{1,2})[/-]\d{2,4}\b/i;

/** Whether the document whose opening is `head` writes numeric dates day first. */
export function writesDayFirst(head: string): boolean {
  NUMERIC_DATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMERIC_DATE.exec(head)) !== null) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    if (first > 12 && second <= 12) return true;
    if (second > 12 && first <= 12) return false;
  }
  if (CONTINENTAL_TIME.test(head)) return true;
  return DAY_MONTH.test(head) && !MONTH_DAY.test(head);
}

/** `mentions` of `text` with their ambiguous numeric dates read day first. */
export function readDayFirst(text: string, mentions: readonly Mention[]): Mention[] {
  return mentions.map((m) => {
    const e = m.expr;
    if (e.type !== 'calendar' || e.month === undefined || e.day === undefined) return m;
    const numeric = NUMERIC_MENTION.exec(text.slice(m.start, m.end));
    if (numeric === null) return m;
    // Only dates chrono read month first, as written; a dotted or day-first one is left as is.
    if (Number(numeric[1]) !== e.month || Number(numeric[2]) !== e.day || e.day > 12) return m;
    const swapped: CalendarExpr = { ...e, month: e.day, day: e.month };
    if (swapped.year !== undefined && !isValidDay(swapped.year, swapped.month as number, swapped.day as number)) return m;
    return { ...m, expr: swapped };
  });
}
