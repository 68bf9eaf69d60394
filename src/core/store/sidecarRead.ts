// The one step every reader of a sidecar takes with its source (the editor, Scan Workspace,
// the exports, every CLI command): parse and validate it, with its offsets checked against
// the source unless the source changed since the sidecar was saved, then bring its
// annotations up to date with the source (reconcile). Readers differ only in how they get
// the two texts.

import { parseSidecar, type ParseResult } from '../sidecar/read';
import type { Sidecar } from '../sidecar/format';
import { sha256Hex } from '../sidecar/sha256';
import { emptySidecar, reconcile, type ReconcileResult } from './sync';

export interface CheckedSidecar extends ParseResult {
  /**
   * The sidecar records a hash other than the source's: the source changed since the
   * sidecar was saved, so its offsets refer to the old text (reconcile moves them).
   */
  sourceChanged: boolean;
  /** The offsets were checked against the source's length. */
  checkedAgainstSource: boolean;
}

/**
 * Parses a sidecar and checks its offsets against the source text when there is one.
 * When the sidecar records a hash other than the source's, its offsets refer to the text
 * it was saved with, not this one: an offset past the end of the shortened source is then
 * what re-anchoring is for, not an error, and the offsets are checked for shape only.
 * Without a recorded hash the source is the only text they can refer to: checked.
 */
export function checkSidecar(yamlText: string, fileName: string, sourceText: string | undefined, sourceSha256?: string): CheckedSidecar {
  if (sourceText === undefined) return { ...parseSidecar(yamlText, fileName), sourceChanged: false, checkedAgainstSource: false };
  const first = parseSidecar(yamlText, fileName, sourceText);
  const recorded = first.sidecar?.source.sha256;
  if (recorded === undefined) return { ...first, sourceChanged: false, checkedAgainstSource: true };
  const changed = recorded !== (sourceSha256 ?? sha256Hex(sourceText));
  if (!changed || first.errors.length === 0) return { ...first, sourceChanged: changed, checkedAgainstSource: true };
  return { ...parseSidecar(yamlText, fileName), sourceChanged: true, checkedAgainstSource: false };
}

export interface SidecarReading extends CheckedSidecar {
  /** sha256Hex of the source text. */
  sha256: string;
  /**
   * The sidecar brought up to date with the source (moved, fuzzy-matched or orphaned
   * annotations; the hash recorded), or an empty one when there was no file. Undefined
   * when the file could not be read at all; present but partial when it has errors.
   */
  sidecar?: Sidecar;
  /** What reconciling did; undefined when there was no usable sidecar. */
  reconciled?: ReconcileResult;
  /** There was no sidecar file: `sidecar` is a new, empty one. */
  created: boolean;
}

/**
 * Reads the sidecar text (undefined: there is no file) with its source. `sourceFileName`
 * names the source in a new sidecar (its base name: the sidecar's folder is the source's).
 * A sidecar with errors comes back as read, not reconciled, with `writable` false.
 */
export function readSidecarWithSource(
  yamlText: string | undefined,
  fileName: string,
  sourceText: string,
  sourceFileName: string,
  knownSha256?: string,
): SidecarReading {
  if (yamlText === undefined) {
    // No sidecar: nothing to check the text against, so its hash is computed only when
    // asked for (a quarter of a second for 10 MB, which delayed a document's first
    // decorations by as much).
    let hash = knownSha256;
    return {
      sidecar: emptySidecar(sourceFileName),
      errors: [],
      writable: true,
      sourceChanged: false,
      checkedAgainstSource: true,
      get sha256(): string {
        hash ??= sha256Hex(sourceText);
        return hash;
      },
      created: true,
    };
  }
  const sha256 = knownSha256 ?? sha256Hex(sourceText);
  const checked = checkSidecar(yamlText, fileName, sourceText, sha256);
  if (checked.sidecar === undefined || checked.errors.length > 0) return { ...checked, sha256, created: false };
  const reconciled = reconcile(checked.sidecar, sourceText, { sha256 });
  return { ...checked, sidecar: reconciled.sidecar, reconciled, sha256, created: false };
}

/** The date relative dates in the source resolve against: the one the sidecar records, if any. */
export function referenceDateOf(sidecar: Sidecar | undefined): string | undefined {
  return sidecar?.source.published;
}

/**
 * The date a sidecar's text records (`source.published`), read from its head only: the
 * `source` block comes before `annotations`, so a large sidecar is not parsed whole to
 * learn one date. `errors` counts what is wrong in that head (no date is taken from it then).
 */
export function recordedDate(yamlText: string, fileName: string): { date?: string; errors: number } {
  const annotations = /^annotations:/m.exec(yamlText);
  const head = annotations === null ? yamlText : yamlText.slice(0, annotations.index);
  const parsed = parseSidecar(head, fileName);
  const date = parsed.errors.length > 0 ? undefined : referenceDateOf(parsed.sidecar);
  return { ...(date === undefined ? {} : { date }), errors: parsed.errors.length };
}
