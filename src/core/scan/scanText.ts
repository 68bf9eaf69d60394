// The CPU part of storing a document's detections in its sidecar as suggestions (Scan
// Workspace; the CLI's `detect --write` does the same steps): read and check the sidecar
// against the text, detect, merge what no annotation covers yet, and make the text to
// write (serialised and validated), planned against the sidecar as it was read. Pure and
// synchronous, so it runs the same in the extension host and in a worker thread or Web
// Worker (src/worker/scanWorker.ts): a scan spread over workers writes what a scan in one
// thread writes. Reading and writing the files stays with the caller, which plans again
// if the sidecar changed on disk in between.

import type { Catalog } from '../catalog/types';
import { EntityRegistry } from '../entities/registry';
import type { Entity } from '../entities/types';
import { builtinMatcher, DocumentDetector } from '../detect';
import { compileControlMatcher, type ControlMatcher } from '../detect/controls';
import { meetsSensitivity, type ClaimSensitivity } from '../detect/sensitivity';
import type { Kind } from '../model';
import { formatSidecarError, type Sidecar } from '../sidecar/format';
import { preannotate } from '../store/preannotate';
import { readSidecarWithSource } from '../store/sidecarRead';
import { planSidecarWrite } from '../store/sidecarWrite';

export interface ScanInput {
  /** The document's text (UTF-8 decoded, without a byte-order mark). */
  text: string;
  /** Its sidecar's text; undefined when there is none. */
  yaml: string | undefined;
  /** The sidecar's name in messages (a workspace-relative path). */
  sidecarName: string;
  /** The document's base name, recorded in a new sidecar. */
  sourceName: string;
  kinds: readonly Kind[];
  claimSensitivity: ClaimSensitivity;
  /** The workspace's entities (`.marginalia/entities.yaml`), which new claims' speakers resolve to. */
  entities?: readonly Entity[];
}

/**
 * What to do with the sidecar if it is still as read: write `text`, leave it (it holds
 * that already), or nothing at all because the result would not validate.
 */
export type PlannedWrite = { action: 'write'; text: string } | { action: 'unchanged' } | { action: 'refused'; reason: string };

export type ScanTextResult =
  /** The sidecar does not validate: left as it is. */
  | { invalid: string }
  | {
      added: number;
      alreadyThere: number;
      /** Undefined when there is nothing to write (nothing new, nothing re-anchored or migrated). */
      write: PlannedWrite | undefined;
    };

/** The merge step alone: the sidecar with the new suggestions, not yet made a file's text. */
export type ScanMerge =
  | { invalid: string }
  | {
      sidecar: Sidecar;
      sha256: string;
      added: number;
      alreadyThere: number;
      /** Whether there is anything to write: new suggestions, re-anchoring, a migration. */
      changed: boolean;
    };

export function scanText(input: ScanInput, matcher: ControlMatcher = builtinMatcher()): ScanTextResult {
  const merge = scanMerge(input, matcher);
  if ('invalid' in merge) return merge;
  const counts = { added: merge.added, alreadyThere: merge.alreadyThere };
  if (!merge.changed) return { ...counts, write: undefined };
  const plan = planSidecarWrite({
    fileName: input.sidecarName,
    lastRead: input.yaml,
    onDisk: input.yaml,
    wanted: merge.sidecar,
    sourceText: input.text,
    sha256: merge.sha256,
  });
  const write: PlannedWrite =
    plan.action === 'refused'
      ? { action: 'refused', reason: plan.reason }
      : plan.action === 'write'
        ? { action: 'write', text: plan.text }
        : { action: 'unchanged' };
  return { ...counts, write };
}

export function scanMerge(input: ScanInput, matcher: ControlMatcher = builtinMatcher()): ScanMerge {
  const { text, yaml } = input;
  const reading = readSidecarWithSource(yaml, input.sidecarName, text, input.sourceName);
  if (!reading.sidecar || reading.errors.length > 0) {
    const first = reading.errors[0];
    return {
      invalid: `${input.sidecarName} does not validate${first ? ` (${formatSidecarError(first)})` : ''}; left as it is, fix it and scan again`,
    };
  }
  const detector = new DocumentDetector(matcher);
  const detect = (referenceDate: string | undefined): ReturnType<DocumentDetector['detect']> =>
    detector
      .detect(text, { kinds: input.kinds, ...(referenceDate ? { referenceDate } : {}) })
      .filter((d) => meetsSensitivity(d, input.claimSensitivity));
  const sha256 = reading.sha256;
  const merged = preannotate(reading.sidecar, text, detect, { sha256, entities: new EntityRegistry(input.entities ?? []) });
  // Re-anchoring alone (the source changed) is written too, as the CLI does; an empty new sidecar is not.
  const changed =
    (merged.changed || reading.reconciled?.changed === true || reading.migrated !== undefined) &&
    !(yaml === undefined && merged.added.length === 0);
  return { sidecar: merged.sidecar, sha256, added: merged.added.length, alreadyThere: merged.alreadyAnnotated, changed };
}

/** The matcher for a catalog: the built-in one's, compiled once, when there is no workspace catalog. */
export function matcherFor(catalog: Catalog | undefined): ControlMatcher {
  return catalog === undefined ? builtinMatcher() : compileControlMatcher(catalog);
}
