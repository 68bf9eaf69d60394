// The corpus as marks on a time axis: what the timeline view and the annotated edition
// draw. A claim stands where its links put it (a `due` link: its deadline; a `when`
// link, else its document's date: when it was made); a date no shown claim links to
// stands on its own. Dismissed and orphaned annotations are left out: they are not in
// the text, or a person said they are wrong.

import { daysInMonth, isValidDay } from '../detect/dates/calendar';
import { CLAIM_TYPES, type ClaimType, type Status } from '../model';
import type { EntityRegistry } from '../entities/registry';
import type { Annotation, Sidecar } from '../sidecar/format';
import type { Timeline, TimelineItem, TimelinePrecision, TimelineRole } from './types';

/** What a timeline needs of a document: its path as exports name it, and its annotations. */
export interface TimelineDocument {
  path: string;
  sidecar: Sidecar;
  /**
   * The document's date (`YYYY-MM-DD`), where claims that link no `when` date were made:
   * its sidecar's `published`, else the date line of its text (detect's
   * documentReferenceDate). Without it, the sidecar's `published` alone.
   */
  date?: string;
}

export interface TimelineOptions {
  /** Show unreviewed suggestions (stored by a scan, or live in an open document); default true. */
  includeSuggestions?: boolean;
  /** Names speakers by their entity's listed name. */
  entities?: EntityRegistry;
}

export interface Period {
  from: string;
  to: string;
  precision: TimelinePrecision;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Monday of ISO week `week` of `year`: the week with the year's first Thursday is week 1. */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * 86_400_000 + (week - 1) * 7 * 86_400_000;
}

/**
 * The days one ISO value covers, at its precision: `2025` the whole year, `2025-Q3` July
 * to September, `2025-W02` Monday to Sunday, `2025-06-10` (or a date-time) that day.
 * Undefined for what is not such a value (an unresolved date's words, a codebook label).
 */
