import * as vscode from 'vscode';
import { registerCommand } from './commands';
import type { Confirmation } from './confirmation';
import type { DocumentSession, SessionRegistry } from './session';
import { targetOf } from './targets';

export const UNDO_COMMAND = 'marginalia.undo';
export const REDO_COMMAND = 'marginalia.redo';

/**
 * Context keys that let Ctrl+Z (and Ctrl+Y, Ctrl+Shift+Z) in the editor undo Marginalia's
 * last action instead of the last text edit, but only while that action is the newest
 * thing done to the document: as soon as the text changes, the editor's own undo owns the
 * key again, and the action stays undoable with `Marginalia: Undo`.
 */
const CAN_UNDO = 'marginalia.canUndoHere';
const CAN_REDO = 'marginalia.canRedoHere';

/** The session a command argument (`{ uri }`, a view item) names, or the active editor's. */
async function sessionOf(sessions: SessionRegistry, arg: unknown): Promise<DocumentSession | undefined> {
  const target = targetOf(arg);
  if (target) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    return sessions.ready(document);
  }
  const editor = vscode.window.activeTextEditor;
  return editor ? sessions.ready(editor.document) : undefined;
}

export function registerUndoCommands(
  log: vscode.LogOutputChannel,
  sessions: SessionRegistry,
  confirmation: Confirmation,
): vscode.Disposable[] {
  // Set only when they change: this runs on every keystroke in the active editor.
  let shown: [boolean, boolean] | undefined;
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const session = editor ? sessions.get(editor.document.uri) : undefined;
    const version = session?.document.version;
    const top = session?.history.peekUndo();
    const next = session?.history.peekRedo();
    const now: [boolean, boolean] = [top !== undefined && top.mark === version, next !== undefined && next.mark === version];
    if (shown && shown[0] === now[0] && shown[1] === now[1]) return;
    shown = now;
    void vscode.commands.executeCommand('setContext', CAN_UNDO, now[0]);
    void vscode.commands.executeCommand('setContext', CAN_REDO, now[1]);
  };
  const run =
    (direction: 'undo' | 'redo') =>
    async (arg: unknown): Promise<string | undefined> => {
      const session = await sessionOf(sessions, arg);
      if (!session) {
        void vscode.window.showInformationMessage('Marginalia: open the document whose annotations you want to change back.');
        return undefined;
      }
      const step = direction === 'undo' ? await sessions.undo(session) : await sessions.redo(session);
      if (!step) {
        vscode.window.setStatusBarMessage(
          `Marginalia: nothing to ${direction} in ${vscode.workspace.asRelativePath(session.document.uri)}`,
          4000,
        );
        return undefined;
      }
      const message = `${direction === 'undo' ? 'Undid' : 'Redid'}: ${step.label}`;
      log.info(`${message} (${vscode.workspace.asRelativePath(session.document.uri)})`);
      confirmation.reversed(message, session.document.uri, direction);
      update();
      return step.label;
    };
  update();
  return [
    registerCommand(log, UNDO_COMMAND, run('undo')),
    registerCommand(log, REDO_COMMAND, run('redo')),
    sessions.onDidChangeHistory(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
  ];
}
