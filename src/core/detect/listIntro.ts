// Which block introduces a list item. The last block that is not a list item introduces the
// items after it ("The company agreed to:" then "• encrypt…"); and an item that ends in a
// colon introduces the items of another kind nested under it ("11. Tidewell has committed
// to:" then "• implement automated alerts…"), until an item of its own kind comes again
// ("12. …", introduced again by the block before the numbered list). The claim, date and
// pipeline passes all read lists this one way. One level of nesting is read: a third level
// returns to the outermost lead-in, and letters and roman numerals ("a." and "iv.") count as
// one kind.
import type { Block } from '../text/blocks';

/** Whether the list reading takes a block in: everything but blank lines, rules and site furniture. */
export function readsAsList(kind: Block['kind']): boolean {
  return kind !== 'blank' && kind !== 'rule' && kind !== 'chrome';
}

/** An item's marker kind: numbers ("1.", "(2)"), letters or roman numerals ("a)", "(iv)"), or the symbol itself ("•", "-"). */
export function markerKind(text: string): string {
  const t = text.trimStart();
  if (/^\(?\d{1,3}[.)]/.test(t)) return '1';
  if (/^\(?[a-z]{1,4}[.)]/i.test(t)) return 'a';
  // Every symbol marker is one code point (blocks.ts).
  return String.fromCodePoint(t.codePointAt(0) ?? 0x20);
}

/** An item that leads into a nested list: it ends with a colon (closing quotes or brackets aside). */
function leadsIntoNested(block: Block): boolean {
  return /:["'”’)\]\s]*$/.test(block.text);
}

/** The state of reading a document's blocks in order. */
export interface ListIntros {
  /** The last block that is not a list item. */
  outer: Block | undefined;
  /** A list item ending in a colon, for the items of another kind after it. */
  inner: Block | undefined;
}

export function startIntros(): ListIntros {
  return { outer: undefined, inner: undefined };
}

/**
 * Reads the next block (blank lines, rules and site furniture are not passed); returns what
 * introduces it when it is a list item.
 */
export function nextIntro(state: ListIntros, block: Block): Block | undefined {
  if (block.kind !== 'bullet') {
    state.outer = block;
    state.inner = undefined;
    return undefined;
  }
  let intro = state.outer;
  if (state.inner !== undefined && markerKind(block.text) !== markerKind(state.inner.text)) intro = state.inner;
  else state.inner = undefined;
  if (leadsIntoNested(block)) state.inner = block;
  return intro;
}
