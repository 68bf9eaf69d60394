// TextQuoteSelectors that name one place. A client that anchors by quote alone (Apache
// Annotator, Hypothesis when the text has changed) looks for prefix + exact + suffix in the
// document: when a paragraph is repeated, a selector with the usual 32 characters of
// context matches twice and the client places one annotation on the wrong copy. So each
// selector starts with up to 32 UTF-16 code units of context on each side and is made
// longer, only where the text repeats, until prefix + exact + suffix occurs exactly once.
//
// Lengths are in UTF-16 code units, not code points, because that is what the readers
// measure: Hypothesis's dom-anchor-text-quote hands prefix and suffix whole to a bitap
// matcher that refuses patterns longer than 32 code units. A surrogate pair is never cut
// (a lone surrogate would not survive JSON tools), so a context next to an emoji may hold
// 31 code units.

import { OffsetMap } from '../text/offsets';

/** The context each side keeps when that is enough to be unique: dom-anchor-text-quote's limit. */
export const QUOTE_CONTEXT_UNITS = 32;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when index `i` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1));
}

/** Start of at most `units` code units before `start`; inward (shorter) when that would cut a pair. */
function prefixStart(text: string, start: number, units: number): number {
  const i = Math.max(0, start - units);
  return splitsPair(text, i) ? i + 1 : i;
}

/** End of at most `units` code units after `end`; inward when that would cut a pair. */
function suffixEnd(text: string, end: number, units: number): number {
  const i = Math.min(text.length, end + units);
  return splitsPair(text, i) ? i - 1 : i;
}

/**
 * Occurrences of `pattern` in `text`, overlapping ones included (Apache Annotator reports
 * those too), counted up to `limit`.
 */
function occurrences(text: string, pattern: string, limit: number): number {
  let n = 0;
  for (let i = text.indexOf(pattern); i >= 0 && n < limit; i = text.indexOf(pattern, i + 1)) n++;
  return n;
}

/** How many code units before `a` and before `b` are equal, read backwards. */
function commonBefore(text: string, a: number, b: number): number {
  let k = 0;
  while (k < a && k < b && text.charCodeAt(a - k - 1) === text.charCodeAt(b - k - 1)) k++;
  return k;
}

/** How many code units from `a` and from `b` are equal, read forwards. */
function commonAfter(text: string, a: number, b: number): number {
  let k = 0;
  while (a + k < text.length && b + k < text.length && text.charCodeAt(a + k) === text.charCodeAt(b + k)) k++;
  return k;
}

/**
 * The selector for text[start, end) (UTF-16 offsets) whose prefix + exact + suffix occurs
 * exactly once in `text`: up to 32 code units of context each side, longer only where that
 * is not unique, and then as little longer as will do (the smallest total length).
 */
export function uniqueQuoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  const exact = text.slice(start, end);
  const p0 = start - prefixStart(text, start, QUOTE_CONTEXT_UNITS);
  const q0 = suffixEnd(text, end, QUOTE_CONTEXT_UNITS) - end;
  const make = (p: number, q: number): TextQuoteSelector => ({
    type: 'TextQuoteSelector',
    exact,
    prefix: text.slice(start - p, start),
    suffix: text.slice(end, end + q),
  });
  // An empty quote matches between any two characters; context cannot help it much, and
  // Marginalia does not store one. The usual case, unique already, costs one search.
  if (exact === '' || occurrences(text, text.slice(start - p0, end + q0), 2) <= 1) return make(p0, q0);

  // Every other place the quote occurs, with how far its context agrees with ours on each
  // side: a selector tells that place apart when its prefix is longer than the agreement
  // on the left, or its suffix longer than the agreement on the right.
  const rivals: { left: number; right: number }[] = [];
  for (let o = text.indexOf(exact); o >= 0; o = text.indexOf(exact, o + 1)) {
    if (o === start) continue;
    const left = commonBefore(text, start, o);
    const right = commonAfter(text, end, o + exact.length);
    if (left >= p0 && right >= q0) rivals.push({ left, right });
  }
  const maxP = start;
  const maxQ = text.length - end;
  // A prefix reaching the start of the text tells every rival apart on the left unless the
  // rival's whole left context agrees, and then its right context cannot also agree all the
  // way (it would be the same place): so prefix = maxP is always a solution.
  const candidates = new Set([p0, maxP, ...rivals.map((r) => r.left + 1)]);
  let best: { p: number; q: number } | undefined;
  for (const wanted of candidates) {
    if (wanted < p0 || wanted > maxP) continue;
    // Longer, never shorter, when the cut would fall inside a surrogate pair.
    const p = splitsPair(text, start - wanted) ? wanted + 1 : wanted;
    let needQ = q0;
    for (const r of rivals) if (r.left >= p) needQ = Math.max(needQ, r.right + 1);
    if (needQ > maxQ) continue;
    const q = splitsPair(text, end + needQ) ? needQ + 1 : needQ;
    const better =
      best === undefined || p + q < best.p + best.q || (p + q === best.p + best.q && Math.max(p, q) < Math.max(best.p, best.q));
    if (better) best = { p, q };
  }
  return best === undefined ? make(maxP, q0) : make(best.p, best.q);
}

/** A context cut to 32 code units on the side away from the quote, never inside a pair. */
function trimPrefix(prefix: string): string {
  return prefix.slice(prefixStart(prefix, prefix.length, QUOTE_CONTEXT_UNITS));
}

function trimSuffix(suffix: string): string {
  return suffix.slice(0, suffixEnd(suffix, 0, QUOTE_CONTEXT_UNITS));
}

/** Quote selectors for one document; converts code-point offsets once per document. */
export class QuoteSelectors {
  private readonly map: OffsetMap;

  constructor(private readonly text: string) {
    this.map = new OffsetMap(text);
  }

  /**
   * The selector of an annotation at code points [start, end) quoting `quote`. When the
   * quote is not at those offsets (an orphan: only its stored context says where it was),
   * that context is kept, cut to 32 code units a side.
   */
  forAnnotation(a: { quote: string; prefix: string; suffix: string; start: number; end: number; orphaned?: boolean }): TextQuoteSelector {
    const max = this.map.codePointLength;
    if (a.orphaned !== true && a.start >= 0 && a.end >= a.start && a.end <= max) {
      const start = this.map.toUtf16(a.start);
      const end = this.map.toUtf16(a.end);
      if (this.text.slice(start, end) === a.quote) return uniqueQuoteSelector(this.text, start, end);
    }
    return { type: 'TextQuoteSelector', exact: a.quote, prefix: trimPrefix(a.prefix), suffix: trimSuffix(a.suffix) };
  }
}
