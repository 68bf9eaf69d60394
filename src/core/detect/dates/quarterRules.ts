// Business calendars: quarters ("Q3 2022", "the third quarter of 2022", "3Q22"), halves
// ("H1 2023", "the second half of the year") and fiscal years ("FY2023", "fiscal 2023",
// "fiscal year 2024"). A fiscal year is reported as the calendar year of its label,
// since ISO 8601 cannot say where an organisation's fiscal year starts.
import type { CalendarExpr, Mention } from './expression';
import { wordBefore } from './context';
import { COUNT, ORDINAL_PARTS, YEAR, countValue, expandYear } from './lexicon';
import { gluedBefore } from './yearRules';
import { Trigger, type Rule } from './rule';

/** Words after which a bare "Q3" is a quarter rather than a label. */
const QUARTER_CUES = new Set([
  'in',
  'during',
  'by',
  'for',
  'the',
  'of',
  'since',
  'until',
  'through',
  'and',
  'to',
  'its',
  'their',
  'from',
  'this',
  'last',
  'next',
  'each',
  'before',
  'after',
  'our',
]);

const FISCAL_YEAR = `(?:FY|fiscal(?:\\s+year)?)\\s*['’-]?\\s*(${YEAR}|\\d\\d)`;

function quarter(q: number, year?: number): CalendarExpr {
  const expr: CalendarExpr = { type: 'calendar', quarter: q };
  if (year !== undefined) expr.year = year;
  return expr;
}

function upperQ(m: RegExpExecArray, at: number): boolean {
  return /^[QH]$/.test(m[0].charAt(at));
}

const quarterCode: Rule = {
  name: 'quarter',
  needs: Trigger.Fiscal,
  hint: /q[1-4]/i,
  pattern: new RegExp(`\\bQ([1-4])(?:\\s*['’](\\d\\d)\\b|\\s*,?\\s*(?:of\\s+)?(?:${FISCAL_YEAR}|(${YEAR}))\\b)?(?![-/.]?\\d)`, 'gi'),
  build(m, start, text) {
    if (!upperQ(m, 0)) return undefined;
    const digits = m[2] ?? m[3] ?? m[4];
    if (digits === undefined && !QUARTER_CUES.has(wordBefore(text, start).toLowerCase())) return undefined;
    const expr = quarter(Number(m[1]), digits === undefined ? undefined : expandYear(digits));
    if (m[3] !== undefined) expr.fiscal = true;
    return { start, end: start + m[0].length, expr };
  },
};

const quarterShort: Rule = {
  name: 'quarter',
  needs: Trigger.Fiscal,
  hint: /[1-4]q/i,
  pattern: new RegExp(`\\b([1-4])Q\\s*['’]?(${YEAR}|\\d\\d)\\b`, 'gi'),
  build(m, start) {
    if (!upperQ(m, 1)) return undefined;
    return { start, end: start + m[0].length, expr: quarter(Number(m[1]), expandYear(m[2] ?? '')) };
  },
};

const fiscalQuarter: Rule = {
  name: 'quarter',
  needs: Trigger.Fiscal,
  hint: /fy|fiscal/i,
  pattern: new RegExp(`\\b${FISCAL_YEAR}\\s+Q([1-4])\\b`, 'gi'),
  build(m, start) {
    return { start, end: start + m[0].length, expr: { ...quarter(Number(m[2]), expandYear(m[1] ?? '')), fiscal: true } };
  },
};

