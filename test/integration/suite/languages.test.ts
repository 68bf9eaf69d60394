import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, hoverText, waitFor, workspaceFile } from './helpers';

const LATEX = '\\\\section{Security}\nThe provider holds ISO 27001 certification and will complete its SOC 2 audit by June 2025.\n';

async function hoverAt(document: vscode.TextDocument, text: string): Promise<string> {
  const at = document.positionAt(document.getText().indexOf(text) + 1);
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at));
}

suite('Languages', () => {
  test('a language added to marginalia.languages is annotated at once, and a removed one is not', async () => {
    const marginalia = await api();
    const config = vscode.workspace.getConfiguration('marginalia');
    await vscode.workspace.fs.writeFile(workspaceFile('langs/report.tex'), new TextEncoder().encode(LATEX));
    await vscode.workspace.fs.writeFile(workspaceFile('langs/notes.md'), new TextEncoder().encode('We hold ISO 27001.\n'));
    await config.update('languages', ['plaintext', 'latex'], vscode.ConfigurationTarget.Workspace);
    try {
      const tex = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('langs/report.tex')));
      assert.equal(tex.document.languageId, 'latex');
      const suggestions = await waitFor(async () => {
        const s = await marginalia.suggestions(tex.document);
        return s.some((x) => x.text === 'ISO 27001') ? s : undefined;
      }, 'suggestions in the LaTeX document');
      assert.ok(suggestions.some((s) => s.kind === 'date'));
      await waitFor(
        () => (marginalia.decorations(tex.document.uri)?.control.length ?? 0) > 0 || undefined,
        'decorations in the LaTeX document',
      );
      assert.match(
        await waitFor(async () => {
          const h = await hoverAt(tex.document, 'ISO 27001');
          return h.includes('Information security') ? h : undefined;
        }, 'the control hover in LaTeX'),
        /Accept/,
      );
      const iso = suggestions.find((s) => s.text === 'ISO 27001');
      const id = await vscode.commands.executeCommand<string | undefined>('marginalia.acceptSuggestion', {
        uri: tex.document.uri.toString(),
        start: iso?.start,
        end: iso?.end,
        kind: 'control',
      });
      assert.ok(id, 'commands work there');

      // Markdown removed: its documents are no longer annotated, and hovers say nothing.
      const md = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('langs/notes.md')));
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(await marginalia.suggestions(md.document), []);
      assert.doesNotMatch(await hoverAt(md.document, 'ISO 27001'), /Information security management/);
    } finally {
      await config.update('languages', undefined, vscode.ConfigurationTarget.Workspace);
    }
    // Back to the defaults without a reload.
    const md = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('langs/notes.md')));
    await waitFor(async () => (await marginalia.suggestions(md.document)).length > 0 || undefined, 'Markdown annotated again');
    assert.match(await hoverAt(md.document, 'ISO 27001'), /Information security management/);
  });
});
