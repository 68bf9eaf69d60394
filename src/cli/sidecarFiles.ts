// Node file access for sidecars: finding them, reading them with their source, and
// writing them atomically.
//
// Atomic writes: the new text goes to a temporary file in the sidecar's own folder (same
// file system, so the rename cannot turn into a copy), is flushed to disk, and is renamed
// over the sidecar. A reader, a crash or a kill at any moment sees the old file or the new
// one, never a half-written one. A process killed mid-write may leave its temporary file
// behind: it is named `.NAME.annotations.yaml.tmp-PID-RANDOM`, which does not end in
// `.annotations.yaml`, so Marginalia never takes it for a sidecar (findSidecars skips it,
// and no source is named so that its sidecar would be it); it can be deleted at any time.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { formatSidecarError, SIDECAR_SUFFIX, type Sidecar, type SidecarError } from '../core/sidecar/format';
import { SidecarLockTimeout, withLock, type LockFiles } from '../core/sidecar/lock';
import type { MergeConflict } from '../core/sidecar/merge';
import { readSidecarWithSource, type SidecarReading } from '../core/store/sidecarRead';
import { planSidecarWrite } from '../core/store/sidecarWrite';
import { describeFsError, readDocument, walkFiles, type FileProblem } from './files';

/** `report.txt` → `report.txt.annotations.yaml`. */
export function sidecarPathFor(sourcePath: string): string {
  return sourcePath + SIDECAR_SUFFIX;
}

export function isSidecarPath(file: string): boolean {
  return path.basename(file).endsWith(SIDECAR_SUFFIX) && path.basename(file) !== SIDECAR_SUFFIX;
}

/** `report.txt.annotations.yaml` → `report.txt`: a sidecar's source is found by its name. */
export function sourcePathFor(sidecarPath: string): string {
  return sidecarPath.slice(0, sidecarPath.length - SIDECAR_SUFFIX.length);
}

/** Matches the temporary files of atomicWriteFile, for clean-up tools and tests. */
export const TEMP_FILE = /^\..+\.tmp-\d+-[0-9a-f]+$/;

/**
 * Sidecars named by the arguments: a sidecar as given, a source's sidecar when it has one
 * (`withoutSidecar` lists the sources that have none), directories walked for
 * `*.annotations.yaml` (temporary files of interrupted writes do not match).
 */
