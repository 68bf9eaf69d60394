import * as vscode from 'vscode';

/**
 * Tells the user where they are or what happened: in the status bar for a few seconds,
 * and, when VS Code is set up for a screen reader (`editor.accessibilitySupport` on), as a
 * notification too, which screen readers read aloud; a status bar message is not.
 */
export function announce(message: string): void {
  vscode.window.setStatusBarMessage(`Marginalia: ${message}`, 5000);
  if (vscode.workspace.getConfiguration('editor').get<string>('accessibilitySupport') === 'on') {
    void vscode.window.showInformationMessage(`Marginalia: ${message}`);
  }
}
