import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';

export const EXTENSION_ID = 'marginalia-tools.marginalia';

/** Baked into the web-worker bundle of the suites by scripts/test/integration.mjs. */
declare const MARGINALIA_WEB_TEST_ENV: Record<string, string> | undefined;

/** An environment variable of the test run, in either extension host (a web worker has no process.env). */
export function testEnv(name: string): string | undefined {
  if (typeof process !== 'undefined' && typeof process.env === 'object') return process.env[name];
  return typeof MARGINALIA_WEB_TEST_ENV === 'undefined' ? undefined : MARGINALIA_WEB_TEST_ENV[name];
}

/**
 * Before the suites: reviews are signed with `marginalia.author`, and when it is empty
 * the extension asks for a name, which no test answers. The launchers set it in the user
 * settings; a window that did not get them (F5 in code-server) gets it here.
 */
export async function prepareWindow(): Promise<void> {
  const config = vscode.workspace.getConfiguration('marginalia');
  if (!config.get<string>('author')) await config.update('author', 'Integration Tester', vscode.ConfigurationTarget.Global);
}

/** The extension host the suites run in: the web worker's has no Node. */
export function inWebWorker(): boolean {
  return typeof process === 'undefined' || typeof process.versions !== 'object' || !process.versions.node;
}

export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function api(): Promise<MarginaliaApi> {
  const extension = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  return extension.activate();
}

/** A workspace file's text, or undefined when it is not there. */
export async function readWorkspaceText(relative: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(relative)));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openInEditor(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

export function hoverText(hovers: vscode.Hover[]): string {
  // MarkdownString.appendText writes spaces as &nbsp; and escapes punctuation; read it as text.
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
}
