// The researcher's loop (issue 10) in the real extension host: provenance, undo, nothing
// typed makes a file invalid, Marginalia never reads its own output; and the one write
// path (issue 12): an outside change made in the same tick as an accept is not lost.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseSidecar } from '../../../src/core/sidecar/read';
import type { Annotation } from '../../../src/core/sidecar/format';
import type { ScanSummary } from '../../../src/editor/scanWorkspace';
import type { ExportSummary } from '../../../src/editor/exportCommand';
import { api, EXTENSION_ID, hoverText, inWebWorker, openInEditor, waitFor, workspaceFile, readWorkspaceText as readText } from './helpers';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const REVIEWER = 'Integration Tester';

/** The sidecar as any reader would read it: it must validate. */
async function stored(relative: string): Promise<Annotation[]> {
  const yaml = await readText(`${relative}.annotations.yaml`);
  assert.ok(yaml !== undefined, `${relative} has a sidecar`);
  const parsed = parseSidecar(yaml, relative);
  assert.deepEqual(parsed.errors, [], `${relative}.annotations.yaml validates`);
  return parsed.sidecar?.annotations ?? [];
}

async function storedOne(relative: string, id: string): Promise<Annotation | undefined> {
  return (await stored(relative)).find((a) => a.id === id);
}

/** Selects exactly `text`, which names the suggestion or annotation of that span even where several overlap. */
async function cursorOn(editor: vscode.TextEditor, text: string): Promise<void> {
  await select(editor, text);
}

async function select(editor: vscode.TextEditor, text: string): Promise<void> {
  const at = editor.document.getText().indexOf(text);
  assert.ok(at >= 0, `${text} is in the document`);
  editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + text.length));
  await new Promise((r) => setTimeout(r, 30));
}

async function fresh(relative: string, text: string): Promise<vscode.TextEditor> {
  await vscode.workspace.fs.writeFile(workspaceFile(relative), encoder.encode(text));
  const editor = await openInEditor(relative);
  const marginalia = await api();
  await waitFor(async () => (await marginalia.suggestions(editor.document)).length > 0 || undefined, `suggestions in ${relative}`);
  return editor;
}

