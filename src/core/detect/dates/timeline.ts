// A timeline written as a list dates each item from the ones above it: "• Feb 9, 21:10 —
// …" then "• The next day, 14:00 — …", "• 08:31 — …", "• On Friday — …". The item's own
// text does not hold its day; the items above do.
import type { Block } from '../../text/blocks';
import { detectDates, ITEM_OPENING } from '../dates';

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
  // Per item: 1 goes on from the items above (GOES_ON), 2 names only a weekday.
  const shape = new Uint8Array(blocks.length);
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
      shape[i] = GOES_ON.test(head) ? 1 : WEEKDAY_ONLY.test(head) ? 2 : 0;
      if (shape[i] !== 0) timelines.add(list);
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
      if (shape[i] === 1) days = { antecedent: carried };
      else if (shape[i] === 2) days = { after: carried };
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
    const day = first === undefined || first.start > ITEM_OPENING ? undefined : (first.endValue ?? first.value);
    if (day !== undefined && day.length === 10) carried = day;
  }
  return out;
}
