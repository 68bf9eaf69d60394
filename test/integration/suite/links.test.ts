import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, hoverText, openInEditor, waitFor, workspaceFile } from './helpers';

interface Stored {
  id: string;
  kind: string;
  quote: string;
  start: number;
  status: string;
  about?: string[];
  due?: string[];
  when?: string[];
  verdict?: string;
  evidence?: string[];
  reviewer?: string;
}

const NAME = 'commitments.txt';
const TEXT = [
  'Published 3 March 2025',
  '',
  'Northwind Cloud will complete a SOC 2 Type II audit by the end of the year.',
  '',
  "In January 2024, the company notified the Information Commissioner's Office of the breach.",
  '',
].join('\n');
const PROMISE = 'Northwind Cloud will complete a SOC 2 Type II audit by the end of the year.';
const NOTICE = "In January 2024, the company notified the Information Commissioner's Office of the breach.";

async function stored(): Promise<Stored[]> {
  const bytes = await vscode.workspace.fs.readFile(workspaceFile(`${NAME}.annotations.yaml`));
  const parsed = parse(new TextDecoder().decode(bytes)) as { annotations?: Stored[] } | null;
  return parsed?.annotations ?? [];
}

async function settled(probe: (list: Stored[]) => boolean, what: string): Promise<Stored[]> {
  return waitFor(async () => {
    try {
      const list = await stored();
      return probe(list) ? list : undefined;
    } catch {
      // In the web-worker host the file is written in place: a read can catch it empty.
      return undefined;
    }
  }, what);
}

