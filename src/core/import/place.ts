// Bringing annotations made elsewhere (a W3C client, brat) into a sidecar: each is found
// in the current source by its quote, its context and its old position, the way edited
// sources are re-anchored; what cannot be found with confidence is reported, not dropped
// and not guessed. Offsets are code points in and out. An imported suggestion never
// overrides a person's review (see mergeCarried).

import { reanchor, type AnchorToFind } from '../anchor/reanchor';
import { makeAnnotationId } from '../sidecar/ids';
import {
  ANNOTATION_KEYS,
  normaliseAnnotation,
  type AnnotationKey,
  sortAnnotations,
  type Annotation,
  type Sidecar,
} from '../sidecar/format';
import { withAnchor } from '../sidecar/anchors';
import { OffsetMap } from '../text/offsets';

/** An annotation as read from a foreign file, before it has a place in the source. */
export interface Incoming {
  /** Where it came from, for messages (`export.ann:12`, `annotations.jsonld item 3`). */
  origin: string;
  /** The id it had in Marginalia, when the format kept it. */
  id?: string;
  fields: Omit<Annotation, 'id' | 'quote' | 'prefix' | 'suffix' | 'start' | 'end' | 'orphaned'>;
  /**
   * The fields the format represents. Updating an existing annotation replaces these (an
   * absent note means the note was removed) and keeps the others (brat has no author).
   */
  carried: readonly AnnotationKey[];
  quote: string;
  prefix: string;
  suffix: string;
  /** Code-point offsets it had; a hint when the source changed since. */
  start?: number;
  end?: number;
}

export interface Unplaced {
  origin: string;
  quote: string;
  reason: string;
}

export interface PlaceResult {
  sidecar: Sidecar;
  added: Annotation[];
  /** Annotations already in the sidecar (same id, or same kind and span) whose fields the import replaced. */
  updated: Annotation[];
  /** Already in the sidecar with the same fields. */
  unchanged: number;
  unplaced: Unplaced[];
  changed: boolean;
}

/**
 * The existing annotation with its position, quote and the carried fields from the import.
 * Two rules keep a person's decision from being lost or misattributed:
 * - an incoming unreviewed suggestion (machine output, or an export older than the review)
 *   does not replace what a person reviewed: only the anchor is taken from it;
 * - `reviewer` and `reviewed` say who gave the status and when: when a format that does
 *   not carry them (brat) brings a different status, they described the old one and are
 *   dropped rather than credit someone with a decision they did not make.
 */
function mergeCarried(existing: Annotation, placed: Annotation, carried: readonly AnnotationKey[]): Annotation {
  const next = new Map<string, unknown>(Object.entries(existing));
  const from = new Map<string, unknown>(Object.entries(placed));
  const overReview = placed.status === 'suggested' && existing.status !== 'suggested';
  for (const key of ['quote', 'prefix', 'suffix', 'start', 'end', 'orphaned', ...(overReview ? [] : carried)]) {
    if (from.get(key) === undefined) next.delete(key);
    else next.set(key, from.get(key));
  }
  if (!overReview && carried.includes('status') && placed.status !== existing.status) {
    for (const key of ['reviewer', 'reviewed'] as const) if (!carried.includes(key)) next.delete(key);
  }
  return normaliseAnnotation(Object.fromEntries(next) as unknown as Annotation);
}

/** Same content whatever the key order or the empty optional fields. */
function sameFields(a: Annotation, b: Annotation): boolean {
  const x = normaliseAnnotation(a);
  const y = normaliseAnnotation(b);
  return ANNOTATION_KEYS.every((k) => JSON.stringify(x[k]) === JSON.stringify(y[k]));
}

/**
 * Places `incoming` annotations in `text` and merges them into `sidecar` (already
 * reconciled with `text`). An annotation with the id of an existing one, or with the same
 * kind and span, replaces that one's fields and keeps its id: importing your own export
 * after editing statuses or notes elsewhere updates them instead of duplicating them.
 */
export function placeAnnotations(incoming: readonly Incoming[], text: string, sidecar: Sidecar): PlaceResult {
  const map = new OffsetMap(text);
  const max = map.codePointLength;
  const anchors: AnchorToFind[] = incoming.map((i) => {
    // No position at all (a W3C client that kept only a TextQuoteSelector): an offset of 0
    // would be taken for where it was, and the quote looked for near the start of the text.
    if (i.start === undefined) return { start: 0, end: 0, quote: i.quote, prefix: i.prefix, suffix: i.suffix, positionUnknown: true };
    const start = map.toUtf16(Math.min(Math.max(i.start, 0), max));
    const end = map.toUtf16(Math.min(Math.max(i.end ?? i.start, 0), max));
    return { start, end: Math.max(start, end), quote: i.quote, prefix: i.prefix, suffix: i.suffix };
  });
  const found = reanchor(anchors, text);
  const byId = new Map(sidecar.annotations.map((a) => [a.id, a]));
  const bySpan = new Map(sidecar.annotations.filter((a) => !a.orphaned).map((a) => [`${a.kind}\u0000${a.start}\u0000${a.end}`, a]));
  const replaced = new Map<string, Annotation>();
  const added: Annotation[] = [];
  const updated: Annotation[] = [];
  const unplaced: Unplaced[] = [];
  let unchanged = 0;
  const taken = new Set(byId.keys());
  incoming.forEach((inc, n) => {
    const r = found[n];
    if (r === undefined || r.state === 'orphaned' || inc.quote === '') {
      unplaced.push({
        origin: inc.origin,
        quote: inc.quote,
        reason: inc.quote === '' ? 'it has no quote' : 'its quote is not in the source (or not with enough certainty)',
      });
      return;
    }
    const placed = normaliseAnnotation(
      withAnchor({ id: '', quote: inc.quote, prefix: '', suffix: '', start: 0, end: 0, ...inc.fields }, r, map),
    );
    const existing =
      (inc.id === undefined ? undefined : byId.get(inc.id)) ?? bySpan.get(`${placed.kind}\u0000${placed.start}\u0000${placed.end}`);
    if (existing !== undefined) {
      const next = mergeCarried(existing, placed, inc.carried);
      if (sameFields(next, replaced.get(existing.id) ?? existing)) unchanged++;
      else {
        replaced.set(existing.id, next);
        updated.push(next);
      }
      return;
    }
    const id = inc.id !== undefined && !taken.has(inc.id) ? inc.id : makeAnnotationId(placed.kind, placed.quote, placed.start, taken);
    taken.add(id);
    const annotation = { ...placed, id };
    bySpan.set(`${annotation.kind}\u0000${annotation.start}\u0000${annotation.end}`, annotation);
    byId.set(id, annotation);
    added.push(annotation);
  });
  const annotations = sortAnnotations([...sidecar.annotations.map((a) => replaced.get(a.id) ?? a), ...added]);
  const changed = added.length > 0 || replaced.size > 0;
  return { sidecar: changed ? { ...sidecar, annotations } : sidecar, added, updated, unchanged, unplaced, changed };
}
