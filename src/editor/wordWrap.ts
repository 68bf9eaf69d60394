import * as vscode from 'vscode';
import type { SessionRegistry } from './session';

/** A line this long runs past any editor window: a paragraph saved as one line (web pages, PDFs turned to text). */
const LONG_LINE = 300;
/** Asked once per workspace; the answer is remembered. */
const ASKED_KEY = 'marginalia.wordWrapAsked';

/** Whether a document reads as paragraphs on single long lines: a few such lines are enough. */
function hasLongLines(document: vscode.TextDocument): boolean {
  let long = 0;
  const lines = Math.min(document.lineCount, 2000);
  for (let i = 0; i < lines; i++) {
    if (document.lineAt(i).text.length > LONG_LINE && ++long >= 3) return true;
  }
  return false;
}

/**
 * Articles saved from the web put each paragraph on one line; without word wrap, the
 * suggestions on them are off screen. When such a document is opened with word wrap off,
 * Marginalia offers to wrap it, once per workspace.
 */
export function suggestWordWrap(context: vscode.ExtensionContext, sessions: SessionRegistry): vscode.Disposable {
  let asking = false;
  const consider = (editor: vscode.TextEditor | undefined): void => {
    if (!editor || asking || context.workspaceState.get<boolean>(ASKED_KEY)) return;
    const { document } = editor;
    if (!sessions.get(document.uri)) return;
    const wrap = vscode.workspace
      .getConfiguration('editor', { uri: document.uri, languageId: document.languageId })
      .get<string>('wordWrap', 'off');
    if (wrap !== 'off' || !hasLongLines(document)) return;
    asking = true;
    const once = 'Wrap Lines';
    const always = `Always Wrap ${document.languageId === 'markdown' ? 'Markdown' : 'Plain Text'}`;
    void vscode.window
      .showInformationMessage(
        `Marginalia: ${vscode.workspace.asRelativePath(document.uri)} has long lines, so suggestions run off screen. Wrap them?`,
        once,
        always,
        'Not Now',
      )
      .then(async (pick) => {
        await context.workspaceState.update(ASKED_KEY, true);
        if (pick === once) {
          await vscode.window.showTextDocument(document, editor.viewColumn);
          await vscode.commands.executeCommand('editor.action.toggleWordWrap');
        } else if (pick === always) {
          await vscode.workspace
            .getConfiguration('editor', { languageId: document.languageId })
            .update('wordWrap', 'on', vscode.ConfigurationTarget.Global, true);
        }
      })
      .then(
        () => {
          asking = false;
        },
        () => {
          asking = false;
        },
      );
  };
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(consider),
    sessions.onDidChange((session) => {
      if (vscode.window.activeTextEditor?.document === session.document) consider(vscode.window.activeTextEditor);
    }),
  );
}
