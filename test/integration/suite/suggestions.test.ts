import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, hoverText, openInEditor, waitFor } from './helpers';

suite('Suggestions in the editor', () => {
  test('opening a document decorates its controls, dates and claims', async () => {
    const marginalia = await api();
    const editor = await openInEditor('statement.txt');
    const painted = await waitFor(() => marginalia.decorations(editor.document.uri), 'decorations');
    const text = (r: vscode.Range): string => editor.document.getText(r);
    assert.deepEqual(painted.control.map(text), ['ISO/IEC 27001:2022', 'SOC 2 Type II']);
    assert.ok(painted.date.map(text).includes('by the end of the year'), `dates: ${painted.date.map(text).join(' | ')}`);
    assert.ok(
      painted.claim.some((r) => text(r).startsWith('We will publish')),
      'the commitment is decorated',
    );
  });

  test('suggestions follow an edit, re-detected after the debounce', async () => {
    const marginalia = await api();
    const editor = await openInEditor('statement.txt');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => {
      b.insert(end, '\nThe firm also cites PCI DSS v4.0 compliance.');
    });
    const painted = await waitFor(() => {
      const p = marginalia.decorations(editor.document.uri);
      return p?.control.some((r) => editor.document.getText(r).startsWith('PCI DSS')) ? p : undefined;
    }, 'the new control to be decorated');
    assert.equal(painted.control.length, 3);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('hovers show the catalog card of a control, a resolved date and why a claim is one', async () => {
    const editor = await openInEditor('statement.txt');
    const offsetOf = (s: string): vscode.Position => editor.document.positionAt(editor.document.getText().indexOf(s) + 1);
    const hover = async (s: string): Promise<string> =>
      hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, offsetOf(s)));
    const iso = await hover('ISO/IEC 27001');
    assert.match(iso, /Information security management systems/);
    assert.match(iso, /Current version:\*\* 2022/);
    assert.match(iso, /iso-27001/);
    const date = await hover('by the end of the year');
    assert.match(date, /`2025`/);
    assert.match(date, /2025-03-03/);
    const claim = await hover('We will publish');
    assert.match(claim, /Claim: commitment/);
    assert.match(claim, /Why:/);
  });
});

suite('Dates told from the date before them', () => {
  test('“the same evening” and “three days later” resolve from the date before them, in the hover', async () => {
    const marginalia = await api();
    const editor = await openInEditor('statement.txt');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => {
      b.insert(
        end,
        '\n\nOn 14 February 2025, a customer wrote to us. We took the page offline the same evening and told the regulator three days later.',
      );
    });
    try {
      const painted = await waitFor(() => {
        const p = marginalia.decorations(editor.document.uri);
        return p?.date.some((r) => editor.document.getText(r) === 'three days later') ? p : undefined;
      }, 'the anaphoric dates to be decorated');
      assert.ok(painted.date.some((r) => editor.document.getText(r) === 'the same evening'));
      const at = (s: string): vscode.Position => editor.document.positionAt(editor.document.getText().indexOf(s) + 1);
      const hover = async (s: string): Promise<string> =>
        hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at(s)));
      assert.match(await hover('the same evening'), /`2025-02-14`/);
      assert.match(await hover('three days later'), /`2025-02-17`/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});

suite('Status bar', () => {
  test('shows the counts of the active document', async () => {
    const marginalia = await api();
    const editor = await openInEditor('statement.txt');
    const suggestions = await marginalia.suggestions(editor.document);
    const text = await waitFor(() => {
      const t = marginalia.statusText();
      return t.includes(`$(lightbulb) ${suggestions.length}`) ? t : undefined;
    }, 'the status bar to show the counts');
    assert.match(text, /^\$\(note\) \d+ \$\(lightbulb\) \d+/);
  });
});
