import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../core/sidecar/format';

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
  if (from.scheme !== 'file' || to.scheme !== 'file' || typeof process === 'undefined' || !process.versions.node) return false;
  const fs = await import('node:fs/promises');
  await fs.rename(from.fsPath, to.fsPath);
  return true;
}
