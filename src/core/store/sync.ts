// Keeping a sidecar in step with its source, for the CLI and the editor alike: re-anchoring
// after the source changed outside Marginalia (reconcile), and storing the detector's
// findings as open annotations (mergeDetections). Pure: callers read and write the files,
// supply the clock and the author, and decide whether to save the result.
//
// Offsets: the sidecar counts code points, detections and anchoring count UTF-16 (see
// sidecar/anchors.ts); every conversion here goes through one OffsetMap of the source.
// The source text is the text as an editor shows it: without a byte-order mark, line ends
// as they are (a CRLF file keeps its CR characters in the offsets and in the hash).

import { reanchor, type AnchorState, type ReanchorOptions } from '../anchor/reanchor';
import { linksOf } from '../detect/links';
import { speakerEntities } from '../entities/inDocument';
import type { EntityRegistry } from '../entities/registry';
import type { Detection } from '../model';
import { toAnchor, withAnchor } from '../sidecar/anchors';
import { FORMAT_VERSION, sortAnnotations, type Annotation, type Sidecar } from '../sidecar/format';
import { sha256Hex } from '../sidecar/sha256';
import { OffsetMap } from '../text/offsets';
import { annotationFromDetection, pendingSuggestions } from './suggestions';

/** A sidecar with no annotations yet, for the source `sourceFileName` (its base name: it is relative to the sidecar's folder). */
export function emptySidecar(sourceFileName: string): Sidecar {
  return { marginalia: FORMAT_VERSION, source: { file: sourceFileName }, annotations: [] };
}

export interface ReconcileOptions extends ReanchorOptions {
  /**
   * sha256Hex of the source text, when the caller already has it: hashing a large source
   * costs more than the rest of an unchanged reconcile.
   */
  sha256?: string;
}

/** What happened to one annotation. */
export interface ReconcileEntry {
  id: string;
  /**
   * unchanged: in place (or the source is unchanged); moved: the same quote elsewhere;
   * fuzzy: found by similarity, its quote updated to the text now there; orphaned: not
   * found with confidence (or already orphaned and still not found), kept as it was.
   */
  state: AnchorState;
  /** The quote before reconciling (an orphan keeps it; a fuzzy match replaced it). */
  quote: string;
  /** The annotation as it is now. */
  annotation: Annotation;
  /** 0..1, confidence of the match (1 when the source is unchanged, 0 for orphans). */
  score: number;
}

export interface ReconcileResult {
  /** The sidecar with every annotation re-anchored and `source.sha256` set to the text's hash; annotations in the given order (the writers sort them by position). */
  sidecar: Sidecar;
  /** sha256Hex of the source text. */
  sha256: string;
  /** False when the recorded hash matched: nothing was re-anchored (and `sidecar` is the one given). */
  reanchored: boolean;
  /** True when `sidecar` differs from the one given (offsets, quotes, context, orphan flags or the hash). */
  changed: boolean;
  /** One entry per annotation, in the order of the given sidecar's annotations. */
  entries: ReconcileEntry[];
  counts: Record<AnchorState, number>;
}

function emptyCounts(): Record<AnchorState, number> {
  return { unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 };
}

/**
 * Brings the sidecar's annotations up to date with `sourceText`. When the recorded
 * `source.sha256` equals the text's hash, the annotations were saved against this very
 * text and nothing moves. Otherwise (a different hash, or none: the text they were made
 * on is unknown) every annotation is found again with `reanchor`: moved ones get their
 * new offsets and context, fuzzy ones also the text now there, and the ones that cannot
 * be placed with confidence are kept with `orphaned: true`, never dropped and never
 * attached to a different place. An annotation that was already an orphan and is still
 * not found is kept exactly as it was, so its last known position is not overwritten
 * with a guess and the file does not change for nothing. The result records the new hash.
 */
export function reconcile(sidecar: Sidecar, sourceText: string, options: ReconcileOptions = {}): ReconcileResult {
  const sha256 = options.sha256 ?? sha256Hex(sourceText);
  const counts = emptyCounts();
  if (sidecar.source.sha256 === sha256) {
    const entries = sidecar.annotations.map((a): ReconcileEntry => {
      const state: AnchorState = a.orphaned ? 'orphaned' : 'unchanged';
      counts[state]++;
      return { id: a.id, state, quote: a.quote, annotation: a, score: a.orphaned ? 0 : 1 };
    });
    return { sidecar, sha256, reanchored: false, changed: false, entries, counts };
  }
  const map = new OffsetMap(sourceText);
  const found = reanchor(
    sidecar.annotations.map((a) => toAnchor(a, map)),
    sourceText,
    options.minScore === undefined ? {} : { minScore: options.minScore },
  );
  const entries = sidecar.annotations.map((a, i): ReconcileEntry => {
    // reanchor returns one result per anchor, in order.
    const r = found[i] as (typeof found)[number];
    counts[r.state]++;
    const annotation = r.state === 'orphaned' && a.orphaned ? a : withAnchor(a, r, map);
    return { id: a.id, state: r.state, quote: a.quote, annotation, score: r.score };
  });
  return {
    sidecar: { marginalia: sidecar.marginalia, source: { ...sidecar.source, sha256 }, annotations: entries.map((e) => e.annotation) },
    // Changed even when no anchor moved: the recorded hash is new.
    sha256,
    reanchored: true,
    changed: true,
    entries,
    counts,
  };
}

