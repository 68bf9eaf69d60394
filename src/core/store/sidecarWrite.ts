// The one step every writer of a sidecar takes (the editor's save, Scan Workspace, and the
// CLI's detect, reanchor and import with --write). A writer reads the file, makes the
// sidecar it wants from what it read, and just before writing reads the file again (under
// the sidecar's lock, see sidecar/lock.ts). This step turns the three into the text to
// write, or refuses with located errors:
//
// - the file is unchanged since it was read: the wanted sidecar is written;
// - it changed (a git pull, a colleague, another Marginalia): the wanted sidecar is merged
//   by annotation id with what is on disk, three-way against what was read (merge.ts), so
//   neither side's work is lost;
// - the result is written over the text on disk, edited in place (comments kept), and read
//   back: a text that would not validate is never written, and the errors say where.
//
// Pure: the writers do the reading, locking and renaming.

import { mergeAnnotations, type MergeConflict } from '../sidecar/merge';
import { parseSidecar } from '../sidecar/read';
import { normaliseSidecar, type Annotation, type Sidecar, type SidecarError } from '../sidecar/format';
import { sha256Hex } from '../sidecar/sha256';
import { serializeSidecar, updateSidecarText } from '../sidecar/write';
import { checkSidecar, readSidecarWithSource } from './sidecarRead';
import { emptySidecar } from './sync';

export interface WriteInput {
  /** Names the file in errors (a workspace-relative path). */
  fileName: string;
  /** The file's text when the writer read it, from which `wanted` was made; undefined when there was no file. */
  lastRead: string | undefined;
  /** The file's text now, read just before writing; undefined when there is no file. */
  onDisk: string | undefined;
  /** What the writer wants the file to hold; its offsets refer to `sourceText`. */
  wanted: Sidecar;
  /** The source text the writer works on (as the editor holds it, unsaved edits included). */
  sourceText: string;
  /** sha256Hex of `sourceText`, when the caller has it. */
  sha256?: string;
}

export type WritePlan =
  | {
      /** `write`: write `text`; `unchanged`: the file already holds what is wanted, write nothing. */
      action: 'write' | 'unchanged';
      /** The text to write (for `unchanged`, the text on disk). */
      text: string;
      /** What the file holds after the write: `wanted`, or `wanted` merged with the outside change. */
      sidecar: Sidecar;
      /** The file had changed since it was read, and the outside change was merged in. */
      merged: boolean;
      /** Fields both sides changed differently: the writer's value was kept. */
      conflicts: MergeConflict[];
    }
  | {
      action: 'refused';
      /** Why, in one sentence that names the file. */
      reason: string;
      /**
       * `disk`: the file on disk does not validate (a person may be fixing it), and `errors`
       * are located in it; `result`: what would be written does not validate, and `errors`
       * are located in that text, which is not written anywhere.
       */
      cause: 'disk' | 'result';
      errors: SidecarError[];
    };

/** Merges an outside change of the file into what a writer holds; also used when a file watcher reports one. */
export interface OutsideChange {
  fileName: string;
  lastRead: string | undefined;
  onDisk: string | undefined;
  mine: Sidecar;
  sourceText: string;
  sha256?: string;
}

export type OutsideMerge =
  { ok: true; sidecar: Sidecar; conflicts: MergeConflict[] } | { ok: false; reason: string; errors: SidecarError[] };

/**
 * `mine` (made from `lastRead`) merged with `onDisk`, three-way by annotation id. Both the
 * base and the disk's version are first brought up to date with the source the writer
 * holds, so an annotation neither side touched compares equal even when the source moved
 * it. Refuses when the text on disk does not validate: a person may be fixing it.
 */
