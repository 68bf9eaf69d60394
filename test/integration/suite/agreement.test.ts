import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Annotation } from '../../../src/core/sidecar/format';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import type { AgreementReport } from '../../../src/core/agree/study';
import { api, inWebWorker, waitFor, workspaceFile } from './helpers';

// An emoji before the spans: the sidecar counts code points, the editor UTF-16 units.
const TEXT = '🔒 Acme said it will encrypt all backups by March 2026.\nIt holds ISO 27001 certification.\nCritics doubt it.\n';

function at(quote: string, kind: string, label: string, extra: Partial<Annotation> = {}): Annotation {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(quote))).length;
  return {
    id: `${kind}-${start}`,
    kind,
    label,
    quote,
    prefix: '',
    suffix: '',
    start,
    end: start + Array.from(quote).length,
    origin: 'manual',
    status: 'open',
    ...extra,
  };
}

const COMMIT = at('Acme said it will encrypt all backups by March 2026.', 'claim', 'commitment');
const DATE = at('March 2026', 'date', '2026-03');
const ISO = at('ISO 27001', 'control', 'iso-27001');
const DOUBT = at('Critics doubt it.', 'claim', 'assertion');

async function writeCoder(folder: string, annotations: Annotation[]): Promise<void> {
  const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
  await vscode.workspace.fs.writeFile(workspaceFile(`${folder}/statement.txt`), encode(TEXT));
  await vscode.workspace.fs.writeFile(
    workspaceFile(`${folder}/statement.txt.annotations.yaml`),
    encode(serializeSidecar({ marginalia: 2, source: { file: 'statement.txt' }, annotations })),
  );
}

async function report(probe: (r: AgreementReport) => boolean, what: string): Promise<AgreementReport> {
  const marginalia = await api();
  return waitFor(() => {
    const last = marginalia.agreement.last();
    return last !== undefined && probe(last) ? last : undefined;
  }, what);
}

