import * as vscode from 'vscode';
import type { SessionRegistry } from './session';

/** Counts for the active document; a click focuses the Annotations view. */
export class AnnotationStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('marginalia.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly sessions: SessionRegistry) {
    this.item.name = 'Marginalia';
    this.item.command = 'marginalia.annotations.focus';
    this.subscriptions = [
      sessions.onDidChange(() => { this.update(); }),
      vscode.window.onDidChangeActiveTextEditor(() => { this.update(); }),
    ];
    this.update();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const session = editor ? this.sessions.get(editor.document.uri) : undefined;
    if (!session) {
      this.item.hide();
      return;
    }
    const kept = session.store.tracked.filter((t) => t.annotation.status !== 'dismissed');
    const orphaned = kept.filter((t) => t.anchor.orphaned).length;
    this.item.text = `$(note) ${kept.length} $(lightbulb) ${session.suggestions.length}${orphaned > 0 ? ` $(debug-disconnect) ${orphaned}` : ''}`;
    this.item.tooltip = `Marginalia: ${kept.length} annotation${kept.length === 1 ? '' : 's'}, ${session.suggestions.length} suggestion${session.suggestions.length === 1 ? '' : 's'}${orphaned > 0 ? `, ${orphaned} orphaned` : ''} in this file. Click to show them.`;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
