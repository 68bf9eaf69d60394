import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, openInEditor, waitFor, workspaceFile } from './helpers';

interface Stored {
  id: string;
  quote: string;
  status: string;
  verdict?: string;
  evidence?: string[];
  rejected?: string[];
  reviewer?: string;
}

const PROMISE = 'Acme Payments said it will complete a SOC 2 Type II audit by the end of 2024.';
const DONE = 'Acme Payments said it completed its SOC 2 Type II audit in December 2024.';
const DOCS: Record<string, string> = {
  'evidence/acme-2024.txt': `Published 12 March 2024\n\n${PROMISE}\n`,
  'evidence/acme-2025.txt': `Published 20 February 2025\n\n${DONE} Acme Payments said it remains committed to SOC 2 and will renew the audit every year. Globex said it completed its SOC 2 Type II audit in 2024.\n`,
};

async function stored(name: string, probe: (list: Stored[]) => boolean, what: string): Promise<Stored[]> {
  return waitFor(async () => {
    try {
      const bytes = await vscode.workspace.fs.readFile(workspaceFile(`${name}.annotations.yaml`));
      const list = (parse(new TextDecoder().decode(bytes)) as { annotations?: Stored[] } | null)?.annotations ?? [];
      return probe(list) ? list : undefined;
    } catch {
      // In the web-worker host the file is written in place: a read can catch it empty.
      return undefined;
    }
  }, what);
}

interface Ranked {
  uri: string;
  id: string;
  verdict?: string;
  reasons: string[];
}

suite('Evidence suggested for a commitment', () => {
  test('Find Evidence ranks the later statement of the same speaker first, not the decoys; confirming it sets the verdict and the evidence, and accepts the statement in its own document', async () => {
    await api();
    for (const [name, text] of Object.entries(DOCS))
      await vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(text));
    await vscode.commands.executeCommand('marginalia.scanWorkspace', { within: workspaceFile('evidence'), threads: 0 });
    await stored(
      'evidence/acme-2025.txt',
      (l) => l.some((a) => a.quote === DONE && a.status === 'suggested'),
      'the later statement stored by the scan',
    );

    const editor = await openInEditor('evidence/acme-2024.txt');
    const start = editor.document.getText().indexOf(PROMISE);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + PROMISE.length));
    const id = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
    assert.ok(id);
    const uri = editor.document.uri.toString();
    // The claim the scan stored links its parts: accepting it accepts them, as its hover says.
    await stored(
      'evidence/acme-2024.txt',
      (l) => ['SOC 2 Type II', 'by the end of 2024'].every((q) => l.find((a) => a.quote === q)?.status === 'open'),
      'the parts of the stored claim accepted with it',
    );

    // A decoy that does rank is rejected with ✕ and not proposed again: here a later
    // statement written for it, by the same speaker, about the same audit.
    const decoy = 'Acme Payments said it completed the SOC 2 Type II audit paperwork for its new office.';
    const laterDoc = workspaceFile('evidence/acme-2025.txt');
    const laterText = new TextDecoder().decode(await vscode.workspace.fs.readFile(laterDoc));
    await vscode.workspace.fs.writeFile(laterDoc, new TextEncoder().encode(`${laterText.trimEnd()} ${decoy}\n`));
    await vscode.commands.executeCommand('marginalia.scanWorkspace', { within: workspaceFile('evidence'), threads: 0 });
    const decoyId = (await stored('evidence/acme-2025.txt', (l) => l.some((a) => a.quote === decoy), 'the decoy stored by the scan')).find(
      (a) => a.quote === decoy,
    )?.id;
    const before = await vscode.commands.executeCommand<Ranked[]>('marginalia.findEvidence', { uri, id }, 'list');
    const decoyAt = before.findIndex((c) => c.id === decoyId);
    assert.ok(decoyAt >= 0, JSON.stringify(before));
    await vscode.commands.executeCommand('marginalia.findEvidence', { uri, id }, { reject: decoyAt });
    await stored(
      'evidence/acme-2024.txt',
      (l) => l.find((a) => a.id === id)?.rejected?.includes(`acme-2025.txt#${decoyId ?? ''}`) === true,
      'the rejection stored',
    );
    const ranked = await vscode.commands.executeCommand<Ranked[]>('marginalia.findEvidence', { uri, id }, 'list');
    assert.equal(ranked.length, 1, JSON.stringify(ranked));
    const [first] = ranked;
    assert.ok(first);
    assert.match(first.uri, /acme-2025\.txt$/);
    assert.equal(first.verdict, 'kept');
    assert.ok(first.reasons.includes('same speaker (Acme Payments)'), first.reasons.join(' · '));

    const confirmed = await vscode.commands.executeCommand<{ verdict: string }>('marginalia.findEvidence', { uri, id }, 0);
    assert.equal(confirmed.verdict, 'kept');
    const later = await stored(
      'evidence/acme-2025.txt',
      (l) => l.find((a) => a.quote === DONE)?.status === 'open',
      'the evidence accepted in its document',
    );
    const evidenceId = later.find((a) => a.quote === DONE)?.id ?? '';
    const commitment = (
      await stored('evidence/acme-2024.txt', (l) => l.find((a) => a.id === id)?.verdict === 'kept', 'the verdict with its evidence')
    ).find((a) => a.id === id);
    assert.ok(commitment);
    assert.deepEqual(commitment.evidence, [`acme-2025.txt#${evidenceId}`]);
    assert.equal(commitment.reviewer, 'Integration Tester');
  });

  test('evidence references follow renames: of the evidence document, and of the commitment’s own document', async () => {
    const uri = workspaceFile('evidence/acme-2024.txt');
    const commitment = async (): Promise<Stored | undefined> =>
      (await stored('evidence/acme-2024.txt', () => true, 'the commitment’s sidecar')).find((a) => a.quote === PROMISE);
    assert.match((await commitment())?.evidence?.[0] ?? '', /^acme-2025\.txt#/);

    const rename = async (from: vscode.Uri, to: vscode.Uri): Promise<void> => {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(from, to);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    await rename(workspaceFile('evidence/acme-2025.txt'), workspaceFile('evidence/acme-2025-update.txt'));
    await waitFor(
      async () => ((await commitment())?.evidence?.[0]?.startsWith('acme-2025-update.txt#') ? true : undefined),
      'the reference to the renamed evidence',
    );

    await rename(uri, workspaceFile('evidence/2024/acme-2024.txt'));
    const moved = await waitFor(async () => {
      try {
        const bytes = await vscode.workspace.fs.readFile(workspaceFile('evidence/2024/acme-2024.txt.annotations.yaml'));
        const list = (parse(new TextDecoder().decode(bytes)) as { annotations?: Stored[] } | null)?.annotations ?? [];
        const ref = list.find((a) => a.quote === PROMISE)?.evidence?.[0];
        return ref?.startsWith('../acme-2025-update.txt#') ? ref : undefined;
      } catch {
        return undefined;
      }
    }, 'the moved commitment’s own reference, from its new folder');
    assert.match(moved, /^\.\.\/acme-2025-update\.txt#[a-z0-9]+$/);
  });
});
