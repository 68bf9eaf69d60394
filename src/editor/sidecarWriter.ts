import * as vscode from 'vscode';
import type { Sidecar } from '../core/sidecar/format';
import { planSidecarWrite, type WritePlan } from '../core/store/sidecarWrite';
import { readTextIfExists, withSidecarLock, writeTextAtomically } from './files';

/**
 * The editor's one way to write a sidecar (an open document's store and Scan Workspace
 * alike): under the sidecar's lock, the file is read again and core's planSidecarWrite
 * merges any change made since `lastRead`, validates, and gives the text; it is written
 * atomically. A refused plan is returned, not thrown, with what was on disk: the caller
 * decides what the user sees.
 */
export async function writeSidecar(
  sidecar: vscode.Uri,
  input: { lastRead: string | undefined; wanted: Sidecar; sourceText: string; sha256?: string },
): Promise<{ plan: WritePlan; onDisk: string | undefined }> {
  return withSidecarLock(sidecar, async () => {
    const onDisk = await readTextIfExists(sidecar);
    const plan = planSidecarWrite({
      fileName: vscode.workspace.asRelativePath(sidecar),
      lastRead: input.lastRead,
      onDisk,
      wanted: input.wanted,
      sourceText: input.sourceText,
      ...(input.sha256 === undefined ? {} : { sha256: input.sha256 }),
    });
    if (plan.action === 'write') await writeTextAtomically(sidecar, plan.text);
    return { plan, onDisk };
  });
}
