import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExportSummary } from '../../../src/editor/exportCommand';
import type { ImportSummary } from '../../../src/editor/importCommand';
import { api, waitFor, workspaceFile } from './helpers';

const TEXT =
  'Published on 3 March 2025\r\n\r\n😀 We hold ISO 27001 and SOC\u00a02 Type II, the company said.\r\n\r\nWe will complete FedRAMP Moderate by Q3 2026, a "spokesperson, named" said.\r\n';

interface Collection {
  total: number;
  first: {
    items: {
      target: {
        source: string;
        selector: ({ type: 'TextQuoteSelector'; exact: string } | { type: 'TextPositionSelector'; start: number; end: number })[];
      };
    }[];
  };
}

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
    await editor.edit((b) => {
      b.insert(new vscode.Position(0, 0), 'Draft 🔒 header line.\r\n');
    });
    const text = editor.document.getText();
    const codePoints = Array.from(text);

    const w3c = vscode.Uri.joinPath(folder, 'out', 'annotations.jsonld');
    const summary = await vscode.commands.executeCommand<ExportSummary>('marginalia.exportAnnotations', {
      format: 'w3c',
      scope: folder,
      target: w3c,
    });
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
    const csvSummary = await vscode.commands.executeCommand<ExportSummary>('marginalia.exportAnnotations', {
      format: 'csv',
      scope: source,
      target: csv,
      bom: true,
    });
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

    // The annotated edition: the text as the editor holds it, each annotation highlighted.
    const edition = vscode.Uri.joinPath(folder, 'out', 'edition.html');
    const editionSummary = await vscode.commands.executeCommand<ExportSummary>('marginalia.exportAnnotations', {
      format: 'edition',
      scope: folder,
      target: edition,
    });
    assert.equal(editionSummary.count, accepted.length);
    const html = await readText(edition);
    assert.ok(!/<script/i.test(html), 'no script in the edition');
    assert.ok(html.includes('Draft 🔒 header line.'), 'the unsaved edit is in the edition');
    for (const a of accepted) assert.ok(html.includes(`data-id="${a.id}"`), `annotation ${a.id} highlighted`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('exported W3C and brat files import back into a copy of the document, placed by quote', async () => {
    const marginalia = await api();
    const folder = workspaceFile('export-run');
    const source = vscode.Uri.joinPath(folder, 'original.txt');
    await writeText(source, TEXT);
    const original = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
    await waitFor(async () => (await marginalia.suggestions(original.document)).length >= 4 || undefined, 'suggestions in original.txt');
    await vscode.commands.executeCommand('marginalia.acceptAllSuggestions');
    const before = await waitFor(async () => {
      const list = await marginalia.annotations(original.document);
      return list.length >= 4 ? list : undefined;
    }, 'accepted annotations in original.txt');
    const w3c = vscode.Uri.joinPath(folder, 'out', 'original.jsonld');
    await vscode.commands.executeCommand('marginalia.exportAnnotations', { format: 'w3c', scope: source, target: w3c });
    const brat = vscode.Uri.joinPath(folder, 'out', 'brat-original');
    await vscode.commands.executeCommand('marginalia.exportAnnotations', { format: 'brat', scope: source, target: brat });
    const pick = (list: readonly { kind: string; label?: string; quote: string; start: number; end: number; status: string }[]) =>
      list.map((a) => `${a.kind}|${a.label ?? ''}|${a.start}|${a.end}|${a.status}|${a.quote}`).sort();

    // A copy with a new first paragraph: every annotation must move by it.
    const copy = vscode.Uri.joinPath(folder, 'copy.txt');
    const inserted = "An editor's note 😀 added later.\r\n\r\n";
    await writeText(copy, inserted + TEXT);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copy));
    await waitFor(async () => (await marginalia.suggestions(editor.document)).length >= 4 || undefined, 'suggestions in copy.txt');
    const imported = await vscode.commands.executeCommand<ImportSummary>('marginalia.importAnnotations', { file: w3c, anySource: true });
    assert.equal(imported.added, before.length);
    assert.equal(imported.unplaced, 0);
    const shift = Array.from(inserted).length;
    const after = await marginalia.annotations(editor.document);
    assert.deepEqual(pick(after), pick(before.map((a) => ({ ...a, start: a.start + shift, end: a.end + shift }))));
    // The brat export of the same annotations: all recognised, nothing added twice.
    const again = await vscode.commands.executeCommand<ImportSummary>('marginalia.importAnnotations', {
      file: vscode.Uri.joinPath(brat, 'original.ann'),
    });
    assert.equal(again.added, 0);
    assert.equal(again.unplaced, 0);
    assert.equal((await marginalia.annotations(editor.document)).length, before.length);
    const stored = await readText(vscode.Uri.joinPath(folder, 'copy.txt.annotations.yaml'));
    assert.equal((stored.match(/^ {2}- id: /gm) ?? []).length, before.length, 'the sidecar holds them');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    // Leave the workspace as other suites expect it (Scan Workspace counts its files).
    await vscode.workspace.fs.delete(workspaceFile('export-run'), { recursive: true, useTrash: false });
  });
});
