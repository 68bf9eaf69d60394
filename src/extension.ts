import * as vscode from 'vscode';
import { registerLogCommands } from './editor/commands';
import { createLog } from './editor/log';
import { AnnotationsTreeProvider } from './editor/trees/annotationsTree';

/** What the extension exports to other extensions and to its own integration tests. */
export interface MarginaliaApi {
  readonly log: vscode.LogOutputChannel;
}

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  const log = createLog();
  const annotations = new AnnotationsTreeProvider();
  context.subscriptions.push(
    log,
    annotations,
    vscode.window.createTreeView('marginalia.annotations', { treeDataProvider: annotations, showCollapseAll: true }),
    ...registerLogCommands(log),
  );
  const version = (context.extension.packageJSON as { version?: string }).version ?? 'unknown';
  const host = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
  log.info(`Marginalia ${version} activated (VS Code ${vscode.version}, ${host}, ${context.extension.extensionKind === vscode.ExtensionKind.Workspace ? 'workspace' : 'ui'} host)`);
  return { log };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
