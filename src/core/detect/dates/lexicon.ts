// Words and regular-expression fragments shared by the rules. Fragments carry no flags
// and no capture groups unless their comment says so.

const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const FULL_MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

/** Full names the language also uses as ordinary words, so case must show they are months. */
const AMBIGUOUS_MONTHS = new Set(['may', 'march']);

const WEEKDAY_NUMBERS: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** A month name or abbreviation (an abbreviation may end in a period). */
export const MONTH =
  '(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\\b|' +
  '(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?)';
/** A full weekday name. */
export const WEEKDAY = '(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)\\b';
/** A four-digit year this detector accepts as a year. */
/** The first month of each season a single year holds (winter runs over a new year). */
export const SEASON_FIRST_MONTH: Readonly<Record<string, 3 | 6 | 9>> = { spring: 3, summer: 6, autumn: 9, fall: 9 };

export const YEAR = '(?:1[89]\\d\\d|20\\d\\d|21\\d\\d)';
/** Number words used in "two years ago", "the past three months". */
export const COUNT =
  '(?:\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|' +
  'fifteen|twenty|thirty|forty|fifty|a\\s+few|a\\s+couple\\s+of|a\\s+couple|couple\\s+of|' +
  'few|several|many|some)';

const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};

/** The number a COUNT match stands for, or undefined when vague ("a few"). */
export function countValue(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(w)) return Number(w);
  return COUNT_WORDS[w];
}

export function monthNumber(word: string): number | undefined {
  return MONTH_NUMBERS[word.toLowerCase().replace(/\.$/, '')];
}

export function weekdayNumber(word: string): number | undefined {
  return WEEKDAY_NUMBERS[word.toLowerCase()];
}

/**
 * Whether a month word is written the way a month is: capitalised or in capitals.
 * Lower-case full names pass in careless text ("in june", "june 10"), except "may" and
 * "march", far more often the verb, and "august" (the adjective) without a number. An
 * abbreviation alone must end in a period ("in Sept."): "Jan", "Mar" are also names.
 */
export function looksLikeMonth(word: string, withNumber: boolean): boolean {
  const bare = word.replace(/\.$/, '');
  const lower = bare.toLowerCase();
  if (MONTH_NUMBERS[lower] === undefined) return false;
  if (isCapitalised(bare)) return withNumber || FULL_MONTHS.has(lower) || word.endsWith('.');
  if (lower === 'august') return withNumber;
  return FULL_MONTHS.has(lower) && !AMBIGUOUS_MONTHS.has(lower);
}

export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Years written with two digits ("FY23", "Q3'22") are read in 2000-2099. */
export function expandYear(digits: string): number {
  const n = Number(digits);
  return digits.length <= 2 ? 2000 + n : n;
}

/** A year named from the reference after a month or day: "March last year", "September 1 of this year". */
export const YEAR_WORDS_AFTER = /^(?:,?\s+of)?\s+(last|next|this)\s+year\b/i;

/** The year offset `YEAR_WORDS_AFTER`'s word gives: last -1, this 0, next 1. */
export function yearOffsetOf(word: string): number {
  const w = word.toLowerCase();
  return w === 'last' ? -1 : w === 'next' ? 1 : 0;
}

/** Which part of a year an ordinal names: "the third quarter", "the latter half". */
export const ORDINAL_PARTS: Readonly<Record<string, number>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  final: 4,
  last: 4,
  latter: 2,
  back: 2,
};
