// A disclosure timeline counts days from its start: "2026-01-14: reported to the vendor
// (Day 0)", then "(Day 19)", "Today is Day 90". Where the document dates its Day 0 on the
// same line, each "Day N" of the document is that date plus N days. Without a dated Day 0
// a "Day 3" is nobody's date ("on day 3 of the outage" has no start to count from).
import { addDays, formatDay, parseIsoDay, type Ymd } from './calendar';
import type { Mention } from './expression';
import { scanMentions } from './scan';

const DAY_ZERO = /\bDay[ \u00A0]+0(?![\d.,:/-])/;
/** "Day 19", not "Day 1.5", "Day 3-4" or a "Day 2:" heading's time. */
const DAY_N = /\bDay[ \u00A0]+(\d{1,3})(?![\d.,:/-]\d|\d)/g;
/** Longer than any timeline runs: "Day 2024" is a year after a word. */
const MAX_DAYS = 999;

/**
 * The date of the document's Day 0 (YYYY-MM-DD): a full date on the line that names it,
 * the nearest one to it. Undefined when no Day 0 is named, or its line dates nothing.
 */
export function findDayZero(text: string): string | undefined {
  const zero = DAY_ZERO.exec(text);
  if (zero === null) return undefined;
  const lineStart = Math.max(text.lastIndexOf('\n', zero.index) + 1, 0);
  const newline = text.indexOf('\n', zero.index);
  const line = text.slice(lineStart, newline < 0 ? text.length : newline);
  const at = zero.index - lineStart;
  let best: { value: string; distance: number } | undefined;
  for (const m of scanMentions(line)) {
    const e = m.expr;
    if (e.type !== 'calendar' || e.year === undefined || e.month === undefined || e.day === undefined) continue;
    if (e.yearOffset !== undefined) continue;
    const distance = m.end <= at ? at - m.end : Math.max(0, m.start - at);
    if (best === undefined || distance < best.distance) best = { value: formatDay({ y: e.year, m: e.month, d: e.day }), distance };
  }
  return best?.value;
}

/** Each "Day N" of `text` as the date it counts to from `dayZero`, for the spans no other mention holds. */
export function dayCountMentions(text: string, dayZero: string, taken: readonly Mention[]): Mention[] {
  const zero: Ymd | undefined = parseIsoDay(dayZero);
  if (zero === undefined) return [];
  const out: Mention[] = [];
  DAY_N.lastIndex = 0;
  for (let m = DAY_N.exec(text); m !== null; m = DAY_N.exec(text)) {
    const n = Number(m[1]);
    if (n > MAX_DAYS) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    const day = addDays(zero, n);
    out.push({ start, end, expr: { type: 'calendar', year: day.y, month: day.m, day: day.d } });
  }
  return out;
}
