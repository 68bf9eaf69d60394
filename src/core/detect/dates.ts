// The date detector: time expressions a researcher would put on a timeline, with their
// ISO 8601 values. Pure TypeScript over chrono-node; see dates/ for the parts:
// scan.ts finds mentions, resolve.ts gives them values, documentDate.ts finds the
// reference date when the caller does not give one.
import type { DateDetection } from '../model';
import { parseIsoDay, type Ymd } from './dates/calendar';
import { futureClause } from './dates/context';
import { documentDateFrom, type DocumentDate } from './dates/documentDate';
import { resolveExpr } from './dates/resolve';
import { scanMentions } from './dates/scan';

export type { DocumentDate } from './dates/documentDate';

export interface DetectDatesOptions {
  /** `YYYY-MM-DD`: the date relative expressions are resolved against. When absent, the
   * document's own date (findDocumentDate) is used; when there is none, relative and
   * partial dates are detected but left unresolved. `null` says there is none: a caller
   * that detects a document piece by piece passes it so that no piece is taken for the
   * whole document and searched for a date of its own. */
  referenceDate?: string | null;
}

/**
 * Date mentions in `text`, sorted by start and non-overlapping. Offsets are UTF-16 code
 * units, end exclusive, so `text.slice(d.start, d.end) === d.text`.
 */
export function detectDates(text: string, options: DetectDatesOptions = {}): DateDetection[] {
  const mentions = scanMentions(text);
  let reference: string | undefined;
  let ref: Ymd | undefined;
  if (typeof options.referenceDate === 'string') {
    ref = parseIsoDay(options.referenceDate);
    if (!ref) throw new RangeError(`referenceDate must be YYYY-MM-DD, got "${options.referenceDate}"`);
    reference = options.referenceDate;
  } else if (options.referenceDate === undefined && mentions.length > 0) {
    const own = documentDateFrom(text, mentions);
    if (own) {
      reference = own.value;
      ref = parseIsoDay(own.value);
    }
  }
  return mentions.map((m) => {
    const r = resolveExpr(m.expr, ref, () => (futureClause(text, m.start) ? 'future' : 'past'));
    const d: DateDetection = {
      kind: 'date',
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      relative: r.relative,
      stated: r.stated,
      implied: r.implied,
    };
    if (r.value !== undefined) d.value = r.value;
    if (r.endValue !== undefined) d.endValue = r.endValue;
    if (r.usedReference && reference !== undefined) d.reference = reference;
    return d;
  });
}

/**
 * The document's own date: a "Published on …" / "Updated …" line, a dateline near the top
 * ("WASHINGTON, June 10, 2020 (Reuters) -", "Jun 10, 2020 —", a date alone on a line), or
 * failing those the first full date in the opening sentence of the first paragraph.
 */
export function findDocumentDate(text: string): DocumentDate | undefined {
  return documentDateFrom(text, scanMentions(text));
}
