import * as vscode from 'vscode';

/**
 * Calls `reload` whenever a workspace folder's `relative` file (`.marginalia/controls.yaml`)
 * may have changed: created, changed or deleted on disk, saved in the editor (reliable
 * where file watchers lag or miss an event), or the folders changed.
 */
export function watchWorkspaceFile(relative: string, reload: () => void): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${relative}`);
  return [
    watcher,
    watcher.onDidChange(reload),
    watcher.onDidCreate(reload),
    watcher.onDidDelete(reload),
    vscode.workspace.onDidChangeWorkspaceFolders(reload),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (d.uri.path.endsWith(`/${relative}`)) reload();
    }),
  ];
}
