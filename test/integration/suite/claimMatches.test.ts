import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, hoverText, openInEditor, waitFor, workspaceFile } from './helpers';

const ORIGINAL = [
  'Published on March 3, 2025',
  '',
  'Our mail filters blocked 4.2 million phishing attempts aimed at Tessaline accounts last quarter.',
  '',
  'We have not sold customer data, and we never will.',
  '',
].join('\n');
const REPOST = [
  'By PayTech Roundup staff | 4 March 2025 | 3 min read',
  '',
  'Our mail filters blocked 42 million phishing attempts aimed at Tessaline accounts last quarter.',
  '',
  'Share this story.',
  '',
].join('\n');

suite('Claims across documents', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile('across'), { recursive: true, useTrash: false });
  });

  test('two open documents sharing a claim: its hover says where else it is and what changed, and the comparison opens', async () => {
    const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
    await vscode.workspace.fs.writeFile(workspaceFile('across/original.txt'), encode(ORIGINAL));
    await vscode.workspace.fs.writeFile(workspaceFile('across/repost.txt'), encode(REPOST));
    const marginalia = await api();
    const repost = await openInEditor('across/repost.txt');
    await waitFor(
      async () => ((await marginalia.suggestions(repost.document)).some((s) => s.kind === 'claim') ? true : undefined),
      'the repost’s claims',
    );
    const original = await openInEditor('across/original.txt');
    await waitFor(
      async () => ((await marginalia.suggestions(original.document)).some((s) => s.kind === 'claim') ? true : undefined),
      'the original’s claims',
    );

    const at = original.document.positionAt(original.document.getText().indexOf('4.2 million') + 1);
    const hover = await waitFor(async () => {
      const text = hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', original.document.uri, at),
      );
      return text.includes('Also in 1 other document') ? text : undefined;
    }, 'the hover of the phishing claim naming the repost');
    assert.match(hover, /across\/repost\.txt/);
    assert.match(hover, /edited; 4\.2 million → 42 million/);
    assert.match(hover, /~~4\.2~~/, 'the word diff strikes out the original figure');
    assert.match(hover, /command:marginalia\.compareClaimVersions/);

    // The claim only the original makes is reported nowhere else.
    const alone = original.document.positionAt(original.document.getText().indexOf('never will') + 1);
    const aloneHover = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', original.document.uri, alone),
    );
    assert.doesNotMatch(aloneHover, /Also in/);

    const snapshot = await marginalia.claimMatches.ready();
    // Other suites' documents may share claims among themselves: only this folder's group counts here.
    const ours = snapshot.result.groups.filter((g) => g.members.some((i) => snapshot.claims[i]?.doc.startsWith('across/')));
    assert.equal(ours.length, 1);
    const group = ours[0];
    assert.deepEqual(
      group?.members.map((i) => snapshot.claims[i]?.doc),
      ['across/original.txt', 'across/repost.txt'],
      'the earliest source first',
    );
    const [first, second] = group.members.map((i) => snapshot.claims[i]);
    assert.ok(first && second);
    const key = (t: { uri: string; id?: string; start?: number; end?: number }): string =>
      t.id !== undefined ? `${t.uri}#${t.id}` : `${t.uri}@${t.start ?? -1}:${t.end ?? -1}`;
    await vscode.commands.executeCommand('marginalia.compareClaimVersions', { from: key(first.target), to: key(second.target) });
    await waitFor(
      () => (vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff ? true : undefined),
      'the diff editor with both versions',
    );
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as vscode.TabInputTextDiff;
    const left = await vscode.workspace.openTextDocument(input.original);
    const right = await vscode.workspace.openTextDocument(input.modified);
    assert.match(left.getText(), /4\.2 million/);
    assert.match(right.getText(), /42 million/);
  });

  test('a sentence in a dozen scanned releases: the hover lists its 8 nearest versions and links the view for the rest', async () => {
    const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
    const boilerplate = 'Tessaline has held ISO 27001 certification since 2019 and is audited every year by an independent firm.';
    for (let n = 1; n <= 12; n++)
      await vscode.workspace.fs.writeFile(
        workspaceFile(`across/releases/release-${n}.txt`),
        encode(
          `Published on March ${n}, 2025\n\nTessaline today announced ${n * 3 + 11} new payroll customers in region ${n}.\n\n${boilerplate}\n`,
        ),
      );
    const summary = await vscode.commands.executeCommand<{ scanned: number } | undefined>('marginalia.scanWorkspace', {
      within: workspaceFile('across/releases'),
    });
    assert.equal(summary?.scanned, 12);
    const first = await openInEditor('across/releases/release-1.txt');
    const at = first.document.positionAt(first.document.getText().indexOf('audited') + 1);
    const hover = await waitFor(async () => {
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', first.document.uri, at));
      return text.includes('Also in 11 other documents') ? text : undefined;
    }, 'the hover of the boilerplate naming the other releases');
    assert.equal(hover.match(/command:marginalia\.compareClaimVersions/g)?.length, 8, 'eight versions listed');
    assert.match(hover, /3 more\]\(command:marginalia\.claimMatches\.focus/);
    const snapshot = await (await api()).claimMatches.ready();
    const group = snapshot.result.groups.find((g) => g.members.some((i) => snapshot.claims[i]?.text === boilerplate));
    assert.equal(group?.documents, 12, 'the view has all twelve');
  });
});
