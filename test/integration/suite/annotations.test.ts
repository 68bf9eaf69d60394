import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, openInEditor, waitFor, workspaceFile } from './helpers';

interface SidecarYaml {
  marginalia: number;
  source: { file: string; sha256: string };
  annotations: {
    id: string;
    kind: string;
    label?: string;
    quote: string;
    start: number;
    end: number;
    status: string;
    note?: string;
    origin: string;
    reviewer?: string;
    reviewed?: string;
  }[];
}

async function readSidecar(name: string): Promise<SidecarYaml> {
  const bytes = await vscode.workspace.fs.readFile(workspaceFile(`${name}.annotations.yaml`));
  return parse(new TextDecoder().decode(bytes)) as SidecarYaml;
}

/**
 * readSidecar while the extension may be writing it: in the web-worker host the file is
 * written in place (workspace.fs has no atomic replace), so a read can catch it empty.
 */
async function readSidecarSettled(name: string): Promise<SidecarYaml | undefined> {
  const bytes = await vscode.workspace.fs.readFile(workspaceFile(`${name}.annotations.yaml`));
  const parsed = parse(new TextDecoder().decode(bytes)) as SidecarYaml | null;
  return parsed ?? undefined;
}

/** Selects `text`: a selection that is exactly a suggestion's span names it, also where suggestions overlap. */
async function placeCursor(editor: vscode.TextEditor, text: string): Promise<void> {
  const offset = editor.document.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} is in the document`);
  editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset + text.length));
  await new Promise((r) => setTimeout(r, 50));
}

suite('Annotations and their sidecar', () => {
  test('accepting a suggestion writes it to NAME.EXT.annotations.yaml and it stops being suggested', async () => {
    const marginalia = await api();
    const editor = await openInEditor('roadmap.txt');
    await waitFor(async () => (await marginalia.suggestions(editor.document)).length > 0 || undefined, 'suggestions');
    await placeCursor(editor, 'ISO 27001');
    const id = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
    assert.ok(id, 'the command returns the new annotation id');
    const sidecar = await readSidecar('roadmap.txt');
    assert.equal(sidecar.marginalia, 2);
    assert.equal(sidecar.source.file, 'roadmap.txt');
    assert.match(sidecar.source.sha256, /^[0-9a-f]{64}$/);
    const stored = sidecar.annotations.find((a) => a.id === id);
    assert.ok(stored);
    assert.deepEqual(
      [stored.kind, stored.label, stored.quote, stored.status, stored.origin],
      ['control', 'iso-27001', 'ISO 27001', 'open', 'detected'],
    );
    // Reviewed: who accepted it, and when.
    assert.equal(stored.reviewer, 'Integration Tester');
    assert.ok(stored.reviewed && Math.abs(Date.parse(stored.reviewed) - Date.now()) < 60_000, `reviewed ${stored.reviewed ?? ''} is now`);
    const suggestions = await marginalia.suggestions(editor.document);
    assert.ok(!suggestions.some((d) => d.kind === 'control' && d.text === 'ISO 27001'));
    const painted = marginalia.decorations(editor.document.uri);
    assert.ok(painted?.annotations.some((r) => editor.document.getText(r) === 'ISO 27001'));
  });

  test('a dismissed suggestion stays in the sidecar as dismissed and is not suggested again', async () => {
    const marginalia = await api();
    const editor = await openInEditor('roadmap.txt');
    await placeCursor(editor, 'SOC 2 Type II');
    const id = await vscode.commands.executeCommand<string>('marginalia.dismissSuggestion');
    const stored = (await readSidecar('roadmap.txt')).annotations.find((a) => a.id === id);
    assert.equal(stored?.status, 'dismissed');
    assert.ok(!(await marginalia.suggestions(editor.document)).some((d) => d.text === 'SOC 2 Type II'));
  });

  test('status, note and delete change the sidecar', async () => {
    const editor = await openInEditor('roadmap.txt');
    await placeCursor(editor, 'ISO 27001');
    assert.equal(await vscode.commands.executeCommand('marginalia.setStatus', undefined, 'verified'), 'verified');
    await vscode.commands.executeCommand('marginalia.editNote', undefined, 'Certificate **seen**, valid to 2026.');
    let stored = (await readSidecar('roadmap.txt')).annotations.find((a) => a.quote === 'ISO 27001');
    assert.deepEqual([stored?.status, stored?.note], ['verified', 'Certificate **seen**, valid to 2026.']);
    await vscode.commands.executeCommand('marginalia.deleteAnnotation');
    // A detection deleted is remembered as dismissed, so the next scan does not bring it back.
    stored = (await readSidecar('roadmap.txt')).annotations.find((a) => a.quote === 'ISO 27001');
    assert.equal(stored?.status, 'dismissed');
    assert.equal(stored.reviewer, 'Integration Tester');
  });

  test('annotations move with edits in the editor and the sidecar follows on save', async () => {
    const marginalia = await api();
    const editor = await openInEditor('roadmap.txt');
    await placeCursor(editor, 'Our goal is to hire');
    const id = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
    const before = (await marginalia.annotations(editor.document)).find((a) => a.id === id);
    assert.ok(before);
    await editor.edit((b) => {
      b.insert(new vscode.Position(1, 0), 'A new paragraph 😀 before everything else.\n');
    });
    const after = (await marginalia.annotations(editor.document)).find((a) => a.id === id);
    assert.equal(after?.start, before.start + Array.from('A new paragraph 😀 before everything else.\n').length);
    assert.equal(after.quote, before.quote);
    await editor.document.save();
    const stored = await waitFor(async () => {
      const s = (await readSidecarSettled('roadmap.txt'))?.annotations.find((a) => a.id === id);
      return s && s.start === after.start ? s : undefined;
    }, 'the sidecar to follow the save');
    const codePoints = Array.from(editor.document.getText());
    assert.equal(codePoints.slice(stored.start, stored.end).join(''), stored.quote);
  });

  test('a sidecar that does not validate is reported in the Problems panel and never written', async () => {
    const original = await vscode.workspace.fs.readFile(workspaceFile('broken.txt.annotations.yaml'));
    const editor = await openInEditor('broken.txt');
    const problems = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(workspaceFile('broken.txt.annotations.yaml'));
      return d.length > 0 ? d : undefined;
    }, 'diagnostics on the broken sidecar');
    assert.match(problems[0]?.message ?? '', /version|marginalia/i);
    assert.equal(problems[0]?.range.start.line, 0);
    await placeCursor(editor, 'SOC 2');
    await vscode.commands.executeCommand('marginalia.acceptSuggestion');
    const after = await vscode.workspace.fs.readFile(workspaceFile('broken.txt.annotations.yaml'));
    assert.deepEqual(new Uint8Array(after), new Uint8Array(original));
  });
});

suite('Live tracking', () => {
  test('deleting an annotated span orphans it, and undo brings it back', async () => {
    const marginalia = await api();
    const editor = await openInEditor('undo.txt');
    const from = editor.document.getText().indexOf('SOC 2 Type II');
    editor.selection = new vscode.Selection(editor.document.positionAt(from), editor.document.positionAt(from + 'SOC 2 Type II'.length));
    const id = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
    const start = editor.document.getText().indexOf('SOC 2 Type II');
    const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + 'SOC 2 Type II'.length));
    await editor.edit((b) => {
      b.delete(range);
    });
    const orphaned = (await marginalia.annotations(editor.document)).find((a) => a.id === id);
    assert.equal(orphaned?.orphaned, true);
    await vscode.commands.executeCommand('undo');
    const back = await waitFor(async () => {
      const a = (await marginalia.annotations(editor.document)).find((x) => x.id === id);
      return a && !a.orphaned ? a : undefined;
    }, 'the annotation to come back after undo');
    assert.equal(Array.from(editor.document.getText()).slice(back.start, back.end).join(''), 'SOC 2 Type II');
  });
});
