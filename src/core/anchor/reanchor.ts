// Re-anchoring after the source changed outside the editor (its hash differs from the
// sidecar's): each annotation is found again from its quote, prefix, suffix and old
// position, in the manner of the Hypothesis client's anchoring, with one difference that
// matters here: a minimum score and an ambiguity check. An annotation that cannot be
// placed with confidence is orphaned (kept, listed), never attached to a wrong place.
//
// How, for all the annotations of one document at once:
// 1. Certain places. The quote still at its old offsets with its whole context; or, among
//    its exact occurrences (whitespace-insensitive: reflowed lines, CRLF, NBSP), the only
//    one keeping at least half of its context (prefix + suffix, counted outwards from
//    the quote; a context cut short by the start or end of the text must still be there).
// 2. Order. Edits keep the order of the text they leave alone, so certain places must
//    follow the old order: the longest run that does is trusted; the rest, and two
//    annotations from different places that found the same place (a passage the source
//    repeats), are re-examined like the uncertain ones.
// 3. Everything else is placed between its trusted neighbours: among the exact
//    occurrences there, the one nearest the expected place (old offset shifted as the
//    trusted annotation before it moved) if it also keeps the most context, else none
//    (ambiguous: a duplicated paragraph whose copies fit equally well). Failing that,
//    approximate matches there (approx-string-match, Myers' algorithm), scored as
//    Hypothesis does (quote similarity 50, prefix 20, suffix 20, position 2) but kept
//    only at or above `minScore`, with enough context, and with no rival close in score.
//    Failing that, a passage found whole, with all its context, outside its neighbours
//    was moved there. Failing all: orphaned.
// An anchor whose position is unknown (`positionUnknown`: imported from a client that kept
// only quote and context) takes no part in 1–3: an offset it never had would be taken for
// where it was, and would skew the order the others are checked against. It is placed by
// its context alone (`byContext`): at the one exact occurrence keeping its whole prefix
// and suffix, as a reader of a W3C TextQuoteSelector places it (Marginalia's export
// lengthens them where the text repeats until they fit one place); with none, at the
// only occurrence keeping half of its context, or at an approximate match anywhere
// (more context needed, no rival close in score). What no rule singles out is orphaned.
// Quotes under 32 characters found once without their context are not trusted: stock
// phrases ("by the end of the year") recur. A quote kept exactly is 'moved' (or 'unchanged'); one found by
// whitespace-insensitive or approximate matching, with its text now different, 'fuzzy'.

import search from 'approx-string-match';
import { prefixBefore, suffixAfter } from './context';
import { NormalisedText, normaliseSpace } from './normalise';
import { OccurrenceIndex } from './occurrences';
import { CONTEXT_LENGTH, type Anchor } from './types';
import { longestIncreasingSubsequence } from '../util/subsequence';

export type AnchorState = 'unchanged' | 'moved' | 'fuzzy' | 'orphaned';

export interface Reanchored extends Anchor {
  /**
   * unchanged: same offsets, same quote; moved: same quote elsewhere; fuzzy: found by
   * similarity, quote (and offsets) updated to the text now there; orphaned: not found,
   * old quote kept, offsets a hint only.
   */
  state: AnchorState;
  /** 0..1: confidence of the match (1 for exact matches with their context, 0 for orphans). */
  score: number;
}

/** An anchor to find again. */
export interface AnchorToFind extends Anchor {
  /**
   * Nothing is known of where it was: `start` and `end` are placeholders, ignored. Only
   * its quote and context place it.
   */
  positionUnknown?: boolean;
}

export interface ReanchorOptions {
  /** Minimum combined score (0..1) for an approximate match. Default 0.75. */
  minScore?: number;
}

const DEFAULT_MIN_SCORE = 0.75;
/** Share of the context (prefix + suffix) an exact occurrence must keep to be trusted. */
const MIN_CONTEXT = 0.5;
/** A quote at least this long (normalised) found once is a candidate even without its context. */
const SELF_IDENTIFYING = 32;
/** Approximate matches of quotes shorter than this ("in 2021") need more of their context. */
const SHORT_QUOTE = 12;
const SHORT_QUOTE_CONTEXT = 0.8;
/** A copy whose context differs by this many edits or fewer may be the one meant (edited since). */
const NEAR_COPY_ERRORS = 2;
/** Two approximate matches closer than this in score are ambiguous. */
const RIVAL_MARGIN = 0.03;
/** Exact occurrences examined per quote (a quote repeated more often than this is hopeless anyway). */
const MAX_OCCURRENCES = 10_000;

