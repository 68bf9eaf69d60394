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
