import * as vscode from 'vscode';
import { UNDO_COMMAND } from './undoCommands';

/** How long a confirmation stays in the status bar. */
const SHOW_MS = 6000;

/**
 * Says what an action did, with a way to undo it: a brief status bar entry for the
 * everyday actions (accept, dismiss, a note), which a click undoes, and a notification
 * with an Undo button for the ones that touch more (delete, accept all, import).
 */
export class Confirmation implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('marginalia.confirmation', vscode.StatusBarAlignment.Left, -1000);
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last message, for tests. */
  last = '';

  constructor() {
    this.item.name = 'Marginalia: last action';
  }

  /** `message` in the status bar for a few seconds; clicking it undoes the action in `document`. */
  brief(message: string, document: vscode.Uri): void {
    this.last = message;
    clearTimeout(this.timer);
    this.item.text = `$(check) ${message} · $(discard) Undo`;
    this.item.tooltip = `${message}. Click to undo it (or Marginalia: Undo; Ctrl+Z in the editor while the text is unchanged).`;
    this.item.accessibilityInformation = { label: `${message}. Undo`, role: 'button' };
    this.item.command = { command: UNDO_COMMAND, title: 'Undo', arguments: [{ uri: document.toString() }] };
    this.item.show();
    this.timer = setTimeout(() => { this.item.hide(); }, SHOW_MS);
  }

  /** A notification with an Undo button (not awaited: the command's result does not wait for it). */
  notify(message: string, document: vscode.Uri): void {
    this.last = message;
    void vscode.window.showInformationMessage(`Marginalia: ${message}`, 'Undo').then((pick) => {
      if (pick === 'Undo') void vscode.commands.executeCommand(UNDO_COMMAND, { uri: document.toString() });
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
  }
}