const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POSITION = 2;

interface Candidate {
  /** Normalised offset. */
  at: number;
  /** Share of the context matching exactly. */
  context: number;
}

interface Match {
  start: number;
  end: number;
  errors: number;
}

interface Exact {
  /** The occurrence that stands out, if one does. */
  certain?: Candidate;
  /** Occurrences worth placing between the neighbours. */
  candidates: Candidate[];
  /** Length of the normalised quote. */
  length: number;
}

/** Where an uncertain anchor may go: between its placed neighbours, nearest `expected`. */
interface Bounds {
  from: number;
  to: number;
  expected: number;
}

/** Finds every anchor again in `text`; results are in the order of `anchors`. */
export function reanchor(anchors: readonly AnchorToFind[], text: string, options: ReanchorOptions = {}): Reanchored[] {
  return new Reanchorer(text, options.minScore ?? DEFAULT_MIN_SCORE).run(anchors);
}

class Reanchorer {
  private normalised: NormalisedText | undefined;
  private occurrences: OccurrenceIndex | undefined;
  /** Old and new start of every anchor placed with certainty, by old start. */
  private readonly moves: { oldStart: number; newStart: number }[] = [];

  constructor(
    private readonly text: string,
    private readonly minScore: number,
  ) {}

  private get nt(): NormalisedText {
    this.normalised ??= new NormalisedText(this.text);
    return this.normalised;
  }

  run(anchors: readonly AnchorToFind[]): Reanchored[] {
    const out = new Array<Reanchored>(anchors.length);
    const order = anchors
      .map((_, i) => i)
      .filter((i) => anchors[i]?.positionUnknown !== true)
      .sort((x, y) => (anchors[x] as Anchor).start - (anchors[y] as Anchor).start || x - y);
    const exacts = new Map<number, Exact>();
    let tentative: { index: number; start: number; end: number; context: number }[] = [];
    const pending: number[] = [];
    for (const i of order) {
      const a = anchors[i] as Anchor;
      if (a.quote.length === 0) {
        out[i] = this.orphan(a, a.start);
        continue;
      }
      const exact = this.exact(a);
      exacts.set(i, exact);
      // Still in place with all its context, and no copy elsewhere fits as well.
      if (this.inPlace(a) && exact.candidates.filter((c) => c.context === 1).length <= 1) {
        tentative.push({ index: i, start: a.start, end: a.end, context: 1 });
        continue;
      }
      if (exact.certain !== undefined) {
        tentative.push({ index: i, ...this.nt.toReal(exact.certain.at, exact.certain.at + exact.length), context: exact.certain.context });
      } else pending.push(i);
    }
    // Two annotations from different places cannot both have found theirs at one place
    // (a passage the source repeats, one copy of it edited): the one whose context fits
    // better keeps it. Annotations made on the same span share it, as they should.
    const best = new Map<string, { context: number; oldStart: number }>();
    for (const t of tentative) {
      const key = `${t.start}:${t.end}`;
      const b = best.get(key);
      if (b === undefined || t.context > b.context) best.set(key, { context: t.context, oldStart: (anchors[t.index] as Anchor).start });
    }
    tentative = tentative.filter((t) => {
      const keep = (best.get(`${t.start}:${t.end}`) as { oldStart: number }).oldStart === (anchors[t.index] as Anchor).start;
      if (!keep) pending.push(t.index);
      return keep;
    });
    // Edits keep the order of the text they leave alone, so a placement out of order with
    // most others is suspect (it may be a copy of the passage made elsewhere).
    const trusted = new Set(
      longestIncreasingSubsequence(
        tentative.map((t) => t.start),
        false,
      ),
    );
    const taken = new Map<number, number>();
    tentative.forEach((t, k) => {
      if (!trusted.has(k)) {
        pending.push(t.index);
        return;
      }
      const a = anchors[t.index] as Anchor;
      out[t.index] = this.placed(a, t.start, t.end, t.context);
      this.moves.push({ oldStart: a.start, newStart: t.start });
      taken.set(t.start, a.start);
    });
    for (const i of pending) {
      const a = anchors[i] as Anchor;
      const exact = exacts.get(i) ?? this.exact(a);
      const bounds = this.bounds(a.start);
      const free = (c: Candidate): boolean => {
        const real = this.nt.toReal(c.at, c.at + 1).start;
        const owner = taken.get(real);
        return owner === undefined || owner === a.start;
      };
      const inOrder = exact.candidates.filter((c) => {
        const real = this.nt.toReal(c.at, c.at + 1).start;
        return real >= bounds.from && real <= bounds.to && free(c);
      });
      if (inOrder.length > 0) {
        const r = this.nearest(a, inOrder, bounds.expected);
        out[i] = r;
        if (r.state !== 'orphaned') taken.set(r.start, a.start);
        continue;
      }
      const near = this.fuzzy(a, bounds, (real) => {
        const owner = taken.get(real);
        return owner === undefined || owner === a.start;
      });
      const moved = exact.certain;
      if (near.state === 'orphaned' && moved !== undefined && moved.context === 1 && free(moved)) {
        // Nothing like it between the neighbours, and the text stands out elsewhere with
        // all of its context: the passage was moved there.
        const r = this.nt.toReal(moved.at, moved.at + exact.length);
        out[i] = this.placed(a, r.start, r.end, 1);
        taken.set(r.start, a.start);
      } else {
        out[i] = near;
        if (near.state !== 'orphaned') taken.set(near.start, a.start);
      }
    }
    this.placeByContext(anchors, out);
    return out;
  }

