import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../core/sidecar/format';
import { SidecarLockTimeout, withLock, type LockFiles } from '../core/sidecar/lock';
import { localDisk, type LocalDisk } from './host/localDisk';

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

/**
 * The file's text, or undefined when it does not exist. Other failures propagate. On a
 * local disk it is read with Node's fs: workspace.fs goes through the window, which while
 * VS Code opens a large document answers only after hundreds of milliseconds (the sidecar
 * read held a document's first decorations back that long).
 */
export async function readTextIfExists(uri: vscode.Uri): Promise<string | undefined> {
  const fs = await localDisk(uri);
  try {
    return decoder.decode(fs ? await fs.readFile(uri.fsPath) : await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Whether a file operation failed because the file does not exist (Node's fs or workspace.fs). */
export function isMissing(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'ENOENT' || (error instanceof vscode.FileSystemError && error.code === 'FileNotFound');
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
 * Replaces a file's text as safely as its file system allows. On a local disk (the Node
 * extension host) the text goes to a temporary file beside the target and rename(2)
 * replaces the target atomically: a crash or a kill mid-write leaves the old file or the
 * new one, never a truncated one. Elsewhere (vscode.dev, remote folders) workspace.fs is
 * all there is, and its rename over an existing file deletes the target first: a reader
 * (git, a sync tool, a file watcher) would see no file at all for a moment, and a crash
 * right then would leave only the temporary file. There the file is written in place,
 * which never makes it disappear.
 */
export async function writeTextAtomically(uri: vscode.Uri, text: string): Promise<void> {
  const fs = await localDisk(uri);
  if (!fs) {
    await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
    return;
  }
  const temp = `${uri.fsPath.slice(0, uri.fsPath.length - baseName(uri).length)}.${baseName(uri)}.tmp-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await fs.writeFile(temp, text, { flag: 'wx' });
  try {
    await fs.rename(temp, uri.fsPath);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * The lock protocol's file operations (core's sidecar/lock.ts). On a local disk in the
 * Node extension host the lock file is created exclusively (O_EXCL), like the CLI does;
 * through workspace.fs (vscode.dev, remote folders) it is checked and then created,
 * which is as close as that API allows, and there no other Marginalia process runs
 * beside the editor.
 */
function lockFiles(fs: LocalDisk | undefined, folder: vscode.Uri): LockFiles {
  const at = (name: string): vscode.Uri => folder.with({ path: name });
  const missing = isMissing;
  return {
    async createExclusive(name, text) {
      try {
        if (fs) await fs.writeFile(at(name).fsPath, text, { flag: 'wx' });
        else {
          const exists = await vscode.workspace.fs.stat(at(name)).then(
            () => true,
            (error: unknown) => {
              if (missing(error)) return false;
              throw error;
            },
          );
          if (exists) return false;
          await vscode.workspace.fs.writeFile(at(name), encoder.encode(text));
        }
        return true;
      } catch (error) {
        if ((error as { code?: unknown }).code === 'EEXIST') return false;
        throw error;
      }
    },
    async age(name) {
      try {
        return fs ? Date.now() - (await fs.stat(at(name).fsPath)).mtimeMs : Date.now() - (await vscode.workspace.fs.stat(at(name))).mtime;
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    read: async (name) => readTextIfExists(at(name)),
    async remove(name) {
      if (fs) await fs.rm(at(name).fsPath, { force: true });
      else
        await vscode.workspace.fs.delete(at(name)).then(undefined, (error: unknown) => {
          if (!missing(error)) throw error;
        });
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
  };
}

/** Runs `fn` holding the sidecar's lock, the protocol every Marginalia writer follows. */
export async function withSidecarLock<T>(sidecar: vscode.Uri, fn: () => Promise<T>): Promise<T> {
  try {
    return await withLock(lockFiles(await localDisk(sidecar), sidecar), sidecar.path, 'VS Code', fn);
  } catch (error) {
    if (error instanceof SidecarLockTimeout)
      throw new Error(`${vscode.workspace.asRelativePath(sidecar)}: ${error.message}`, { cause: error });
    throw error;
  }
}