const quarterWords: Rule = {
  name: 'quarter',
  needs: Trigger.Unit,
  hint: /quarter/i,
  pattern: new RegExp(
    `\\b(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\\s-]+(?:fiscal[\\s-]+)?quarter\\b` +
      `(?:\\s*,?\\s*(?:(?:of|in)\\s+)?(?:(?:the\\s+)?${FISCAL_YEAR}|(${YEAR})|(this|last|next)\\s+year|the\\s+year)\\b)?(?![-/.]?\\d)`,
    'gi',
  ),
  build(m, start) {
    const word = (m[1] ?? '').toLowerCase();
    const end = start + m[0].length;
    const digits = m[2] ?? m[3];
    const rel = m[4]?.toLowerCase();
    if (digits === undefined && rel === undefined && word === 'last' && !/^the\s/i.test(m[0])) {
      return { start, end, expr: { type: 'shift', unit: 'quarter', amount: -1 } };
    }
    const expr = quarter(ORDINAL_PARTS[word] ?? 4, digits === undefined ? undefined : expandYear(digits));
    if (m[2] !== undefined) expr.fiscal = true;
    if (rel !== undefined) expr.yearOffset = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
    else if (digits === undefined && /the\s+year\b/i.test(m[0])) expr.yearOffset = 0;
    return { start, end, expr };
  },
};

/** A half year; of a fiscal year ("H2 FY2027") its months are places in that year (fiscalYears.ts). */
function half(h: number, year: number | undefined, yearOffset: number | undefined, fiscal = false): Mention['expr'] {
  const from: CalendarExpr = { type: 'calendar', month: h === 1 ? 1 : 7 };
  const to: CalendarExpr = { type: 'calendar', month: h === 1 ? 6 : 12 };
  for (const e of [from, to]) {
    if (year !== undefined) e.year = year;
    if (yearOffset !== undefined) e.yearOffset = yearOffset;
    if (fiscal) e.fiscal = true;
  }
  return { type: 'range', from, to };
}

const halfCode: Rule = {
  name: 'half',
  needs: Trigger.Fiscal,
  hint: /h[12]/i,
  pattern: new RegExp(`\\bH([12])\\s*(?:['’](\\d\\d)|(${YEAR})|(?:of\\s+)?${FISCAL_YEAR})\\b`, 'gi'),
  build(m, start) {
    if (!upperQ(m, 0)) return undefined;
    const expr = half(Number(m[1]), expandYear(m[2] ?? m[3] ?? m[4] ?? ''), undefined, m[4] !== undefined);
    return { start, end: start + m[0].length, expr };
  },
};

const halfWords: Rule = {
  name: 'half',
  needs: Trigger.Unit | Trigger.Year,
  hint: /half/i,
  pattern: new RegExp(
    `\\b(?:the\\s+)?(first|second|1st|2nd|latter|back)\\s+half\\s+of\\s+(?:(${YEAR})|(this|last|next)\\s+year|the\\s+year|(?:the\\s+)?${FISCAL_YEAR})\\b(?![-/.]?\\d)`,
    'gi',
  ),
  build(m, start) {
    const h = ORDINAL_PARTS[(m[1] ?? '').toLowerCase()] ?? 1;
    const end = start + m[0].length;
    if (m[4] !== undefined) return { start, end, expr: half(h, expandYear(m[4]), undefined, true) };
    const rel = m[3]?.toLowerCase();
    const offset = m[2] !== undefined ? undefined : rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
    return { start, end, expr: half(h, m[2] === undefined ? undefined : Number(m[2]), offset) };
  },
};

/** "the first nine months of 2026", "the last three months of 2025": that stretch of the stated year. */
const monthsOfYear: Rule = {
  name: 'months-of-year',
  needs: Trigger.Year,
  hint: /months\s+of/i,
  pattern: new RegExp(`\\b(?:the\\s+)?(first|last)\\s+(${COUNT})\\s+months\\s+of\\s+(${YEAR})\\b(?![-/.]?\\d)`, 'gi'),
  build(m, start) {
    const n = countValue(m[2] ?? '');
    if (n === undefined || n < 2 || n > 11) return undefined;
    const year = Number(m[3]);
    const first = (m[1] ?? '').toLowerCase() === 'first';
    const from: CalendarExpr = { type: 'calendar', year, month: first ? 1 : 13 - n };
    const to: CalendarExpr = { type: 'calendar', year, month: first ? n : 12 };
    return { start, end: start + m[0].length, expr: { type: 'range', from, to } };
  },
};

