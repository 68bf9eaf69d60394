// Live tracking: moves anchors through one editor change event with offset arithmetic
// only. All changes of an event are in the coordinates before the event and never
// overlap (VS Code's TextDocumentChangeEvent.contentChanges), so each old offset maps to
// a new one independently of the order the changes are listed in.
//
// - text inserted or deleted before a quote shifts it; at its start or end it stays outside;
// - text inserted or replaced inside a quote grows or shrinks it, and the quote updates;
// - a change that swallows the whole quote orphans the annotation, unless the same quote
//   with the same context comes back inside the change's new text (a paste over it of
//   the same words, a reload of the whole document);
// - an orphan keeps its quote and context and a position hint moved along with the text;
//   when a later change re-inserts that quote with its context (undo, redo, paste back)
//   the annotation comes back there.

import { prefixBefore, suffixAfter } from './context';
import type { Anchor, TextChange } from './types';

interface Placed {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  /** Sum of length deltas of this change and every change before it. */
  shiftThrough: number;
}

/** Anchors after the event; an anchor that did not change is returned as the same object. */
export function applyChanges<T extends Anchor>(anchors: readonly T[], changes: readonly TextChange[], textAfter: string): T[] {
  if (changes.length === 0) return [...anchors];
  const placed = place(changes);
  return anchors.map((a) => (a.orphaned ? moveOrphan(a, placed, textAfter) : moveLive(a, placed, textAfter)));
}

function place(changes: readonly TextChange[]): Placed[] {
  const sorted = [...changes].sort((x, y) => x.rangeOffset - y.rangeOffset || x.rangeLength - y.rangeLength);
  let shift = 0;
  return sorted.map((c) => {
    const newStart = c.rangeOffset + shift;
    shift += c.text.length - c.rangeLength;
    return {
      oldStart: c.rangeOffset,
      oldEnd: c.rangeOffset + c.rangeLength,
      newStart,
      newEnd: newStart + c.text.length,
      shiftThrough: shift,
    };
  });
}

/** Index of the last change ending at or before p (-1 if none). */
function lastEndingBy(placed: readonly Placed[], p: number): number {
  let lo = 0;
  let hi = placed.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((placed[mid] as Placed).oldEnd <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Where an old offset that no change covers goes. An insertion exactly at p moves p
 * along when `afterInsertion` (a quote's start stays after text typed at it), and leaves
 * it before when not (a quote's end does not swallow text typed right after it).
 */
function mapPoint(placed: readonly Placed[], p: number, afterInsertion: boolean): number {
  let j = lastEndingBy(placed, p);
  const c = placed[j];
  if (!afterInsertion && c !== undefined && c.oldStart === p && c.oldEnd === p) j--;
  return p + (j >= 0 ? (placed[j] as Placed).shiftThrough : 0);
}

/** The change with oldStart < p < oldEnd, if any. */
function covering(placed: readonly Placed[], p: number): Placed | undefined {
  const c = placed[lastEndingBy(placed, p) + 1];
  return c !== undefined && c.oldStart < p && p < c.oldEnd ? c : undefined;
}

function moveLive<T extends Anchor>(a: T, placed: readonly Placed[], text: string): T {
  const cs = covering(placed, a.start);
  const ce = covering(placed, a.end);
  const start = cs !== undefined ? cs.newEnd : mapPoint(placed, a.start, true);
  const end = ce !== undefined ? ce.newStart : mapPoint(placed, a.end, false);
  if (end <= start) {
    const back = findInChanges(a, placed, text, start);
    if (back !== undefined) return withSpan(a, text, back, back + a.quote.length);
    const hint = Math.min(start, text.length);
    return { ...a, orphaned: true, start: hint, end: Math.min(hint + (a.end - a.start), text.length) };
  }
  return withSpan(a, text, start, end);
}

function moveOrphan<T extends Anchor>(a: T, placed: readonly Placed[], text: string): T {
  const c = covering(placed, a.start);
  const hint = Math.min(c !== undefined ? c.newStart : mapPoint(placed, a.start, true), text.length);
  const back = findInChanges(a, placed, text, hint);
  if (back !== undefined) {
    const live: T = { ...a, start: back, end: back + a.quote.length };
    delete live.orphaned;
    return withSpan(live, text, back, back + a.quote.length);
  }
  if (hint === a.start) return a;
  return { ...a, start: hint, end: Math.min(hint + (a.end - a.start), text.length) };
}

function withSpan<T extends Anchor>(a: T, text: string, start: number, end: number): T {
  const quote = text.slice(start, end);
  const prefix = prefixBefore(text, start);
  const suffix = suffixAfter(text, end);
  if (!a.orphaned && start === a.start && end === a.end && quote === a.quote && prefix === a.prefix && suffix === a.suffix) return a;
  const out: T = { ...a, start, end, quote, prefix, suffix };
  delete out.orphaned;
  return out;
}

/**
 * The quote, exactly, overlapping the new text of one of this event's changes, with its
 * old prefix or suffix (preferably both) still around it; nearest the hint on a tie.
 */
function findInChanges(a: Anchor, placed: readonly Placed[], text: string, hint: number): number | undefined {
  const q = a.quote;
  if (q.length === 0) return undefined;
  let best: number | undefined;
  let bestRank = 0;
  for (const c of placed) {
    for (let at = text.indexOf(q, Math.max(0, c.newStart - q.length)); at !== -1 && at <= c.newEnd; at = text.indexOf(q, at + 1)) {
      if (at + q.length < c.newStart) continue;
      const before = text.slice(Math.max(0, at - a.prefix.length), at) === a.prefix;
      const after = text.slice(at + q.length, at + q.length + a.suffix.length) === a.suffix;
      const rank = (before ? 1 : 0) + (after ? 1 : 0);
      if (rank === 0) continue;
      if (rank > bestRank || (rank === bestRank && best !== undefined && Math.abs(at - hint) < Math.abs(best - hint))) {
        best = at;
        bestRank = rank;
      }
    }
  }
  return best;
}
