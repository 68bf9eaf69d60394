import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { generateArticleText } from '../../bench/article';
import { api, waitFor, workspaceFile } from './helpers';

suite('Large documents', () => {
  test('only a window around the visible text is painted, and it follows scrolling', async () => {
    const marginalia = await api();
    const uri = workspaceFile('large-article.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(generateArticleText(600 * 1024, 3)));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const document = editor.document;
    // The whole text is detected (after the visible part): thousands of suggestions.
    const all = await waitFor(
      async () => {
        const s = await marginalia.suggestions(document);
        return s.length > 2000 ? s : undefined;
      },
      'the whole document detected',
      60_000,
    );
    const lastSuggestion = all[all.length - 1];
    assert.ok(lastSuggestion && lastSuggestion.start > document.getText().length * 0.9, 'suggestions reach the end of the text');
    const painted = await waitFor(
      () => {
        const p = marginalia.decorations(uri);
        return p && p.claim.length > 0 ? p : undefined;
      },
      'decorations',
      30_000,
    );
    const paintedCount = painted.claim.length + painted.date.length + painted.control.length;
    assert.ok(paintedCount < all.length / 4, `a window is painted (${paintedCount} of ${all.length})`);
    const maxLine = Math.max(...painted.claim.map((r) => r.end.line));
    assert.ok(maxLine < document.lineCount / 2, 'nothing painted near the end while the top is shown');

    // Scroll to the end: the window moves there.
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.AtTop);
    const after = await waitFor(
      () => {
        const p = marginalia.decorations(uri);
        return p && p.claim.some((r) => r.end.line > document.lineCount - 200) ? p : undefined;
      },
      'decorations near the end after scrolling',
      10_000,
    );
    assert.ok(after.claim.length > 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });
});
