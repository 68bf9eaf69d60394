import * as vscode from 'vscode';
import { builtinCatalog } from './core/catalog/builtin';
import type { Detection, Kind } from './core/model';
import { registerLogCommands } from './editor/commands';
import { DecorationPainter } from './editor/decorations';
import { MarginaliaHoverProvider } from './editor/hover';
import { createLog } from './editor/log';
import { SessionRegistry } from './editor/session';
import { AnnotationsTreeProvider } from './editor/trees/annotationsTree';

/** What the extension exports to other extensions and to its own integration tests. */
export interface MarginaliaApi {
  readonly log: vscode.LogOutputChannel;
  /** The current suggestions of an open document, brought up to date first. */
  suggestions(document: vscode.TextDocument): readonly Detection[];
  /** The ranges decorated in a visible document, by kind. */
  decorations(uri: vscode.Uri): Record<Kind, vscode.Range[]> | undefined;
}

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  const log = createLog();
  const sessions = new SessionRegistry(log);
  const painter = new DecorationPainter(sessions);
  const annotations = new AnnotationsTreeProvider();
  const selector = [{ language: 'plaintext' }, { language: 'markdown' }];
  context.subscriptions.push(
    log, sessions, painter, annotations,
    vscode.window.createTreeView('marginalia.annotations', { treeDataProvider: annotations, showCollapseAll: true }),
    vscode.languages.registerHoverProvider(selector, new MarginaliaHoverProvider(sessions, builtinCatalog)),
    ...registerLogCommands(log),
  );
  const version = (context.extension.packageJSON as { version?: string }).version ?? 'unknown';
  log.info(`Marginalia ${version} activated (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI)`);
  return {
    log,
    suggestions: (document) => sessions.ensure(document)?.suggestions ?? [],
    decorations: (uri) => painter.paintedRanges(uri),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
