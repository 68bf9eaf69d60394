// The "Get started with Marginalia" walkthrough: a command opens it, and it opens once
// by itself the first time the extension runs for this user (unless turned off), behind
// what the user is looking at: the extension usually starts because a document is being
// opened, and that document must stay in front.

import * as vscode from 'vscode';
import { registerCommand } from './commands';

export const WALKTHROUGH_COMMAND = 'marginalia.openWalkthrough';
const SHOWN_KEY = 'marginalia.walkthroughShown';

function walkthroughId(context: vscode.ExtensionContext): string {
  return `${context.extension.id}#gettingStarted`;
}

export function registerWalkthrough(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  const open = (): Thenable<unknown> => vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId(context), false);
  const openBehind = (): Thenable<unknown> =>
    vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId(context), { toSide: false, inactive: true });
  const command = registerCommand(log, WALKTHROUGH_COMMAND, open);
  const wanted = vscode.workspace.getConfiguration('marginalia').get<boolean>('openWalkthroughOnFirstUse', true);
  if (wanted && context.globalState.get<boolean>(SHOWN_KEY) !== true && context.extensionMode !== vscode.ExtensionMode.Test) {
    void context.globalState.update(SHOWN_KEY, true);
    openBehind().then(undefined, (error: unknown) => {
      log.warn(`Could not open the walkthrough: ${String(error)}`);
    });
  }
  return command;
}