async function select(editor: vscode.TextEditor, text: string): Promise<void> {
  const offset = editor.document.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} is in the document`);
  editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset + text.length));
  await new Promise((r) => setTimeout(r, 50));
}

const byQuote = (list: Stored[], quote: string): Stored | undefined => list.find((a) => a.quote === quote);

suite('A claim’s links to its dates and controls', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(workspaceFile(NAME), new TextEncoder().encode(TEXT));
  });

  test('accepting a claim keeps the links its hover showed; they follow edits; a link is added and removed by hand; deleting a target unlinks it until Undo', async () => {
    const marginalia = await api();
    const editor = await openInEditor(NAME);
    await waitFor(async () => (await marginalia.suggestions(editor.document)).some((s) => s.kind === 'claim') || undefined, 'claims');

    // The suggested claim's hover says what accepting it keeps.
    const at = editor.document.positionAt(TEXT.indexOf('will complete'));
    const before = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
    assert.match(
      before,
      /Accepting it also accepts, as its parts:[\s\S]*About:\*\* “SOC 2 Type II”[\s\S]*Due:\*\* “by the end of the year” \(2025\)/,
    );

    await select(editor, PROMISE);
    const claimId = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
    assert.ok(claimId);
    let list = await settled((l) => byQuote(l, PROMISE)?.due !== undefined, 'the claim stored with its links');
    const control = byQuote(list, 'SOC 2 Type II');
    const date = byQuote(list, 'by the end of the year');
    assert.ok(control && date, JSON.stringify(list));
    // The parts the hover listed are accepted with the claim, signed alike.
    assert.deepEqual([control.status, date.status, date.reviewer], ['open', 'open', 'Integration Tester']);
    const claim = byQuote(list, PROMISE);
    assert.deepEqual([claim?.id, claim?.status, claim?.about, claim?.due], [claimId, 'open', [control.id], [date.id]]);

    // The accepted claim's hover shows them, with Link and Unlink.
    const after = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
    assert.match(after, /About:\*\* “SOC 2 Type II” \(soc-2\)/);
    assert.match(after, /Link to…[\s\S]*Unlink…/);

    // An edit above moves everything; the links stay as they were.
    await editor.edit((b) => {
      b.insert(new vscode.Position(1, 0), 'An editor’s remark 😀 added above.\n');
    });
    await editor.document.save();
    list = await settled((l) => (byQuote(l, PROMISE)?.start ?? 0) > (claim?.start ?? 0), 'the moved claim saved');
    assert.deepEqual([byQuote(list, PROMISE)?.about, byQuote(list, PROMISE)?.due], [[control.id], [date.id]]);

    // The second claim, accepted, gets `when` and `about`; its date is then relinked by hand as `due`.
    await select(editor, NOTICE);
    const noticeId = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
    list = await settled((l) => byQuote(l, NOTICE)?.when !== undefined, 'the second claim with its links');
    const january = byQuote(list, 'In January 2024');
    assert.ok(january);
    assert.deepEqual(byQuote(list, NOTICE)?.when, [january.id]);
    assert.equal(
      await vscode.commands.executeCommand(
        'marginalia.unlinkClaim',
        { uri: editor.document.uri.toString(), id: noticeId },
        { id: january.id },
      ),
      1,
    );
    const linked = await vscode.commands.executeCommand<string>(
      'marginalia.linkClaim',
      { uri: editor.document.uri.toString(), id: noticeId },
      { target: { id: january.id }, role: 'due' },
    );
    assert.equal(linked, january.id);
    list = await settled((l) => byQuote(l, NOTICE)?.due !== undefined, 'the hand-made link saved');
    assert.deepEqual([byQuote(list, NOTICE)?.when, byQuote(list, NOTICE)?.due], [undefined, [january.id]]);

    // Deleting a linked date unlinks it in the same step; Undo brings back both.
    await vscode.commands.executeCommand('marginalia.deleteAnnotation', { uri: editor.document.uri.toString(), id: date.id });
    list = await settled((l) => byQuote(l, PROMISE)?.due === undefined, 'the link to the deleted date gone');
    assert.deepEqual(byQuote(list, PROMISE)?.about, [control.id]);
    await vscode.commands.executeCommand('marginalia.undo');
    list = await settled((l) => byQuote(l, PROMISE)?.due !== undefined, 'Undo to bring the link back');
    assert.deepEqual(byQuote(list, PROMISE)?.due, [date.id]);
    assert.equal(byQuote(list, 'by the end of the year')?.status, 'open');
  });
});

suite('Commitments: the view and the verdict', () => {
  test('the Commitments view lists an accepted commitment, overdue once its due date passed; Set Verdict settles it, signed, and Undo reopens it', async () => {
    const marginalia = await api();
    const editor = await openInEditor(NAME);
    await waitFor(
      async () => (await marginalia.annotations(editor.document)).some((a) => a.quote === PROMISE) || undefined,
      'the accepted commitment',
    );
    const view = marginalia.views.commitments;
    const rows = async (): Promise<vscode.TreeItem[]> => {
      const items = (await view.getChildren()) ?? [];
      return Promise.all(items.map(async (i) => await view.getTreeItem(i)));
    };
    // Due by the end of 2025 (the document is dated March 2025): overdue today.
    const label = (t: vscode.TreeItem): string => (typeof t.label === 'string' ? t.label : (t.label?.label ?? ''));
    let row = await waitFor(
      async () => (await rows()).find((t) => label(t).startsWith('Northwind Cloud will complete')),
      'the commitment listed',
    );
    assert.match(String(row.description), /^overdue · due 2025 · soc-2/);
    assert.equal((row.iconPath as vscode.ThemeIcon).id, 'watch');
    const uri = editor.document.uri.toString();
    const id = (await marginalia.annotations(editor.document)).find((a) => a.quote === PROMISE)?.id;
    assert.ok(id);
    assert.equal(await vscode.commands.executeCommand('marginalia.setVerdict', { uri, id }, 'broken'), 'broken');
    const list = await settled((l) => byQuote(l, PROMISE)?.verdict === 'broken', 'the verdict saved');
    assert.equal(byQuote(list, PROMISE)?.reviewer, 'Integration Tester');
    row = await waitFor(
      async () => (await rows()).find((t) => label(t).startsWith('Northwind Cloud') && /broken/.test(String(t.description))),
      'the row settled',
    );
    assert.doesNotMatch(String(row.description), /overdue/);
    assert.equal((row.iconPath as vscode.ThemeIcon).id, 'error');
    await vscode.commands.executeCommand('marginalia.undo');
    await settled((l) => byQuote(l, PROMISE)?.verdict === undefined, 'Undo to clear the verdict');

    // Kept, shown by a later statement in another document: the verdict records where.
    const later = 'Northwind Cloud completed its SOC 2 Type II audit in February 2026, the company said.';
    await vscode.workspace.fs.writeFile(
      workspaceFile('followup/update.txt'),
      new TextEncoder().encode(`Published 2 March 2026\n\n${later}\n`),
    );
    const other = await openInEditor('followup/update.txt');
    await waitFor(
      async () => (await marginalia.suggestions(other.document)).some((s) => s.kind === 'claim') || undefined,
      'the later claim',
    );
    await select(other, later);
    const evidenceId = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
    assert.ok(evidenceId);
    const back = await vscode.window.showTextDocument(editor.document);
    assert.equal(
      await vscode.commands.executeCommand('marginalia.setVerdict', { uri, id }, 'kept', {
        uri: other.document.uri.toString(),
        id: evidenceId,
      }),
      'kept',
    );
    const kept = await settled((l) => byQuote(l, PROMISE)?.verdict === 'kept', 'the verdict with its evidence');
    assert.deepEqual(byQuote(kept, PROMISE)?.evidence, [`followup/update.txt#${evidenceId}`]);
    // The hover offers the evidence, and opening it lands on the later statement.
    const at = back.document.positionAt(back.document.getText().indexOf('will complete'));
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', back.document.uri, at));
    assert.match(hover, /Verdict:\*\* kept[\s\S]*Evidence:\*\* followup\/update\.txt#/);
    assert.match(hover, /Open Evidence/);
    await vscode.commands.executeCommand('marginalia.revealAnnotation', { uri: other.document.uri.toString(), id: evidenceId });
    await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.toString() === other.document.uri.toString() || undefined,
      'the evidence shown',
    );
  });
});
