import * as vscode from 'vscode';
import { LEGEND } from './hover';
import type { SessionRegistry } from './session';

/** Counts for the active document; a click focuses the Annotations view. */
export class AnnotationStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('marginalia.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly sessions: SessionRegistry) {
    this.item.name = 'Marginalia';
    this.item.command = 'marginalia.annotations.focus';
    this.subscriptions = [
      sessions.onDidChange(() => {
        this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.update();
      }),
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
    // Annotations are what people decided; suggestions (live or stored by a scan) are not counted with them.
    const kept = session.store.tracked.filter((t) => t.annotation.status !== 'dismissed' && t.annotation.status !== 'suggested');
    const orphaned = session.store.tracked.filter((t) => t.anchor.orphaned && t.annotation.status !== 'dismissed').length;
    const suggestions = session.suggestionCount;
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    const summary = `${plural(kept.length, 'annotation')}, ${plural(suggestions, 'suggestion')}${orphaned > 0 ? `, ${orphaned} orphaned` : ''}`;
    this.item.text = `$(note) ${kept.length} $(lightbulb) ${suggestions}${orphaned > 0 ? ` $(debug-disconnect) ${orphaned}` : ''}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Marginalia** · ${summary} in this file\n\n`);
    tooltip.appendMarkdown(
      '$(note) annotations you accepted or made · $(lightbulb) suggestions not reviewed yet · $(debug-disconnect) annotations whose text is gone\n\n',
    );
    tooltip.appendText(LEGEND);
    tooltip.appendMarkdown('\n\nClick to show them in the Annotations view.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Marginalia: ${summary}. Open the Annotations view.`, role: 'button' };
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
