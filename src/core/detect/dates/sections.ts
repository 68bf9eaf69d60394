// An update log dates its sections: a line holding only a date and time ("Tuesday,
// November 10, 9:00 a.m.") heads the update below it, and "today", "late last night" or
// "on Monday" there are told from that day, not from the page's date. Incident pages,
// status pages and live blogs are written so, newest first or last. One such line is a
// dateline; only a page with two or more is read as a log. blockDayKeys joins these
// days with a timeline's (timeline.ts) into each block's key for the detector's cache.
import type { Block } from '../../text/blocks';
import { detectDates } from '../dates';
import { DATE_LINE, UPDATE_LABEL } from './dateLine';
import { itemAntecedents } from './timeline';

/**
 * The block's first line is a date (a day, the year optional) with an optional weekday and
 * time, after an optional update label ("UPDATE #3 – "), and nothing else.
 */
const HEADING = new RegExp(`^[ \\t]*${UPDATE_LABEL}${DATE_LINE}[.:]?[ \\t]*(?:\\r?\\n|$)`, 'i');
const MIN_HEADINGS = 2;

/**
 * A heading that dates what follows it as a document of its own: "FORM 8-K/A (Amendment
 * No. 1), filed August 27, 2026", "Statement issued on 3 May 2026", a notice's "Date:
 * Wednesday, 18 March 2026" under a circular it answers, after the page's own
 * text. One is enough: what comes before it is the page's own, told from the page's date.
 */
const DATED_HEADING =
  /\b(?:filed|issued|dated|published|posted|updated|revised)\s+(?:on\s+)?(?=[\p{L}\d])|^[ \t]*Date[ \t]*:[ \t]*(?=[\p{L}\d])/iu;

/** The day a block's heading line names, resolved against the page's date when it gives no year. */
function headingDay(block: Block, reference: string | null): string | undefined {
  const line = HEADING.exec(block.text);
  if (line === null) return undefined;
  return fullDay(line[0], reference);
}

function fullDay(text: string, reference: string | null): string | undefined {
  const value = detectDates(text, { referenceDate: reference, fiscalYearStart: null, dayZero: null })[0]?.value;
  return value !== undefined && value.length === 10 ? value : undefined;
}

/** The day a dated heading (DATED_HEADING) gives what follows it, when it is not the page's own date. */
function datedHeadingDay(block: Block, reference: string | null): string | undefined {
  if (block.kind !== 'heading') return undefined;
  const m = DATED_HEADING.exec(block.text);
  if (m === null) return undefined;
  const day = fullDay(block.text.slice(m.index + m[0].length), reference);
  return day === reference ? undefined : day;
}

/**
 * A status page's stamp under each update ("Posted May 21, 2026 - 21:05 UTC"): a line of
 * its own after the update's text, dating what stands above it back to the stamp before.
 */
const POSTED_STAMP = /^[ \t]*(?:posted|updated|published)\s+(?:on\s+)?(?=[\p{L}\d])[^\r\n]{0,48}$/iu;
const MIN_STAMPS = 2;

/** The day of a status page's stamp, when the block is one and closes an update's text. */
function stampDay(blocks: readonly Block[], i: number, reference: string | null): string | undefined {
  const block = blocks[i] as Block;
  if (block.kind !== 'heading' || !POSTED_STAMP.test(block.text)) return undefined;
  let above = i - 1;
  while (above >= 0 && (blocks[above] as Block).kind === 'blank') above--;
  const kind = blocks[above]?.kind;
  if (kind !== 'paragraph' && kind !== 'bullet') return undefined;
  return fullDay(block.text, reference);
}

/**
 * For a status page whose updates are each followed by their stamp, each block's update
 * day (undefined after the last stamp); undefined when the page has fewer stamps.
 */
function stampedDays(blocks: readonly Block[], reference: string | null): (string | undefined)[] | undefined {
  const stamps = new Map<number, string>();
  for (let i = 0; i < blocks.length; i++) {
    // A cheap test first: a stamp starts with "p" or "u".
    const c = (blocks[i] as Block).text.charCodeAt(0) | 0x20;
    if (c !== 0x70 && c !== 0x75) continue;
    const day = stampDay(blocks, i, reference);
    if (day !== undefined) stamps.set(i, day);
  }
  if (stamps.size < MIN_STAMPS) return undefined;
  const days = new Array<string | undefined>(blocks.length);
  let current: string | undefined;
  for (let i = blocks.length - 1; i >= 0; i--) {
    current = stamps.get(i) ?? current;
    days[i] = current;
  }
  return days;
}

/**
 * For each block, the day of the update it belongs to (undefined before the first one),
 * or undefined for the whole page when it is not an update log.
 */
export function sectionDays(blocks: readonly Block[], reference: string | null): (string | undefined)[] | undefined {
  // Stamps first: each would otherwise read as a heading dating what follows it.
  return stampedDays(blocks, reference) ?? headedDays(blocks, reference);
}

/** sectionDays of a log whose updates are headed by their day, or a page with a dated heading. */
function headedDays(blocks: readonly Block[], reference: string | null): (string | undefined)[] | undefined {
  let days: (string | undefined)[] | undefined;
  let headings = 0;
  let dated = false;
  // A dated heading in the page's opening ("Published on March 3, 2025" under the byline) dates the page itself.
  let prose = false;
  let current: string | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    // A cheap test first: a heading starts with a letter or digit and is short.
    const c = block.text.charCodeAt(0);
    const letter = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    let day = letter ? headingDay(block, reference) : undefined;
    if (day !== undefined) headings++;
    else if (letter && prose && (day = datedHeadingDay(block, reference)) !== undefined) dated = true;
    if (block.kind === 'paragraph' || block.kind === 'bullet') prose = true;
    if (day !== undefined) {
      current = day;
      days ??= new Array<string | undefined>(blocks.length);
    }
    if (days !== undefined) days[i] = current;
  }
  return headings >= MIN_HEADINGS || dated ? days : undefined;
}

/** What a block's dates are told from beyond its own text: its update's day, and the day of the list item it goes on from. */
export interface BlockDays {
  day?: string;
  antecedent?: string;
  /** `day` is a timeline's day its dates come after ("• On Friday — …" is the next Friday). */
  forward?: boolean;
}

/**
 * Per block, a key for what its dates are told from beyond its own text ("DAY" for an
 * update's day; "DAY>ANTECEDENT>f" for a timeline's item, see blockDaysOf), so that a
 * cache keyed on it is read again when any changes; undefined for a page that has none.
 */
export function blockDayKeys(text: string, blocks: readonly Block[], reference: string | null): (string | undefined)[] | undefined {
  const days = sectionDays(blocks, reference);
  const items = itemAntecedents(text, blocks, (i) => days?.[i] ?? reference);
  if (items === undefined) return days;
  return blocks.map((_, i) => {
    const item = items[i];
    if (item === undefined) return days?.[i];
    // A weekday item is told from the timeline's day, not the update's.
    return `${item.after ?? days?.[i] ?? ''}>${item.antecedent ?? ''}>${item.after === undefined ? '' : 'f'}`;
  });
}

/** The days a key of blockDayKeys stands for. */
export function blockDaysOf(key: string | undefined): BlockDays {
  if (key === undefined) return {};
  const [day = '', antecedent = '', forward = ''] = key.split('>');
  const out: BlockDays = {};
  if (day !== '') out.day = day;
  if (antecedent !== '') out.antecedent = antecedent;
  if (forward !== '') out.forward = true;
  return out;
}