export function periodOfValue(value: string): Period | undefined {
  let m = /^(\d{4})$/.exec(value);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, precision: 'year' };
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const first = (Number(m[2]) - 1) * 3 + 1;
    return {
      from: `${m[1]}-${pad(first)}-01`,
      to: `${m[1]}-${pad(first + 2)}-${pad(daysInMonth(year, first + 2))}`,
      precision: 'quarter',
    };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(daysInMonth(Number(m[1]), month))}`, precision: 'month' };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const week = Number(m[2]);
    if (week < 1 || week > 53) return undefined;
    const monday = isoWeekMonday(Number(m[1]), week);
    return { from: isoDay(monday), to: isoDay(monday + 6 * 86_400_000), precision: 'week' };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isValidDay(year, month, day)) return undefined;
    return { from: `${m[1]}-${m[2]}-${m[3]}`, to: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' };
  }
  return undefined;
}

/** A value or a range `A/B` (each at its own precision): from A's first day to B's last. */
export function periodOfRange(value: string): Period | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return periodOfValue(value);
  const first = periodOfValue(value.slice(0, slash));
  const last = periodOfValue(value.slice(slash + 1));
  if (!first || !last || last.to < first.from) return undefined;
  return { from: first.from, to: last.to, precision: first.precision };
}

function shown(a: Annotation, includeSuggestions: boolean): boolean {
  if (a.orphaned === true || a.status === 'dismissed') return false;
  return includeSuggestions || a.status !== 'suggested';
}

function claimTypeOf(a: Annotation): ClaimType | undefined {
  return CLAIM_TYPES.find((t) => t === a.label);
}

interface Mark {
  doc: string;
  annotation: Annotation;
  kind: 'claim' | 'date';
  role: TimelineRole;
  value: string;
  period: Period;
  dateText: string;
  entity: string;
  controls: string[];
  key: string;
}

/**
 * One item, its properties always made in the same order: a corpus has tens of
 * thousands, and objects spread together from varying parts cost five times as much.
 */
function itemOf(m: Mark): TimelineItem {
  const a = m.annotation;
  const item: TimelineItem = {
    key: m.key,
    doc: m.doc,
    annotationId: a.id,
    kind: m.kind,
    role: m.role,
    status: a.status,
    value: m.value,
    from: m.period.from,
    to: m.period.to,
    precision: m.period.precision,
    quote: a.quote,
    dateText: m.dateText,
    speaker: m.kind === 'claim' ? (a.speaker ?? '') : '',
    entity: m.entity,
    controls: m.controls,
    start: a.start,
    end: a.end,
  };
  if (m.kind === 'claim') {
    const claimType = claimTypeOf(a);
    if (claimType !== undefined) item.claimType = claimType;
    if (a.verdict !== undefined) item.verdict = a.verdict;
  }
  return item;
}

/**
 * The timeline of `docs`: one item per claim's due date, per claim's `when` date (or
 * its document's date when it links none), and per date no shown claim links to.
 * Items come in document order, then by position in the document.
 */
export function buildTimeline(docs: readonly TimelineDocument[], options: TimelineOptions = {}): Timeline {
  const includeSuggestions = options.includeSuggestions ?? true;
  const items: TimelineItem[] = [];
  let undated = 0;
  for (const doc of docs) {
    const annotations = doc.sidecar.annotations.filter((a) => shown(a, includeSuggestions));
    const byId = new Map(annotations.map((a) => [a.id, a]));
    const linkedDates = new Set<string>();
    const published = doc.date ?? doc.sidecar.source.published;
    const documentPeriod = published === undefined ? undefined : periodOfValue(published);
    for (const a of annotations) {
      if (a.kind !== 'claim') continue;
      const controls: string[] = [];
      for (const id of a.about ?? []) {
        const c = byId.get(id);
        if (c) controls.push(c.label ?? c.quote);
      }
      const entity = a.entity === undefined ? '' : (options.entities?.resolve(a.entity)?.name ?? a.entity);
      const place = (role: TimelineRole, date: Annotation): boolean => {
        linkedDates.add(date.id);
        const value = date.label ?? '';
        const period = periodOfRange(value);
        if (!period) return false;
        const key = `${doc.path}#${a.id}#${role}#${date.id}`;
        items.push(
          itemOf({ doc: doc.path, annotation: a, kind: 'claim', role, value, period, dateText: date.quote, entity, controls, key }),
        );
        return true;
      };
      for (const id of a.due ?? []) {
        const date = byId.get(id);
        if (date) place('due', date);
      }
      let made = false;
      for (const id of a.when ?? []) {
        const date = byId.get(id);
        if (date && place('made', date)) made = true;
      }
      if (!made && published !== undefined && documentPeriod) {
        const item = itemOf({
          doc: doc.path,
          annotation: a,
          kind: 'claim',
          role: 'made',
          value: published,
          period: documentPeriod,
          dateText: published,
          entity,
          controls,
          key: `${doc.path}#${a.id}#made#document`,
        });
        item.documentDate = true;
        items.push(item);
      }
    }
    for (const a of annotations) {
      if (a.kind !== 'date') continue;
      const value = a.label ?? '';
      const period = periodOfRange(value);
      // Counted once, linked or not: the view says how many dates it could not place.
      if (!period) undated++;
      if (!period || linkedDates.has(a.id)) continue;
      const key = `${doc.path}#${a.id}#mentioned`;
      items.push(
        itemOf({
          doc: doc.path,
          annotation: a,
          kind: 'date',
          role: 'mentioned',
          value,
          period,
          dateText: a.quote,
          entity: '',
          controls: [],
          key,
        }),
      );
    }
  }
  return { items, undated, documents: docs.length };
}

/** The statuses a timeline filters by, suggestions first. */
export const TIMELINE_STATUSES: readonly Status[] = ['suggested', 'open', 'verified', 'disputed'];
