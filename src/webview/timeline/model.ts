// The timeline's data as the page draws it: items placed on a day axis and grouped into
// lanes. No DOM and no d3 here (d3 is ESM-only, the unit tests run as CommonJS), so the
// rules users must be able to trust (where a mark starts and ends, which lane it is in)
// are tested in Node.

import type { Timeline, TimelineItem } from '../../core/timeline/types';

export const DAY_MS = 86_400_000;

/** The date of `YYYY-MM-DD` at 00:00 UTC, in ms; undefined for anything else (`2025-02-30` too). */
export function parseDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime();
}

/** An item with its place on the axis. */
export interface PlacedItem {
  item: TimelineItem;
  /** 00:00 UTC of `from`. */
  start: number;
  /** 00:00 UTC of the day after `to`: `to` is inclusive, so a bar covers the whole of its last day. */
  end: number;
  /** A single day is drawn as a symbol; anything longer as a bar. */
  point: boolean;
  /** What the text filter searches, lower-cased once rather than on every keystroke. */
  haystack: string;
}

export interface Placement {
  placed: PlacedItem[];
  /** Items whose `from`/`to` are not dates or run backwards: counted so the summary can say so. */
  invalid: number;
}

export function placeItems(items: readonly TimelineItem[]): Placement {
  const placed: PlacedItem[] = [];
  let invalid = 0;
  for (const item of items) {
    const start = parseDay(item.from);
    const last = parseDay(item.to);
    if (start === undefined || last === undefined || last < start) {
      invalid++;
      continue;
    }
    const haystack = normaliseText([item.quote, item.dateText, item.speaker, item.entity, item.doc, item.value].join('\n'));
    placed.push({ item, start, end: last + DAY_MS, point: last === start, haystack });
  }
  return { placed, invalid };
}

/** Lower case, every run of white space (line breaks, no-break spaces) one space. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The first and last instant the placed items cover, or undefined when there are none. */
export function extentOf(placed: readonly PlacedItem[]): [number, number] | undefined {
  if (placed.length === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const p of placed) {
    if (p.start < min) min = p.start;
    if (p.end > max) max = p.end;
  }
  return [min, max];
}

export type LaneMode = 'document' | 'speaker' | 'control';
export const LANE_MODES: readonly LaneMode[] = ['document', 'speaker', 'control'];

export const NO_SPEAKER = '(no speaker)';
export const NO_CONTROL = '(no control)';

/** Who said it: the entity the speaker resolves to when known, else the name as written. */
export function speakerOf(item: TimelineItem): string {
  return item.entity.trim() || item.speaker.trim() || NO_SPEAKER;
}

/** The controls an item is about, each once, or the placeholder lane. */
export function controlsOf(item: TimelineItem): string[] {
  const controls = [...new Set(item.controls.map((c) => c.trim()).filter((c) => c !== ''))];
  return controls.length > 0 ? controls : [NO_CONTROL];
}

/** The lanes an item is drawn in: one, except in control lanes where it is in each of its controls'. */
export function laneKeysOf(item: TimelineItem, mode: LaneMode): string[] {
  switch (mode) {
    case 'document':
      return [item.doc];
    case 'speaker':
      return [speakerOf(item)];
    case 'control':
      return controlsOf(item);
  }
}

/** One drawn mark: an item in one lane, on one track (row) of it. */
export interface LaneMark {
  /** Unique among the marks drawn: an item in control lanes has one mark per control. */
  id: string;
  placed: PlacedItem;
  track: number;
}

export interface Lane {
  key: string;
  /** Marks in time order (start, then end, then key): the order the keyboard walks. */
  marks: LaneMark[];
  /** Rows the lane needs so that marks overlapping in time do not cover each other. */
  tracks: number;
}

/**
 * Beyond this many rows a lane stops growing and overlapping marks share the row that
 * frees up first: a lane of 300 year-long bars would otherwise push the others off screen.
 */
export const MAX_TRACKS = 6;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Lanes in name order, placeholders ("(no speaker)") last. */
export function compareLaneKeys(a: string, b: string): number {
  const placeholderA = a === NO_SPEAKER || a === NO_CONTROL;
  const placeholderB = b === NO_SPEAKER || b === NO_CONTROL;
  if (placeholderA !== placeholderB) return placeholderA ? 1 : -1;
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function compareMarksInTime(a: PlacedItem, b: PlacedItem): number {
  return a.start - b.start || a.end - b.end || (a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0);
}

export function groupLanes(placed: readonly PlacedItem[], mode: LaneMode): Lane[] {
  const byLane = new Map<string, PlacedItem[]>();
  for (const p of placed) {
    for (const key of laneKeysOf(p.item, mode)) {
      const list = byLane.get(key);
      if (list) list.push(p);
      else byLane.set(key, [p]);
    }
  }
  return [...byLane.keys()].sort(compareLaneKeys).map((key) => {
    const members = (byLane.get(key) ?? []).slice().sort(compareMarksInTime);
    return packLane(key, members);
  });
}

/**
 * Greedy interval packing by days, so it holds at every zoom: a day counts as a whole
 * day, and two symbols on one day go to different rows.
 */
function packLane(key: string, members: readonly PlacedItem[]): Lane {
  const trackEnds: number[] = [];
  const marks = members.map((p): LaneMark => {
    let track = trackEnds.findIndex((end) => end <= p.start);
    if (track === -1) {
      if (trackEnds.length < MAX_TRACKS) {
        track = trackEnds.length;
        trackEnds.push(p.end);
      } else {
        track = trackEnds.indexOf(Math.min(...trackEnds));
      }
    }
    trackEnds[track] = Math.max(trackEnds[track] ?? p.end, p.end);
    return { id: `${key}\u0000${p.item.key}`, placed: p, track };
  });
  return { key, marks, tracks: Math.max(1, trackEnds.length) };
}

/** Distinct values (speakers, controls) of the items, with how many items have each, in lane order. */
export function valuesWithCounts(placed: readonly PlacedItem[], valuesOf: (item: TimelineItem) => string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const p of placed) for (const v of valuesOf(p.item)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => compareLaneKeys(a, b));
}

/** The timeline's items with their places; `undated` is what the extension could not resolve. */
export interface Corpus {
  placed: PlacedItem[];
  invalid: number;
  undated: number;
  total: number;
}

export function corpusOf(timeline: Timeline): Corpus {
  const { placed, invalid } = placeItems(timeline.items);
  return { placed, invalid, undated: timeline.undated, total: timeline.items.length };
}