export function mergeOutsideChange(input: OutsideChange): OutsideMerge {
  const sha256 = input.sha256 ?? sha256Hex(input.sourceText);
  const sourceFileName = input.mine.source.file;
  const theirs = readSidecarWithSource(input.onDisk, input.fileName, input.sourceText, sourceFileName, sha256);
  if (theirs.sidecar === undefined || theirs.errors.length > 0) {
    return { ok: false, reason: `${input.fileName} changed on disk and does not validate; fix it and try again`, errors: theirs.errors };
  }
  let base = emptySidecar(sourceFileName);
  if (input.lastRead !== undefined) {
    const read = readSidecarWithSource(input.lastRead, input.fileName, input.sourceText, sourceFileName, sha256);
    // The writer read and accepted this text earlier; if it no longer validates (a newer
    // rule), merging against nothing keeps every annotation of both sides.
    if (read.sidecar !== undefined && read.errors.length === 0) base = read.sidecar;
  }
  const merged = mergeAnnotations(base, suggestionsYieldToDisk(base, input.mine, theirs.sidecar), theirs.sidecar);
  return { ok: true, sidecar: merged.sidecar, conflicts: merged.conflicts };
}

/**
 * `mine` with each suggestion it added (absent from the base) that the disk holds too,
 * under the same id, replaced by the disk's annotation. Ids come from kind, quote and start,
 * so that is the same finding, stored meanwhile by another writer (a second detector run, a
 * scan) and perhaps reviewed since, or a person's own annotation of that very span. Merged
 * as "added on both sides", mine would win every differing field, and a detector's
 * suggestion would undo a person's review and erase their note.
 */
function suggestionsYieldToDisk(base: Sidecar, mine: Sidecar, theirs: Sidecar): Sidecar {
  const inBase = new Set(base.annotations.map((a) => a.id));
  const onDisk = new Map(theirs.annotations.map((a) => [a.id, a]));
  const annotations = mine.annotations.map((a): Annotation =>
    a.status === 'suggested' && !inBase.has(a.id) ? (onDisk.get(a.id) ?? a) : a,
  );
  return { ...mine, annotations };
}

/** See the top of this file. */
export function planSidecarWrite(input: WriteInput): WritePlan {
  const sha256 = input.sha256 ?? sha256Hex(input.sourceText);
  let target = input.wanted;
  let conflicts: MergeConflict[] = [];
  const merged = input.onDisk !== input.lastRead;
  if (merged) {
    const m = mergeOutsideChange({
      fileName: input.fileName,
      lastRead: input.lastRead,
      onDisk: input.onDisk,
      mine: input.wanted,
      sourceText: input.sourceText,
      sha256,
    });
    if (!m.ok) return { action: 'refused', reason: m.reason, cause: 'disk', errors: m.errors };
    target = m.sidecar;
    conflicts = m.conflicts;
  } else if (input.onDisk !== undefined) {
    // Unchanged since it was read, but possibly invalid all along: what the reader could not
    // read (an annotation with a bad field, say) is missing from `wanted`, and writing would
    // drop it. A person fixes the file first, as for a file that changed.
    const disk = checkSidecar(input.onDisk, input.fileName, input.sourceText, sha256);
    if (disk.errors.length > 0) {
      return { action: 'refused', reason: `${input.fileName} does not validate; fix it and try again`, cause: 'disk', errors: disk.errors };
    }
  }
  target = normaliseSidecar({ ...target, source: { ...target.source, sha256 } });
  let text: string;
  try {
    text = input.onDisk === undefined ? serializeSidecar(target) : updateSidecarText(input.onDisk, target);
  } catch (error) {
    return {
      action: 'refused',
      reason: `${input.fileName}: ${error instanceof Error ? error.message : String(error)}`,
      cause: 'disk',
      errors: [],
    };
  }
  if (text === input.onDisk) return { action: 'unchanged', text, sidecar: target, merged, conflicts };
  const check = parseSidecar(text, input.fileName, input.sourceText);
  if (check.errors.length > 0) {
    const first = check.errors[0] as SidecarError;
    return {
      action: 'refused',
      cause: 'result',
      reason: `${input.fileName}: not written, because the result would not validate (${first.message}${check.errors.length > 1 ? `, and ${check.errors.length - 1} more` : ''})`,
      errors: check.errors,
    };
  }
  return { action: 'write', text, sidecar: target, merged, conflicts };
}
