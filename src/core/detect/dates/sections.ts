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
 * A list item that goes on from the item before it: "• The next day, 14:00 — …", "• Two
 * days later — …", "• That evening — …". A timeline written so dates each item from the
 * one above, which the item's own text does not hold.
 */
const GOES_ON =
  /^[^\p{L}\d]{0,4}(?:the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)|(?:that|the\s+same)\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)|(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?|hours?)\s+(?:later|after(?:wards?)?))\b/iu;
/** How much of an item's start its own date may be in: "• Feb 9, 21:10 — …", "• On March 3, …". */
const ITEM_HEAD = 48;

/**
 * For each list item that goes on from the item before it (GOES_ON), the day that item is
 * dated by its opening words, itself perhaps counted from the one before; undefined for
 * the other blocks, or for the whole page when it has no such item.
 */
export function itemAntecedents(
  text: string,
  blocks: readonly Block[],
  reference: (i: number) => string | null,
): (string | undefined)[] | undefined {
  let out: (string | undefined)[] | undefined;
  let previous = -1;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (block.kind === 'blank') continue;
    const before = previous;
    previous = i;
    if (block.kind !== 'bullet' || before < 0 || !GOES_ON.test(block.text)) continue;
    const item = blocks[before] as Block;
    // Items of one list: the one before is a bullet, with no blank line between.
    if (item.kind !== 'bullet' || /\n[^\S\n]*\n/.test(text.slice(item.end, block.start))) continue;
    const head = item.text.slice(0, ITEM_HEAD);
    const antecedent = out?.[before];
    const options = {
      referenceDate: reference(before),
      fiscalYearStart: null,
      dayZero: null,
      ...(antecedent === undefined ? {} : { antecedent }),
    };
    const first = detectDates(head, options)[0];
    const day = first === undefined || first.start > 4 ? undefined : (first.endValue ?? first.value);
    if (day === undefined || day.length !== 10) continue;
    out ??= new Array<string | undefined>(blocks.length);
    out[i] = day;
  }
  return out;
}

/** What a block's dates are told from beyond its own text: its update's day, and the day of the list item it goes on from. */
export interface BlockDays {
  day?: string;
  antecedent?: string;
}

/**
 * Per block, a key for what its dates are told from beyond its own text ("DAY" for an
 * update's day, ">DAY" for the item it goes on from, or both), so that a cache keyed on
 * it is read again when either changes; undefined for a page that has neither.
 */
export function blockDayKeys(text: string, blocks: readonly Block[], reference: string | null): (string | undefined)[] | undefined {
  const days = sectionDays(blocks, reference);
  const antecedents = itemAntecedents(text, blocks, (i) => days?.[i] ?? reference);
  if (antecedents === undefined) return days;
  return blocks.map((_, i) => {
    const day = days?.[i];
    const antecedent = antecedents[i];
    return antecedent === undefined ? day : `${day ?? ''}>${antecedent}`;
  });
}

/** The days a key of blockDayKeys stands for. */
export function blockDaysOf(key: string | undefined): BlockDays {
  if (key === undefined) return {};
  const at = key.indexOf('>');
  if (at < 0) return { day: key };
  return at === 0 ? { antecedent: key.slice(1) } : { day: key.slice(0, at), antecedent: key.slice(at + 1) };
}