  /**
   * The anchors of unknown position, each by its context alone. Two that are not the same
   * selector (quote, prefix and suffix) cannot both belong at one place: the one whose
   * context fits better keeps it, and on a tie neither does. The same selector twice (two
   * annotations made on one span) shares its place, as it should.
   */
  private placeByContext(anchors: readonly AnchorToFind[], out: Reanchored[]): void {
    const bySpan = new Map<string, number[]>();
    anchors.forEach((a, i) => {
      if (a.positionUnknown !== true) return;
      const r = a.quote.length === 0 ? this.orphan(a, a.start) : this.byContext(a);
      out[i] = r;
      if (r.state === 'orphaned') return;
      const key = `${r.start}:${r.end}`;
      bySpan.set(key, [...(bySpan.get(key) ?? []), i]);
    });
    const selector = (a: Anchor): string => `${a.quote}\u0000${a.prefix}\u0000${a.suffix}`;
    for (const indices of bySpan.values()) {
      if (new Set(indices.map((i) => selector(anchors[i] as Anchor))).size === 1) continue;
      const best = Math.max(...indices.map((i) => (out[i] as Reanchored).score));
      const winners = new Set(indices.filter((i) => (out[i] as Reanchored).score === best).map((i) => selector(anchors[i] as Anchor)));
      for (const i of indices) {
        const a = anchors[i] as Anchor;
        if (winners.size > 1 || !winners.has(selector(a))) out[i] = this.orphan(a, a.start);
      }
    }
  }

