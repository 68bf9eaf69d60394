import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse, stringify } from 'yaml';
import { api, openInEditor, waitFor, workspaceFile } from './helpers';

const exists = async (uri: vscode.Uri): Promise<boolean> =>
  vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
const readText = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

suite('Sidecars follow their sources', () => {
  test('a sidecar changed on disk while its document is open is merged by annotation id', async () => {
    const marginalia = await api();
    const editor = await openInEditor('moves.txt');
    const from = editor.document.getText().indexOf('NIST CSF');
    editor.selection = new vscode.Selection(editor.document.positionAt(from), editor.document.positionAt(from + 'NIST CSF'.length));
    const mine = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
    const sidecar = workspaceFile('moves.txt.annotations.yaml');
    // A colleague's annotation arrives with a git pull.
    const data = parse(await readText(sidecar)) as { annotations: Record<string, unknown>[] };
    const quote = 'Transparency Center';
    const start = Array.from(editor.document.getText().slice(0, editor.document.getText().indexOf(quote))).length;
    data.annotations.push({
      id: 'colleague1',
      kind: 'claim',
      label: 'commitment',
      quote,
      prefix: '',
      suffix: '',
      start,
      end: start + quote.length,
      origin: 'manual',
      status: 'verified',
      note: 'Confirmed with the city.',
    });
    await vscode.workspace.fs.writeFile(sidecar, new TextEncoder().encode(stringify(data)));
    const merged = await waitFor(
      async () => {
        const list = await marginalia.annotations(editor.document);
        return list.some((a) => a.id === 'colleague1') ? list : undefined;
      },
      "the colleague's annotation to be merged",
      15_000,
    );
    assert.ok(
      merged.some((a) => a.id === mine),
      'my annotation is kept',
    );
    assert.equal(merged.find((a) => a.id === 'colleague1')?.status, 'verified');
  });

  test('renaming a source moves its sidecar; deleting it keeps the sidecar', async () => {
    const source = workspaceFile('moves.txt');
    const renamed = workspaceFile('moved/renamed.txt');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(source, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(async () => (await exists(workspaceFile('moved/renamed.txt.annotations.yaml'))) || undefined, 'the sidecar to move');
    assert.equal(await exists(workspaceFile('moves.txt.annotations.yaml')), false);
    const del = new vscode.WorkspaceEdit();
    del.deleteFile(renamed);
    assert.ok(await vscode.workspace.applyEdit(del));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await exists(workspaceFile('moved/renamed.txt.annotations.yaml')), true, 'the annotations are kept');
  });
});
