// The document's own date, used as the reference for relative dates. Evidence, strongest
// first:
// 1. a "Published on …", "Posted …", "Date: …" line (an "Updated …" or "Last reviewed …"
//    line only when no publication line exists), at a line start or after a byline separator ("|", "·");
// 2. a dateline in the first lines: "WASHINGTON, June 10, 2020 (Reuters) -", "Lyon, France – 22 September 2026 –",
//    "Jun 10, 2020 — …", "By Jane Doe | June 10, 2020", or a date alone on a line;
// 3. the first full date in the opening sentence of the first body paragraph
//    ("On Jun 10, 2020, the company published …"): news and blog ledes date the event
//    they report, which is the best estimate of when the text was written when nothing
//    else says so.
// When the opening gives none, a filing's, notice's or report's closing date does
// (closingDateFrom): "Date: May 20, 2026" under a signature, "Notice date: July 24, 2026".
// Only a full date (year, month and day) counts: the reference must be a day.
import { formatDay } from './calendar';
import type { Mention } from './expression';

export interface DocumentDate {
  /** YYYY-MM-DD */
  value: string;
  start: number;
  end: number;
}

/** How far into the text datelines and ledes are looked for. */
const HEAD_CHARS = 3000;
const HEAD_LINES = 12;

// A label opens its line, follows a byline separator, or stands after a wide gap in a
// header of fields ("Reference: BBC-2026-014   Version 1.2   Issued: 2 February 2026").
const LABEL_START = String.raw`(?:^|[|•·]\s*|[ \t]{2,}|\t)[\s*>#_•-]*`;
const PUBLISHED = new RegExp(
  String.raw`${LABEL_START}(?:first\s+)?(?:published|posted|released|issued|dated?|publication\s+date|publish\s+date|date\s+published|release\s+date|filing\s+date|filed)\b[^\r\n]{0,40}$`,
  'i',
);
const FIRST_PUBLISHED = /\bfirst\s+(?:published|posted|issued|released)\b/i;
const UPDATED = new RegExp(String.raw`${LABEL_START}(?:last\s+)?(?:updated|modified|revised|reviewed)\b[^\r\n]{0,40}$`, 'i');
const CITY_PREFIX =
  /^[\s*>#_•-]*(?:[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,4}(?:,\s*[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,2})?\s*(?:\([^)\r\n]{1,40}\)\s*)?(?:[,:]|\s[–—])\s*)?$/;
const BYLINE_SEPARATOR = /[|•·]\s*$/;
// A city between the separator and the date: "Press release · Utrecht, 2 December 2026".
const SEPARATOR_CITY = /[|•·]\s*[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3}\s*,\s*$/;
// The page's read time before its date: "6 min read · Oct 16, 2025", or glued to it
// ("6 min readOctober 16, 2025", whose "d" scan.ts's unglued blanks).
const READ_TIME_PREFIX = /^[\s*>#_•-]*\d+\s*min(?:ute)?s?\s+read?\s*[|•·-]?\s*$/i;
// A date line may end in the page's read time or its update: "Jun 10, 2020 · 4 min read",
// "Nov 18, 2026  Updated 9:42 a.m.", or carry a wire's tag: "Sept. 15, 2026 /PRNewswire/ --".
const DATELINE_SUFFIX =
  /^\s*(?:\([^)\r\n]{1,40}\))?\s*(?:\/[A-Za-z][A-Za-z .-]{1,30}\/\s*)?(?:[-–—:|·•]|(?:\d+\s*)?min(?:ute)?s?\s+read\b|(?:last\s+)?(?:updated|modified)\b|$)/i;
// A wire story's date line carries its time, zone and update: "April 14, 2026 4:37 PM
// GMT+1 Updated 2 hours ago".
const TIME_SUFFIX =
  /^[\s,]*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[^\r\n]{0,24}$|\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?\s*[|•·,-]?\s*(?:last\s+)?updated\b[^\r\n]{0,40}$)/i;

/** A title, then an en or em dash before the date that ends its line. */
const TITLE_DASH = /^[\s>*#_•]*\p{Lu}[^\r\n–—|]{3,100}?\s[–—]\s*$/u;

function fullDay(m: Mention): string | undefined {
  const e = m.expr;
  if (e.type !== 'calendar' || e.year === undefined || e.month === undefined || e.day === undefined) return undefined;
  return formatDay({ y: e.year, m: e.month, d: e.day });
}

interface Line {
  start: number;
  end: number;
}

/** The start of the line holding `index` if it is at most `limit` characters back. */
function lineStartWithin(text: string, index: number, limit: number): number | undefined {
  const floor = Math.max(0, index - limit);
  for (let i = index; i > floor; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) return i;
  }
  return floor === 0 ? 0 : undefined;
}

/** The first non-empty lines of the text. */
function headLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m && lines.length < HEAD_LINES && m.index < HEAD_CHARS; m = re.exec(text)) {
    if (m[0].trim()) lines.push({ start: m.index, end: m.index + m[0].length });
  }
  return lines;
}

/** A line of ten words or more: body text rather than a title, byline or label. */
function isParagraph(line: string): boolean {
  let words = 0;
  const re = /\S+/g;
  while (re.exec(line) && ++words < 10);
  return words >= 10;
}

