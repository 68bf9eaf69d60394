import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DocumentDetector } from '../../../src/core/detect';
import { DEFAULT_CLAIM_SENSITIVITY, meetsSensitivity } from '../../../src/core/detect/sensitivity';
import type { Annotation } from '../../../src/core/sidecar/format';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { sha256Hex } from '../../../src/core/sidecar/sha256';
import { preannotate } from '../../../src/core/store/preannotate';
import { readSidecarWithSource } from '../../../src/core/store/sidecarRead';
import type { ScanSummary } from '../../../src/editor/scanWorkspace';
import { generateArticleText } from '../../bench/article';
import { api, openInEditor, waitFor, workspaceFile, readWorkspaceText as readText } from './helpers';

const encoder = new TextEncoder();

async function storedSidecar(relative: string): Promise<Annotation[]> {
  const yaml = await readText(`${relative}.annotations.yaml`);
  assert.ok(yaml !== undefined, `${relative} has a sidecar`);
  const parsed = parseSidecar(yaml, relative);
  assert.deepEqual(parsed.errors, []);
  return parsed.sidecar?.annotations ?? [];
}

/** What `detect --write --claim-sensitivity medium` stores for a document: the same core steps the CLI takes. */
async function asTheCliWould(relative: string): Promise<Annotation[]> {
  const text = await readText(relative);
  assert.ok(text !== undefined);
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  const before = await readText(`${relative}.annotations.yaml`);
  const reading = readSidecarWithSource(before, relative, text, name);
  assert.ok(reading.sidecar);
  const detect = (referenceDate: string | undefined): ReturnType<DocumentDetector['detect']> =>
    new DocumentDetector()
      .detect(text, referenceDate ? { referenceDate } : {})
      .filter((d) => meetsSensitivity(d, DEFAULT_CLAIM_SENSITIVITY));
  return preannotate(reading.sidecar, text, detect).sidecar.annotations;
}

/** Runs the scan as a script would: with an object argument, so it does not ask first. */
async function scan(within: string, token?: vscode.CancellationToken, threads?: number): Promise<ScanSummary> {
  const arg = { within: workspaceFile(within), ...(token ? { token } : {}), ...(threads === undefined ? {} : { threads }) };
  const summary = await vscode.commands.executeCommand<ScanSummary | undefined>('marginalia.scanWorkspace', arg);
  assert.ok(summary, 'the scan returns its summary');
  return summary;
}

