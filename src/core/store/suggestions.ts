// Where detections meet stored annotations: a detection is a suggestion until an
// annotation covers it, whatever that annotation's status. A dismissed annotation is
// what keeps a detection from being suggested again.
import { prefixBefore, suffixAfter } from '../anchor/context';
import type { Detection, Status } from '../model';
import type { Annotation } from '../sidecar/format';
import { makeAnnotationId } from '../sidecar/ids';
import type { OffsetMap } from '../text/offsets';

/** What an annotation's `label` holds for a detection: claim type, catalog id, or date value. */
export function labelOfDetection(d: Detection): string | undefined {
  switch (d.kind) {
    case 'claim':
      return d.type;
    case 'control':
      return d.framework ?? d.id;
    case 'date':
      return d.value === undefined ? undefined : d.endValue === undefined ? d.value : `${d.value}/${d.endValue}`;
  }
}

export interface NewAnnotationOptions {
  status: Status;
  author?: string;
  /** Who reviewed it (accepted or dismissed it); with `reviewed`, only for a status other than `suggested`. */
  reviewer?: string;
  /** When, ISO 8601 date-time. */
  reviewed?: string;
  /** ISO 8601 date-time; the caller's clock, so the core stays deterministic. */
  created?: string;
  note?: string;
}

/** A new annotation for a detection (accepted, or dismissed so it is not suggested again). */
export function annotationFromDetection(
  d: Detection,
  text: string,
  offsets: OffsetMap,
  taken: ReadonlySet<string>,
  options: NewAnnotationOptions,
): Annotation {
  const start = offsets.toCodePoint(d.start);
  const annotation: Annotation = {
    id: makeAnnotationId(d.kind, d.text, start, taken),
    kind: d.kind,
    quote: d.text,
    prefix: prefixBefore(text, d.start),
    suffix: suffixAfter(text, d.end),
    start,
    end: offsets.toCodePoint(d.end),
    origin: 'detected',
    status: options.status,
  };
  const label = labelOfDetection(d);
  if (label !== undefined) annotation.label = label;
  if (d.kind === 'claim' && d.speaker !== undefined) annotation.speaker = d.speaker;
  if (options.reviewer !== undefined) annotation.reviewer = options.reviewer;
  if (options.reviewed !== undefined) annotation.reviewed = options.reviewed;
  if (options.note !== undefined) annotation.note = options.note;
  if (options.author !== undefined) annotation.author = options.author;
  if (options.created !== undefined) annotation.created = options.created;
  return annotation;
}

/**
 * Detections that no annotation covers: same kind and the same span (code points), or
 * the same kind and quote overlapping it (a re-detection after a small shift).
 */
export function pendingSuggestions(detections: readonly Detection[], annotations: readonly Annotation[], offsets: OffsetMap): Detection[] {
  const exact = new Set(annotations.filter((a) => !a.orphaned).map((a) => `${a.kind}\u0000${a.start}\u0000${a.end}`));
  const byKind = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (a.orphaned) continue;
    const list = byKind.get(a.kind) ?? [];
    list.push(a);
    byKind.set(a.kind, list);
  }
  return detections.filter((d) => {
    const start = offsets.toCodePoint(d.start);
    const end = offsets.toCodePoint(d.end);
    if (exact.has(`${d.kind}\u0000${start}\u0000${end}`)) return false;
    return !(byKind.get(d.kind) ?? []).some((a) => a.start < end && start < a.end && a.quote === d.text);
  });
}
