import * as vscode from 'vscode';
import type { Sidecar } from '../core/sidecar/format';
import type { PlannedWrite } from '../core/scan/scanText';
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

/**
 * Writes a sidecar whose new text was planned elsewhere (a Scan Workspace worker) against
 * `lastRead`: under the lock, if the file still holds `lastRead`, the planned text is
 * written as it is; if it changed meanwhile, `replan` gives what is wanted and it is
 * planned against the file now (merged), as writeSidecar does.
 */
export async function writePlannedSidecar(
  sidecar: vscode.Uri,
  lastRead: string | undefined,
  planned: PlannedWrite,
  replan: () => { wanted: Sidecar; sourceText: string; sha256: string },
): Promise<{ plan: PlannedWrite }> {
  return withSidecarLock(sidecar, async () => {
    const onDisk = await readTextIfExists(sidecar);
    let plan = planned;
    if (onDisk !== lastRead) {
      const again = replan();
      const fresh = planSidecarWrite({ fileName: vscode.workspace.asRelativePath(sidecar), lastRead, onDisk, ...again });
      plan =
        fresh.action === 'refused'
          ? { action: 'refused', reason: fresh.reason }
          : fresh.action === 'write'
            ? { action: 'write', text: fresh.text }
            : { action: 'unchanged' };
    }
    if (plan.action === 'write') await writeTextAtomically(sidecar, plan.text);
    return { plan };
  });
}
