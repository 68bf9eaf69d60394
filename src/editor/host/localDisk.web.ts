// The web-worker host (vscode.dev, github.dev) has no local disk: every file goes through
// workspace.fs. Replaces localDisk.ts in the browser bundle (esbuild.js).

import type * as vscode from 'vscode';
import type { LocalDisk } from './localDisk';

export type { LocalDisk };

export function localDisk(_uri: vscode.Uri): Promise<LocalDisk | undefined> {
  return Promise.resolve(undefined);
}
