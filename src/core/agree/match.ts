// Pairs one coder's spans of a kind with another's in one document: the same span first,
// then overlapping ones, each span in at most one pair. Both the exact and the
// overlapping figures of the report come from this one pairing.
import type { CodedSpan } from './coders';

export interface SpanPair {
  a: CodedSpan;
  b: CodedSpan;
  /** Same start and end. */
  exact: boolean;
}

export interface SpanMatching {
  pairs: SpanPair[];
  /** Spans of the first coder that overlap nothing left of the second's. */
  onlyA: CodedSpan[];
  onlyB: CodedSpan[];
}

const byPosition = (x: CodedSpan, y: CodedSpan): number => x.start - y.start || x.end - y.end;

function overlap(x: CodedSpan, y: CodedSpan): number {
  return Math.min(x.end, y.end) - Math.max(x.start, y.start);
}

/** Overlap over union: how alike two overlapping spans are, whatever their length. */
function jaccard(x: CodedSpan, y: CodedSpan): number {
  return overlap(x, y) / (Math.max(x.end, y.end) - Math.min(x.start, y.start));
}

/**
 * Exact pairs first (identical spans can only be meant for each other), then the
 * remaining overlapping spans greedily, most alike first, so one long span is paired with
 * the span that is most nearly the same rather than the first one it touches.
 */
export function matchSpans(a: readonly CodedSpan[], b: readonly CodedSpan[]): SpanMatching {
  const pairs: SpanPair[] = [];
  const waiting = new Map<string, CodedSpan[]>();
  for (const span of b) {
    const key = `${span.start}:${span.end}`;
    const list = waiting.get(key);
    if (list) list.push(span);
    else waiting.set(key, [span]);
  }
  const restA: CodedSpan[] = [];
  for (const span of a) {
    const same = waiting.get(`${span.start}:${span.end}`)?.shift();
    if (same) pairs.push({ a: span, b: same, exact: true });
    else restA.push(span);
  }
  const restB = [...waiting.values()].flat();
  const candidates = overlappingPairs(restA.sort(byPosition), restB.sort(byPosition));
  candidates.sort((p, q) => jaccard(q[1], q[0]) - jaccard(p[1], p[0]) || byPosition(p[0], q[0]) || byPosition(p[1], q[1]));
  const usedA = new Set<CodedSpan>();
  const usedB = new Set<CodedSpan>();
  for (const [x, y] of candidates) {
    if (usedA.has(x) || usedB.has(y)) continue;
    usedA.add(x);
    usedB.add(y);
    pairs.push({ a: x, b: y, exact: false });
  }
  pairs.sort((p, q) => byPosition(p.a, q.a));
  return { pairs, onlyA: restA.filter((s) => !usedA.has(s)), onlyB: restB.filter((s) => !usedB.has(s)) };
}

/** Every (a, b) that share at least one position, by a sweep over both lists sorted by start. */
function overlappingPairs(a: readonly CodedSpan[], b: readonly CodedSpan[]): [CodedSpan, CodedSpan][] {
  const out: [CodedSpan, CodedSpan][] = [];
  let active: CodedSpan[] = [];
  let next = 0;
  for (const x of a) {
    while (next < b.length && (b[next] as CodedSpan).start < x.end) active.push(b[next++] as CodedSpan);
    // `a` is sorted by start, so a span of `b` that ends before this one starts ends before every later one.
    active = active.filter((y) => y.end > x.start);
    for (const y of active) if (overlap(x, y) > 0) out.push([x, y]);
  }
  return out;
}
