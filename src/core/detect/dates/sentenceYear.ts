// A month or quarter stated without a year takes the year an earlier date of the same
// sentence states on its own: "During 2026, we plan to complete an assessment by the end of the
// third quarter" is 2026-Q3 whatever the document's date. Only plain years count (not
// relative ones, not dated months or quarters), and only within a sentence: the next one may have moved on.
// A month or day after a dated month or day of the sentence is told in order: it is
// anchored to that date (resolve.ts decides whether the clause lets it). A narrative goes
// on past the sentence within its paragraph ("The outage began on Feb. 28, 2025. Payments
// failed until the morning of March 3"), so a later sentence's month or day is anchored
// too, but only when it falls within a short while after that date: further on, the
// paragraph may have moved to another year. A quarter after a
// dated quarter of the sentence takes its year when it comes later in that year ("revenue
// for the first quarter of fiscal 2026 …, most of which it expects to recover in the
// second quarter"); an earlier or the same one may be next year's ("in 3Q24 and in Q1").
import type { CalendarExpr, DateExpr, Mention } from './expression';

// A blank line, a list item or a table row ends the paragraph; a hard-wrapped line does not.
const PARAGRAPH_BREAK = /[\r\n][^\S\r\n]*(?:[\r\n]|[-*•·–|]|\d+[.)]\s)/;
const SENTENCE_BREAK = new RegExp(`[.!?](?:["'”’)]*)\\s+(?=["'“‘(]?[A-Z0-9])|${PARAGRAPH_BREAK.source}`);

/** "for 2025", "for the fiscal year 2025": a year as the period something covers. */
const PERIOD_REPORTED = /\bfor\s+(?:the\s+)?(?:(?:fiscal|financial|calendar|tax)\s+)?(?:year\s+)?$/i;

/** How many days after a date told in an earlier sentence of the paragraph a month or day
 * still follows it: a few weeks of one story, not the next year's events. */
const PARAGRAPH_ANCHOR_DAYS = 62;

/** A year stated on its own ("During 2026", "In 2024"): a frame for what follows. A
 * dated quarter or month ("in 3Q24 and in Q1") is one item of a list, not a frame. */
function statedYear(e: DateExpr): number | undefined {
  if (e.type !== 'calendar' || e.yearOffset !== undefined) return undefined;
  return e.month === undefined && e.quarter === undefined && e.day === undefined ? e.year : undefined;
}

/** A weekday alone ("on Monday", "Monday morning") or "over the weekend": told from a day, not a year. */
function goesOnFromDay(e: DateExpr): boolean {
  if (e.type === 'weekend') return e.pick !== 'next';
  return e.type === 'calendar' && e.weekday !== undefined && e.month === undefined && e.year === undefined && e.pick === undefined;
}

function needsYear(e: DateExpr): e is CalendarExpr {
  return (
    e.type === 'calendar' &&
    e.year === undefined &&
    e.yearOffset === undefined &&
    e.pick === undefined &&
    e.weekday === undefined &&
    (e.month !== undefined || e.quarter !== undefined)
  );
}

/** A dated month or day ("on November 27, 2023", "in March 2024"): where a narrative stands. */
function statedDay(e: DateExpr): { y: number; m: number; d: number } | undefined {
  if (e.type !== 'calendar' || e.yearOffset !== undefined || e.year === undefined || e.month === undefined) return undefined;
  return { y: e.year, m: e.month, d: e.day ?? 1 };
}

/** A dated quarter ("the first quarter of fiscal 2026", "Q3 2025"). */
function statedQuarter(e: DateExpr): { y: number; q: number } | undefined {
  if (e.type !== 'calendar' || e.yearOffset !== undefined || e.year === undefined || e.quarter === undefined || e.month !== undefined)
    return undefined;
  return { y: e.year, q: e.quarter };
}

const SENTENCE_BREAKS = new RegExp(SENTENCE_BREAK.source, 'g');

/** How many sentence breaks `between` holds. */
function sentenceBreaks(between: string): number {
  SENTENCE_BREAKS.lastIndex = 0;
  let n = 0;
  while (SENTENCE_BREAKS.exec(between) !== null) n++;
  return n;
}

export function sentenceYears(text: string, mentions: readonly Mention[]): Mention[] {
  let year: number | undefined;
  let anchor: { y: number; m: number; d: number } | undefined;
  let quarter: { y: number; q: number } | undefined;
  // The last dated month or day of an earlier sentence of this paragraph, and how many
  // sentences back it was told.
  let paragraphAnchor: { y: number; m: number; d: number } | undefined;
  let anchorAge = 0;
  let prevEnd = 0;
  return mentions.map((m) => {
    if (year !== undefined || anchor !== undefined || quarter !== undefined || paragraphAnchor !== undefined) {
      const between = text.slice(prevEnd, m.start);
      const breaks = sentenceBreaks(between);
      if (PARAGRAPH_BREAK.test(between)) paragraphAnchor = undefined;
      else if (anchor !== undefined && breaks > 0) {
        paragraphAnchor = anchor;
        anchorAge = breaks;
      } else if (paragraphAnchor !== undefined) anchorAge += breaks;
      if (breaks > 0) {
        year = undefined;
        anchor = undefined;
        quarter = undefined;
      }
    }
    prevEnd = m.end;
    const own = statedYear(m.expr);
    // "Our Form 10-K for fiscal 2025, filed on March 5": the year a report covers is no
    // frame for when things happened to it.
    if (own !== undefined && PERIOD_REPORTED.test(text.slice(Math.max(0, m.start - 32), m.start))) return m;
    if (own !== undefined) {
      year = own;
      return m;
    }
    const day = statedDay(m.expr);
    if (day !== undefined) {
      anchor = day;
      return m;
    }
    const datedQuarter = statedQuarter(m.expr);
    if (datedQuarter !== undefined) {
      quarter = datedQuarter;
      return m;
    }
    // "On Friday 12 April 2024, … Over the weekend the attacker …": a weekday or weekend
    // after a dated day of the same or the previous sentence goes on from that day.
    // …from the sentence right after it only: "It was valid for three years. I checked the
    // register on Monday" is the writer's Monday, not the story's.
    const told = anchor ?? (anchorAge <= 1 ? paragraphAnchor : undefined);
    if (told !== undefined && goesOnFromDay(m.expr)) return { ...m, expr: { ...m.expr, contextAnchor: told } };
    if (!needsYear(m.expr)) return m;
    if (year !== undefined) return { ...m, expr: { ...m.expr, contextYear: year } };
    if (quarter !== undefined && m.expr.quarter !== undefined && m.expr.month === undefined && m.expr.quarter > quarter.q)
      return { ...m, expr: { ...m.expr, contextYear: quarter.y } };
    // Only a month or a day: a quarter after a dated one is one item of a list ("in 3Q24 and in Q1").
    if (anchor !== undefined && m.expr.month !== undefined) return { ...m, expr: { ...m.expr, contextAnchor: anchor } };
    if (paragraphAnchor !== undefined && m.expr.month !== undefined)
      return { ...m, expr: { ...m.expr, contextAnchor: { ...paragraphAnchor, withinDays: PARAGRAPH_ANCHOR_DAYS } } };
    return m;
  });
}
