import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DocumentHits } from '../../../src/editor/corpus/findInCorpus';
import { api, openInEditor, workspaceFile } from './helpers';

const FIRST = 'Published 3 March 2025\n\n🔒 Acme will encrypt all backups by June.\n\nIt said it will\nencrypt logs too.\n';
const SECOND = 'Published 5 March 2025\n\nGlobex WILL ENCRYPT its archive.\n';

suite('Find in Corpus', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile('kwic'), { recursive: true, useTrash: false });
  });

  test('a phrase over the workspace: each hit in context by document; annotating the hits adds one annotation each, once', async () => {
    const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
    await vscode.workspace.fs.writeFile(workspaceFile('kwic/first.txt'), encode(FIRST));
    await vscode.workspace.fs.writeFile(workspaceFile('kwic/second.txt'), encode(SECOND));
    const marginalia = await api();
    const first = await openInEditor('kwic/first.txt');

    const found = await vscode.commands.executeCommand<DocumentHits[]>('marginalia.findInCorpus', { text: 'will encrypt' });
    const ours = found.filter((d) => d.path.startsWith('kwic/'));
    assert.deepEqual(
      ours.map((d) => [d.path, d.hits.map((h) => [h.line, h.match])]),
      [
        [
          'kwic/first.txt',
          [
            [3, 'will encrypt'],
            [5, 'will encrypt'],
          ],
        ],
        ['kwic/second.txt', [[3, 'WILL ENCRYPT']]],
      ],
    );
    assert.match(ours[0]?.hits[0]?.left ?? '', /Acme $/);
    assert.equal(ours[0]?.hits[0]?.annotations.length, 0);

    const hitsBefore = found.flatMap((d) => d.hits.map((h) => ({ path: d.path, h })));
    const indexes = hitsBefore.flatMap((x, i) => (x.path.startsWith('kwic/') ? [i] : []));
    await vscode.commands.executeCommand('marginalia.findInCorpus', {
      text: 'will encrypt',
      annotate: { kind: 'claim', label: 'commitment', hits: indexes },
    });
    const inFirst = (await marginalia.annotations(first.document)).filter((a) => a.origin === 'manual');
    assert.deepEqual(
      inFirst.map((a) => [a.kind, a.label, a.quote, a.status]),
      [
        ['claim', 'commitment', 'will encrypt', 'open'],
        ['claim', 'commitment', 'will\nencrypt', 'open'],
      ],
    );
    // Code points: the emoji before the first hit counts once.
    assert.equal(inFirst[0]?.start, Array.from(FIRST.slice(0, FIRST.indexOf('will encrypt'))).length);
    const second = await vscode.workspace.openTextDocument(workspaceFile('kwic/second.txt'));
    assert.deepEqual(
      (await marginalia.annotations(second)).filter((a) => a.origin === 'manual').map((a) => a.quote),
      ['WILL ENCRYPT'],
    );

    // The hits now show what is annotated there; annotating them again adds nothing.
    const again = await vscode.commands.executeCommand<DocumentHits[]>('marginalia.findInCorpus', { text: 'will encrypt' });
    assert.deepEqual(again.find((d) => d.path === 'kwic/second.txt')?.hits[0]?.annotations, ['annotated claim: commitment']);
    await vscode.commands.executeCommand('marginalia.findInCorpus', {
      text: 'will encrypt',
      annotate: { kind: 'claim', label: 'commitment', hits: indexes },
    });
    assert.equal((await marginalia.annotations(first.document)).filter((a) => a.origin === 'manual').length, 2);
  });
});
