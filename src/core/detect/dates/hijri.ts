// Dates of the Islamic (Hijri) calendar, as Saudi and Gulf releases print them beside or
// instead of Gregorian ones: "Monday 22 Jumada al-Ula 1448H", "Rajab 1447 AH", "1399H".
// They are converted with the Umm al-Qura calendar that Intl carries in Node and in
// browsers; where a runtime lacks it, no Hijri date is read rather than a wrong one.
import { addDays, calendarDay, type Ymd } from './calendar';
import type { Mention } from './expression';

const MONTH_NAMES: ReadonlyArray<readonly [number, string]> = [
  [1, 'muharram'],
  [2, 'safar'],
  [3, `rabi['’ʿ]?[\\s-]*(?:al[\\s-]*)?(?:awwal|awal|i(?!i))`],
  [4, `rabi['’ʿ]?[\\s-]*(?:(?:al|ath|as)[\\s-]*)?(?:thani|akhir|akhar|ii)`],
  [5, 'jumad[ae][\\s-]*(?:(?:al|ul)[\\s-]*)?(?:ula|oula|awwal|awal|i(?!i))'],
  [6, 'jumad[ae][\\s-]*(?:(?:al|ath|as)[\\s-]*)?(?:akhirah|akhira|akhir|thani|thaniyah|ii)'],
  [7, 'rajab'],
  [8, "sha['’]?ban"],
  [9, 'rama[dz]h?an'],
  [10, 'shaww?al'],
  [11, "dhu[\\s-]*(?:al[\\s-]*)?q[ai]?['’]?d(?:ah|a)|dhul[\\s-]*q[ai]?['’]?d(?:ah|a)"],
  [12, 'dhu[\\s-]*(?:al[\\s-]*)?hijj?(?:ah|a)|dhul[\\s-]*hijj?(?:ah|a)'],
];

const MONTH_GROUPS = MONTH_NAMES.map(([, source]) => `(${source})`).join('|');
const WEEKDAY = '(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday),?\\s+';
// "1447 A.H.", "1448H", "1448 AH"; not the full stop after "H" that ends a sentence.
const ERA = '(?:\\s?(?:A\\.?H\\.?|H\\b|هـ))';
/** Day (optional) and month, then a year of the 14th–15th Hijri centuries. */
const DAY_MONTH_YEAR = new RegExp(`\\b(?:${WEEKDAY})?(?:(\\d{1,2})\\s+)?(?:${MONTH_GROUPS})\\s+(1[3-5]\\d\\d)${ERA}?`, 'gi');
/**
 * A year alone needs its era: "1399H", "1447 AH"; not a house number before a lettered
 * street ("1401 H Street NW").
 */