export interface MergeDetectionsOptions extends ReconcileOptions {
  /** Recorded as the new annotations' `author`. */
  author?: string;
  /** The document's date, which says whether a date lies ahead when links are inferred (detect/links.ts). */
  referenceDate?: string;
  /** The workspace's entities, which new claims' speakers are resolved with (entities/inDocument.ts). */
  entities?: EntityRegistry;
  /**
   * ISO 8601 date-time recorded as their `created`; the caller's clock, so the core stays
   * deterministic. Leaving it out keeps the output identical on every machine, which lets
   * git merge two people's runs of the detector without conflict.
   */
  created?: string;
}

/**
 * Gives each claim among `added` the links detect/links.ts infers from `detections`,
 * to the annotations (stored before or added now) at the targets' spans. Only claims
 * added now: a claim already stored keeps the links it has, which a person may have
 * changed.
 */
function linkAdded(
  added: Annotation[],
  detections: readonly Detection[],
  sourceText: string,
  map: OffsetMap,
  all: readonly Annotation[],
  referenceDate: string | undefined,
): void {
  if (!added.some((a) => a.kind === 'claim')) return;
  const key = (kind: string, start: number, end: number): string => `${kind}\u0000${start}\u0000${end}`;
  const ids = new Map<string, string>();
  for (const a of all) if (!ids.has(key(a.kind, a.start, a.end))) ids.set(key(a.kind, a.start, a.end), a.id);
  const claims = new Map<string, Annotation>();
  for (const a of added) if (a.kind === 'claim') claims.set(key(a.kind, a.start, a.end), a);
  const sorted = [...detections].sort((x, y) => x.start - y.start || y.end - x.end);
  for (const [claim, links] of linksOf(sourceText, sorted, referenceDate)) {
    const annotation = claims.get(key('claim', map.toCodePoint(claim.start), map.toCodePoint(claim.end)));
    if (annotation === undefined) continue;
    for (const { role, target } of links) {
      const id = ids.get(key(target.kind, map.toCodePoint(target.start), map.toCodePoint(target.end)));
      if (id === undefined) continue;
      const list = annotation[role] ?? [];
      if (!list.includes(id)) annotation[role] = [...list, id];
    }
  }
}

/** Gives each claim among `added` whose speaker names someone the entity it is (`entity`). */
function nameSpeakers(
  added: Annotation[],
  detections: readonly Detection[],
  sourceText: string,
  map: OffsetMap,
  registry: EntityRegistry | undefined,
): void {
  if (!added.some((a) => a.kind === 'claim' && a.speaker !== undefined)) return;
  const claims = new Map<string, Annotation>();
  for (const a of added) if (a.kind === 'claim') claims.set(`${a.start}\u0000${a.end}`, a);
  for (const [claim, name] of speakerEntities(sourceText, detections, registry)) {
    const annotation = claims.get(`${map.toCodePoint(claim.start)}\u0000${map.toCodePoint(claim.end)}`);
    if (annotation !== undefined && annotation.speaker !== undefined) annotation.entity = name;
  }
}

export interface MergeDetectionsResult {
  /** The sidecar with the new annotations, in position order, and `source.sha256` of the text. */
  sidecar: Sidecar;
  /** The suggestions added (origin `detected`, status `suggested`), in position order. */
  added: Annotation[];
  /**
   * Detections not added because an annotation already covered them, whatever its status
   * (dismissed included), or because an earlier detection had the same kind and span.
   */
  alreadyAnnotated: number;
  /** The re-anchoring done first (see reconcile); `reanchored` is false when the hash matched. */
  reconciled: ReconcileResult;
  /** True when `sidecar` differs from the one given. */
  changed: boolean;
}

/**
 * Stores `detections` of `sourceText` (UTF-16 offsets, as the detector returns them) in
 * the sidecar as suggestions (`status: suggested`), which stay machine output until a
 * person reviews them. The sidecar is first reconciled with the text (a no-op
 * when its hash matches), so that its offsets and the detections' refer to the same
 * text. A detection that an annotation already covers (pendingSuggestions: same kind and
 * span, or same kind and quote overlapping it) is skipped, whatever that annotation's
 * status: a dismissed detection stays dismissed and is never suggested again. Detections
 * repeating one another (same kind and span) are added once. Ids come from
 * makeAnnotationId, so the same detection gets the same id on every machine.
 */
export function mergeDetections(
  sidecar: Sidecar,
  detections: readonly Detection[],
  sourceText: string,
  options: MergeDetectionsOptions = {},
): MergeDetectionsResult {
  const reconciled = reconcile(sidecar, sourceText, options);
  const base = reconciled.sidecar;
  const map = new OffsetMap(sourceText);
  const pending = pendingSuggestions(detections, base.annotations, map);
  const taken = new Set(base.annotations.map((a) => a.id));
  const spans = new Set<string>();
  const added: Annotation[] = [];
  for (const d of pending) {
    const key = `${d.kind}\u0000${d.start}\u0000${d.end}`;
    if (spans.has(key)) continue;
    spans.add(key);
    const a = annotationFromDetection(d, sourceText, map, taken, {
      status: 'suggested',
      ...(options.author === undefined ? {} : { author: options.author }),
      ...(options.created === undefined ? {} : { created: options.created }),
    });
    taken.add(a.id);
    added.push(a);
  }
  linkAdded(added, detections, sourceText, map, [...base.annotations, ...added], options.referenceDate);
  nameSpeakers(added, detections, sourceText, map, options.entities);
  const sorted = sortAnnotations(added);
  const changed = reconciled.changed || sorted.length > 0;
  const out: Sidecar = sorted.length === 0 ? base : { ...base, annotations: sortAnnotations([...base.annotations, ...sorted]) };
  return { sidecar: out, added: sorted, alreadyAnnotated: detections.length - sorted.length, reconciled, changed };
}