suite('Scan Workspace', () => {
  test('stores the findings as suggestions in each sidecar (an open document through its session); a second run adds nothing', async () => {
    const marginalia = await api();
    const editor = await openInEditor('scan/open.txt');
    const pending = await waitFor(async () => {
      const s = await marginalia.suggestions(editor.document);
      return s.length > 0 ? s : undefined;
    }, 'suggestions in scan/open.txt');
    // Not UTF-8: skipped with a log line, never annotated.
    await vscode.workspace.fs.writeFile(workspaceFile('scan/latin1.txt'), new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const expected = {
      alpha: await asTheCliWould('scan/alpha.txt'),
      beta: await asTheCliWould('scan/more/beta.md'),
      dismissed: await asTheCliWould('scan/dismissed.txt'),
    };

    const first = await scan('scan');
    const added = expected.alpha.length + expected.beta.length + (expected.dismissed.length - 1) + pending.length;
    assert.deepEqual(first, { found: 5, scanned: 4, added, filesWithNew: 4, skipped: 1, cancelled: false });

    const alpha = await storedSidecar('scan/alpha.txt');
    assert.deepEqual(alpha, expected.alpha, 'what detect --write would store');
    assert.ok(alpha.some((a) => a.kind === 'control' && a.label === 'iso-27001' && a.quote === 'ISO 27001'));
    // Machine output, stored as such: not one of them looks like a person's decision.
    assert.ok(
      alpha.every(
        (a) =>
          a.status === 'suggested' &&
          a.origin === 'detected' &&
          a.created === undefined &&
          a.reviewer === undefined &&
          a.reviewed === undefined,
      ),
    );
    assert.ok(
      alpha.some((a) => a.kind === 'date' && a.label === '2020-05'),
      'relative dates resolved against the document date',
    );
    assert.match(
      (await readText('scan/alpha.txt.annotations.yaml')) ?? '',
      new RegExp(`sha256: "${sha256Hex((await readText('scan/alpha.txt')) ?? '')}"`),
    );
    assert.deepEqual(await storedSidecar('scan/more/beta.md'), expected.beta, 'Markdown too, in subfolders');

    const dismissed = await storedSidecar('scan/dismissed.txt');
    assert.deepEqual(dismissed, expected.dismissed);
    assert.deepEqual(
      dismissed.filter((a) => a.quote === 'NIST CSF').map((a) => [a.id, a.status]),
      [['hxzkvzfr', 'dismissed']],
      'dismissed stays dismissed, not added again',
    );
    assert.deepEqual(
      dismissed
        .filter((a) => a.status === 'suggested')
        .map((a) => a.quote)
        .sort(),
      ['GDPR', 'The vendor says it meets NIST CSF and GDPR requirements.'],
    );

    // The open document: its suggestions are now stored, still shown and counted as suggestions, and the file agrees.
    const after = await marginalia.suggestions(editor.document);
    assert.deepEqual(after.map((d) => [d.kind, d.text]).sort(), pending.map((d) => [d.kind, d.text]).sort());
    assert.ok(
      after.every((d) => d.storedId !== undefined),
      'each one stored in the sidecar',
    );
    const inEditor = await marginalia.annotations(editor.document);
    assert.ok(inEditor.every((a) => a.status === 'suggested'));
    assert.deepEqual((await storedSidecar('scan/open.txt')).map((a) => a.id).sort(), inEditor.map((a) => a.id).sort());
    assert.equal(marginalia.decorations(editor.document.uri)?.annotations.length, 0, 'painted as suggestions, not as annotations');

    assert.equal(await readText('scan/latin1.txt.annotations.yaml'), undefined);
    assert.equal(await readText('scan/more/table.csv.annotations.yaml'), undefined, 'only the languages of marginalia.languages');

    const files = ['scan/alpha.txt', 'scan/more/beta.md', 'scan/dismissed.txt', 'scan/open.txt'];
    const before = await Promise.all(files.map((f) => readText(`${f}.annotations.yaml`)));
    const second = await scan('scan');
    assert.deepEqual(second, { found: 5, scanned: 4, added: 0, filesWithNew: 0, skipped: 1, cancelled: false });
    assert.deepEqual(await Promise.all(files.map((f) => readText(`${f}.annotations.yaml`))), before, 'nothing rewritten');
  });

  test('skips dependency and VCS folders below what it scans, but not the folders above it', async () => {
    // A workspace may itself live in such a folder (F5 puts its test workspaces in .vscode-test/).
    await vscode.workspace.fs.writeFile(workspaceFile('deps/node_modules/kept/a.txt'), encoder.encode('We hold ISO 27001.\n'));
    await vscode.workspace.fs.writeFile(
      workspaceFile('deps/node_modules/kept/node_modules/inner/b.txt'),
      encoder.encode('We hold ISO 27001.\n'),
    );
    const summary = await scan('deps/node_modules/kept');
    assert.deepEqual([summary.found, summary.scanned], [1, 1]);
    assert.ok(await readText('deps/node_modules/kept/a.txt.annotations.yaml'));
    assert.equal(await readText('deps/node_modules/kept/node_modules/inner/b.txt.annotations.yaml'), undefined);
  });

  test('skips documents larger than marginalia.maxFileSizeMB', async () => {
    await vscode.workspace.fs.writeFile(
      workspaceFile('scan-large/big.txt'),
      encoder.encode('We will comply with GDPR by the end of the year.\n'.repeat(60)),
    );
    await vscode.workspace.fs.writeFile(workspaceFile('scan-large/small.txt'), encoder.encode('We hold ISO 27001.\n'));
    const config = vscode.workspace.getConfiguration('marginalia');
    await config.update('maxFileSizeMB', 0.001, vscode.ConfigurationTarget.Workspace);
    try {
      const summary = await scan('scan-large');
      assert.deepEqual(summary, { found: 2, scanned: 1, added: summary.added, filesWithNew: 1, skipped: 1, cancelled: false });
      assert.ok(summary.added > 0);
      assert.equal(await readText('scan-large/big.txt.annotations.yaml'), undefined);
      assert.ok(await readText('scan-large/small.txt.annotations.yaml'));
    } finally {
      await config.update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('spread over workers, it writes what it writes in the extension host, byte for byte', async () => {
    // The same documents in two folders: new ones, one with a sidecar holding a person's
    // decision (merged with, not repeated), one whose sidecar does not validate (skipped).
    const documents: Record<string, string> = {
      'a.txt': generateArticleText(40_000, 1),
      'b.md': `# Security\n\n${generateArticleText(25_000, 2)}`,
      'c.txt':
        'Published on 3 March 2025\n\nWe will complete our SOC 2 Type II audit by Q3 2025, the company said. NIST SP 800-53 AC-2 applies.\n',
      'd.txt': generateArticleText(60_000, 3),
      'e.txt': 'Nothing to find here at all\n',
      'broken.txt': 'We hold ISO 27001.\n',
    };
    for (const folder of ['scan-threads/one', 'scan-threads/many']) {
      for (const [name, text] of Object.entries(documents))
        await vscode.workspace.fs.writeFile(workspaceFile(`${folder}/${name}`), encoder.encode(text));
      await vscode.workspace.fs.writeFile(
        workspaceFile(`${folder}/broken.txt.annotations.yaml`),
        encoder.encode('marginalia: [not, valid\n'),
      );
    }
    const inHost = await scan('scan-threads/one', undefined, 0);
    const inWorkers = await scan('scan-threads/many', undefined, 2);
    assert.deepEqual(inWorkers, inHost);
    assert.deepEqual([inHost.found, inHost.skipped], [6, 1]);
    assert.ok(inHost.added > 100, `${inHost.added} suggestions`);
    for (const name of Object.keys(documents)) {
      const one = await readText(`scan-threads/one/${name}.annotations.yaml`);
      assert.equal(await readText(`scan-threads/many/${name}.annotations.yaml`), one, `${name}'s sidecar`);
    }
    // And a second run over the workers' output adds nothing.
    assert.equal((await scan('scan-threads/many', undefined, 2)).added, 0);
  });

  test('stops when cancelled; the documents already scanned keep their sidecars', async () => {
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt'];
    for (const name of names)
      await vscode.workspace.fs.writeFile(workspaceFile(`scan-cancel/${name}`), encoder.encode(`Document ${name} cites SOC 2 and GDPR.\n`));
    // Cancelled once two files have been looked at (the scan asks before each file).
    let asked = 0;
    const token: vscode.CancellationToken = {
      get isCancellationRequested() {
        return ++asked > 2;
      },
      onCancellationRequested: () => new vscode.Disposable(() => undefined),
    };
    const summary = await scan('scan-cancel', token);
    assert.equal(summary.cancelled, true);
    assert.equal(summary.found, 4);
    assert.equal(summary.scanned, 2);
    const written = await Promise.all(names.map(async (n) => (await readText(`scan-cancel/${n}.annotations.yaml`)) !== undefined));
    assert.deepEqual(written, [true, true, false, false]);
  });
});
