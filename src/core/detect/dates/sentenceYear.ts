// A month or quarter stated without a year takes the year an earlier date of the same
// sentence states on its own: "During 2026, we plan to complete an assessment by the end of the
// third quarter" is 2026-Q3 whatever the document's date. Only plain years count (not
// relative ones, not dated months or quarters), and only within a sentence: the next one may have moved on.
import type { CalendarExpr, DateExpr, Mention } from './expression';

// A blank line, a list item or a table row ends the context too; a hard-wrapped line does not.
const SENTENCE_BREAK = /[.!?](?:["'”’)]*)\s+(?=["'“‘(]?[A-Z0-9])|[\r\n][^\S\r\n]*(?:[\r\n]|[-*•·–|]|\d+[.)]\s)/;

/** A year stated on its own ("During 2026", "In 2024"): a frame for what follows. A
 * dated quarter or month ("in 3Q24 and in Q1") is one item of a list, not a frame. */
function statedYear(e: DateExpr): number | undefined {
  if (e.type !== 'calendar' || e.yearOffset !== undefined) return undefined;
  return e.month === undefined && e.quarter === undefined && e.day === undefined ? e.year : undefined;
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

export function sentenceYears(text: string, mentions: readonly Mention[]): Mention[] {
  let year: number | undefined;
  let prevEnd = 0;
  return mentions.map((m) => {
    if (year !== undefined && SENTENCE_BREAK.test(text.slice(prevEnd, m.start))) year = undefined;
    prevEnd = m.end;
    const own = statedYear(m.expr);
    if (own !== undefined) {
      year = own;
      return m;
    }
    if (year !== undefined && needsYear(m.expr)) return { ...m, expr: { ...m.expr, contextYear: year } };
    return m;
  });
}
