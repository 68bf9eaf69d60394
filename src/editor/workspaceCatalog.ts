import * as vscode from 'vscode';
import { builtinCatalog } from '../core/catalog/builtin';
import { parseCatalog } from '../core/catalog/load';
import { mergeCatalogs } from '../core/catalog/merge';
import type { Catalog } from '../core/catalog/types';
import { compileControlMatcher, type ControlMatcher } from '../core/detect/controls';
import { readTextIfExists } from './files';
import { describeError } from './log';
import { watchWorkspaceFile } from './workspaceFileWatch';

/** Where a workspace folder keeps its own catalog entries (same format as the built-in one). */
export const WORKSPACE_CATALOG = '.marginalia/controls.yaml';

/**
 * The built-in catalog merged with each workspace folder's `.marginalia/controls.yaml`.
 * Workspace catalogs are read only in trusted workspaces; their errors go to the
 * Problems panel with line and column, and the valid entries still count.
 */
export class WorkspaceCatalog implements vscode.Disposable {
  private merged: Catalog = builtinCatalog();
  private readonly changed = new vscode.EventEmitter<ControlMatcher>();
  private readonly problems = vscode.languages.createDiagnosticCollection('marginalia-catalog');
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const reload = (): void => {
      void this.reload();
    };
    this.subscriptions.push(...watchWorkspaceFile(WORKSPACE_CATALOG, reload), vscode.workspace.onDidGrantWorkspaceTrust(reload));
  }

  get catalog(): Catalog {
    return this.merged;
  }

  async reload(): Promise<void> {
    let merged = builtinCatalog();
    this.problems.clear();
    if (vscode.workspace.isTrusted) {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        // Ids of the built-in catalog and of folders read before this one, which its
        // patterns and `enforces` lists may refer to.
        const known = merged.entries.map((e) => e.id);
        const uri = vscode.Uri.joinPath(folder.uri, WORKSPACE_CATALOG);
        try {
          const text = await readTextIfExists(uri);
          if (text === undefined) continue;
          const { catalog, errors } = parseCatalog(text, vscode.workspace.asRelativePath(uri), { knownIds: known });
          merged = mergeCatalogs(merged, catalog);
          this.problems.set(
            uri,
            errors.map((e) => {
              const at = new vscode.Position(Math.max(0, e.line - 1), Math.max(0, e.column - 1));
              const d = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), e.message, vscode.DiagnosticSeverity.Error);
              d.source = 'Marginalia catalog';
              return d;
            }),
          );
          this.log.info(
            `Loaded ${catalog.entries.length} entries and ${catalog.patterns.length} patterns from ${vscode.workspace.asRelativePath(uri)}${errors.length ? ` (${errors.length} error(s), see Problems)` : ''}.`,
          );
        } catch (error) {
          this.log.error(`Reading ${uri.toString()} failed: ${describeError(error)}`);
        }
      }
    }
    const changed = merged !== this.merged;
    this.merged = merged;
    if (changed) this.changed.fire(compileControlMatcher(merged));
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.problems.dispose();
  }
}