export async function findSidecars(
  args: readonly string[],
): Promise<{ files: string[]; withoutSidecar: string[]; problems: FileProblem[] }> {
  const files: string[] = [];
  const withoutSidecar: string[] = [];
  const problems: FileProblem[] = [];
  for (const arg of args) {
    try {
      const stat = await fs.stat(arg);
      if (stat.isDirectory()) files.push(...(await walkFiles(arg, isSidecarPath)));
      else if (isSidecarPath(arg)) files.push(arg);
      else if (await exists(sidecarPathFor(arg))) files.push(sidecarPathFor(arg));
      else withoutSidecar.push(arg);
    } catch (error) {
      problems.push({ path: arg, message: describeFsError(error) });
    }
  }
  // A source and its sidecar both named, or a folder and a file in it: once each.
  return { files: [...new Set(files)], withoutSidecar, problems };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

/** The sidecar's text exactly as stored (a BOM or CRLF kept), or undefined when there is none. */
export async function readSidecarText(sidecarPath: string): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(sidecarPath);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
  // ignoreBOM: keep a byte-order mark in the text, so an unchanged file compares equal.
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

/**
 * The text of a sidecar that findSidecars listed, or undefined after recording in
 * `problems` why it cannot be read (it vanished, or it is not UTF-8).
 */
export async function readListedSidecar(file: string, problems: FileProblem[]): Promise<string | undefined> {
  try {
    const yaml = await readSidecarText(file);
    if (yaml === undefined) problems.push({ path: file, message: 'no such file or directory' });
    return yaml;
  } catch (error) {
    problems.push({ path: file, message: describeFsError(error) });
    return undefined;
  }
}

/** A listed sidecar read together with its source, and valid against it. */
export interface SidecarWithSource {
  sourcePath: string;
  /** The sidecar's text as stored, for writing it back in place. */
  yaml: string;
  sourceText: string;
  sha256: string;
  /** Brought up to date with the source (see core's readSidecarWithSource). */
  sidecar: Sidecar;
  reading: SidecarReading;
}

/**
 * Reads a sidecar that findSidecars listed, its source, and checks one against the
 * other. When that fails, records why in `problems` (its errors go to `report` as
 * file:line:column) and resolves to undefined. `withoutSource` ends the message for a
 * missing source ("the annotations of FILE …"); `invalid` is the one for a bad sidecar.
 */
export async function readListedSidecarWithSource(
  file: string,
  problems: FileProblem[],
  report: (line: string) => void,
  messages: { withoutSource: string; invalid: string },
): Promise<SidecarWithSource | undefined> {
  const sourcePath = sourcePathFor(file);
  const yaml = await readListedSidecar(file, problems);
  if (yaml === undefined) return undefined;
  let sourceText: string;
  try {
    sourceText = await readDocument(sourcePath);
  } catch (error) {
    problems.push({ path: sourcePath, message: `${describeFsError(error)}; the annotations of ${file} ${messages.withoutSource}` });
    return undefined;
  }
  const read = readSidecarWithSource(yaml, file, sourceText, path.basename(sourcePath));
  if (read.sidecar === undefined || read.errors.length > 0) {
    for (const e of read.errors) report(formatSidecarError(e));
    problems.push({ path: file, message: messages.invalid });
    return undefined;
  }
  return { sourcePath, yaml, sourceText, sha256: read.sha256, sidecar: read.sidecar, reading: read };
}

/** Thrown instead of writing a sidecar that would not read back without errors, or when the lock could not be taken. */
export class SidecarRefused extends Error {
  override readonly name = 'SidecarRefused';
  constructor(
    readonly file: string,
    readonly errors: readonly SidecarError[],
    message?: string,
  ) {
    super(
      message ?? `${file}: refusing to write a sidecar that does not validate (${errors.length} error${errors.length === 1 ? '' : 's'})`,
    );
  }
}

export interface SaveOptions {
  /** The file's text when it was read, from which the wanted sidecar was made; undefined if there was none. */
  previousText: string | undefined;
  /** The source text the sidecar's offsets refer to. */
  sourceText: string;
  sha256?: string;
}

export interface SaveResult {
  /** `write`: the file was written; `unchanged`: it already held what was wanted. */
  action: 'write' | 'unchanged';
  text: string;
  /** The file had changed on disk since it was read; the change was merged in. */
  merged: boolean;
  conflicts: readonly MergeConflict[];
}

/**
 * Writes `wanted` to `sidecarPath` through the one write path (core's planSidecarWrite)
 * under the sidecar's lock: the file is read again, merged by id with `wanted` when it
 * changed since `previousText` was read, validated, and replaced atomically. Throws
 * SidecarRefused with located errors instead of writing a file that would not validate.
 */
export async function saveSidecar(sidecarPath: string, wanted: Sidecar, options: SaveOptions): Promise<SaveResult> {
  return withSidecarLock(sidecarPath, async () => {
    const onDisk = await readSidecarText(sidecarPath);
    const plan = planSidecarWrite({
      fileName: sidecarPath,
      lastRead: options.previousText,
      onDisk,
      wanted,
      sourceText: options.sourceText,
      ...(options.sha256 === undefined ? {} : { sha256: options.sha256 }),
    });
    if (plan.action === 'refused')
      throw new SidecarRefused(
        sidecarPath,
        plan.errors,
        plan.reason.startsWith(sidecarPath) ? plan.reason : `${sidecarPath}: ${plan.reason}`,
      );
    if (plan.action === 'write') await atomicWriteFile(sidecarPath, plan.text);
    return { action: plan.action, text: plan.text, merged: plan.merged, conflicts: plan.conflicts };
  });
}

/** Node's file system for the lock protocol: the lock file is created with O_EXCL ('wx'). */
const NODE_LOCK_FILES: LockFiles = {
  async createExclusive(name, text) {
    try {
      const handle = await fs.open(name, 'wx');
      try {
        await handle.writeFile(text);
      } finally {
        await handle.close();
      }
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EEXIST') return false;
      throw error;
    }
  },
  age: (name) =>
    fs.stat(name).then(
      (s) => Date.now() - s.mtimeMs,
      (error: unknown) => {
        if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
        throw error;
      },
    ),
  read: (name) =>
    fs.readFile(name, 'utf8').then(
      (t) => t,
      (error: unknown) => {
        if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
        throw error;
      },
    ),
  remove: (name) => fs.rm(name, { force: true }),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/**
 * Runs `fn` holding the sidecar's lock, with core's protocol (sidecar/lock.ts): two
 * processes can never both hold it, and one left by a dead writer is removed once stale.
 */
export async function withSidecarLock<T>(sidecarPath: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await withLock(NODE_LOCK_FILES, sidecarPath, `marginalia CLI, process ${process.pid}`, fn);
  } catch (error) {
    if (error instanceof SidecarLockTimeout) throw new SidecarRefused(sidecarPath, [], error.message);
    throw error;
  }
}

/**
 * Replaces `target` with `data` atomically: a temporary file in the same folder is
 * written, flushed (fsync), and renamed over the target; the folder is then flushed too
 * where the platform allows, so the rename itself survives a power cut. On any failure
 * the temporary file is removed and the target is left as it was. The target keeps its
 * permissions; a symbolic link is written through, not replaced by a plain file.
 */
export async function atomicWriteFile(target: string, data: string | Uint8Array): Promise<void> {
  const real = await fs.realpath(target).catch(() => target);
  const dir = path.dirname(real);
  const temp = path.join(dir, `.${path.basename(real)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  const mode = await fs.stat(real).then(
    (s) => s.mode & 0o7777,
    () => undefined,
  );
  try {
    // 'wx': never open an existing file, so two writers can never share a temporary file.
    const handle = await fs.open(temp, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(data);
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, real);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/** Flushes a folder's entries (the rename). Windows cannot open a folder for this: skipped there. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: the data itself was flushed before the rename.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
