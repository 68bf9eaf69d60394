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
import { parseSidecar, type ParseResult } from '../core/sidecar/read';
import { sha256Hex } from '../core/sidecar/sha256';
import { serializeSidecar, updateSidecarText } from '../core/sidecar/write';
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
export async function findSidecars(args: readonly string[]): Promise<{ files: string[]; withoutSidecar: string[]; problems: FileProblem[] }> {
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

export interface CheckedSidecar extends ParseResult {
  /**
   * The sidecar records a hash other than the source's: the source changed since the
   * sidecar was saved, so its offsets refer to the old text (reanchor brings them up to date).
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

/** A listed sidecar read together with its source, and valid against it. */
export interface SidecarWithSource {
  sourcePath: string;
  /** The sidecar's text as stored, for writing it back in place. */
  yaml: string;
  sourceText: string;
  sha256: string;
  sidecar: Sidecar;
}

/**
 * Reads a sidecar that findSidecars listed, its source, and checks one against the
 * other. When that fails, records why in `problems` (its errors go to `report` as
 * file:line:column) and resolves to undefined. `withoutSource` ends the message for a
 * missing source ("the annotations of FILE …"); `invalid` is the one for a bad sidecar.
 */
export async function readSidecarWithSource(
  file: string, problems: FileProblem[], report: (line: string) => void,
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
  const sha256 = sha256Hex(sourceText);
  const checked = checkSidecar(yaml, file, sourceText, sha256);
  if (checked.sidecar === undefined || checked.errors.length > 0) {
    for (const e of checked.errors) report(formatSidecarError(e));
    problems.push({ path: file, message: messages.invalid });
    return undefined;
  }
  return { sourcePath, yaml, sourceText, sha256, sidecar: checked.sidecar };
}

/** Thrown instead of writing a sidecar that would not read back without errors. */
export class SidecarRefused extends Error {
  override readonly name = 'SidecarRefused';
  constructor(readonly file: string, readonly errors: readonly SidecarError[], message?: string) {
    super(message ?? `${file}: refusing to write a sidecar that does not validate (${errors.length} error${errors.length === 1 ? '' : 's'})`);
  }
}

export interface SaveOptions {
  /**
   * The file's text when it was read, or undefined if there was none. The new text is
   * that text edited in place (comments and layout kept); and if the file on disk is no
   * longer that text (someone saved it meanwhile), nothing is written.
   */
  previousText: string | undefined;
  /** The source text, to check the offsets against before writing. */
  sourceText?: string;
}

/**
 * Writes `sidecar` to `sidecarPath` atomically and returns the text written, or undefined
 * when the file already held exactly that text (nothing is written then). Refuses
 * (SidecarRefused) when the text would not validate, or when the file changed on disk
 * since `previousText` was read.
 */
export async function saveSidecar(sidecarPath: string, sidecar: Sidecar, options: SaveOptions): Promise<string | undefined> {
  const text = options.previousText === undefined ? serializeSidecar(sidecar) : updateSidecarText(options.previousText, sidecar);
  if (text === options.previousText) return undefined;
  const check = parseSidecar(text, sidecarPath, options.sourceText);
  if (check.errors.length > 0) throw new SidecarRefused(sidecarPath, check.errors);
  const onDisk = await readSidecarText(sidecarPath);
  if (onDisk !== options.previousText) {
    throw new SidecarRefused(sidecarPath, [], `${sidecarPath}: changed on disk while Marginalia was working on it; not written, run the command again`);
  }
  await atomicWriteFile(sidecarPath, text);
  return text;
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
  const mode = await fs.stat(real).then((s) => s.mode & 0o7777, () => undefined);
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
