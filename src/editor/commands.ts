import * as vscode from 'vscode';
import { describeError } from './log';

export const COMMANDS = {
  showLog: 'marginalia.showLog',
} as const;

/**
 * Registers a command whose failures reach the user as a message and the log with its
 * stack, instead of VS Code's generic "command failed" notification.
 */
export function registerCommand(log: vscode.LogOutputChannel, id: string, handler: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      log.error(`${id} failed: ${describeError(error)}`);
      void vscode.window.showErrorMessage(`Marginalia: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
}

export function registerLogCommands(log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    registerCommand(log, COMMANDS.showLog, () => {
      log.show(true);
    }),
  ];
}
