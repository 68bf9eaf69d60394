import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { strFromU8, unzipSync } from 'fflate';
import type { ExportSummary } from '../../../src/editor/exportCommand';
import type { AddedSource } from '../../../src/editor/sources/addSource';
import type { OriginalPlace } from '../../../src/editor/sources/openOriginal';
import { api, hoverText, waitFor, workspaceFile, readWorkspaceText as read } from './helpers';
import { children, fileNode, label, leaves } from './tree';

async function addSource(...names: string[]): Promise<AddedSource[]> {
  const added = await vscode.commands.executeCommand<AddedSource[] | undefined>('marginalia.addSource', {
    files: names.map(workspaceFile),
  });
  assert.ok(added, 'Add Source returns what it added');
  return added;
}

suite('Add Source', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of [
      'originals/report.pdf.txt',
      'originals/report.pdf.txt.annotations.yaml',
      'originals/breach-story.html.txt',
      'originals/breach-story.html.txt.annotations.yaml',
      'out-sources',
    ])
      await vscode.workspace.fs.delete(workspaceFile(name), { recursive: true }).then(
        () => undefined,
        () => undefined,
      );
  });

  test('a PDF becomes a text source with its provenance and page map; its hover names the page; the original opens at it', async () => {
    const [added, ...more] = await addSource('originals/report.pdf');
    assert.equal(more.length, 0);
    assert.deepEqual(added, { original: 'originals/report.pdf', text: 'originals/report.pdf.txt', pages: 3 });
    const editor = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.path.endsWith('/originals/report.pdf.txt')
          ? vscode.window.activeTextEditor
          : undefined,
      'the new text in front',
    );
    const text = editor.document.getText();
    assert.match(
      text,
      /^Transparency Report 2025\n\nTessaline Payroll processes the salaries of 1\.2 million employees in nine countries\./,
    );
    assert.doesNotMatch(text, /Page \d of 3|Tessaline Payroll · Transparency/, 'page numbers and the running header left out');
    const yaml = (await read('originals/report.pdf.txt.annotations.yaml')) ?? '';
    assert.match(yaml, /\n {2}original: report\.pdf\n {2}originalSha256: "[0-9a-f]{64}"\n {2}originalType: pdf\n/);
    assert.match(yaml, /\n {2}pages: \[0, 309, 574\]\n/);
    assert.match(yaml, /\n {2}published: "2025-03-03"\n/);

    const marginalia = await api();
    const suggestions = await waitFor(async () => {
      const s = await marginalia.suggestions(editor.document);
      return s.some((d) => d.kind === 'control') ? s : undefined;
    }, 'suggestions in the new text');
    assert.ok(suggestions.some((d) => d.kind === 'claim' && d.text.startsWith('We will complete our SOC 2 Type II audit')));

    const at = editor.document.positionAt(text.indexOf('Irish Data Protection') + 2);
    const hover = await waitFor(async () => {
      const h = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
      return h.includes('Page 2 of report.pdf') ? h : undefined;
    }, 'the hover naming the page');
    assert.match(hover, /command:marginalia\.openOriginal/);

    // The page turns are marked: a rule on the form feed line before page 2, "p. 3" where page 3 turns mid-paragraph.
    assert.deepEqual(await waitFor(() => marginalia.pageBreaks(editor.document), 'the page turns painted'), {
      lines: ['page 2 of report.pdf'],
      inline: ['p. 3'],
    });

    // Marginalia's own viewer opens the PDF beside the text at the page, the annotation's text marked there.
    const place = await vscode.commands.executeCommand<OriginalPlace | undefined>('marginalia.openOriginal', {
      uri: editor.document.uri.toString(),
      offset: text.indexOf('report our progress'),
      length: 'report our progress'.length,
    });
    assert.ok(place);
    assert.equal(place.page, 3, 'the run-on paragraph is on page 3 from where the page turns');
    assert.ok(place.original.path.endsWith('/originals/report.pdf'));
    assert.equal(place.via, 'viewer');
    assert.deepEqual(place.shown, { page: 3, marks: 1, pages: 3 });
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputCustom);
    assert.ok(tab?.input instanceof vscode.TabInputCustom);
    assert.equal(tab.input.viewType, 'marginalia.pdfViewer');
    assert.ok(tab.input.uri.path.endsWith('/originals/report.pdf'));
    assert.ok(
      vscode.window.visibleTextEditors.some((e) => e.document === editor.document),
      'the text stays in view beside it',
    );

    // Asked again from the same text, the open viewer turns back to page 2 and marks the regulator's name.
    const dpc = text.indexOf('Irish Data Protection Commission');
    const again = await vscode.commands.executeCommand<OriginalPlace | undefined>('marginalia.openOriginal', {
      uri: editor.document.uri.toString(),
      offset: dpc,
      length: 'Irish Data Protection Commission'.length,
    });
    assert.equal(again?.shown?.page, 2);
    assert.ok(again.shown.marks >= 1, 'the name marked on the page');
    assert.equal(
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputCustom).length,
      1,
      'one viewer',
    );

    // The PDF written again on disk (a corrected version added again): the open viewer reads it again.
    const pdf = workspaceFile('originals/report.pdf');
    const reread = new Promise<number | 'timed out'>((resolve) => {
      const listener = marginalia.pdfViewer.onDidOpen((e) => {
        if (e.uri.toString() !== pdf.toString()) return;
        listener.dispose();
        resolve(e.pages);
      });
      setTimeout(() => {
        resolve('timed out');
      }, 15_000);
    });
    await vscode.workspace.fs.writeFile(pdf, await vscode.workspace.fs.readFile(pdf));
    assert.equal(await reread, 3, 'the viewer read the PDF again');
  });

  test('added again, the annotations are found again; a scanned PDF is refused and nothing is written for it', async () => {
    const marginalia = await api();
    const editor = await waitFor(
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('/originals/report.pdf.txt')),
      'the text open',
    );
    const suggestions = await marginalia.suggestions(editor.document);
    const soc = suggestions.find((d) => d.kind === 'control' && d.text === 'SOC 2 Type II');
    assert.ok(soc);
    editor.selection = new vscode.Selection(editor.document.positionAt(soc.start), editor.document.positionAt(soc.start));
    await vscode.commands.executeCommand('marginalia.acceptSuggestion', {
      uri: editor.document.uri.toString(),
      start: soc.start,
      end: soc.end,
      kind: 'control',
    });
    await waitFor(
      async () => ((await read('originals/report.pdf.txt.annotations.yaml'))?.includes('quote: "SOC 2 Type II"') ? true : undefined),
      'the accept stored',
    );

    // The Annotations view says the page beside the line.
    const file = await waitFor(() => fileNode(marginalia.views.annotations, 'originals/report.pdf.txt'), 'the text in the view');
    const rows = await leaves(marginalia.views.annotations, file);
    const row = rows.find((r) => label(r.item) === 'SOC 2 Type II');
    assert.ok(row, rows.map((r) => label(r.item)).join(', '));
    assert.match(String(row.item.description), /^L\d+ · p\. 1\b/);
    assert.match(row.item.accessibilityInformation?.label ?? '', /, line \d+, page 1: SOC 2 Type II/);
    // And the Controls view, beside the line of each mention.
    const mention = await waitFor(async () => {
      for (const control of await children(marginalia.views.controls))
        for (const doc of await children(marginalia.views.controls, control.node))
          for (const m of await children(marginalia.views.controls, doc.node))
            if (label(m.item) === 'SOC 2 Type II' && String(m.item.description).includes('p. 1')) return m;
      return undefined;
    }, 'the mention with its page in the Controls view');
    assert.match(String(mention.item.description), /^line \d+ · p\. 1\b/);

    const [again] = await addSource('originals/report.pdf');
    assert.deepEqual(again?.found, { inPlace: 1, bySimilarity: 0, orphaned: 0 });
    const annotations = await marginalia.annotations(editor.document);
    assert.deepEqual(
      annotations.map((a) => [a.quote, a.status]),
      [['SOC 2 Type II', 'open']],
    );

    assert.deepEqual(await addSource('originals/scanned.pdf'), []);
    assert.equal(await read('originals/scanned.pdf.txt'), undefined);
  });

  test('exported from the open text: W3C targets the PDF page, JSON has the page, REFI-QDA carries the PDF as the source', async () => {
    const editor = await waitFor(
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('/originals/report.pdf.txt')),
      'the text open',
    );
    const text = editor.document.uri;
    const out = (name: string): vscode.Uri => workspaceFile(`out-sources/${name}`);
    const run = (format: string, target: vscode.Uri): Thenable<ExportSummary | undefined> =>
      vscode.commands.executeCommand<ExportSummary | undefined>('marginalia.exportAnnotations', { format, scope: text, target });

    const w3c = await run('w3c', out('report.jsonld'));
    assert.equal(w3c?.count, 1);
    const item = (JSON.parse((await read('out-sources/report.jsonld')) ?? '') as { first: { items: { target: unknown }[] } }).first
      .items[0];
    const targets = item?.target as { source: string; selector: { type: string; value?: string; refinedBy?: { exact: string } } }[];
    assert.ok(Array.isArray(targets) && targets.length === 2, 'the text and its original');
    assert.ok(targets[1]?.source.endsWith('/originals/report.pdf'));
    assert.deepEqual(
      [targets[1]?.selector.type, targets[1]?.selector.value, targets[1]?.selector.refinedBy?.exact],
      ['FragmentSelector', 'page=1', 'SOC 2 Type II'],
    );

    // The open document's store carries the sidecar's provenance into every export.
    assert.equal((await run('json', out('report.json')))?.count, 1);
    const json = JSON.parse((await read('out-sources/report.json')) ?? '') as {
      documents: { original?: string; annotations: { quote: string; page?: number }[] }[];
    };
    assert.equal(json.documents[0]?.original, 'report.pdf');
    assert.deepEqual(
      json.documents[0].annotations.map((a) => [a.quote, a.page]),
      [['SOC 2 Type II', 1]],
    );

    // Named relative to the export's scope, the text itself.
    const qdpx = out('report.qdpx');
    const refi = await run('refi-qda', qdpx);
    assert.deepEqual(refi?.withoutOriginal, []);
    const zip = unzipSync(await vscode.workspace.fs.readFile(qdpx));
    const qde = strFromU8(zip['project.qde'] ?? new Uint8Array());
    assert.match(qde, /<PDFSource [^>]*name="report\.pdf"[^>]*>\s*<Representation [^>]*name="report\.pdf\.txt"/);
    const pdfEntry = Object.keys(zip).find((k) => k.endsWith('.pdf'));
    assert.ok(pdfEntry, 'the PDF is in the project');
    // Compared as plain byte arrays: the Node host's file system gives a Buffer.
    assert.deepEqual(
      Array.from(zip[pdfEntry] ?? []),
      Array.from(await vscode.workspace.fs.readFile(workspaceFile('originals/report.pdf'))),
    );
  });

  test('into a folder of its own: the sidecar names the original by its path from there, which opens; a text not made from it is never written over', async () => {
    const folder = workspaceFile('texts-made');
    try {
      const added = await vscode.commands.executeCommand<AddedSource[] | undefined>('marginalia.addSource', {
        files: [workspaceFile('originals/report.pdf')],
        folder,
        open: false,
      });
      assert.deepEqual(added, [{ original: 'originals/report.pdf', text: 'texts-made/report.pdf.txt', pages: 3 }]);
      const yaml = (await read('texts-made/report.pdf.txt.annotations.yaml')) ?? '';
      assert.match(yaml, /\n {2}original: "\.\.\/originals\/report\.pdf"\n/);
      const document = await vscode.workspace.openTextDocument(workspaceFile('texts-made/report.pdf.txt'));
      await vscode.window.showTextDocument(document);
      const place = await vscode.commands.executeCommand<OriginalPlace | undefined>('marginalia.openOriginal', {
        uri: document.uri.toString(),
        offset: document.getText().indexOf('Irish Data Protection Commission'),
        length: 'Irish Data Protection Commission'.length,
      });
      assert.ok(place);
      assert.ok(place.original.path.endsWith('/originals/report.pdf'));
      assert.equal(place.shown?.page, 2);

      // A researcher's own file of that name elsewhere stays as it is: nothing is written there.
      const own = vscode.Uri.joinPath(folder, 'mine', 'report.pdf.txt');
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, 'mine'));
      await vscode.workspace.fs.writeFile(own, new TextEncoder().encode('my own notes\n'));
      const over = await vscode.commands.executeCommand<AddedSource[] | undefined>('marginalia.addSource', {
        files: [workspaceFile('originals/report.pdf')],
        folder: vscode.Uri.joinPath(folder, 'mine'),
        open: false,
      });
      assert.deepEqual(over, [], 'a text not made by Add Source is not written over');

      // The setting names a folder relative to the workspace; an absolute one is refused, nothing written.
      const config = vscode.workspace.getConfiguration('marginalia');
      await config.update('sources.folder', '/elsewhere/texts', vscode.ConfigurationTarget.Workspace);
      try {
        const absolute = await vscode.commands.executeCommand<AddedSource[] | undefined>('marginalia.addSource', {
          files: [workspaceFile('originals/report.pdf')],
          open: false,
        });
        assert.deepEqual(absolute, []);
      } finally {
        await config.update('sources.folder', undefined, vscode.ConfigurationTarget.Workspace);
      }
      assert.equal(await read('texts-made/mine/report.pdf.txt'), 'my own notes\n');
      assert.equal(await read('texts-made/mine/report.pdf.txt.annotations.yaml'), undefined);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder, { recursive: true }).then(
        () => undefined,
        () => undefined,
      );
    }
  });

  test('a saved web page becomes its article text, with the page’s title, author, date and address', async () => {
    const [added] = await addSource('originals/breach-story.html');
    assert.deepEqual(added, { original: 'originals/breach-story.html', text: 'originals/breach-story.html.txt', pages: 0 });
    const text = (await read('originals/breach-story.html.txt')) ?? '';
    assert.match(text, /^Tessaline Payroll tells regulator of breach affecting 40,000 workers\n\nTessaline Payroll said on Tuesday/);
    assert.doesNotMatch(text, /cookies|Related stories|Subscribe/);
    const yaml = (await read('originals/breach-story.html.txt.annotations.yaml')) ?? '';
    assert.match(yaml, /\n {2}originalType: html\n/);
    assert.match(yaml, /\n {2}url: "https:\/\/news\.example\.org\/2025\/04\/tessaline-payroll-breach-regulator\.html"\n/);
    assert.match(yaml, /\n {2}published: "2025-04-09"\n/);
    const editor = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.path.endsWith('/breach-story.html.txt') ? vscode.window.activeTextEditor : undefined,
      'the page’s text in front',
    );
    const marginalia = await api();
    await waitFor(
      async () => ((await marginalia.suggestions(editor.document)).some((d) => d.kind === 'control') ? true : undefined),
      'its suggestions',
    );
  });
});
