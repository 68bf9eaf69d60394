import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../core/sidecar/format';
import { readTextIfExists, sidecarUri, sourceOfSidecar, withSidecarLock } from './files';
import { describeError } from './log';
import type { SessionRegistry } from './session';
import type { SidecarIndex } from './sidecarIndex';
import { followRename } from './evidenceRename';

/**
 * Keeps sidecars with their sources when files change outside the annotation commands:
 * a renamed or moved source takes its sidecar along; a deleted source leaves its
 * sidecar in place, and the user is told; a sidecar changed on disk while its document
 * is open is merged with what is in memory. The index of the workspace's sidecars (the
 * views of documents that are not open) hears of every creation, change and deletion.
 */
export function watchSidecars(log: vscode.LogOutputChannel, sessions: SessionRegistry, index: SidecarIndex): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
  const changed = async (uri: vscode.Uri): Promise<void> => {
    const source = sourceOfSidecar(uri);
    const session = source ? sessions.get(source) : undefined;
    if (!session) return;
    try {
      await sessions.mergeFromDisk(session);
    } catch (error) {
      log.error(`Merging ${uri.toString()} failed: ${describeError(error)}`);
    }
  };
  return [
    watcher,
    watcher.onDidChange((uri) => {
      index.changedOnDisk(uri);
      void changed(uri);
    }),
    watcher.onDidCreate((uri) => {
      index.created(uri);
      void changed(uri);
    }),
    watcher.onDidDelete((uri) => {
      index.deleted(uri);
    }),
    vscode.workspace.onDidRenameFiles(async (event) => {
      for (const { oldUri, newUri } of event.files) {
        if (oldUri.path.endsWith(SIDECAR_SUFFIX)) continue;
        await moveSidecar(log, sessions, index, oldUri, newUri);
        // Evidence references to it, and its own (which now start from another folder).
        await followRename(log, sessions, index, oldUri, newUri);
      }
    }),
    vscode.workspace.onDidDeleteFiles(async (event) => {
      for (const uri of event.files) {
        // The watcher does not report what was inside a deleted folder.
        index.deleted(uri);
        if (uri.path.endsWith(SIDECAR_SUFFIX)) continue;
        const sidecar = sidecarUri(uri);
        if ((await readTextIfExists(sidecar).catch(() => undefined)) === undefined) continue;
        const message = `${vscode.workspace.asRelativePath(uri)} was deleted; its annotations are kept in ${vscode.workspace.asRelativePath(sidecar)}.`;
        log.info(message);
        void vscode.window.showInformationMessage(`Marginalia: ${message}`);
      }
    }),
  ];
}

/** Takes a renamed source's sidecar along (a folder's sidecars go with the folder). */
async function moveSidecar(
  log: vscode.LogOutputChannel,
  sessions: SessionRegistry,
  index: SidecarIndex,
  oldUri: vscode.Uri,
  newUri: vscode.Uri,
): Promise<void> {
  const from = sidecarUri(oldUri);
  const to = sidecarUri(newUri);
  try {
    if ((await readTextIfExists(from)) === undefined) return;
    if ((await readTextIfExists(to)) !== undefined) {
      void vscode.window.showWarningMessage(
        `Marginalia: ${vscode.workspace.asRelativePath(newUri)} already has annotations; the ones of its old name stay in ${vscode.workspace.asRelativePath(from)}.`,
      );
      return;
    }
    // Under the sidecar's lock, like every write: a save of the old document may be
    // replacing the file right now (not atomically, through workspace.fs on the web).
    const moved = await withSidecarLock(from, async () => {
      if ((await readTextIfExists(from)) === undefined) return false;
      await vscode.workspace.fs.rename(from, to, { overwrite: false });
      return true;
    });
    if (!moved) return;
    log.info(`Moved ${vscode.workspace.asRelativePath(from)} to ${vscode.workspace.asRelativePath(to)} with its source.`);
    // The index hears of it now, not when the file watcher gets round to it.
    index.deleted(from);
    index.created(to);
    const session = sessions.get(newUri);
    if (session) sessions.reload(session);
  } catch (error) {
    log.error(`Moving the annotations of ${oldUri.toString()} failed: ${describeError(error)}`);
    void vscode.window.showErrorMessage(
      `Marginalia could not move the annotations of ${vscode.workspace.asRelativePath(oldUri)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
