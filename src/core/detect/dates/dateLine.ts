// A date and time written alone, as an update's heading or a page's date line prints it:
// "Thursday, November 12, 4:15 p.m.", "12 November 2026, 09:30 GMT". One pattern for the
// date pass (an update log's sections) and the claim pass (no claim), so both read the
// same lines.
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+';
const TIME = '(?:,?\\s+(?:at\\s+)?\\d{1,2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5})?)?';

/** Regex source: an optional weekday, a day of a month (the year optional), an optional time. */
export const DATE_LINE = `(?:${WEEKDAY})?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}\\s+${MONTH})(?:,?\\s+\\d{4})?${TIME}`;

/**
 * Regex source: an update's label before its date, optional: "UPDATE #3 – ", "Update 2: ",
 * "ORIGINAL STATEMENT – ", "Correction — ".
 */
export const UPDATE_LABEL = `(?:(?:update|original\\s+(?:statement|post|notice|announcement|message)|statement|edit(?:ed)?|correction|clarification|addendum|follow[- ]?up|latest)(?:\\s*(?:#|no\\.?\\s*)?\\d{1,3})?\\s*(?:[–—-]|:)\\s*)?`;