suite('Compare Annotations With…', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile('agree'), { recursive: true, useTrash: false });
  });

  test('two folders: the report lists exactly their differences, and a row opens both versions with each span selected', async () => {
    await writeCoder('agree/ada', [COMMIT, DATE, ISO]);
    await writeCoder('agree/ben', [COMMIT, { ...DATE, label: '2026-04' }, DOUBT]);
    await vscode.commands.executeCommand('marginalia.compareAnnotations', {
      folder: workspaceFile('agree/ada'),
      with: { folder: workspaceFile('agree/ben') },
    });
    const sent = await report((r) => r.documents.includes('statement.txt'), 'the agreement report of ada and ben');
    assert.deepEqual(sent.coders, ['agree/ada', 'agree/ben']);
    assert.deepEqual(
      sent.disagreements.map((d) => [d.kind, d.type, d.spanA?.quote ?? null, d.spanB?.quote ?? null]),
      [
        ['date', 'label', 'March 2026', 'March 2026'],
        ['control', 'only', 'ISO 27001', null],
        ['claim', 'only', null, 'Critics doubt it.'],
      ],
    );
    const claim = sent.kinds.find((k) => k.kind === 'claim');
    assert.deepEqual(claim?.spans, [1, 2]);
    assert.equal(claim.pairs.at(0)?.exact.f1, 2 / 3);

    const marginalia = await api();
    const editors = await marginalia.agreement.reveal(0);
    assert.equal(editors.length, 2, 'both versions open');
    assert.deepEqual(
      editors.map((e) => vscode.workspace.asRelativePath(e.document.uri)),
      ['agree/ada/statement.txt', 'agree/ben/statement.txt'],
    );
    for (const e of editors)
      assert.equal(e.document.getText(e.selection), 'March 2026', 'the span is selected in UTF-16 despite the emoji');
    assert.ok((editors[1]?.viewColumn ?? 0) > (editors[0]?.viewColumn ?? 0), 'side by side');

    const markdown = await marginalia.agreement.openMarkdown();
    const text = markdown?.getText() ?? '';
    assert.match(text, /^# Agreement: agree\/ada, agree\/ben/);
    assert.match(text, /## Disagreements \(3\)/);
    assert.equal(markdown?.languageId, 'markdown');
  });

  test('authors who share a sidecar: told apart by author and reviewer; suggestions counted only when asked', async () => {
    await writeCoder('agree/shared', [
      { ...COMMIT, author: 'ada' },
      { ...COMMIT, id: 'c-ben', author: 'ben' },
      { ...ISO, origin: 'detected', author: 'scanner', reviewer: 'ada' },
      { ...DOUBT, origin: 'detected', status: 'suggested', author: 'ben' },
    ]);
    await vscode.commands.executeCommand('marginalia.compareAnnotations', {
      folder: workspaceFile('agree/shared'),
      with: { authors: ['ada', 'ben'] },
    });
    const reviewed = await report((r) => r.coders.join() === 'ada,ben' && r.leftOut[1]?.suggestions === 1, 'the report of two authors');
    assert.deepEqual(
      reviewed.disagreements.map((d) => [d.kind, d.type, d.spanA?.quote ?? null]),
      [['control', 'only', 'ISO 27001']],
    );
    await vscode.commands.executeCommand('marginalia.compareAnnotations', {
      folder: workspaceFile('agree/shared'),
      with: { authors: ['ada', 'ben'] },
      includeSuggestions: true,
    });
    const all = await report((r) => r.coders.join() === 'ada,ben' && r.disagreements.length === 2, 'the report with suggestions counted');
    assert.deepEqual(all.disagreements[1]?.spanB?.quote, 'Critics doubt it.');
    const editors = await (await api()).agreement.reveal(0);
    assert.equal(editors.length, 2);
    assert.equal(editors[0]?.document.uri.toString(), editors[1]?.document.uri.toString(), 'one document, shown twice');
    assert.equal(editors[1]?.document.getText(editors[1].selection), 'ISO 27001', "ben marked nothing there: his side shows ada's span");
  });

  test('a git revision: the working tree against HEAD, the earlier version opened from git beside it', async function () {
    // git runs in the Node extension host only: vscode.dev has no Git extension, and the choice is not offered there.
    if (inWebWorker()) this.skip();
    const folder = workspaceFile('agree/repo');
    await writeCoder('agree/repo', [COMMIT, ISO]);
    const { execFileSync } = await import('node:child_process');
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: folder.fsPath });
    };
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'first coding');
    await writeCoder('agree/repo', [COMMIT, { ...ISO, label: 'iso-27002' }]);
    interface GitApi {
      getRepository(uri: vscode.Uri): unknown;
    }
    const extension = vscode.extensions.getExtension<{ readonly enabled: boolean; getAPI(v: 1): GitApi }>('vscode.git');
    assert.ok(extension, "VS Code's Git extension");
    const exports = await extension.activate();
    // The test harness turns git off (scripts/vscode-host/code-server.mjs); this test turns it on for its own repository.
    const gitSettings = vscode.workspace.getConfiguration('git');
    await gitSettings.update('enabled', true, vscode.ConfigurationTarget.Global);
    try {
      // The extension finds git and builds its model after it activates.
      await waitFor(() => (exports.enabled ? true : undefined), "VS Code's Git extension ready");
      const gitApi = exports.getAPI(1);
      await vscode.commands.executeCommand('git.openRepository', folder.fsPath);
      await waitFor(() => (gitApi.getRepository(folder) ? true : undefined), 'the Git extension knows the new repository');

      await vscode.commands.executeCommand('marginalia.compareAnnotations', { folder, with: { ref: 'HEAD' } });
      const sent = await report((r) => r.coders.join() === 'working tree,HEAD', 'the report of the working tree against HEAD');
      assert.deepEqual(
        sent.disagreements.map((d) => [d.kind, d.type, d.spanA?.label, d.spanB?.label]),
        [['control', 'label', 'iso-27002', 'iso-27001']],
      );
      const editors = await (await api()).agreement.reveal(0);
      assert.deepEqual(
        editors.map((e) => e.document.uri.scheme),
        ['file', 'git'],
      );
      assert.equal(editors[1]?.document.getText(editors[1].selection), 'ISO 27001');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await gitSettings.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