  /**
   * An anchor of unknown position. The exact occurrence around which its whole prefix and
   * suffix are still there, if only one is: as a reader of a W3C TextQuoteSelector finds
   * it (Marginalia's export lengthens the context where the text repeats until one place
   * fits). Several are told apart by the context verbatim (white space as it was), then
   * by the ends of the text a short context claims; failing that it is ambiguous.
   *
   * A context of the usual length may not have been unique where it was made (a passage
   * repeated verbatim): if another copy of the passage (apart from this one: in a run of
   * one letter every shifted occurrence is near) keeps it but for a character or two, the
   * edit of one copy's context that set them apart says nothing of which copy was meant,
   * so that too is ambiguous. A longer context was lengthened by whoever made it until it
   * fitted one place, so a copy that differs just past the shorter context is expected.
   *
   * With no occurrence keeping its whole context (the text around it was edited): the
   * only occurrence, keeping half of it; else an approximate match anywhere. (The share of
   * context kept counted outwards from the quote would let one typo next to it hand the
   * place to another occurrence of a short quote; similarity does not.)
   */
  private byContext(a: AnchorToFind): Reanchored {
    const nt = this.nt;
    const q = normaliseSpace(a.quote);
    const ctx = contextFor(q, a);
    this.occurrences ??= new OccurrenceIndex(nt.text);
    const all = this.occurrences.find(q, MAX_OCCURRENCES);
    const whole = all.filter((at) => keepsContext(nt.text, at, at + q.length, ctx));
    if (whole.length > 0) {
      const verbatim = whole.filter((at) => {
        const from = nt.toReal(at, at + 1).start - a.prefix.length;
        return from >= 0 && this.text.startsWith(a.prefix + a.quote + a.suffix, from);
      });
      const edges = whole.filter((at) => keepsEdges(nt.text, at, at + q.length, ctx));
      const one = [whole, verbatim, edges].find((list) => list.length === 1)?.[0];
      if (one === undefined) return this.orphan(a, a.start);
      // Up to 32 code units: a W3C selector's usual context, and the sidecar's 32 code
      // points unless they hold astral characters (those then go unchecked).
      const usual = a.prefix.length <= CONTEXT_LENGTH && a.suffix.length <= CONTEXT_LENGTH;
      const span = ctx.prefix.length + q.length + ctx.suffix.length;
      const copy = (at: number): boolean =>
        Math.abs(at - one) >= span && contextErrors(nt.text, at, at + q.length, ctx) <= NEAR_COPY_ERRORS;
      if (usual && all.some(copy)) return this.orphan(a, a.start);
      const r = nt.toReal(one, one + q.length);
      return this.placed(a, r.start, r.end, 1);
    }
    const only = all.length === 1 ? (all[0] as number) : undefined;
    if (only !== undefined) {
      const context = exactContextScore(nt.text, only, only + q.length, ctx);
      if (context >= MIN_CONTEXT) {
        const r = nt.toReal(only, only + q.length);
        return this.placed(a, r.start, r.end, context);
      }
    }
    return this.fuzzy(a, undefined, () => true);
  }

  /** The quote still at its old position with its whole context (the text changed elsewhere). */
  private inPlace(a: Anchor): boolean {
    return (
      this.text.startsWith(a.quote, a.start) &&
      a.end - a.start === a.quote.length &&
      prefixBefore(this.text, a.start) === a.prefix &&
      suffixAfter(this.text, a.end) === a.suffix
    );
  }

  /**
   * Exact occurrences. `certain` when one stands out: the only occurrence, with enough of
   * its context, or the only one with any real context, and all of it. Otherwise the
   * candidates, to be placed between the neighbours (a copy elsewhere may keep more
   * context than the original kept).
   */
  private exact(a: Anchor): Exact {
    const { q, found } = this.occurrencesOf(a);
    const strong = found.filter((c) => c.context >= MIN_CONTEXT);
    const only = found.length === 1 ? (found[0] as Candidate) : undefined;
    if (only !== undefined && only.context >= MIN_CONTEXT) return { certain: only, candidates: strong, length: q.length };
    // A quote found once but out of its context may be a copy of it made elsewhere while
    // the real one was edited: it is a candidate only between its neighbours, and only if
    // it is long enough not to be a stock phrase ("by the end of the year"). A shorter one
    // must win as an approximate match would, on its context.
    if (only !== undefined && q.length >= SELF_IDENTIFYING) return { candidates: [only], length: q.length };
    // One occurrence keeps all its context and no other keeps even half of it.
    const first = strong[0];
    if (strong.length === 1 && first !== undefined && first.context === 1) return { certain: first, candidates: strong, length: q.length };
    return { candidates: strong, length: q.length };
  }

  /** The quote normalised, and each of its exact occurrences with the share of its context kept there. */
  private occurrencesOf(a: Anchor): { q: string; found: Candidate[] } {
    const nt = this.nt;
    const q = normaliseSpace(a.quote);
    const ctx = contextFor(q, a);
    this.occurrences ??= new OccurrenceIndex(nt.text);
    return {
      q,
      found: this.occurrences.find(q, MAX_OCCURRENCES).map((at) => ({ at, context: exactContextScore(nt.text, at, at + q.length, ctx) })),
    };
  }