suite("The researcher's loop", () => {
  test('accepting a suggestion marks it reviewed, with who and when; undo and redo restore each state', async () => {
    const marginalia = await api();
    const editor = await fresh('loop/accept.txt', 'Acme Cloud holds ISO 27001 certification and follows NIST CSF.\n');
    await cursorOn(editor, 'ISO 27001');
    const id = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
    assert.ok(id);
    const accepted = await storedOne('loop/accept.txt', id);
    assert.deepEqual([accepted?.status, accepted?.origin, accepted?.reviewer], ['open', 'detected', REVIEWER]);
    assert.ok(accepted?.reviewed && Math.abs(Date.parse(accepted.reviewed) - Date.now()) < 60_000);
    assert.match(marginalia.lastConfirmation(), /Accepted control “ISO 27001”/);

    assert.equal(await vscode.commands.executeCommand('marginalia.undo'), 'Accept control “ISO 27001”');
    assert.equal(await storedOne('loop/accept.txt', id), undefined, 'undo takes the acceptance back');
    assert.ok(
      (await marginalia.suggestions(editor.document)).some((s) => s.text === 'ISO 27001'),
      'and it is a suggestion again',
    );
    await vscode.commands.executeCommand('marginalia.redo');
    assert.equal((await storedOne('loop/accept.txt', id))?.status, 'open', 'redo accepts it again');
  });

  test('undo restores dismiss, annotate, note, status, delete and the document date', async () => {
    const marginalia = await api();
    const file = 'loop/undo-all.txt';
    const editor = await fresh(file, 'We will publish a SOC 2 Type II report and follow GDPR, the company said last month.\n');
    const undo = async (): Promise<void> => {
      assert.ok(await vscode.commands.executeCommand('marginalia.undo'), 'something was undone');
    };

    await cursorOn(editor, 'GDPR');
    const dismissed = await vscode.commands.executeCommand<string>('marginalia.dismissSuggestion');
    assert.equal((await storedOne(file, dismissed))?.status, 'dismissed');
    await undo();
    assert.equal(await storedOne(file, dismissed), undefined);

    await select(editor, 'the company said');
    const manual = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', {
      kind: 'source',
      label: 'spokesperson',
      note: 'Who?',
    });
    const made = await storedOne(file, manual);
    assert.deepEqual(
      [made?.origin, made?.status, made?.author, made?.label, made?.note],
      ['manual', 'open', REVIEWER, 'spokesperson', 'Who?'],
    );

    await cursorOn(editor, 'the company said');
    await vscode.commands.executeCommand('marginalia.editNote', undefined, 'Named in paragraph 4.');
    assert.equal((await storedOne(file, manual))?.note, 'Named in paragraph 4.');
    await undo();
    assert.equal((await storedOne(file, manual))?.note, 'Who?', 'the note is back');

    await vscode.commands.executeCommand('marginalia.setStatus', undefined, 'verified');
    assert.deepEqual([(await storedOne(file, manual))?.status, (await storedOne(file, manual))?.reviewer], ['verified', REVIEWER]);
    await undo();
    assert.equal((await storedOne(file, manual))?.status, 'open', 'the status is back');

    await vscode.commands.executeCommand('marginalia.deleteAnnotation');
    assert.equal(await storedOne(file, manual), undefined, 'a manual annotation is deleted');
    assert.match(marginalia.lastConfirmation(), /deleted the annotation “the company said”/);
    await undo();
    assert.deepEqual(
      await storedOne(file, manual),
      made === undefined ? undefined : { ...made, note: 'Who?' },
      'delete undone: the annotation is back as it was',
    );

    await undo();
    assert.equal(await storedOne(file, manual), undefined, 'annotate undone');

    await vscode.commands.executeCommand('marginalia.setDocumentDate', '2024-05-20');
    const date = await waitFor(
      async () =>
        (await marginalia.suggestions(editor.document)).find(
          (s) => s.text === 'last month' && s.detection?.kind === 'date' && s.detection.value === '2024-04',
        ),
      'last month resolved against the document date',
    );
    assert.ok(date);
    await undo();
    const yaml = (await readText(`${file}.annotations.yaml`)) ?? '';
    assert.doesNotMatch(yaml, /published/, 'the document date is cleared again');
  });

  test('a free-text label on a claim leaves a valid sidecar: the text is kept as a tag, and the annotation is there after a reload', async () => {
    const marginalia = await api();
    const file = 'loop/label.txt';
    const editor = await fresh(file, 'Acme Cloud said it has 40 million users across Europe.\n');
    await select(editor, 'it has 40 million users across Europe');
    const id = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', {
      kind: 'claim',
      label: 'user-base figure',
      note: 'Check against the annual report.',
    });
    assert.ok(id);
    const a = await storedOne(file, id);
    assert.equal(a?.label, undefined, 'not a claim type: not written as the label');
    assert.deepEqual(a?.tags, ['user-base figure']);
    assert.match(marginalia.lastConfirmation(), /kept as a tag/);
    await marginalia.reload(editor.document);
    const back = (await marginalia.annotations(editor.document)).find((x) => x.id === id);
    assert.deepEqual([back?.kind, back?.note, back?.tags], ['claim', 'Check against the annual report.', ['user-base figure']]);
    assert.ok(
      marginalia.decorations(editor.document.uri)?.annotations.some((r) => editor.document.getText(r).startsWith('it has 40 million')),
      'still painted',
    );
    assert.deepEqual(vscode.languages.getDiagnostics(workspaceFile(`${file}.annotations.yaml`)), []);

    // A claim type typed by hand is the label.
    await select(editor, 'Acme Cloud said');
    const typed = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', {
      kind: 'claim',
      label: 'Assertion',
      note: '',
    });
    assert.equal((await storedOne(file, typed))?.label, 'assertion');
  });

  test('suggestions stored by detect --write and by Scan Workspace are shown and counted as suggestions, give the same bytes, and the default export leaves them out', async function () {
    // The CLI is a Node program: this part needs the Node extension host.
    if (inWebWorker()) this.skip();
    const marginalia = await api();
    const text = (await readText('loop/article.txt')) ?? '';
    await vscode.workspace.fs.writeFile(workspaceFile('loop/cli/article.txt'), encoder.encode(text));
    await vscode.workspace.fs.writeFile(workspaceFile('loop/scanned/article.txt'), encoder.encode(text));
    const cli = vscode.Uri.joinPath(
      vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri ?? vscode.Uri.file('/'),
      'dist',
      'cli.js',
    ).fsPath;
    const { execFileSync } = await import('node:child_process');
    execFileSync(
      process.execPath,
      [cli, 'detect', '--write', '--claim-sensitivity', 'medium', workspaceFile('loop/cli/article.txt').fsPath],
      { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
    );
    const summary = await vscode.commands.executeCommand<ScanSummary | undefined>('marginalia.scanWorkspace', {
      within: workspaceFile('loop/scanned'),
    });
    assert.equal(summary?.scanned, 1);
    const fromCli = await readText('loop/cli/article.txt.annotations.yaml');
    const fromScan = await readText('loop/scanned/article.txt.annotations.yaml');
    assert.ok(fromCli && fromScan);
    assert.equal(fromScan, fromCli, 'detect --write and Scan Workspace write byte-identical sidecars');
    const all = await stored('loop/cli/article.txt');
    assert.ok(all.length > 5 && all.every((a) => a.status === 'suggested' && a.reviewer === undefined));
    assert.ok(
      all.some((a) => a.kind === 'date' && a.quote === 'Earlier this year' && a.label === '2024'),
      'relative dates against the document date',
    );

    const editor = await openInEditor('loop/cli/article.txt');
    const suggestions = await waitFor(async () => {
      const s = await marginalia.suggestions(editor.document);
      return s.length >= all.length ? s : undefined;
    }, 'the stored suggestions');
    assert.deepEqual(
      suggestions
        .filter((s) => s.storedId !== undefined)
        .map((s) => s.storedId)
        .sort(),
      all.map((a) => a.id).sort(),
    );
    assert.equal(marginalia.decorations(editor.document.uri)?.annotations.length, 0, 'none painted as an annotation');
    assert.match(marginalia.statusText(), /\$\(note\) 0 \$\(lightbulb\) \d+/);

    // Accept one: now one annotation, reviewed.
    await cursorOn(editor, 'ISO 27001');
    const id = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
    const accepted = await storedOne('loop/cli/article.txt', id);
    assert.deepEqual([accepted?.status, accepted?.reviewer], ['open', REVIEWER]);
    assert.equal(all.find((a) => a.id === id)?.status, 'suggested', 'it was the stored suggestion, now reviewed');

    const target = workspaceFile('loop-export.csv');
    const exported = await vscode.commands.executeCommand<ExportSummary | undefined>('marginalia.exportAnnotations', {
      format: 'csv',
      scope: workspaceFile('loop/cli/article.txt'),
      target,
    });
    assert.equal(exported?.count, 1, 'only the reviewed annotation');
    const csv = decoder.decode(await vscode.workspace.fs.readFile(target));
    assert.ok(csv.includes('ISO 27001') && !csv.includes(',suggested,'));
    const everything = await vscode.commands.executeCommand<ExportSummary | undefined>('marginalia.exportAnnotations', {
      format: 'csv',
      scope: workspaceFile('loop/cli/article.txt'),
      target,
      includeSuggestions: true,
    });
    assert.equal(everything?.count, all.length, 'with the suggestions when asked');
  });

  test('a deleted suggestion stays gone after a re-scan', async () => {
    const marginalia = await api();
    await vscode.workspace.fs.writeFile(workspaceFile('loop/rescan/doc.txt'), encoder.encode('The vendor follows NIST CSF and GDPR.\n'));
    await vscode.commands.executeCommand('marginalia.scanWorkspace', { within: workspaceFile('loop/rescan') });
    const editor = await openInEditor('loop/rescan/doc.txt');
    await waitFor(
      async () =>
        (await marginalia.suggestions(editor.document)).some((s) => s.text === 'NIST CSF' && s.storedId !== undefined) || undefined,
      'the stored suggestion',
    );
    await cursorOn(editor, 'NIST CSF');
    await vscode.commands.executeCommand('marginalia.deleteAnnotation');
    const gone = (await stored('loop/rescan/doc.txt')).find((a) => a.quote === 'NIST CSF');
    assert.equal(gone?.status, 'dismissed');
    const again = await vscode.commands.executeCommand<ScanSummary | undefined>('marginalia.scanWorkspace', {
      within: workspaceFile('loop/rescan'),
    });
    assert.equal(again?.added, 0);
    assert.ok(!(await marginalia.suggestions(editor.document)).some((s) => s.text === 'NIST CSF'), 'not suggested again');
    assert.equal((await stored('loop/rescan/doc.txt')).filter((a) => a.quote === 'NIST CSF').length, 1);
  });

  test('an export saved in the workspace is not scanned, not annotated, and not in the views', async () => {
    const marginalia = await api();
    const editor = await openInEditor('loop/article.txt');
    await waitFor(async () => (await marginalia.suggestions(editor.document)).length > 0 || undefined, 'suggestions');
    await cursorOn(editor, 'GDPR');
    await vscode.commands.executeCommand('marginalia.acceptSuggestion');
    // Saved among the documents, as a user might: the exports sit in the folder that is scanned.
    const report = workspaceFile('loop/own/report.md');
    await vscode.commands.executeCommand('marginalia.exportAnnotations', {
      format: 'markdown',
      scope: workspaceFile('loop/article.txt'),
      target: report,
      includeSuggestions: true,
    });
    const brat = workspaceFile('loop/own/brat');
    await vscode.commands.executeCommand('marginalia.exportAnnotations', {
      format: 'brat',
      scope: workspaceFile('loop/article.txt'),
      target: brat,
    });
    const csv = workspaceFile('loop/own/table.txt');
    await vscode.commands.executeCommand('marginalia.exportAnnotations', {
      format: 'csv',
      scope: workspaceFile('loop/article.txt'),
      target: csv,
    });
    await vscode.workspace.fs.writeFile(workspaceFile('loop/own/source.txt'), encoder.encode('A real source that cites ISO 27001.\n'));
    const summary = await vscode.commands.executeCommand<ScanSummary | undefined>('marginalia.scanWorkspace', {
      within: workspaceFile('loop/own'),
    });
    assert.deepEqual([summary?.found, summary?.scanned, summary?.skipped], [4, 1, 3], 'only the real source is scanned');
    assert.ok(await readText('loop/own/source.txt.annotations.yaml'));
    assert.equal(await readText('loop/own/report.md.annotations.yaml'), undefined, 'the report gets no sidecar');
    assert.equal(await readText('loop/own/table.txt.annotations.yaml'), undefined, 'nor the CSV saved as .txt');
    assert.equal(await readText('loop/own/brat/article.txt.annotations.yaml'), undefined, 'nor the brat copies');
    const opened = await openInEditor('loop/own/report.md');
    assert.deepEqual(await marginalia.suggestions(opened.document), [], 'an open export gets no suggestions');
    const roots = await marginalia.views.annotations.getChildren();
    const names = await Promise.all(
      (roots ?? []).map(async (r) => (await marginalia.views.annotations.getTreeItem(r)).resourceUri?.path ?? ''),
    );
    assert.ok(!names.some((n) => n.includes('/loop/own/') && !n.endsWith('/source.txt')), names.join(', '));
  });

  test('with the file watcher off, a sidecar changed on disk and an accept in the same tick both end up in the file', async () => {
    const config = vscode.workspace.getConfiguration('files');
    await config.update('watcherExclude', { '**/*.annotations.yaml': true }, vscode.ConfigurationTarget.Workspace);
    try {
      const file = 'loop/race.txt';
      const editor = await fresh(file, 'The supplier holds ISO 27001 and follows NIST CSF and GDPR.\n');
      await cursorOn(editor, 'ISO 27001');
      const first = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
      const yaml = (await readText(`${file}.annotations.yaml`)) ?? '';
      // A colleague's change arrives (a git pull): a note on the accepted annotation.
      const theirs = yaml.replace(/(\n {4}reviewed: "[^"]+"\n)/, '$1    note: "Checked by a colleague"\n');
      assert.notEqual(theirs, yaml);
      await cursorOn(editor, 'NIST CSF');
      await vscode.workspace.fs.writeFile(workspaceFile(`${file}.annotations.yaml`), encoder.encode(theirs));
      const second = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
      const all = await stored(file);
      assert.equal(all.find((a) => a.id === first)?.note, 'Checked by a colleague', 'the outside change is kept');
      assert.equal(all.find((a) => a.id === second)?.status, 'open', 'and so is the accept');
      const marginalia = await api();
      assert.equal(
        (await marginalia.annotations(editor.document)).find((a) => a.id === first)?.note,
        'Checked by a colleague',
        'the editor shows it too',
      );
    } finally {
      await config.update('watcherExclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a sidecar fixed by hand is writable again at once, and its Problems entry clears', async () => {
    const marginalia = await api();
    const file = 'loop/fixme.txt';
    const editor = await fresh(file, 'The processor follows GDPR and holds ISO 27001.\n');
    await cursorOn(editor, 'GDPR');
    await vscode.commands.executeCommand('marginalia.acceptSuggestion');
    const sidecar = workspaceFile(`${file}.annotations.yaml`);
    const good = (await readText(`${file}.annotations.yaml`)) ?? '';
    // Someone breaks it by hand, in the editor.
    const doc = await vscode.workspace.openTextDocument(sidecar);
    const shown = await vscode.window.showTextDocument(doc, { preview: false });
    await shown.edit((b) => {
      b.replace(new vscode.Range(0, 0, 0, 'marginalia: 2'.length), 'marginalia: two');
    });
    await waitFor(() => vscode.languages.getDiagnostics(sidecar).length > 0 || undefined, 'the error as it is typed');
    await doc.save();
    const broken = await readText(`${file}.annotations.yaml`);
    // The editor shown again is a new TextEditor: a selection set on the old one would be lost.
    await cursorOn(await vscode.window.showTextDocument(editor.document), 'ISO 27001');
    assert.equal(await vscode.commands.executeCommand('marginalia.acceptSuggestion'), undefined, 'refused while the file is broken');
    assert.equal(await readText(`${file}.annotations.yaml`), broken, 'and the file is left as the person wrote it');
    // The fix, typed and saved: the entry clears and Marginalia writes again.
    const again = await vscode.window.showTextDocument(doc, { preview: false });
    await again.edit((b) => {
      b.replace(new vscode.Range(0, 0, 0, 'marginalia: two'.length), 'marginalia: 2');
    });
    await waitFor(() => vscode.languages.getDiagnostics(sidecar).length === 0 || undefined, 'the Problems entry to clear', 2000);
    await doc.save();
    await cursorOn(await vscode.window.showTextDocument(editor.document), 'ISO 27001');
    // Saving the fix is enough (no file watcher needed): accepting works again at once.
    const id = await waitFor(
      async () => await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion'),
      'accepting to work again',
      2000,
    );
    const all = await marginalia.annotations(editor.document);
    assert.deepEqual(all.map((a) => a.quote).sort(), ['GDPR', 'ISO 27001'], JSON.stringify(all));
    assert.ok((await stored(file)).some((a) => a.id === id));
    assert.notEqual(await readText(`${file}.annotations.yaml`), good);
  });

  test('a version-1 sidecar is read as version 2: what no one accepted is a suggestion, and it is written as version 2 at the next change', async () => {
    const marginalia = await api();
    const editor = await openInEditor('loop/legacy.txt');
    const suggestions = await waitFor(async () => {
      const s = await marginalia.suggestions(editor.document);
      return s.some((x) => x.storedId === 'bnistcsf') ? s : undefined;
    }, 'the scanned detection shown as a suggestion');
    assert.ok(!suggestions.some((s) => s.storedId === 'aiso2700'), 'the accepted one is not');
    const accepted = (await marginalia.annotations(editor.document)).find((a) => a.id === 'aiso2700');
    assert.deepEqual([accepted?.status, accepted?.reviewed], ['open', '2026-11-20T09:00:00Z']);
    assert.match(
      (await readText('loop/legacy.txt.annotations.yaml')) ?? '',
      /^marginalia: 1$/m,
      'the file is left as it is until something changes',
    );
    await cursorOn(editor, 'NIST CSF');
    await vscode.commands.executeCommand('marginalia.acceptSuggestion');
    const yaml = (await readText('loop/legacy.txt.annotations.yaml')) ?? '';
    assert.match(yaml, /^marginalia: 2$/m);
    assert.match(yaml, /^# Written by Marginalia 0\.1/, 'comments kept');
    const after = await stored('loop/legacy.txt');
    assert.equal(after.find((a) => a.id === 'bnistcsf')?.reviewer, REVIEWER);
    assert.equal(after.find((a) => a.id === 'aiso2700')?.reviewed, '2026-11-20T09:00:00Z');
  });

  test("hovers offer Accept, Dismiss and Set Document Date, trusted for Marginalia's commands only; a note stays untrusted", async () => {
    const marginalia = await api();
    const editor = await fresh('loop/hover.txt', (await readText('loop/undated.txt')) ?? '');
    const at = editor.document.positionAt(editor.document.getText().indexOf('last month') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const contents = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string');
    const links = contents.filter((c) => c.value.includes('](command:'));
    assert.ok(links.length > 0, hoverText(hovers));
    for (const c of links) {
      assert.ok(
        typeof c.isTrusted === 'object' && c.isTrusted.enabledCommands.every((id) => id.startsWith('marginalia.')),
        "trusted for Marginalia's commands only",
      );
    }
    const all = links.map((c) => c.value).join('\n');
    assert.match(all, /command:marginalia\.acceptSuggestion\?/);
    assert.match(all, /command:marginalia\.setDocumentDate\?/, 'an unresolved date offers to set the document date');
    for (const c of contents.filter((x) => !x.value.includes('](command:')))
      assert.ok(c.isTrusted !== true && typeof c.isTrusted !== 'object', 'text parts are untrusted');

    // Accept through the link, as a click would.
    const link = /\(command:(marginalia\.acceptSuggestion)\?([^ )]+)/.exec(all);
    assert.ok(link?.[1] && link[2]);
    const args = JSON.parse(decodeURIComponent(link[2])) as unknown[];
    const id = await vscode.commands.executeCommand<string>(link[1], ...args);
    assert.ok((await stored('loop/hover.txt')).some((a) => a.id === id && a.status === 'open'));

    // A note with a command link, written into the sidecar by someone else: rendered untrusted.
    await vscode.commands.executeCommand(
      'marginalia.editNote',
      { uri: editor.document.uri.toString(), id },
      '[run](command:marginalia.deleteAnnotation)',
    );
    const again = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const note = again
      .flatMap((h) => h.contents)
      .find(
        (c): c is vscode.MarkdownString =>
          c instanceof vscode.MarkdownString && c.value.includes('[run](command:marginalia.deleteAnnotation)'),
      );
    assert.ok(note, 'the note is in the hover');
    assert.ok(note.isTrusted !== true && typeof note.isTrusted !== 'object', 'the note cannot run a command');
    assert.match(marginalia.lastConfirmation(), /note/);
  });

  test('Next and Previous visit nested annotations and say which one of how many', async () => {
    const editor = await fresh('loop/nav.txt', 'We will comply with GDPR by June 2025.\nAcme holds ISO 27001.\n');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const first = await vscode.commands.executeCommand<string | undefined>('marginalia.nextAnnotation');
    assert.match(first ?? '', /^1 of \d+ · claim/);
    const total = Number(/of (\d+)/.exec(first ?? '')?.[1]);
    const seen = [first];
    for (let i = 1; i < total; i++) seen.push(await vscode.commands.executeCommand<string>('marginalia.nextAnnotation'));
    const texts = seen.join('\n');
    // GDPR and the date lie inside the claim sentence: visited all the same.
    assert.match(texts, /control: gdpr/);
    assert.match(texts, /date: 2025-06/);
    assert.match((await vscode.commands.executeCommand<string | undefined>('marginalia.nextAnnotation')) ?? '', /^1 of /, 'wraps around');
    assert.match(
      (await vscode.commands.executeCommand<string | undefined>('marginalia.previousAnnotation')) ?? '',
      new RegExp(`^${total} of ${total}`),
    );
  });
});
