import * as vscode from 'vscode';

/** The extension's one log, shown with `Marginalia: Show Log`; its level follows the user's log-level setting. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Marginalia', { log: true });
}

/** Formats an unknown thrown value for the log without losing its stack. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