  /** Between the new starts of the nearest certain anchors before and after it in the old text. */
  private bounds(oldStart: number): Bounds {
    const m = this.moves;
    let lo = 0;
    let hi = m.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((m[mid] as { oldStart: number }).oldStart <= oldStart) lo = mid + 1;
      else hi = mid;
    }
    const before = m[lo - 1];
    const after = m[lo];
    return {
      from: before?.newStart ?? 0,
      to: after?.newStart ?? this.text.length,
      expected: before === undefined ? oldStart : oldStart + before.newStart - before.oldStart,
    };
  }

  /**
   * The candidate nearest the expected place, if it also keeps the most context. When the
   * nearest and the best-kept disagree (a copy elsewhere kept more context than the
   * original), or two are equally near, it is ambiguous: orphaned.
   */
  private nearest(a: Anchor, candidates: readonly Candidate[], expected: number): Reanchored {
    const q = normaliseSpace(a.quote);
    const e = this.nt.toNormalised(expected);
    const best = Math.max(...candidates.map((c) => c.context));
    const sorted = [...candidates].sort((x, y) => Math.abs(x.at - e) - Math.abs(y.at - e));
    const first = sorted[0] as Candidate;
    const second = sorted[1];
    if (first.context < best || (second !== undefined && Math.abs(second.at - e) === Math.abs(first.at - e))) {
      return this.orphan(a, expected);
    }
    const r = this.nt.toReal(first.at, first.at + q.length);
    return this.placed(a, r.start, r.end, first.context);
  }

  /**
   * An approximate match between the neighbours (near the expected place when they are far
   * apart); with no bounds (a position unknown), anywhere in the text, position not scored.
   */
  private fuzzy(a: Anchor, bounds: Bounds | undefined, free: (realStart: number) => boolean): Reanchored {
    const nt = this.nt;
    const q = normaliseSpace(a.quote);
    const hint = bounds?.expected ?? a.start;
    const maxErrors = Math.min(256, Math.floor(q.length / 4));
    if (maxErrors < 1) return this.orphan(a, hint);
    const { prefix, suffix } = contextFor(q, a);
    let from = 0;
    let to = nt.text.length;
    let e: number | undefined;
    if (bounds !== undefined) {
      e = nt.toNormalised(bounds.expected);
      const margin = Math.max(4000, q.length * 8);
      from = Math.max(nt.toNormalised(bounds.from), e - margin);
      to = Math.min(nt.toNormalised(bounds.to) + q.length + maxErrors, e + q.length + margin, nt.text.length);
    }
    const keep = (start: number): boolean => {
      const real = nt.toReal(start, start + 1).start;
      return (bounds === undefined || (real >= bounds.from && real <= bounds.to)) && free(real);
    };
    const matches = to > from ? this.approximate(q, maxErrors, from, to, keep, 0) : [];
    const found = this.bestApproximate(q, prefix, suffix, matches, e);
    if (found === undefined) return this.orphan(a, hint);
    const r = nt.toReal(found.start, found.end);
    const span = trimToQuote(this.text, r.start, r.end, a.quote);
    return this.placed(a, span.start, span.end, found.score);
  }

  /**
   * Approximate matches in normalised [from, to) that `keep` accepts. The search returns
   * only the matches with the fewest errors, so the text between them is searched again:
   * the real place may have one error more than a copy of the passage elsewhere (and must
   * then win on context), and a rival must be seen to be judged.
   */
  private approximate(q: string, maxErrors: number, from: number, to: number, keep: (start: number) => boolean, depth: number): Match[] {
    const raw = search(this.nt.text.slice(from, to), q, maxErrors).map((m) => ({
      start: m.start + from,
      end: m.end + from,
      errors: m.errors,
    }));
    const out = raw.filter((m) => keep(m.start));
    if (raw.length === 0 || depth >= (out.length > 0 ? 2 : 4)) return out;
    let cursor = from;
    for (const m of [...raw.sort((x, y) => x.start - y.start), { start: to, end: to, errors: 0 }]) {
      if (m.start - cursor >= q.length - maxErrors) out.push(...this.approximate(q, maxErrors, cursor, m.start, keep, depth + 1));
      cursor = Math.max(cursor, m.end);
    }
    return out;
  }

  /** The best acceptable match among `matches` (normalised), or undefined; `expected` undefined: position not scored. */
  private bestApproximate(
    q: string,
    prefix: string,
    suffix: string,
    matches: readonly Match[],
    expected: number | undefined,
  ): { start: number; end: number; score: number } | undefined {
    const t = this.nt.text;
    // Matches ending at neighbouring offsets are one place; keep the best of each group.
    const scored: { start: number; end: number; score: number; context: number }[] = [];
    for (const m of [...matches].sort((x, y) => x.start - y.start)) {
      const start = m.start;
      const end = m.end;
      const quoteScore = 1 - m.errors / q.length;
      const p = prefix.length === 0 ? 1 : similarity(t.slice(Math.max(0, start - prefix.length), start), prefix);
      const s = suffix.length === 0 ? 1 : similarity(t.slice(end, end + suffix.length), suffix);
      const pos = expected === undefined ? 0 : W_POSITION * (1 - Math.abs(start - expected) / Math.max(1, t.length));
      const score =
        (W_QUOTE * quoteScore + W_PREFIX * p + W_SUFFIX * s + pos) /
        (W_QUOTE + W_PREFIX + W_SUFFIX + (expected === undefined ? 0 : W_POSITION));
      const last = scored[scored.length - 1];
      const entry = { start, end, score, context: (p + s) / 2 };
      if (last !== undefined && start < last.end) {
        if (score > last.score) scored[scored.length - 1] = entry;
      } else scored.push(entry);
    }
    if (scored.length === 0) return undefined;
    scored.sort((x, y) => y.score - x.score);
    const best = scored[0] as (typeof scored)[number];
    // Without a position to weigh, the context alone must single the place out.
    const needContext = q.length < SHORT_QUOTE || expected === undefined ? SHORT_QUOTE_CONTEXT : MIN_CONTEXT;
    if (best.score < this.minScore || best.context < needContext) return undefined;
    const rival = scored[1];
    if (rival !== undefined && rival.score > best.score - RIVAL_MARGIN) return undefined;
    return best;
  }

  private placed(a: AnchorToFind, start: number, end: number, score: number): Reanchored {
    const quote = this.text.slice(start, end);
    const same = start === a.start && end === a.end && a.orphaned !== true && a.positionUnknown !== true;
    const state: AnchorState = quote !== a.quote ? 'fuzzy' : same ? 'unchanged' : 'moved';
    return { start, end, quote, prefix: prefixBefore(this.text, start), suffix: suffixAfter(this.text, end), state, score };
  }

  private orphan(a: Anchor, hint: number): Reanchored {
    const start = Math.max(0, Math.min(hint, this.text.length));
    return {
      start,
      end: Math.min(start + (a.end - a.start), this.text.length),
      quote: a.quote,
      prefix: a.prefix,
      suffix: a.suffix,
      orphaned: true,
      state: 'orphaned',
      score: 0,
    };
  }
}

