import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, waitFor, workspaceFile } from './helpers';
import { annotationIds, children, fileNode, label, leaves, type Provider } from './tree';

interface StoredAnnotation {
  id: string;
  kind: string;
  label?: string;
  quote: string;
  status: string;
}

async function storedAnnotations(relative: string): Promise<StoredAnnotation[]> {
  const bytes = await vscode.workspace.fs.readFile(workspaceFile(`${relative}.annotations.yaml`));
  return (parse(new TextDecoder().decode(bytes)) as { annotations: StoredAnnotation[] }).annotations;
}

function isOpen(relative: string): boolean {
  const uri = workspaceFile(relative).toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri);
}

async function filter(value: Record<string, unknown>): Promise<void> {
  const applied: unknown = await vscode.commands.executeCommand('marginalia.filterAnnotations', value);
  assert.ok(applied, `the filter ${JSON.stringify(value)} was applied`);
}

async function notesIds(tree: Provider): Promise<string[]> {
  const file = await fileNode(tree, 'tree/notes.txt');
  return file ? annotationIds(await leaves(tree, file)) : [];
}

suite('Views across the workspace', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('marginalia.clearAnnotationFilter');
  });

  test('the Annotations view lists a document that is not open, with the annotations of its sidecar', async () => {
    const { views } = await api();
    assert.equal(isOpen('tree/notes.txt'), false, 'tree/notes.txt is not open');
    const file = await fileNode(views.annotations, 'tree/notes.txt');
    assert.ok(file, 'tree/notes.txt is in the view');
    // Reviewed annotations and stored suggestions are counted apart, never added together.
    assert.equal(file.item.description, '5 annotated · 2 suggested');
    assert.equal(file.item.id, workspaceFile('tree/notes.txt').toString(), 'the same id as when it is open');
    const groups = await children(views.annotations, file.node);
    assert.deepEqual(
      groups.map((g) => [label(g.item), g.item.description]),
      [
        ['claim', '2 annotated · 1 suggested'],
        ['date', '1 suggested'],
        ['control', '2 annotated'],
        ['finding', '1 annotated'],
      ],
    );
    const stored = await storedAnnotations('tree/notes.txt');
    const items = await leaves(views.annotations, file);
    // Every annotation but the dismissed one, each shown as the sidecar has it.
    assert.deepEqual(
      annotationIds(items),
      stored
        .filter((a) => a.status !== 'dismissed')
        .map((a) => a.id)
        .sort(),
    );
    for (const a of stored.filter((x) => x.status !== 'dismissed')) {
      const shown = items.find((s) => s.item.id?.endsWith(`#a:${a.id}`));
      assert.ok(shown, a.id);
      assert.equal(label(shown.item), a.quote.length > 48 ? `${a.quote.slice(0, 47)}…` : a.quote);
      // Short enough for the default sidebar: the label; the status is the icon (no line: the document is not open).
      assert.equal(shown.item.description, a.label ?? '');
      const icon = (shown.item.iconPath as vscode.ThemeIcon).id;
      const expected =
        a.status === 'suggested' ? 'lightbulb' : a.status === 'verified' ? 'pass' : a.status === 'disputed' ? 'warning' : undefined;
      if (expected) assert.equal(icon, expected, `${a.id} ${a.status}`);
      assert.equal(shown.item.contextValue, a.status === 'suggested' ? 'suggestion' : 'annotation');
      assert.equal(shown.item.command?.command, 'marginalia.revealAnnotation');
    }
    // Within a kind, in document order, whatever the order in the file.
    const claims = await children(views.annotations, groups[0]?.node);
    assert.deepEqual(
      claims.map((c) => /#a:(.+)$/.exec(c.item.id ?? '')?.[1]),
      ['qiotyu7s', 'rubgo4wh', 'yykcufj7'],
    );
  });

  test('a sidecar that does not validate is an error item with its message, not a crash', async () => {
    const { views } = await api();
    const file = await fileNode(views.annotations, 'tree/bad.txt');
    assert.ok(file, 'tree/bad.txt is in the view');
    assert.equal(file.item.description, 'sidecar has 1 error');
    const [error, ...rest] = await children(views.annotations, file.node);
    assert.equal(rest.length, 0);
    assert.ok(error);
    assert.match(label(error.item), /unsupported format version 3/);
    assert.equal(error.item.description, 'tree/bad.txt.annotations.yaml:1:13');
    assert.equal((error.item.iconPath as vscode.ThemeIcon).id, 'error');
    assert.equal(error.item.command?.command, 'vscode.open');
  });

  test('the Controls view counts the controls of documents that are not open', async () => {
    const { views } = await api();
    const roots = await children(views.controls);
    const iso = roots.find((r) => r.item.id === 'control:iso-27001');
    assert.ok(iso, `controls: ${roots.map((r) => r.item.id).join(', ')}`);
    const docs = await children(views.controls, iso.node);
    const notes = docs.find((d) => d.item.resourceUri?.path.endsWith('/tree/notes.txt'));
    assert.ok(notes, 'tree/notes.txt cites ISO 27001');
    assert.equal(notes.item.description, '1 annotated · not open');
    const [mention] = await children(views.controls, notes.node);
    assert.ok(mention);
    assert.equal(label(mention.item), 'ISO 27001');
  });

  test('filtering by kind, status and text changes what the view shows, and clearing brings everything back', async () => {
    const { views } = await api();
    const all = await notesIds(views.annotations);
    await filter({ kinds: ['control'] });
    assert.deepEqual(await notesIds(views.annotations), ['ahmknlvf', 'zzslybky']);
    assert.equal(views.annotationsView.description, 'control');
    const file = await fileNode(views.annotations, 'tree/notes.txt');
    assert.ok(file);
    assert.deepEqual(
      (await children(views.annotations, file.node)).map((g) => label(g.item)),
      ['control'],
    );
    assert.equal(file.item.description, '2 annotated');

    await filter({ statuses: ['suggested'] });
    assert.deepEqual(await notesIds(views.annotations), ['i7yzzko2', 'qiotyu7s'], 'stored suggestions');
    await filter({ statuses: ['verified', 'dismissed'] });
    assert.deepEqual(await notesIds(views.annotations), ['ahmknlvf', 'ghwlrcyc'], 'dismissed ones when asked for');
    await filter({ text: 'PLATFORM' });
    assert.deepEqual(await notesIds(views.annotations), ['finding1', 'qiotyu7s'], 'quotes, case ignored');
    await filter({ text: 'privacy' });
    assert.deepEqual(await notesIds(views.annotations), ['yykcufj7'], 'tags');
    await filter({ text: 'one data centre' });
    assert.deepEqual(await notesIds(views.annotations), ['zzslybky'], 'notes');
    await filter({ kinds: ['claim'], statuses: ['open'], text: 'publish' });
    assert.deepEqual(await notesIds(views.annotations), ['rubgo4wh']);
    assert.equal(views.annotationsView.description, 'claim · open · “publish”');
    await filter({ kinds: ['date'], statuses: ['disputed'] });
    assert.equal(await fileNode(views.annotations, 'tree/notes.txt'), undefined, 'a document with nothing to show is left out');
    assert.ok(await fileNode(views.annotations, 'tree/bad.txt'), 'a broken sidecar stays visible');

    assert.equal(
      await vscode.commands.executeCommand('marginalia.filterAnnotations', { kind: ['claim'] }),
      undefined,
      'a malformed filter is refused',
    );
    assert.equal(views.annotationsView.description, 'date · disputed', 'and the filter stays as it was');
    await vscode.commands.executeCommand('marginalia.clearAnnotationFilter');
    assert.equal(views.annotationsView.description, undefined);
    assert.deepEqual(await notesIds(views.annotations), all);
  });

  test('sidecars created, changed and deleted on disk are followed', async () => {
    const { views } = await api();
    const source = workspaceFile('tree/late.txt');
    const sidecar = workspaceFile('tree/late.txt.annotations.yaml');
    const yaml = (status: string): Uint8Array =>
      new TextEncoder().encode(
        `marginalia: 1\nsource:\n  file: late.txt\nannotations:\n  - id: late1\n    kind: control\n    label: gdpr\n    quote: GDPR\n    prefix: "We follow "\n    suffix: ".\\n"\n    start: 10\n    end: 14\n    origin: manual\n    status: ${status}\n`,
      );
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode('We follow GDPR.\n'));
    await vscode.workspace.fs.writeFile(sidecar, yaml('open'));
    const added = await waitFor(async () => await fileNode(views.annotations, 'tree/late.txt'), 'the new sidecar to be listed', 15_000);
    assert.deepEqual(annotationIds(await leaves(views.annotations, added)), ['late1']);
    await vscode.workspace.fs.writeFile(sidecar, yaml('verified'));
    await waitFor(
      async () => {
        const file = await fileNode(views.annotations, 'tree/late.txt');
        return (
          file &&
          (await leaves(views.annotations, file)).some(
            (l) => l.item.description === 'gdpr' && (l.item.iconPath as vscode.ThemeIcon).id === 'pass',
          )
        );
      },
      'the changed status to show',
      15_000,
    );
    await vscode.workspace.fs.delete(sidecar);
    await waitFor(async () => (await fileNode(views.annotations, 'tree/late.txt')) === undefined, 'the deleted sidecar to go', 15_000);
  });

  test('selecting an annotation of a document that is not open opens it and selects the annotation; its item keeps its id', async () => {
    const { views } = await api();
    assert.equal(isOpen('tree/notes.txt'), false);
    const file = await fileNode(views.annotations, 'tree/notes.txt');
    assert.ok(file);
    const iso = (await leaves(views.annotations, file)).find((l) => l.item.id?.endsWith('#a:ahmknlvf'));
    const command = iso?.item.command;
    assert.ok(iso && command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments as unknown[]));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), workspaceFile('tree/notes.txt').toString());
    assert.equal(editor.document.getText(editor.selection), 'ISO 27001');
    // Now from the live session: the same ids, so what the user expanded stays expanded.
    const open = await waitFor(async () => {
      const f = await fileNode(views.annotations, 'tree/notes.txt');
      return f?.item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded ? f : undefined;
    }, 'the view to show the open document');
    assert.equal(open.item.id, file.item.id);
    assert.ok((await leaves(views.annotations, open)).some((l) => l.item.id === iso.item.id));
  });
});
