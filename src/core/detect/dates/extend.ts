// Spans read the way a researcher quotes them: with the preposition that carries the
// time relation ("In March", "since 2019", "on Friday", "by the end of June").
import { addDays } from './calendar';
import type { CalendarExpr, DateExpr, Mention } from './expression';

const PART_OF =
  /(?:\b(?:by|at|before|until|till|toward|towards|around|from|since|in|through)[^\S\r\n]+)?(?:\bthe[^\S\r\n]+)?\b(?:very[^\S\r\n]+)?(?:end|start|beginning|middle|close|turn|rest|remainder|week|(?:first|second)[^\S\r\n]+half|(?:first|last)[^\S\r\n]+(?:week|weeks|days))[^\S\r\n]+of[^\S\r\n]+$/i;
const PREPOSITION = /\b(?:in|on|by|since|from|until|till|through|throughout|during|over|within|as[^\S\r\n]+of|starting)[^\S\r\n]+$/i;
const STARTS_WITH_PREPOSITION =
  /^(?:in|on|by|since|from|until|till|through|throughout|during|over|within|between|at|before|toward|towards|around|for|into)\b/i;

const WEEK_OF = /\bweek[^\S\r\n]+of[^\S\r\n]+$/i;

/** A day's week as "the week of" it says: that day and the six after it (a year not stated stays so). */
function weekFrom(e: DateExpr): DateExpr | undefined {
  if (e.type !== 'calendar' || e.month === undefined || e.day === undefined || e.weekday !== undefined || e.yearOffset !== undefined)
    return undefined;
  // A leap year for the arithmetic when none is stated, so that 29 February has a week.
  const last = addDays({ y: e.year ?? 2000, m: e.month, d: e.day }, 6);
  const to: CalendarExpr = { type: 'calendar', month: last.m, day: last.d };
  if (e.year !== undefined) to.year = last.y;
  return { type: 'range', from: e, to };
}

export function extendMentions(text: string, mentions: readonly Mention[]): Mention[] {
  let limit = 0;
  const out: Mention[] = [];
  for (const m of mentions) {
    let start = m.start;
    const lookback = () => text.slice(Math.max(limit, start - 40), start);
    let expr = m.expr;
    if (m.expr.type !== 'vague' && m.expr.type !== 'period') {
      const part = PART_OF.exec(lookback());
      if (part) {
        start -= part[0].length;
        // "the week of March 8, 2027": the seven days from that one.
        if (WEEK_OF.test(part[0])) expr = weekFrom(m.expr) ?? expr;
      }
    }
    if (!STARTS_WITH_PREPOSITION.test(text.slice(start, start + 12))) {
      const prep = PREPOSITION.exec(lookback());
      if (prep) start -= prep[0].length;
    }
    out.push(start === m.start && expr === m.expr ? m : { ...m, start, expr });
    limit = m.end;
  }
  return out;
}
