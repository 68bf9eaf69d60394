// An update log dates its sections: a line holding only a date and time ("Tuesday,
// November 10, 9:00 a.m.") heads the update below it, and "today", "late last night" or
// "on Monday" there are told from that day, not from the page's date. Incident pages,
// status pages and live blogs are written so, newest first or last. One such line is a
// dateline; only a page with two or more is read as a log.
import type { Block } from '../../text/blocks';
import { detectDates } from '../dates';
import { DATE_LINE, UPDATE_LABEL } from './dateLine';

/**
 * The block's first line is a date (a day, the year optional) with an optional weekday and
 * time, after an optional update label ("UPDATE #3 – "), and nothing else.
 */
const HEADING = new RegExp(`^[ \\t]*${UPDATE_LABEL}${DATE_LINE}[.:]?[ \\t]*(?:\\r?\\n|$)`, 'i');
const MIN_HEADINGS = 2;

/** The day a block's heading line names, resolved against the page's date when it gives no year. */
function headingDay(block: Block, reference: string | null): string | undefined {
  const line = HEADING.exec(block.text);
  if (line === null) return undefined;
  const value = detectDates(line[0], { referenceDate: reference, fiscalYearStart: null, dayZero: null })[0]?.value;
  return value !== undefined && value.length === 10 ? value : undefined;
}

/**
 * For each block, the day of the update it belongs to (undefined before the first one),
 * or undefined for the whole page when it is not an update log.
 */
export function sectionDays(blocks: readonly Block[], reference: string | null): (string | undefined)[] | undefined {
  let days: (string | undefined)[] | undefined;
  let headings = 0;
  let current: string | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    // A cheap test first: a heading starts with a letter or digit and is short.
    const c = block.text.charCodeAt(0);
    const day = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? headingDay(block, reference) : undefined;
    if (day !== undefined) {
      headings++;
      current = day;
      days ??= new Array<string | undefined>(blocks.length);
    }
    if (days !== undefined) days[i] = current;
  }
  return headings >= MIN_HEADINGS ? days : undefined;
}

/**
 * A list item that goes on from the items above it: "• The next day, 14:00 — …", "• Two
 * days later — …", "• That evening — …", "• Later that day — …"; or that names only a
 * weekday ("• On Friday — …", "• Early on Wednesday, 02:10 — …"). A timeline written so
 * dates each item from the ones above, which the item's own text does not hold.
 */
const GOES_ON =
  /^[^\p{L}\d]{0,4}(?:(?:later|earlier)\s+)?(?:the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)|(?:that|the\s+same)\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)|(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?|hours?)\s+(?:later|after(?:wards?)?))\b/iu;
const WEEKDAY_ONLY =
  /^[^\p{L}\d]{0,4}(?:(?:early|late)\s+)?(?:on\s+)?(?:the\s+following\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b(?!,?\s+(?:\d{1,2}(?![:.\d])|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))/iu;
/** How much of an item's start its own date may be in: "• Feb 9, 21:10 — …", "• Early on Wednesday — …". */
const ITEM_HEAD = 48;
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/;

/** What a timeline's item takes from the items above it (see GOES_ON). */
export interface ItemDays {
  /** The day of the item above, for the item's anaphors ("The next day"). */
  antecedent?: string;
  /** The day of the item above, to tell the item's weekday from ("On Friday"): the next one after it. */
  after?: string;
}

/**
 * For each list item that goes on from the items above it (GOES_ON, WEEKDAY_ONLY), the
 * day the timeline has reached there: the last day an item above was dated by its
 * opening words (an item holding only a time, "• 08:31 — …", stays on that day).
 * Undefined for the other blocks, or for the whole page when it has no such item.
 */
export function itemAntecedents(
  text: string,
  blocks: readonly Block[],
  reference: (i: number) => string | null,
): (ItemDays | undefined)[] | undefined {
  // Which list each bullet is in (items with no blank line between), and the lists that
  // hold an item going on from the ones above: only their items' dates are read here.
  const listOf = new Int32Array(blocks.length).fill(-1);
  const timelines = new Set<number>();
  let list = -1;
  let previous: Block | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (block.kind === 'blank') continue;
    if (block.kind === 'bullet') {
      if (previous?.kind !== 'bullet' || PARAGRAPH_BREAK.test(text.slice(previous.end, block.start))) list++;
      listOf[i] = list;
      const head = block.text.slice(0, ITEM_HEAD);
      if (GOES_ON.test(head) || WEEKDAY_ONLY.test(head)) timelines.add(list);
    }
    previous = block;
  }
  if (timelines.size === 0) return undefined;
  let out: (ItemDays | undefined)[] | undefined;
  let carried: string | undefined;
  let current = -1;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const at = listOf[i] as number;
    if (at < 0 || !timelines.has(at)) continue;
    if (at !== current) {
      current = at;
      carried = undefined;
    }
    const head = block.text.slice(0, ITEM_HEAD);
    let days: ItemDays | undefined;
    if (carried !== undefined) {
      if (GOES_ON.test(head)) days = { antecedent: carried };
      else if (WEEKDAY_ONLY.test(head)) days = { after: carried };
    }
    if (days !== undefined) {
      out ??= new Array<ItemDays | undefined>(blocks.length);
      out[i] = days;
    }
    const first = detectDates(head, {
      referenceDate: days?.after ?? reference(i),
      fiscalYearStart: null,
      dayZero: null,
      ...(days?.antecedent === undefined ? {} : { antecedent: days.antecedent }),
      ...(days?.after === undefined ? {} : { forward: true }),
    })[0];
    const day = first === undefined || first.start > 16 ? undefined : (first.endValue ?? first.value);
    if (day !== undefined && day.length === 10) carried = day;
  }
  return out;
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
