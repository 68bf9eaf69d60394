// What a date mention means, before it is resolved against a reference date. Rules and
// the chrono pass produce these; resolve.ts turns them into values.

export type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A calendar date with some parts stated; missing parts come from the reference. */
export interface CalendarExpr {
  type: 'calendar';
  year?: number;
  quarter?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday .. 6 = Saturday. */
  weekday?: number;
  /** "last March", "next Friday", "this June": which occurrence the text picked. */
  pick?: 'last' | 'next' | 'this';
  /** A year given relative to the reference: "the second half of last year" is -1. */
  yearOffset?: number;
  /** A fiscal year's label ("fiscal 2026", "Q3 FY2026"): read in the fiscal year the document states, if it states one (fiscalYears.ts). */
  fiscal?: boolean;
  /** A quarter without a year in a document that reckons in fiscal years starting on the
   * first of this month ("costs will fall after the fourth quarter"): that fiscal year's
   * quarter, the year picked as for calendar quarters (fiscalYears.ts). */
  fiscalStartMonth?: number;
  /** The year an earlier date of the same sentence states ("During 2026, … by the end
   * of the third quarter"): implied, and preferred to the reference's. */
  contextYear?: number;
  /** An earlier dated month or day of the same sentence ("On November 27, 2023, … and
   * launched ransomware on December 3"): a month or day without a year told after it, in
   * a clause not about the future, is its first occurrence on or after this one. */
  contextAnchor?: {
    y: number;
    m: number;
    d: number;
    /** Told in an earlier sentence: followed only by a date at most this many days after it. */
    withinDays?: number;
  };
}

/** An offset from the reference date: "last month" is month -1, "this year" year 0. */
export interface ShiftExpr {
  type: 'shift';
  unit: Unit;
  amount: number;
  /** Precision of the value when it differs from the unit ("3 weeks ago" is a day). */
  precision?: Unit;
}

/** The span of time reaching back or forward from the reference ("over the last year"). */
export interface PeriodExpr {
  type: 'period';
  unit: Unit;
  /** Undefined when vague ("the past few years", "the coming months"). */
  count?: number;
  direction: 'past' | 'future';
}

/** The Saturday and Sunday of a weekend relative to the reference. */
export interface WeekendExpr {
  type: 'weekend';
  pick: 'last' | 'next' | 'this';
  /** The day an earlier sentence of the story dated (see CalendarExpr.contextAnchor): "On Friday 12 April 2024 … Over the weekend". */
  contextAnchor?: { y: number; m: number; d: number };
}

/** A time expression a reader can place but this detector cannot resolve
 * ("in the near future", "the following year"). */
export interface VagueExpr {
  type: 'vague';
}

/**
 * A time told from the date before it in the text, not from the reference: "the same
 * evening", "the following day", "the previous year", "five days later". `needsAntecedent`
 * marks the phrases that are no date at all without such a date ("notify customers the
 * same day").
 */
export interface AnaphorExpr {
  type: 'anaphor';
  unit: 'day' | 'week' | 'month' | 'year';
  amount: number;
  needsAntecedent?: boolean;
}

/**
 * A season, as the northern hemisphere's calendar has it ("last spring", "the summer of
 * 2024"): its three months. Winter runs over a new year, December to February, and is
 * read only as "last", "this" or "next winter" ("winter 2025" says neither which).
 */
export interface SeasonExpr {
  type: 'season';
  /** The season's first month: spring 3, summer 6, autumn 9, winter 12 (of `year`). */
  first: 3 | 6 | 9 | 12;
  year?: number;
  /** "last spring": the latest one over by the reference; "next": the first not begun; "this": the reference's year. */
  pick?: 'last' | 'next' | 'this';
}

export interface RangeExpr {
  type: 'range';
  from: CalendarExpr;
  to: CalendarExpr;
}

export type DateExpr = CalendarExpr | ShiftExpr | PeriodExpr | WeekendExpr | VagueExpr | AnaphorExpr | RangeExpr | SeasonExpr;

/** A date found in the text, offsets in UTF-16 code units, end exclusive. */
export interface Mention {
  start: number;
  end: number;
  expr: DateExpr;
}