const fiscalYear: Rule = {
  name: 'fiscal-year',
  needs: Trigger.Fiscal,
  hint: /fy|fiscal/i,
  pattern: new RegExp(`\\b${FISCAL_YEAR}(?:\\s*[-–/]\\s*(${YEAR}|\\d\\d))?\\b(?![-/.,]?\\d)`, 'gi'),
  build(m, start, text) {
    if (/^fy/i.test(m[0]) && !/^FY/.test(m[0])) return undefined;
    if (gluedBefore(text, start)) return undefined;
    const y1 = expandYear(m[1] ?? '');
    const end = start + m[0].length;
    if (m[2] === undefined) return { start, end, expr: { type: 'calendar', year: y1, fiscal: true } };
    let y2 = m[2].length === 2 ? Math.floor(y1 / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (y2 <= y1) y2 += 100;
    if (y2 !== y1 + 1) return undefined;
    return { start, end, expr: { type: 'range', from: { type: 'calendar', year: y1 }, to: { type: 'calendar', year: y2 } } };
  },
};

/**
 * A span of fiscal years: "fiscal years 2022 through 2025", "in fiscal years 2024 and
 * 2025" (two years in a row: one span). From the first's start to the last's end, once
 * the document says when its years start (fiscalYears.ts).
 */
const fiscalYearSpan: Rule = {
  name: 'fiscal-year',
  needs: Trigger.Fiscal,
  hint: /fiscal\s+years/i,
  pattern: new RegExp(`\\bfiscal\\s+years\\s+(${YEAR})\\s*(?:-|–|—|through|thru|to|and)\\s*(${YEAR})\\b(?![-/.,]?\\d)`, 'gi'),
  build(m, start) {
    const y1 = Number(m[1]);
    const y2 = Number(m[2]);
    if (y2 <= y1 || (/\sand\s/i.test(m[0]) && y2 !== y1 + 1)) return undefined;
    const from: CalendarExpr = { type: 'calendar', year: y1, fiscal: true };
    const to: CalendarExpr = { type: 'calendar', year: y2, fiscal: true };
    return { start, end: start + m[0].length, expr: { type: 'range', from, to } };
  },
};

const relativeFiscalYear: Rule = {
  name: 'fiscal-year',
  needs: Trigger.Fiscal,
  hint: /fiscal/i,
  pattern: /\b(?:the\s+)?(this|last|next|current|previous|coming|prior)\s+fiscal\s+year\b/gi,
  build(m, start) {
    const word = (m[1] ?? '').toLowerCase();
    const amount = word === 'last' || word === 'previous' || word === 'prior' ? -1 : word === 'next' || word === 'coming' ? 1 : 0;
    if (/^the\s/i.test(m[0]) && (word === 'previous' || word === 'prior')) {
      return { start, end: start + m[0].length, expr: { type: 'vague' } };
    }
    return { start, end: start + m[0].length, expr: { type: 'shift', unit: 'year', amount } };
  },
};

/** Year first, as trust pages and roadmaps write them: "2026 Q3", "2027-H1". */
const yearFirst: Rule = {
  name: 'quarter',
  needs: Trigger.Year,
  hint: /\d[\s-]?[QH][1-4]/,
  pattern: new RegExp(`\\b(${YEAR})[ \\u00A0-]?([QH])([1-4])\\b(?![-/.]?\\d)`, 'g'),
  build(m, start) {
    const year = Number(m[1]);
    const n = Number(m[3]);
    const end = start + m[0].length;
    if (m[2] === 'Q') return { start, end, expr: quarter(n, year) };
    return n <= 2 ? { start, end, expr: half(n, year, undefined) } : undefined;
  },
};

export const QUARTER_RULES: readonly Rule[] = [
  quarterCode,
  quarterShort,
  fiscalQuarter,
  quarterWords,
  halfCode,
  halfWords,
  monthsOfYear,
  fiscalYearSpan,
  fiscalYear,
  relativeFiscalYear,
  yearFirst,
];
