// The local disk, in the Node extension host: Node's file system for the few things
// VS Code's workspace.fs cannot do (rename over a file atomically, create a file only if
// it does not exist). The web-worker build replaces this module with localDisk.web.ts
// (esbuild.js), so no Node module ever reaches the browser bundle.

import type * as vscode from 'vscode';

export type LocalDisk = typeof import('node:fs/promises');

/** Node's fs for a local file, or undefined when the file is not on a local disk. */
export async function localDisk(uri: vscode.Uri): Promise<LocalDisk | undefined> {
  if (uri.scheme !== 'file') return undefined;
  return import('node:fs/promises');
}
