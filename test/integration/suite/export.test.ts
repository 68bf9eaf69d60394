import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExportSummary } from '../../../src/editor/exportCommand';
import { api, waitFor, workspaceFile } from './helpers';

const TEXT = 'Published on 3 March 2025\r\n\r\n😀 We hold ISO 27001 and SOC\u00a02 Type II, the company said.\r\n\r\nWe will complete FedRAMP Moderate by Q3 2026, a "spokesperson, named" said.\r\n';

interface Collection { total: number; first: { items: { target: { source: string; selector: ({ type: 'TextQuoteSelector'; exact: string } | { type: 'TextPositionSelector'; start: number; end: number })[] } }[] } }

async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

suite('Export Annotations', () => {
  test('exports an open document as the editor holds it (unsaved edits included) to W3C, CSV and brat', async () => {
    const marginalia = await api();
    const folder = workspaceFile('export-run');
    const source = vscode.Uri.joinPath(folder, 'brief.txt');
    await writeText(source, TEXT);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
    await waitFor(async () => (await marginalia.suggestions(editor.document)).length >= 4 || undefined, 'suggestions in brief.txt');
    await vscode.commands.executeCommand('marginalia.acceptAllSuggestions');
    const accepted = await waitFor(async () => {
      const list = await marginalia.annotations(editor.document);
      return list.length >= 4 ? list : undefined;
    }, 'accepted annotations');
    // An unsaved edit before everything: the export must use the moved offsets, not the file's.
    await editor.edit((b) => { b.insert(new vscode.Position(0, 0), 'Draft 🔒 header line.\r\n'); });
    const text = editor.document.getText();
    const codePoints = Array.from(text);

    const w3c = vscode.Uri.joinPath(folder, 'out', 'annotations.jsonld');
    const summary = await vscode.commands.executeCommand<ExportSummary>('marginalia.exportAnnotations', { format: 'w3c', scope: folder, target: w3c });
    assert.equal(summary.count, accepted.length);
    assert.equal(summary.documents, 1);
    assert.deepEqual(summary.problems, []);
    const collection = JSON.parse(await readText(w3c)) as Collection;
    assert.equal(collection.total, accepted.length);
    for (const item of collection.first.items) {
      assert.equal(item.target.source, source.toString(true));
      const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const pos = item.target.selector.find((s) => s.type === 'TextPositionSelector');
      assert.ok(quote?.type === 'TextQuoteSelector' && pos?.type === 'TextPositionSelector');
      assert.equal(codePoints.slice(pos.start, pos.end).join(''), quote.exact);
    }

    const csv = vscode.Uri.joinPath(folder, 'out', 'this-file.csv');
    const csvSummary = await vscode.commands.executeCommand<ExportSummary>('marginalia.exportAnnotations', { format: 'csv', scope: source, target: csv, bom: true });
    assert.equal(csvSummary.count, accepted.length);
    const csvText = await readText(csv);
    assert.ok(csvText.startsWith('\ufeff') || csvText.startsWith('file,'), 'a BOM (TextDecoder may strip it) then the header');
    assert.ok(csvText.includes('brief.txt,'));

    const bratFolder = vscode.Uri.joinPath(folder, 'out', 'brat');
    await vscode.commands.executeCommand('marginalia.exportAnnotations', { format: 'brat', scope: folder, target: bratFolder });
    assert.equal(await readText(vscode.Uri.joinPath(bratFolder, 'brief.txt')), text);
    const ann = await readText(vscode.Uri.joinPath(bratFolder, 'brief.ann'));
    assert.equal(ann.split('\n').filter((l) => l.startsWith('T')).length, accepted.length);
    assert.match(await readText(vscode.Uri.joinPath(bratFolder, 'annotation.conf')), /\[entities\]\n(?:\w+\n)*control\n/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  suiteTeardown(async () => {
    // Leave the workspace as other suites expect it (Scan Workspace counts its files).
    await vscode.workspace.fs.delete(workspaceFile('export-run'), { recursive: true, useTrash: false });
  });
});