const YEAR_ALONE = new RegExp(
  `\\b(1[3-5]\\d\\d)${ERA}(?![^\\S\\r\\n]+(?:Street|St\\b|Avenue|Ave\\b|Road|Rd\\b|Place|Pl\\b|Terrace|Court|Ct\\b|Lane|Way\\b|N\\.?[EW]\\b|S\\.?[EW]\\b))`,
  'g',
);
/** A day written in figures with its era: "9/2/1443H", "1443/02/09 AH". */
const NUMERIC = new RegExp(`\\b(?:(\\d{1,2})/(\\d{1,2})/(1[3-5]\\d\\d)|(1[3-5]\\d\\d)/(\\d{1,2})/(\\d{1,2}))${ERA}`, 'g');
/** A cheap test before the expressions run. */
const HINT = /1[3-5]\d\d\s?(?:A\.?H|H\b|هـ)|muharram|safar|rabi|jumad|rajab|sha['’]?ban|rama[dz]|shaww?al|dhu/i;

let formatter: Intl.DateTimeFormat | null | undefined;

function umalqura(): Intl.DateTimeFormat | null {
  if (formatter !== undefined) return formatter;
  try {
    const f = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    formatter = f.resolvedOptions().calendar === 'islamic-umalqura' ? f : null;
  } catch {
    // A runtime without the calendar: Hijri dates are left unread.
    formatter = null;
  }
  return formatter;
}

function hijriOf(f: Intl.DateTimeFormat, ms: number): Ymd {
  let y = 0;
  let m = 0;
  let d = 0;
  for (const part of f.formatToParts(new Date(ms))) {
    if (part.type === 'year') y = Number(part.value);
    else if (part.type === 'month') m = Number(part.value);
    else if (part.type === 'day') d = Number(part.value);
  }
  return { y, m, d };
}

/** The Gregorian day of Hijri day `d` of month `m` of year `y`, or undefined where the runtime cannot say. */
export function gregorianOfHijri(y: number, m: number, d: number): Ymd | undefined {
  const f = umalqura();
  if (f === null || m < 1 || m > 12 || d < 1 || d > 30) return undefined;
  // Days since 1 Muharram 1 AH (16 July 622, Julian), by mean month length; Umm al-Qura
  // months differ from the mean by a day or two, so the days around are looked at.
  const estimate = Date.UTC(622, 6, 19) + Math.round((y - 1) * 354.36707 + (m - 1) * 29.530589 + (d - 1)) * 86_400_000;
  for (const delta of [0, -1, 1, -2, 2, -3, 3, -4, 4]) {
    const ms = estimate + delta * 86_400_000;
    const h = hijriOf(f, ms);
    if (h.y === y && h.m === m && h.d === d) {
      const g = new Date(ms);
      return { y: g.getUTCFullYear(), m: g.getUTCMonth() + 1, d: g.getUTCDate() };
    }
  }
  return undefined;
}

/** The Gregorian days a Hijri month (or, without `m`, a year) spans. */
function spanOf(y: number, m?: number): Mention['expr'] | undefined {
  const first = gregorianOfHijri(y, m ?? 1, 1);
  const next = m === undefined || m === 12 ? gregorianOfHijri(y + 1, 1, 1) : gregorianOfHijri(y, m + 1, 1);
  if (first === undefined || next === undefined) return undefined;
  return { type: 'range', from: calendarDay(first), to: calendarDay(addDays(next, -1)) };
}

/** Every Hijri date of `text` (see the top of this file), sorted by start, not overlapping. */
export function hijriMentions(text: string): Mention[] {
  if (!HINT.test(text) || umalqura() === null) return [];
  const out: Mention[] = [];
  DAY_MONTH_YEAR.lastIndex = 0;
  for (let m = DAY_MONTH_YEAR.exec(text); m !== null; m = DAY_MONTH_YEAR.exec(text)) {
    const group = MONTH_NAMES.findIndex((_, i) => m[2 + i] !== undefined);
    const month = MONTH_NAMES[group]?.[0];
    const year = Number(m[2 + MONTH_NAMES.length]);
    if (month === undefined) continue;
    const day = m[1] === undefined ? undefined : gregorianOfHijri(year, month, Number(m[1]));
    const expr = m[1] === undefined ? spanOf(year, month) : day && calendarDay(day);
    if (expr !== undefined) out.push({ start: m.index, end: m.index + m[0].length, expr });
  }
  NUMERIC.lastIndex = 0;
  for (let m = NUMERIC.exec(text); m !== null; m = NUMERIC.exec(text)) {
    // Day first ("9/2/1443H", as Saudi notices write it), or year first ("1443/2/9H").
    const [day, month, year] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[6], m[5], m[4]];
    const found = gregorianOfHijri(Number(year), Number(month), Number(day));
    if (found !== undefined) out.push({ start: m.index, end: m.index + m[0].length, expr: calendarDay(found) });
  }
  YEAR_ALONE.lastIndex = 0;
  for (let m = YEAR_ALONE.exec(text); m !== null; m = YEAR_ALONE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((o) => o.start < end && start < o.end)) continue;
    const expr = spanOf(Number(m[1]));
    if (expr !== undefined) out.push({ start, end, expr });
  }
  return out.sort((a, b) => a.start - b.start);
}
