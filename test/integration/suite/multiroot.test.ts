import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

suite('Multi-root workspaces', () => {
  test("each folder's documents keep their annotations in their own sidecars", async () => {
    const marginalia = await api();
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 2, 'the window has two folders');
    for (const folder of folders) {
      const uri = vscode.Uri.joinPath(folder.uri, 'roadmap.txt');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitFor(async () => (await marginalia.suggestions(editor.document)).length > 0 || undefined, `suggestions in ${folder.name}`);
      const from = editor.document.getText().indexOf('ISO 27001');
      editor.selection = new vscode.Selection(editor.document.positionAt(from), editor.document.positionAt(from + 'ISO 27001'.length));
      const id = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
      const sidecar = new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'roadmap.txt.annotations.yaml')),
      );
      assert.match(sidecar, new RegExp(`id: ${id}`));
      assert.equal((sidecar.match(/^ {2}- id:/gm) ?? []).length, 1, `only ${folder.name}'s own annotation is in its sidecar`);
    }
  });
});
