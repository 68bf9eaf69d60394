import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, hoverText, openInEditor, waitFor, workspaceFile } from './helpers';

const CATALOG = `entries:
  - id: acme-cloud-baseline
    title: ACME Cloud Security Baseline
    publisher: ACME Corp. Security Office
    category: framework
    version: "3.1"
    aliases: [ACME Cloud Baseline, ACME-CSB]

patterns:
  - id: runaway
    framework: acme-cloud-baseline
    regex: '(a+)+$'
`;

suite('Workspace catalog', () => {
  test('entries in .marginalia/controls.yaml are detected, and a dangerous pattern is refused in Problems', async () => {
    const marginalia = await api();
    const file = workspaceFile('.marginalia/controls.yaml');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(CATALOG));
    await vscode.workspace.fs.writeFile(
      workspaceFile('vendor.txt'),
      new TextEncoder().encode('The vendor says it meets the ACME Cloud Baseline and ISO 27001.\n'),
    );
    // The file watcher may lag on a loaded machine; the command is what a user runs then.
    await vscode.commands.executeCommand('marginalia.reloadCatalog');
    const editor = await openInEditor('vendor.txt');
    const found = await waitFor(async () => {
      const s = await marginalia.suggestions(editor.document);
      return s.some((d) => d.detection?.kind === 'control' && d.detection.id === 'acme-cloud-baseline') ? s : undefined;
    }, 'the workspace entry to be detected');
    assert.ok(
      found.some((d) => d.detection?.kind === 'control' && d.detection.id === 'iso-27001'),
      'built-in entries still count',
    );
    const problems = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(file);
      return d.length > 0 ? d : undefined;
    }, 'the refused pattern in Problems');
    assert.match(problems[0]?.message ?? '', /backtrack/i);
    assert.equal(problems[0]?.range.start.line, 11, 'the regex line');
    const at = editor.document.positionAt(editor.document.getText().indexOf('ACME Cloud') + 2);
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
    assert.match(hover, /ACME Cloud Security Baseline/);
    await vscode.workspace.fs.delete(file);
  });
});
