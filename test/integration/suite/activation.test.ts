import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { inWebWorker, testEnv } from './helpers';

const EXTENSION_ID = 'marginalia-tools.marginalia';

suite('Activation', () => {
  test('runs inside the expected VS Code', () => {
    const expected = testEnv('MARGINALIA_EXPECT_VSCODE');
    console.log(
      `[marginalia-test] integration host: VS Code ${vscode.version}, ${vscode.env.appName}, uiKind ${vscode.UIKind[vscode.env.uiKind]}, ${inWebWorker() ? 'web-worker' : 'Node'} extension host`,
    );
    if (expected) assert.equal(vscode.version, expected);
    assert.match(vscode.version, /^1\.\d+\.\d+/);
  });

  test('the extension activates when a plain-text document opens', async () => {
    const extension = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this host`);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace folder is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'statement.txt'));
    await vscode.window.showTextDocument(document);
    const api = await waitFor(() => (extension.isActive ? extension.exports : undefined), 'extension activation');
    assert.equal(extension.isActive, true);
    assert.equal(typeof api.log.info, 'function');
  });

  test('contributes the Marginalia container, its view and the Show Log command', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const contributes = (
      extension?.packageJSON as {
        contributes: { viewsContainers: { activitybar: { id: string }[] }; views: Record<string, { id: string }[]> };
      }
    ).contributes;
    assert.deepEqual(
      contributes.viewsContainers.activitybar.map((c) => c.id),
      ['marginalia'],
    );
    assert.ok(contributes.views.marginalia?.some((v) => v.id === 'marginalia.annotations'));
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('marginalia.showLog'), 'marginalia.showLog is registered');
    await vscode.commands.executeCommand('marginalia.showLog');
    await vscode.commands.executeCommand('workbench.view.extension.marginalia');
  });
});

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
