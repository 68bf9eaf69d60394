// Pre-annotating a document: what Scan Workspace and `detect --write` both do, in one
// place, so that the same inputs give byte-identical sidecars whoever runs it. The
// sidecar is read first because it may record the document's date (`source.published`),
// against which relative dates resolve; then the detections are stored as suggestions.

import { documentReferenceDate } from '../detect';
import type { Detection } from '../model';
import type { EntityRegistry } from '../entities/registry';
import type { Sidecar } from '../sidecar/format';
import { mergeDetections, type MergeDetectionsResult } from './sync';

export interface PreannotateOptions {
  /** Resolve relative dates against this date instead of the sidecar's `published` (the CLI's --ref-date). */
  referenceDate?: string;
  /** Recorded as the stored suggestions' `author`: who ran the detector. */
  author?: string;
  sha256?: string;
  /** The workspace's entities, which new claims' speakers resolve to. */
  entities?: EntityRegistry;
}

/**
 * Detects in `sourceText` with the reference date the sidecar records, and stores the
 * findings not yet covered by an annotation as suggestions. `sidecar` must already be
 * read with its source (store/sidecarRead.ts). `detect` runs the detector with a reference
 * date (undefined: the document's own date, found in its text). No `created` is recorded:
 * the same run on two machines then writes the same text, which git merges.
 */
export function preannotate(
  sidecar: Sidecar,
  sourceText: string,
  detect: (referenceDate: string | undefined) => readonly Detection[],
  options: PreannotateOptions = {},
): MergeDetectionsResult & { detections: readonly Detection[] } {
  const given = options.referenceDate ?? sidecar.source.published;
  const detections = detect(given);
  const referenceDate = given ?? documentReferenceDate(sourceText);
  const merged = mergeDetections(sidecar, detections, sourceText, {
    ...(referenceDate === undefined ? {} : { referenceDate }),
    ...(options.sha256 === undefined ? {} : { sha256: options.sha256 }),
    ...(options.author === undefined ? {} : { author: options.author }),
    ...(options.entities === undefined ? {} : { entities: options.entities }),
  });
  return { ...merged, detections };
}
