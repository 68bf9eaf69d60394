import * as vscode from 'vscode';
import { parseEntities } from '../core/entities/file';
import { EntityRegistry } from '../core/entities/registry';
import type { Entity } from '../core/entities/types';
import { readTextIfExists } from './files';
import { describeError } from './log';
import { watchWorkspaceFile } from './workspaceFileWatch';

/** Where a workspace folder lists who speaks in its documents. */
export const WORKSPACE_ENTITIES = '.marginalia/entities.yaml';

/**
 * The entities of every workspace folder's `.marginalia/entities.yaml`, as one registry
 * (the first folder to list a name keeps it). Names only, no patterns: read in untrusted
 * workspaces too. Problems go to the Problems panel with line and column; the valid
 * entities still count. Reloaded when a file is saved, created, changed or deleted.
 */
export class WorkspaceEntities implements vscode.Disposable {
  private current = new EntityRegistry();
  private readonly changed = new vscode.EventEmitter<EntityRegistry>();
  private readonly problems = vscode.languages.createDiagnosticCollection('marginalia-entities');
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions.push(
      ...watchWorkspaceFile(WORKSPACE_ENTITIES, () => {
        void this.reload();
      }),
    );
  }

  get registry(): EntityRegistry {
    return this.current;
  }

  /** The file of the folder holding `uri` (the first folder's when none does). */
  fileFor(uri: vscode.Uri | undefined): vscode.Uri | undefined {
    const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder === undefined ? undefined : vscode.Uri.joinPath(folder.uri, WORKSPACE_ENTITIES);
  }

  async reload(): Promise<void> {
    const entities: Entity[] = [];
    this.problems.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, WORKSPACE_ENTITIES);
      try {
        const text = await readTextIfExists(uri);
        if (text === undefined) continue;
        const parsed = parseEntities(text, vscode.workspace.asRelativePath(uri));
        entities.push(...parsed.entities);
        this.problems.set(
          uri,
          parsed.problems.map((p) => {
            const at = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
            const severity = p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
            const d = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), p.message, severity);
            d.source = 'Marginalia entities';
            return d;
          }),
        );
        this.log.info(
          `Loaded ${parsed.entities.length} entities from ${vscode.workspace.asRelativePath(uri)}${parsed.problems.length ? ` (${parsed.problems.length} problem(s), see Problems)` : ''}.`,
        );
      } catch (error) {
        this.log.error(`Reading ${uri.toString()} failed: ${describeError(error)}`);
      }
    }
    this.current = new EntityRegistry(entities);
    this.changed.fire(this.current);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.problems.dispose();
  }
}
