// Dates told from the date before them in the text: "On 14 February 2026 a parent wrote
// in; the school took the page offline the same evening", "the following day", "the
// previous year". The antecedent is the nearest earlier date with a value in the same
// paragraph, close enough to be what the sentence goes on from; without one the value
// stays empty, and a "same …" phrase is no date at all ("notify customers the same day").
import type { DateDetection } from '../../model';
import { addDays, addMonths, formatDay, formatMonth, formatWeek, formatYear, parseIsoDay } from './calendar';
import type { AnaphorExpr, Mention } from './expression';

/** How far back (UTF-16 units) an antecedent may be. */
const MAX_DISTANCE = 400;
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/;

/** The value `e` takes from an antecedent's value (its last day for a range), if precise enough. */
function valueFrom(e: AnaphorExpr, antecedent: string): string | undefined {
  const parts = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(antecedent);
  if (parts === null) return undefined;
  const y = Number(parts[1]);
  switch (e.unit) {
    case 'year':
      return formatYear(y + e.amount);
    case 'month': {
      if (parts[2] === undefined) return undefined;
      const m = addMonths(y, Number(parts[2]), e.amount);
      return formatMonth(m.y, m.m);
    }
    case 'week':
    case 'day': {
      const day = parseIsoDay(antecedent);
      if (day === undefined) return undefined;
      return e.unit === 'day' ? formatDay(addDays(day, e.amount)) : formatWeek(addDays(day, 7 * e.amount));
    }
  }
}

const IMPLIED: Readonly<Record<AnaphorExpr['unit'], DateDetection['implied']>> = {
  day: ['year', 'month', 'day'],
  week: ['year'],
  month: ['year', 'month'],
  year: ['year'],
};

/**
 * Fills in anaphors' values from the dates before them; drops "same …" phrases that have
 * none. `mentions` and `found` are parallel, in text order.
 */
export function resolveAnaphors(text: string, mentions: readonly Mention[], found: DateDetection[], antecedent?: string): DateDetection[] {
  if (!mentions.some((m) => m.expr.type === 'anaphor')) return found;
  const out: DateDetection[] = [];
  // A day given from before the text (a list's item above) stands just before its start.
  let previous: Pick<DateDetection, 'end' | 'value' | 'endValue'> | undefined =
    antecedent === undefined ? undefined : { end: 0, value: antecedent };
  for (let i = 0; i < found.length; i++) {
    const d = found[i] as DateDetection;
    const e = (mentions[i] as Mention).expr;
    if (e.type !== 'anaphor') {
      out.push(d);
      if (d.value !== undefined) previous = d;
      continue;
    }
    const near =
      previous !== undefined && d.start - previous.end <= MAX_DISTANCE && !PARAGRAPH_BREAK.test(text.slice(previous.end, d.start));
    const value = near && previous !== undefined ? valueFrom(e, previous.endValue ?? (previous.value as string)) : undefined;
    if (value === undefined) {
      if (e.needsAntecedent !== true) out.push(d);
      continue;
    }
    const resolved: DateDetection = { ...d, value, implied: IMPLIED[e.unit].slice() };
    delete resolved.reference;
    out.push(resolved);
    previous = resolved;
  }
  return out;
}
