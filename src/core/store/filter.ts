// What the Annotations view shows: a filter by kind, status and text over annotations and
// suggestions alike. Pure, so the editor's tree only asks `matches` for each row.

import { STATUSES, type Status } from '../model';

/**
 * A suggestion shown live by the editor and one stored by a scan are both `suggested`:
 * the filter tells machine findings from reviewed annotations, wherever they are kept.
 */
export const SUGGESTED = 'suggested' satisfies Status;
export type FilterStatus = Status;
export const FILTER_STATUSES: readonly FilterStatus[] = STATUSES;

export interface AnnotationFilter {
  /** Kinds shown (built-in or codebook); empty: every kind. */
  kinds: readonly string[];
  /** Statuses shown; empty: every status but `dismissed`, which the view hides unless asked for. */
  statuses: readonly FilterStatus[];
  /** A phrase the quote, label, note, speaker or a tag must contain (case and spacing ignored); '' for none. */
  text: string;
}

export const NO_FILTER: AnnotationFilter = { kinds: [], statuses: [], text: '' };

/** One row of the view as the filter sees it. */
export interface FilterSubject {
  kind: string;
  status: FilterStatus;
  /** The texts the phrase is looked for in; undefined ones are skipped. */
  texts: readonly (string | undefined)[];
}

export function isFilterActive(filter: AnnotationFilter): boolean {
  return filter.kinds.length > 0 || filter.statuses.length > 0 || normaliseText(filter.text) !== '';
}

/**
 * Lower-cased, every run of white space (line breaks and no-break spaces included) made
 * one space, so a phrase typed on one line finds a quote that wraps.
 */
function normaliseText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** A predicate for `filter`, with its phrase normalised once rather than for each of thousands of rows. */
export function compileFilter(filter: AnnotationFilter): (subject: FilterSubject) => boolean {
  const kinds = new Set(filter.kinds);
  const statuses = new Set<FilterStatus>(filter.statuses);
  const phrase = normaliseText(filter.text);
  return (subject) => {
    if (kinds.size > 0 && !kinds.has(subject.kind)) return false;
    if (statuses.size > 0 ? !statuses.has(subject.status) : subject.status === 'dismissed') return false;
    if (phrase === '') return true;
    return subject.texts.some((t) => t !== undefined && normaliseText(t).includes(phrase));
  };
}

/** How the view's title describes an active filter: `control, date · verified · "soc 2"`; '' when none is active. */
export function describeFilter(filter: AnnotationFilter): string {
  const parts: string[] = [];
  if (filter.kinds.length > 0) parts.push(filter.kinds.join(', '));
  if (filter.statuses.length > 0) parts.push(filter.statuses.join(', '));
  const phrase = filter.text.replace(/\s+/gu, ' ').trim();
  if (phrase !== '') parts.push(`“${phrase}”`);
  return parts.join(' · ');
}

/**
 * A filter from a command argument (a keybinding's `args`, another extension, a test):
 * an object with optional `kinds`, `statuses` and `text`. Throws, naming the field, when
 * the value has another shape, so a wrong keybinding is reported instead of ignored.
 */
export function parseFilter(value: unknown): AnnotationFilter {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('a filter is an object with optional kinds (list of strings), statuses (list) and text (string)');
  }
  const record = value as Record<string, unknown>;
  const known = ['kinds', 'statuses', 'text'];
  const unknown = Object.keys(record).filter((k) => !known.includes(k));
  if (unknown.length > 0)
    throw new TypeError(`unknown filter field ${unknown.map((k) => `\`${k}\``).join(', ')} (known: ${known.join(', ')})`);
  const strings = (field: string): string[] => {
    const list = record[field] ?? [];
    if (!Array.isArray(list) || !list.every((x): x is string => typeof x === 'string' && x !== '')) {
      throw new TypeError(`filter \`${field}\` must be a list of non-empty strings`);
    }
    return [...new Set(list)];
  };
  const kinds = strings('kinds');
  const statuses = strings('statuses');
  const wrong = statuses.filter((s) => !(FILTER_STATUSES as readonly string[]).includes(s));
  if (wrong.length > 0) throw new TypeError(`filter status ${wrong.join(', ')} is not one of ${FILTER_STATUSES.join(', ')}`);
  const text = record.text ?? '';
  if (typeof text !== 'string') throw new TypeError('filter `text` must be a string');
  return { kinds, statuses: statuses as FilterStatus[], text };
}
