import * as vscode from 'vscode';
import { recogniseExport } from '../core/export/recognise';
import { baseName, isMissing } from './files';
import { localDisk } from './host/localDisk';

/**
 * Marginalia never analyses its own output: an export saved inside the workspace (the
 * Markdown report, a CSV opened as plain text) is recognised by its content, and the
 * copies of the documents a brat export writes (`NAME.txt` beside `NAME.ann`) by the
 * file beside them. Such files get no suggestions, no sidecar, and no place in the views.
 */
export function ownExportFormat(uri: vscode.Uri, text: string): string | undefined {
  return recogniseExport(baseName(uri), text);
}

/** `NAME.txt` with a `NAME.ann` beside it: a document copy in a brat export. */
export async function isBratCopy(uri: vscode.Uri): Promise<boolean> {
  const dot = uri.path.lastIndexOf('.');
  if (dot <= uri.path.lastIndexOf('/') || uri.path.slice(dot).toLowerCase() !== '.txt') return false;
  const ann = uri.with({ path: `${uri.path.slice(0, dot)}.ann` });
  // On a local disk through Node's fs: it is asked before a document's sidecar is read,
  // so its delay is the first decorations' too (see readTextIfExists).
  const fs = await localDisk(ann);
  try {
    await (fs ? fs.stat(ann.fsPath) : vscode.workspace.fs.stat(ann));
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/** Why a file is Marginalia's own output, or undefined when it is a source to annotate. */
export async function whyOwnOutput(uri: vscode.Uri, text: string): Promise<string | undefined> {
  const format = ownExportFormat(uri, text);
  if (format !== undefined) return `it is a Marginalia export (${format})`;
  if (await isBratCopy(uri)) return 'it is a document copy in a brat export (a .ann file is beside it)';
  return undefined;
}