interface Context {
  prefix: string;
  suffix: string;
  /** The kept prefix is short because the quote was near the start of the text. */
  atStart: boolean;
  atEnd: boolean;
}

/**
 * The normalised prefix and suffix. Whitespace at the quote's edge and at the context's
 * edge would be one run in the text, so it is dropped from the context side.
 */
function contextFor(q: string, a: Anchor): Context {
  let prefix = normaliseSpace(a.prefix);
  let suffix = normaliseSpace(a.suffix);
  if (q.startsWith(' ')) prefix = prefix.replace(/ $/, '');
  if (q.endsWith(' ')) suffix = suffix.replace(/^ /, '');
  return { prefix, suffix, atStart: codePoints(a.prefix) < CONTEXT_LENGTH, atEnd: codePoints(a.suffix) < CONTEXT_LENGTH };
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/**
 * Share of the context that matches exactly, counted outwards from the quote. A context
 * shorter than CONTEXT_LENGTH means the quote was that near an end of the text, so being
 * at that end again counts as one more matching character (and missing it, as one less).
 */
function exactContextScore(t: string, start: number, end: number, ctx: Context): number {
  const { prefix, suffix, atStart, atEnd } = ctx;
  const total = prefix.length + suffix.length + (atStart ? 1 : 0) + (atEnd ? 1 : 0);
  if (total === 0) return 1;
  let p = 0;
  while (p < prefix.length && start - p - 1 >= 0 && t.charCodeAt(start - p - 1) === prefix.charCodeAt(prefix.length - p - 1)) p++;
  if (atStart && p === prefix.length && start - p === 0) p++;
  let s = 0;
  while (s < suffix.length && end + s < t.length && t.charCodeAt(end + s) === suffix.charCodeAt(s)) s++;
  if (atEnd && s === suffix.length && end + s === t.length) s++;
  return (p + s) / total;
}

/** Whether the whole (normalised) prefix and suffix are around normalised [start, end). */
function keepsContext(t: string, start: number, end: number, ctx: Context): boolean {
  return start >= ctx.prefix.length && t.startsWith(ctx.prefix, start - ctx.prefix.length) && t.startsWith(ctx.suffix, end);
}

/** Whether an occurrence is at the ends of the text that a short context says the quote was at. */
function keepsEdges(t: string, start: number, end: number, ctx: Context): boolean {
  return (!ctx.atStart || start === ctx.prefix.length) && (!ctx.atEnd || end + ctx.suffix.length === t.length);
}

/**
 * Edits (a letter changed, added or dropped) between the context and the text around
 * normalised [start, end), counted up to NEAR_COPY_ERRORS + 1, made inside the context
 * only: its outermost character must still be there. Two places whose contexts differ
 * only at their outer ends are different places (a context lengthened until unique ends
 * there), not one passage edited; so are two of which only one is at the end of the text
 * that a short context reaches.
 */
function contextErrors(t: string, start: number, end: number, ctx: Context): number {
  const cap = NEAR_COPY_ERRORS + 1;
  if (!keepsEdges(t, start, end, ctx)) return cap;
  /** Fewest edits (up to `budget`, else `cap`) matching pattern[k..] against t from `i` on, stepping `dir`. */
  const edits = (pattern: string, k: number, i: number, dir: 1 | -1, budget: number): number => {
    const n = pattern.length;
    let kk = k;
    let ii = i;
    const at = (m: number): number => (dir === 1 ? pattern.charCodeAt(m) : pattern.charCodeAt(n - 1 - m));
    const inText = (x: number): boolean => x >= 0 && x < t.length;
    while (kk < n && inText(ii) && t.charCodeAt(ii) === at(kk)) {
      kk++;
      ii += dir;
    }
    if (kk === n) return 0;
    // The outermost character must match as it is.
    if (budget === 0 || kk === n - 1) return cap;
    return (
      1 +
      Math.min(
        edits(pattern, kk + 1, ii + dir, dir, budget - 1), // changed
        edits(pattern, kk, ii + dir, dir, budget - 1), // added in the text
        edits(pattern, kk + 1, ii, dir, budget - 1), // dropped from the text
      )
    );
  };
  const before = edits(ctx.prefix, 0, start - 1, -1, NEAR_COPY_ERRORS);
  const after = edits(ctx.suffix, 0, end, 1, NEAR_COPY_ERRORS);
  return Math.min(cap, before + after);
}

/** 1 − edit distance / length, as Hypothesis scores context; 0 when there is no text. */
function similarity(text: string, pattern: string): number {
  if (text.length === 0) return 0;
  const m = search(text, pattern, pattern.length);
  const first = m[0];
  return first === undefined ? 0 : Math.max(0, 1 - first.errors / pattern.length);
}

/** An approximate match may take in whitespace at its edges that the quote does not have. */
function trimToQuote(text: string, start: number, end: number, quote: string): { start: number; end: number } {
  let s = start;
  let e = end;
  if (!/^\s/.test(quote)) while (s < e && /\s/.test(text.charAt(s))) s++;
  if (!/\s$/.test(quote)) while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}
