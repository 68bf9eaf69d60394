import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, hoverText, openInEditor, waitFor, workspaceFile } from './helpers';

interface Stored {
  id: string;
  quote: string;
  speaker?: string;
  entity?: string;
}

const NAME = 'speakers.txt';
const PROMISE = 'The company said it will complete a SOC 2 Type II audit by the end of 2026.';
const TEXT = `Published 3 March 2025\n\nQuokka Money said on Monday that its systems were restored. ${PROMISE}\n`;
const ENTITIES = (name: string): string =>
  `marginalia-entities: 1\nentities:\n  - id: quokka\n    name: ${name}\n    type: organisation\n    aliases: [Quokka Money, Quokka]\n`;

async function stored(): Promise<Stored[]> {
  return waitFor(async () => {
    try {
      const bytes = await vscode.workspace.fs.readFile(workspaceFile(`${NAME}.annotations.yaml`));
      return (parse(new TextDecoder().decode(bytes)) as { annotations?: Stored[] } | null)?.annotations;
    } catch {
      // In the web-worker host the file is written in place: a read can catch it empty.
      return undefined;
    }
  }, 'the sidecar');
}

async function settled(probe: (a: Stored | undefined) => boolean, what: string): Promise<Stored | undefined> {
  return waitFor(async () => {
    const a = (await stored()).find((x) => x.quote === PROMISE);
    return probe(a) ? (a ?? null) : undefined;
  }, what).then((a) => a ?? undefined);
}

/** Replaces the entities file's text in its editor and saves it, as a person would. */
async function saveEntities(text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(workspaceFile('.marginalia/entities.yaml'));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  // A file just made on disk can still be settling in the editor: its first save may be refused.
  await waitFor(async () => ((await document.save()) || !document.isDirty ? true : undefined), 'the entities file saved');
}

suite('Speakers as entities', () => {
  test('Edit Entities creates the file; "the company" resolves to the entity it lists, in the hover, on Accept and in the Commitments view; the view follows an edit of the file; Set Speaker Entity changes it until Undo', async () => {
    const marginalia = await api();
    await vscode.workspace.fs.writeFile(workspaceFile(NAME), new TextEncoder().encode(TEXT));

    // Edit Entities makes the file with an example, and opens it.
    const made = await vscode.commands.executeCommand<string>('marginalia.editEntities');
    assert.match(made, /\.marginalia\/entities\.yaml$/);
    const template = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('.marginalia/entities.yaml')));
    assert.match(template, /^# Who speaks/);
    assert.match(template, /marginalia-entities: 1/);
    await saveEntities(ENTITIES('Quokka Money Pty Ltd'));

    const editor = await openInEditor(NAME);
    const offset = TEXT.indexOf('will complete');
    const hover = await waitFor(async () => {
      const text = hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          editor.document.uri,
          editor.document.positionAt(offset),
        ),
      );
      return /Speaker:\*\* the company → Quokka Money Pty Ltd/.test(text) ? text : undefined;
    }, 'the hover naming who "the company" is');
    assert.match(hover, /Claim: commitment/);

    const start = TEXT.indexOf(PROMISE);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + PROMISE.length));
    const id = await vscode.commands.executeCommand<string>('marginalia.acceptSuggestion');
    assert.ok(id);
    const accepted = await settled((a) => a?.entity !== undefined, 'the claim stored with its entity');
    assert.deepEqual([accepted?.speaker, accepted?.entity], ['the company', 'Quokka Money Pty Ltd']);

    const view = marginalia.views.commitments;
    const row = async (): Promise<vscode.TreeItem | undefined> => {
      for (const item of (await view.getChildren()) ?? []) {
        const t = await view.getTreeItem(item);
        const label = typeof t.label === 'string' ? t.label : (t.label?.label ?? '');
        if (label.startsWith('The company said it will complete')) return t;
      }
      return undefined;
    };
    await waitFor(
      async () => ((await row())?.description?.toString().endsWith('Quokka Money Pty Ltd') ? true : undefined),
      'the row naming the entity',
    );

    // Renaming the entity in the file renames it everywhere its names and aliases reach.
    await saveEntities(ENTITIES('Quokka Group'));
    await waitFor(
      async () => ((await row())?.description?.toString().endsWith('Quokka Group') ? true : undefined),
      'the row following the file',
    );
    const tooltip = (await row())?.tooltip;
    const tip = (tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip)).replace(/&nbsp;/g, ' ');
    assert.match(tip, /the company → Quokka Group/);

    // By hand: another entity, then Undo.
    const uri = editor.document.uri.toString();
    assert.equal(await vscode.commands.executeCommand('marginalia.setSpeakerEntity', { uri, id }, 'Wombat Holdings'), 'Wombat Holdings');
    await settled((a) => a?.entity === 'Wombat Holdings', 'the entity set by hand');
    await vscode.commands.executeCommand('marginalia.undo');
    await settled((a) => a?.entity === 'Quokka Money Pty Ltd', 'Undo to bring the entity back');

    // A mistake in the file is located in Problems; the valid entities still count.
    await saveEntities(`${ENTITIES('Quokka Group')}  - {id: Bad Id, name: X}\n`);
    const problems = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(workspaceFile('.marginalia/entities.yaml'));
      return d.length > 0 ? d : undefined;
    }, 'the problem in Problems');
    assert.match(problems[0]?.message ?? '', /`id` must be lower case/);
    assert.equal(problems[0]?.range.start.line, 6);
    await waitFor(
      async () => ((await row())?.description?.toString().endsWith('Quokka Group') ? true : undefined),
      'the valid entity kept',
    );
    await vscode.workspace.fs.delete(workspaceFile('.marginalia/entities.yaml'));
  });
});
