import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DocumentDetector } from '../../../src/core/detect';
import type { Annotation } from '../../../src/core/sidecar/format';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { sha256Hex } from '../../../src/core/sidecar/sha256';
import { emptySidecar, mergeDetections } from '../../../src/core/store/sync';
import type { ScanSummary } from '../../../src/editor/scanWorkspace';
import { api, openInEditor, waitFor, workspaceFile } from './helpers';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function readText(relative: string): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(workspaceFile(relative)));
  } catch {
    return undefined;
  }
}

async function storedSidecar(relative: string): Promise<Annotation[]> {
  const yaml = await readText(`${relative}.annotations.yaml`);
  assert.ok(yaml !== undefined, `${relative} has a sidecar`);
  const parsed = parseSidecar(yaml, relative);
  assert.deepEqual(parsed.errors, []);
  return parsed.sidecar?.annotations ?? [];
}

/** What `detect --write` stores for a document: the same core call the CLI makes. */
async function asTheCliWould(relative: string): Promise<Annotation[]> {
  const text = await readText(relative);
  assert.ok(text !== undefined);
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  const before = await readText(`${relative}.annotations.yaml`);
  const base = before === undefined ? emptySidecar(name) : parseSidecar(before, relative).sidecar ?? emptySidecar(name);
  return mergeDetections(base, new DocumentDetector().detect(text), text).sidecar.annotations;
}

async function scan(within: string, token?: vscode.CancellationToken): Promise<ScanSummary> {
  const arg = token ? { within: workspaceFile(within), token } : workspaceFile(within);
  const summary = await vscode.commands.executeCommand<ScanSummary | undefined>('marginalia.scanWorkspace', arg);
  assert.ok(summary, 'the scan returns its summary');
  return summary;
}

suite('Scan Workspace', () => {
  test('stores the findings as open suggestions in each sidecar (an open document through its session); a second run adds nothing', async () => {
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
    assert.ok(alpha.every((a) => a.status === 'open' && a.origin === 'detected' && a.created === undefined));
    assert.ok(alpha.some((a) => a.kind === 'date' && a.label === '2020-05'), 'relative dates resolved against the document date');
    assert.match(await readText('scan/alpha.txt.annotations.yaml') ?? '', new RegExp(`sha256: "${sha256Hex(await readText('scan/alpha.txt') ?? '')}"`));
    assert.deepEqual(await storedSidecar('scan/more/beta.md'), expected.beta, 'Markdown too, in subfolders');

    const dismissed = await storedSidecar('scan/dismissed.txt');
    assert.deepEqual(dismissed, expected.dismissed);
    assert.deepEqual(dismissed.filter((a) => a.quote === 'NIST CSF').map((a) => [a.id, a.status]), [['hxzkvzfr', 'dismissed']], 'dismissed stays dismissed, not added again');
    assert.deepEqual(dismissed.filter((a) => a.status === 'open').map((a) => a.quote).sort(), ['GDPR', 'The vendor says it meets NIST CSF and GDPR requirements.']);

    // The open document: its session has them, no suggestion is left, and the file agrees.
    assert.deepEqual(await marginalia.suggestions(editor.document), []);
    const inEditor = await marginalia.annotations(editor.document);
    assert.deepEqual(inEditor.map((a) => [a.kind, a.quote]).sort(), pending.map((d) => [d.kind, d.text]).sort());
    assert.deepEqual((await storedSidecar('scan/open.txt')).map((a) => a.id).sort(), inEditor.map((a) => a.id).sort());

    assert.equal(await readText('scan/latin1.txt.annotations.yaml'), undefined);
    assert.equal(await readText('scan/more/table.csv.annotations.yaml'), undefined, 'only the languages of marginalia.languages');

    const files = ['scan/alpha.txt', 'scan/more/beta.md', 'scan/dismissed.txt', 'scan/open.txt'];
    const before = await Promise.all(files.map((f) => readText(`${f}.annotations.yaml`)));
    const second = await scan('scan');
    assert.deepEqual(second, { found: 5, scanned: 4, added: 0, filesWithNew: 0, skipped: 1, cancelled: false });
    assert.deepEqual(await Promise.all(files.map((f) => readText(`${f}.annotations.yaml`))), before, 'nothing rewritten');
  });

  test('skips documents larger than marginalia.maxFileSizeMB', async () => {
    await vscode.workspace.fs.writeFile(workspaceFile('scan-large/big.txt'), encoder.encode('We will comply with GDPR by the end of the year.\n'.repeat(60)));
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

  test('stops when cancelled; the documents already scanned keep their sidecars', async () => {
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt'];
    for (const name of names) await vscode.workspace.fs.writeFile(workspaceFile(`scan-cancel/${name}`), encoder.encode(`Document ${name} cites SOC 2 and GDPR.\n`));
    // Cancelled once two files have been looked at (the scan asks before each file).
    let asked = 0;
    const token: vscode.CancellationToken = {
      get isCancellationRequested() { return ++asked > 2; },
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
