// Reading a sidecar written by an older Marginalia. Version 1 stored a suggestion kept by
// a scan (or `detect --write`) and a suggestion a person accepted in the same way,
// `origin: detected`, `status: open`, except that accepting recorded `created` and a scan
// never did. Version 2 says who decided what: a stored suggestion is `suggested` until a
// person reviews it, and a review records `reviewer` and `reviewed`. Migration happens in
// memory as the file is read; the file itself changes only when Marginalia next writes it.
//
// When in doubt the migration calls an item a suggestion: taking machine output for a
// person's judgment is the error a research record must not make, while a suggestion
// wrongly kept as one costs a click to accept again.

import type { Annotation } from './format';

export interface MigrationCounts {
  /** Detected, open, never reviewed in the editor: now `suggested`. */
  suggestions: number;
  /** Reviewed in the editor (accepted with a time, or verified, disputed, dismissed): `reviewed` set from `created`. */
  reviewed: number;
}

/** A version-1 annotation as version 2 reads it; `counts` records what changed. */
export function migrateV1Annotation(a: Annotation, counts: MigrationCounts): Annotation {
  if (a.origin !== 'detected') return a;
  if (a.status === 'open' && a.created === undefined) {
    counts.suggestions++;
    return { ...a, status: 'suggested' };
  }
  if (a.status === 'suggested' || a.reviewed !== undefined) return a;
  // Version 1 recorded the time of the acceptance (or of the dismissal) as `created`, and
  // who did it as `author` when anyone was named.
  const out: Annotation = { ...a };
  if (a.created !== undefined) out.reviewed = a.created;
  if (a.author !== undefined && a.reviewer === undefined) out.reviewer = a.author;
  if (out.reviewed !== undefined || out.reviewer !== undefined) counts.reviewed++;
  return out;
}
