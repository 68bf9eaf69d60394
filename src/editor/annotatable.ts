import * as vscode from 'vscode';
import type { SessionRegistry } from './session';
import { readSettings } from './settings';

/** The context key every menu and keybinding of an annotatable document tests. */
export const ANNOTATABLE_KEY = 'marginalia.annotatable';

/**
 * Follows `marginalia.languages` without a reload: keeps the `marginalia.annotatable`
 * context key true while the active editor shows a document Marginalia annotates (one
 * with a session: the right language, not a sidecar, not one of Marginalia's own
 * exports), and the hover provider registered for exactly the configured languages.
 */
export class AnnotatableLanguages implements vscode.Disposable {
  private hover: vscode.Disposable | undefined;
  private registeredFor = '';
  private shown: boolean | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly sessions: SessionRegistry,
    private readonly hoverProvider: vscode.HoverProvider,
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.updateKey();
      }),
      // A session starts (or ends) after the editor is shown, and when a language is added or removed.
      sessions.onDidChange(() => {
        this.updateKey();
      }),
      sessions.onDidClose(() => {
        this.updateKey();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('marginalia.languages')) {
          this.registerHover();
          this.updateKey();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.registerHover();
      }),
    ];
    this.registerHover();
    this.updateKey();
  }

  /** Every language some scope of the workspace annotates. */
  static languages(): string[] {
    const scopes: (vscode.ConfigurationScope | undefined)[] = [undefined, ...(vscode.workspace.workspaceFolders ?? [])];
    return [...new Set(scopes.flatMap((scope) => readSettings(scope).languages))].sort();
  }

  private registerHover(): void {
    const languages = AnnotatableLanguages.languages();
    const key = languages.join(',');
    if (key === this.registeredFor && this.hover) return;
    this.hover?.dispose();
    this.hover = vscode.languages.registerHoverProvider(
      languages.map((language) => ({ language })),
      this.hoverProvider,
    );
    this.registeredFor = key;
  }

  private updateKey(): void {
    const editor = vscode.window.activeTextEditor;
    const annotatable = editor !== undefined && this.sessions.get(editor.document.uri) !== undefined;
    if (annotatable === this.shown) return;
    this.shown = annotatable;
    void vscode.commands.executeCommand('setContext', ANNOTATABLE_KEY, annotatable);
  }

  dispose(): void {
    this.hover?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
