// Two dates joined by "between … and", "from … to" or a dash are one range:
// "between September 2021 and January 2022", "from June to August 2020".
import type { CalendarExpr, Mention } from './expression';

// One line break may fall inside a range (hard-wrapped text); a blank line may not.
const GAP = /^,?[^\S\r\n]*(?:\r?\n[^\S\r\n]*)?(–|—|-|to|through|thru|until|till|and)[^\S\r\n]*(?:\r?\n[^\S\r\n]*)?$/i;
const LEAD = /\b(between|from)(?:[^\S\r\n]|\r?\n)+$/i;

function isDate(e: Mention['expr']): e is CalendarExpr {
  return e.type === 'calendar' && (e.year !== undefined || e.month !== undefined || e.quarter !== undefined);
}

/** "June to August 2020": the start takes the end's year, or the year before it. */
export function fillYear(from: CalendarExpr, to: CalendarExpr): CalendarExpr {
  if (from.year !== undefined || to.year === undefined || from.yearOffset !== undefined) return from;
  const a = (from.month ?? (from.quarter ?? 1) * 3) * 100 + (from.day ?? 0);
  const b = (to.month ?? (to.quarter ?? 4) * 3) * 100 + (to.day ?? 32);
  return { ...from, year: a > b ? to.year - 1 : to.year };
}

function ordered(from: CalendarExpr, to: CalendarExpr): boolean {
  if (from.year === undefined || to.year === undefined) return true;
  if (from.year !== to.year) return from.year < to.year;
  return (from.month ?? 0) * 100 + (from.day ?? 0) <= (to.month ?? 12) * 100 + (to.day ?? 31);
}

export function mergeRanges(text: string, mentions: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i] as Mention;
    const b = mentions[i + 1];
    if (b && isDate(a.expr) && isDate(b.expr) && b.start - a.end <= 12) {
      const gap = GAP.exec(text.slice(a.end, b.start));
      const lead = LEAD.exec(text.slice(Math.max(0, a.start - 10), a.start));
      const word = gap?.[1]?.toLowerCase();
      const leadWord = lead?.[1]?.toLowerCase();
      const joins = word !== undefined && (word === 'and' ? leadWord === 'between' : leadWord !== 'between');
      const from = fillYear(a.expr, b.expr);
      if (joins && ordered(from, b.expr)) {
        out.push({
          start: lead ? a.start - lead[0].length : a.start,
          end: b.end,
          expr: { type: 'range', from, to: b.expr },
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