export function documentDateFrom(text: string, mentions: readonly Mention[]): DocumentDate | undefined {
  const full = mentions.map((m) => ({ m, value: fullDay(m) })).filter((x): x is FullDay => x.value !== undefined);
  if (full.length === 0) return undefined;
  const at = (x: FullDay): DocumentDate => dateAt(text, x);
  // A marker must open the line (or follow a byline separator) within 80 characters.
  const prefixes = full.map((x) => {
    const lineStart = lineStartWithin(text, x.m.start, 80);
    return lineStart === undefined ? '' : text.slice(lineStart, x.m.start);
  });
  const published = full.findIndex((_, i) => PUBLISHED.test(prefixes[i] ?? ''));
  const updated = full.findIndex((_, i) => UPDATED.test(prefixes[i] ?? ''));
  // "First published 19 May 2022 · Last updated 10 March 2026": a page kept up to date
  // speaks from its last update ("earlier this month", "last year").
  const firstPublished = published >= 0 && FIRST_PUBLISHED.test(prefixes[published] ?? '');
  if (firstPublished && updated >= 0) return at(full[updated] as (typeof full)[number]);
  if (published >= 0) {
    const labelled = at(full[published] as (typeof full)[number]);
    if (!firstPublished) return labelled;
    // "Legal Update | 24 November 2025 / First published 2 July 2025": the page's
    // later date line is the revision it speaks from.
    const dateline = datelineFrom(text, full);
    return dateline && dateline.value > labelled.value ? dateline : labelled;
  }
  if (updated >= 0) {
    // "29 January 2026 | Updated: 30 January 2026": the line's first date is the page's own.
    const lineStart = lineStartWithin(text, (full[updated] as (typeof full)[number]).m.start, 80);
    const first = full.find(
      (x) => lineStart !== undefined && x.m.start >= lineStart && x.m.start < (full[updated] as (typeof full)[number]).m.start,
    );
    return at(first ?? (full[updated] as (typeof full)[number]));
  }
  return datelineFrom(text, full);
}

interface FullDay {
  m: Mention;
  value: string;
}

/** The span of the date itself, without the preposition the detector keeps ("on"). */
function dateAt(text: string, x: FullDay): DocumentDate {
  const lead = /^(?:on|in|by|from|since|as\s+of)\s+/i.exec(text.slice(x.m.start, x.m.end));
  return { value: x.value, start: x.m.start + (lead ? lead[0].length : 0), end: x.m.end };
}

/** Evidence 2 and 3 above: a dateline in the first lines, else the lede's first full date. */
function datelineFrom(text: string, full: readonly FullDay[]): DocumentDate | undefined {
  const at = (x: FullDay): DocumentDate => dateAt(text, x);
  const lines = headLines(text);
  const inHead = full.filter((x) => x.m.start < HEAD_CHARS);
  for (const line of lines) {
    for (const x of inHead) {
      if (x.m.start < line.start || x.m.end > line.end) continue;
      const before = text.slice(line.start, x.m.start);
      const after = text.slice(x.m.end, line.end);
      if (BYLINE_SEPARATOR.test(before) || READ_TIME_PREFIX.test(before)) return at(x);
      if (SEPARATOR_CITY.test(before) && DATELINE_SUFFIX.test(after)) return at(x);
      if (CITY_PREFIX.test(before) && (DATELINE_SUFFIX.test(after) || TIME_SUFFIX.test(after))) return at(x);
    }
  }
  // "Notice of Security Incident – December 3, 2026": a notice's title line with its date,
  // quoted in a forum post or under a site's chrome.
  for (const x of inHead) {
    const lineStart = lineStartWithin(text, x.m.start, 120);
    if (lineStart === undefined || !TITLE_DASH.test(text.slice(lineStart, x.m.start))) continue;
    if (/^[^\S\r\n]*(?:[\r\n]|$)/.test(text.slice(x.m.end, x.m.end + 3))) return at(x);
  }
  const body = lines.find((l) => isParagraph(text.slice(l.start, l.end)));
  if (!body) return undefined;
  const sentenceEnd = /[.!?](?:\s|$)/.exec(text.slice(body.start, body.end));
  const opening = body.start + (sentenceEnd ? sentenceEnd.index + 1 : body.end - body.start);
  const lede = inHead.find((x) => x.m.start >= body.start && x.m.start < opening);
  return lede ? at(lede) : undefined;
}

/** A labelled date line of a closing block: "Date: May 20, 2026", "Dated 3 March 2026", "Notice date: July 24, 2026". */
const CLOSING_LABEL =
  /^[\s*>#_•|-]*(?:(?:notice|filing|report|signature|issue)\s+date|date\s+of\s+(?:report|this\s+notice|issue|filing)|dated?|signed(?:\s+on)?)\s*[:,]?\s*(?:on\s+)?$/i;
/** Nothing but the date on its line: a signature block's date ("August 14, 2026"). */
const ALONE_BEFORE = /^[^\S\r\n]*$/;
const ALONE_AFTER = /^[\s.]*$/;

/**
 * The date a closing block gives the document, in `tail` (the text's last characters):
 * the last full date on a line of its own or after a label such as "Date:". Filings,
 * notices and audit reports are dated where they are signed, at the end or under the
 * auditor's report ("Columbus, Ohio / August 14, 2026").
 */
export function closingDateFrom(tail: string, mentions: readonly Mention[]): DocumentDate | undefined {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i] as Mention;
    const value = fullDay(m);
    if (value === undefined) continue;
    const lineStart = lineStartWithin(tail, m.start, 80);
    if (lineStart === undefined) continue;
    const lineEnd = tail.slice(m.end).search(/[\r\n]|$/);
    const before = tail.slice(lineStart, m.start);
    const after = tail.slice(m.end, m.end + lineEnd);
    if (!ALONE_AFTER.test(after)) continue;
    if (ALONE_BEFORE.test(before) || CLOSING_LABEL.test(before)) return { value, start: m.start, end: m.end };
  }
  return undefined;
}
