import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../core/sidecar/format';
import { LOCK_RETRY_MS, LOCK_STALE_MS, LOCK_WAIT_MS, lockFileName, lockFileText, SidecarLockTimeout } from '../core/sidecar/lock';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export function sidecarUri(source: vscode.Uri): vscode.Uri {
  return source.with({ path: source.path + SIDECAR_SUFFIX });
}

export function sourceOfSidecar(sidecar: vscode.Uri): vscode.Uri | undefined {
  return sidecar.path.endsWith(SIDECAR_SUFFIX) ? sidecar.with({ path: sidecar.path.slice(0, -SIDECAR_SUFFIX.length) }) : undefined;
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The file's text, or undefined when it does not exist. Other failures propagate. */
export async function readTextIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A source document's text as the editor would show it, read without opening it: UTF-8
 * without its byte-order mark (offsets count from the character after it, as in the
 * CLI). Throws when the file is not valid UTF-8, rather than annotating replacement
 * characters that are not in the file.
 */
export async function readSourceText(uri: vscode.Uri): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch (error) {
    throw new Error(`${vscode.workspace.asRelativePath(uri)} is not valid UTF-8 text`, { cause: error });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Writes through a temporary file beside the target and a rename over it, so a crash or
 * a kill mid-write leaves the old file or the new one, never a truncated one. Goes
 * through workspace.fs so it also works on virtual file systems (vscode.dev).
 */
export async function writeTextAtomically(uri: vscode.Uri, text: string): Promise<void> {
  const temp = uri.with({ path: `${uri.path.slice(0, uri.path.lastIndexOf('/') + 1)}.${baseName(uri)}.tmp-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}` });
  await vscode.workspace.fs.writeFile(temp, encoder.encode(text));
  try {
    if (!(await renameLocally(temp, uri))) await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}

/**
 * VS Code's file service renames over an existing file by deleting it first, which
 * leaves a moment with no file at all. On a local disk in the Node extension host,
 * rename(2) replaces the target atomically, so use it there; elsewhere (vscode.dev,
 * remote file systems) workspace.fs is all there is.
 */
async function renameLocally(from: vscode.Uri, to: vscode.Uri): Promise<boolean> {
  const fs = to.scheme === 'file' ? await localFs(from) : undefined;
  if (!fs) return false;
  await fs.rename(from.fsPath, to.fsPath);
  return true;
}

/** Node's file system, in the Node extension host for local files; undefined elsewhere (vscode.dev, remote file systems). */
async function localFs(uri: vscode.Uri): Promise<typeof import('node:fs/promises') | undefined> {
  if (uri.scheme !== 'file' || typeof process === 'undefined' || !process.versions.node) return undefined;
  return import('node:fs/promises');
}

/**
 * Runs `fn` holding the sidecar's lock, the protocol every Marginalia writer follows (core's
 * sidecar/lock.ts), so the editor and a CLI run never both write from the same old text.
 * On a local disk the lock file is created exclusively (O_EXCL); through workspace.fs
 * (vscode.dev, remote folders) it is checked and then created, which is as close as that
 * API allows, and there no other Marginalia process runs beside the editor.
 */
export async function withSidecarLock<T>(sidecar: vscode.Uri, fn: () => Promise<T>): Promise<T> {
  const lock = sidecar.with({ path: lockFileName(sidecar.path) });
  const fs = await localFs(lock);
  const text = encoder.encode(lockFileText('VS Code', new Date()));
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const age = await lockAge(lock, fs);
    if (age === undefined) {
      try {
        if (fs) await fs.writeFile(lock.fsPath, text, { flag: 'wx' });
        else await vscode.workspace.fs.writeFile(lock, text);
        break;
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      }
    } else if (age > LOCK_STALE_MS) {
      await removeLock(lock, fs);
      continue;
    }
    if (Date.now() > deadline) throw new SidecarLockTimeout(vscode.workspace.asRelativePath(lock));
    await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS + Math.random() * LOCK_RETRY_MS));
  }
  try {
    return await fn();
  } finally {
    await removeLock(lock, fs);
  }
}

/** Milliseconds since the lock was taken, or undefined when there is none. */
async function lockAge(lock: vscode.Uri, fs: typeof import('node:fs/promises') | undefined): Promise<number | undefined> {
  try {
    if (fs) return Date.now() - (await fs.stat(lock.fsPath)).mtimeMs;
    return Date.now() - (await vscode.workspace.fs.stat(lock)).mtime;
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT' || (error instanceof vscode.FileSystemError && error.code === 'FileNotFound');
    if (missing) return undefined;
    throw error;
  }
}

async function removeLock(lock: vscode.Uri, fs: typeof import('node:fs/promises') | undefined): Promise<void> {
  if (fs) await fs.rm(lock.fsPath, { force: true });
  else await vscode.workspace.fs.delete(lock).then(undefined, (error: unknown) => {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
  });
}
