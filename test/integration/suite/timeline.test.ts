import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Timeline } from '../../../src/core/timeline/types';
import { api, openInEditor, waitFor, workspaceFile } from './helpers';

const PROMISE = 'Northwind Cloud will complete a SOC 2 Type II audit by the end of 2025.';
const ARCHIVED = 'Globex will encrypt all backups by June 2025.';
const DOCS: Record<string, string> = {
  'timeline/northwind.txt': `Published 3 March 2024\n\n${PROMISE}\n\nThe breach was found on 14 January 2024.\n`,
  'timeline/other.txt': 'Published 2 May 2024\n\nGlobex said it had fixed the flaw.\n',
};

async function sent(probe: (t: Timeline) => boolean, what: string): Promise<Timeline> {
  const marginalia = await api();
  return waitFor(() => {
    const last = marginalia.timeline.last();
    return last !== undefined && probe(last) ? last : undefined;
  }, what);
}

suite('Timeline', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Show Timeline of a folder sends its dated suggestions; accepting the commitment turns its due mark into an annotation', async () => {
    await api();
    for (const [name, text] of Object.entries(DOCS))
      await vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(text));
    const editor = await openInEditor('timeline/northwind.txt');
    await vscode.commands.executeCommand('marginalia.showFolderTimeline', workspaceFile('timeline'));
    const first = await sent(
      (t) => t.items.some((i) => i.role === 'due' && i.quote === PROMISE),
      'the commitment’s due date on the timeline, as a suggestion',
    );
    const due = first.items.find((i) => i.role === 'due' && i.quote === PROMISE);
    assert.ok(due);
    assert.equal(due.status, 'suggested');
    assert.equal(due.precision, 'year');
    assert.deepEqual([due.from, due.to], ['2025-01-01', '2025-12-31']);
    assert.equal(due.doc, 'timeline/northwind.txt');
    // Made on its document's date (its date line); the breach on its day.
    assert.ok(first.items.some((i) => i.role === 'made' && i.quote === PROMISE && i.from === '2024-03-03' && i.documentDate === true));
    assert.ok(first.items.some((i) => i.from === '2024-01-14' && i.precision === 'day' && i.dateText.includes('14 January 2024')));
    // The other document is not open and has no sidecar: nothing of it yet.
    assert.ok(first.items.every((i) => i.doc === 'timeline/northwind.txt'));

    // The document beside the timeline, which stays shown and follows the change.
    const beside = await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.Beside);
    const start = beside.document.getText().indexOf(PROMISE);
    beside.selection = new vscode.Selection(beside.document.positionAt(start), beside.document.positionAt(start + PROMISE.length));
    const id = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
    assert.ok(id);
    const after = await sent(
      (t) => t.items.some((i) => i.role === 'due' && i.quote === PROMISE && i.status === 'open'),
      'the accepted commitment’s due mark',
    );
    const accepted = after.items.find((i) => i.role === 'due' && i.quote === PROMISE);
    assert.equal(accepted?.annotationId, id);
    assert.equal(
      after.items.filter((i) => i.role === 'due' && i.quote === PROMISE).length,
      1,
      'one due mark, not a suggestion beside the annotation',
    );
  });

  test('Show Timeline over the workspace includes a document known only from its sidecar, its claims made on its date line', async () => {
    const text = `Published 2 May 2024\n\n${ARCHIVED}\n`;
    const start = text.indexOf(ARCHIVED);
    const dateStart = text.indexOf('June 2025');
    const sidecar = [
      'marginalia: 2',
      'source:',
      '  file: archived.txt',
      'annotations:',
      '  - id: c1',
      '    kind: claim',
      '    label: commitment',
      '    due: [d1]',
      `    quote: "${ARCHIVED}"`,
      '    prefix: "Published 2 May 2024\\n\\n"',
      '    suffix: "\\n"',
      `    start: ${start}`,
      `    end: ${start + ARCHIVED.length}`,
      '    origin: detected',
      '    status: verified',
      '    reviewer: ana',
      '    reviewed: "2026-01-02T14:05:00Z"',
      '  - id: d1',
      '    kind: date',
      '    label: "2025-06"',
      '    quote: "June 2025"',
      `    prefix: "${text.slice(Math.max(0, dateStart - 32), dateStart).replace(/\n/g, '\\n')}"`,
      '    suffix: "."',
      `    start: ${dateStart}`,
      `    end: ${dateStart + 'June 2025'.length}`,
      '    origin: detected',
      '    status: open',
      '    reviewer: ana',
      '    reviewed: "2026-01-02T14:05:00Z"',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(workspaceFile('timeline/archived.txt'), new TextEncoder().encode(text));
    await vscode.workspace.fs.writeFile(workspaceFile('timeline/archived.txt.annotations.yaml'), new TextEncoder().encode(sidecar));
    await vscode.commands.executeCommand('marginalia.showTimeline');
    const all = await sent(
      (t) => t.items.some((i) => i.doc === 'timeline/archived.txt' && i.role === 'made'),
      'the archived document’s commitment, read from its sidecar',
    );
    const archived = all.items.filter((i) => i.doc === 'timeline/archived.txt');
    assert.deepEqual(archived.map((i) => [i.role, i.from, i.to, i.status]).sort(), [
      ['due', '2025-06-01', '2025-06-30', 'verified'],
      ['made', '2024-05-02', '2024-05-02', 'verified'],
    ]);
    // The document opened earlier is still there, with its accepted commitment.
    assert.ok(all.items.some((i) => i.doc === 'timeline/northwind.txt' && i.role === 'due' && i.status === 'open'));
    assert.ok(all.documents >= 2);
  });
});
