// The words the page uses for an item: the tooltip, the table, the screen-reader
// announcement and the summary line say the same things the same way. Pure, unit-tested.

import type { TimelineItem, TimelinePrecision } from '../../core/timeline/types';
import type { LaneMode, PlacedItem } from './model';
import { DAY_MS, NO_SPEAKER, speakerOf } from './model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12 Mar 2025`, in UTC: the axis is UTC, so a date never shifts a day with the reader's zone. */
export function formatDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

/** The days a placed item covers, `to` inclusive: `12 Mar 2025` or `1 Jul 2025 – 30 Sep 2025`. */
export function formatSpan(p: PlacedItem): string {
  const first = formatDay(p.start);
  return p.point ? first : `${first} – ${formatDay(p.end - DAY_MS)}`;
}

const PRECISION_WORDS: Record<TimelinePrecision, string> = {
  year: 'year',
  quarter: 'quarter',
  month: 'month',
  week: 'ISO week',
  day: 'day',
};

/** The resolved value with how precise it is: `2025-Q3 (quarter: 1 Jul 2025 – 30 Sep 2025)`. */
export function describeValue(p: PlacedItem): string {
  const range = p.item.value.includes('/') ? 'range, from a ' : '';
  return `${p.item.value} (${range}${PRECISION_WORDS[p.item.precision]}: ${formatSpan(p)})`;
}

export function describeRole(item: TimelineItem): string {
  switch (item.role) {
    case 'due':
      return 'due (deadline or target)';
    case 'made':
      return item.documentDate ? 'made (document date)' : 'made';
    case 'mentioned':
      return 'mentioned';
  }
}

/** `Commitment`, `Claim`, `Date`. */
export function describeKind(item: TimelineItem): string {
  if (item.kind === 'date') return 'Date';
  const type = item.claimType;
  return type ? type.charAt(0).toUpperCase() + type.slice(1) : 'Claim';
}

/** Suggested items are machine findings: the words say so as plainly as the mark does. */
export function describeStatus(item: TimelineItem): string {
  const status = item.status === 'suggested' ? 'suggested (not reviewed)' : `reviewed: ${item.status}`;
  return item.verdict ? `${status}; verdict: ${item.verdict}` : status;
}

/** `Jane Doe (Acme Corp)` when the speaker resolves to an entity of another name. */
export function describeSpeaker(item: TimelineItem): string {
  const speaker = item.speaker.trim();
  const entity = item.entity.trim();
  if (entity && speaker && entity !== speaker) return `${speaker} (${entity})`;
  return speakerOf(item) === NO_SPEAKER ? '' : speakerOf(item);
}

/** Cut at a word boundary near `max` characters, with an ellipsis; white space runs collapsed. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Keeps both ends of a long name (a path's file name matters most): `reports/…/acme-2025.txt`. */
export function middleTruncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.ceil((max - 1) * 0.6);
  return `${text.slice(0, max - 1 - tail)}…${text.slice(text.length - tail)}`;
}

/** Characters of a lane's name that fit beside its count in the label column. */
export const LANE_LABEL_CHARS = 28;

/**
 * A lane's name as the label column shows it: a document by its file name (the folders
 * are in the label's title), a long file name cut in the middle to keep its ending.
 */
export function laneLabel(key: string, mode: LaneMode): string {
  if (mode !== 'document') return truncate(key, LANE_LABEL_CHARS);
  const name = key.slice(key.lastIndexOf('/') + 1) || key;
  return middleTruncate(name, LANE_LABEL_CHARS);
}

export interface DescribedLine {
  label: string;
  text: string;
}

/** The tooltip's lines after its heading, in order; empty fields are left out. */
export function describeLines(p: PlacedItem, quoteLength = 280): DescribedLine[] {
  const item = p.item;
  const lines: DescribedLine[] = [];
  lines.push({ label: '', text: `“${truncate(item.quote, quoteLength)}”` });
  const words = item.dateText.trim();
  lines.push({ label: 'Date', text: words && item.kind === 'claim' ? `“${truncate(words, 80)}” → ${describeValue(p)}` : describeValue(p) });
  if (words && item.kind === 'date' && normalised(words) !== normalised(item.quote))
    lines.push({ label: 'Words', text: `“${truncate(words, 80)}”` });
  lines.push({ label: 'Role', text: describeRole(item) });
  const speaker = describeSpeaker(item);
  if (speaker) lines.push({ label: 'Speaker', text: speaker });
  if (item.controls.length > 0) lines.push({ label: 'Controls', text: item.controls.join(', ') });
  lines.push({ label: 'Document', text: item.doc });
  lines.push({ label: 'Status', text: describeStatus(item) });
  return lines;
}

function normalised(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase();
}

export function describeHeading(item: TimelineItem): string {
  return `${describeKind(item)} · ${item.role}`;
}

/** What a screen reader hears when the keyboard cursor lands on a mark. */
export function announce(p: PlacedItem, lane: string, position: number, count: number): string {
  const item = p.item;
  const speaker = describeSpeaker(item);
  return [
    `${describeKind(item)}, ${describeRole(item)}, ${formatSpan(p)}`,
    describeStatus(item),
    speaker ? `speaker ${speaker}` : '',
    `“${truncate(item.quote, 140)}”`,
    `lane ${lane}, ${position} of ${count}`,
  ]
    .filter((s) => s !== '')
    .join('. ');
}

const count = new Intl.NumberFormat('en-US');

function plural(n: number, one: string, many: string): string {
  return `${count.format(n)} ${n === 1 ? one : many}`;
}

export interface SummaryFigures {
  /** Items shown (an item in several control lanes counts once). */
  shown: number;
  total: number;
  documents: number;
  undated: number;
  invalid: number;
  mode: LaneMode;
  /** Marks drawn: more than `shown` when control lanes repeat items. */
  marks: number;
}

/** `412 marks shown of 1,203 · 12 documents · 3 dates without a value not shown`. */
export function summarize(f: SummaryFigures): string {
  const parts: string[] = [];
  if (f.total > 0) {
    parts.push(`${count.format(f.shown)} ${f.shown === 1 ? 'mark' : 'marks'} shown of ${count.format(f.total)}`);
    parts.push(plural(f.documents, 'document', 'documents'));
  }
  if (f.mode === 'control' && f.marks > f.shown) parts.push(`items with several controls appear in each one's lane`);
  if (f.undated > 0) parts.push(`${plural(f.undated, 'date', 'dates')} without a value not shown`);
  if (f.invalid > 0) parts.push(`${plural(f.invalid, 'item', 'items')} with an unreadable date not shown`);
  return parts.join(' · ');
}
