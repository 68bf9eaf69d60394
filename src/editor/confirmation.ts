import * as vscode from 'vscode';
/** The commands a confirmation offers; named here to keep this module free of the command wiring. */
const UNDO_COMMAND = 'marginalia.undo';
const REDO_COMMAND = 'marginalia.redo';

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

  /**
   * `message` in the status bar for a few seconds; clicking it undoes the action in
   * `document`. `detail` (why, what else) goes to the tooltip: the status bar is short.
   */
  brief(message: string, document: vscode.Uri, detail?: string): void {
    this.show(`$(check) ${message} · $(discard) Undo`, message, detail, UNDO_COMMAND, 'Undo', document);
  }

  /** After an undo or redo: what was taken back (or done again), and the way to reverse that. */
  reversed(message: string, document: vscode.Uri, direction: 'undo' | 'redo'): void {
    const undo = direction === 'undo';
    this.show(
      `$(${undo ? 'discard' : 'redo'}) ${message} · $(${undo ? 'redo' : 'discard'}) ${undo ? 'Redo' : 'Undo'}`,
      message,
      undefined,
      undo ? REDO_COMMAND : UNDO_COMMAND,
      undo ? 'Redo' : 'Undo',
      document,
    );
  }

  private show(text: string, message: string, detail: string | undefined, command: string, verb: string, document: vscode.Uri): void {
    this.last = detail ? `${message} (${detail})` : message;
    clearTimeout(this.timer);
    this.item.text = text;
    this.item.tooltip = `${message}${detail ? `: ${detail}` : ''}. Click to ${verb.toLowerCase()} (or Marginalia: ${verb} Annotation Change; in the editor Ctrl+${verb === 'Undo' ? 'Z' : 'Y'} while the text is unchanged).`;
    this.item.accessibilityInformation = { label: `${message}${detail ? `: ${detail}` : ''}. ${verb}`, role: 'button' };
    this.item.command = { command, title: verb, arguments: [{ uri: document.toString() }] };
    this.item.show();
    this.timer = setTimeout(() => {
      this.item.hide();
    }, SHOW_MS);
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
