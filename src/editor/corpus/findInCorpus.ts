// `Marginalia: Find in Corpus…`: a phrase or a /pattern/ over every document of the
// workspace, each hit in its context (keyword in context) grouped by document, with the
// annotations already there; the chosen hits annotated in one go with a kind and label.
import * as vscode from 'vscode';
import { anchorAt } from '../../core/anchor/context';
import type { Annotation } from '../../core/sidecar/format';
import { makeAnnotationId } from '../../core/sidecar/ids';
import type { PlacedLabel } from '../../core/store/labels';
import { placeLabel } from '../../core/store/labels';
import { compileQuery, findHits, type CorpusQuery, type Hit } from '../../core/text/kwic';
import { OffsetMap } from '../../core/text/offsets';
import type { Catalog } from '../../core/catalog/types';
import { registerCommand } from '../commands';
import { findDocuments } from '../documentFiles';
import { readSourceText } from '../files';
import { pickKind, pickLabel } from '../labelPicker';
import { describeError } from '../log';
import type { ReviewerIdentity } from '../reviewer';
import type { SessionRegistry } from '../session';
import { readSettings } from '../settings';
import type { SidecarIndex } from '../sidecarIndex';

export const FIND_IN_CORPUS = 'marginalia.findInCorpus';

/** One document's hits, with what is annotated (or suggested by a scan) where each hit is. */
export interface DocumentHits {
  uri: vscode.Uri;
  path: string;
  hits: (Hit & { annotations: string[] })[];
  truncated: boolean;
}

/** What the command may be given instead of asking (integration tests). */
export interface FindRequest extends CorpusQuery {
  /** Annotate these hits (indexes into the flattened list, or all) with this kind and label, without asking. */
  annotate?: { kind: string; label?: string; hits?: number[] | 'all' };
}

interface HitItem extends vscode.QuickPickItem {
  doc?: DocumentHits;
  hit?: DocumentHits['hits'][number];
}

function describeAnnotation(a: Annotation): string {
  return `${a.status === 'suggested' ? 'suggested' : 'annotated'} ${a.kind}${a.label ? `: ${a.label}` : ''}`;
}

/** Searches every document of the workspace (open ones as the editor holds them), with progress. */
async function search(
  log: vscode.LogOutputChannel,
  sessions: SessionRegistry,
  index: SidecarIndex,
  pattern: RegExp,
  token: vscode.CancellationToken,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
): Promise<DocumentHits[]> {
  const files = await findDocuments((folder) => readSettings(folder).languages, undefined, token);
  const stored = new Map((await index.read(() => true)).map((s) => [s.source.toString(), s]));
  const out: DocumentHits[] = [];
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  for (const [n, { uri }] of files.entries()) {
    if (token.isCancellationRequested) break;
    progress.report({
      message: `${n + 1} of ${files.length}: ${vscode.workspace.asRelativePath(uri, multiRoot)}`,
      increment: 100 / Math.max(1, files.length),
    });
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string;
    try {
      text = open ? open.getText() : await readSourceText(uri);
    } catch (error) {
      // An unreadable file (not UTF-8, vanished) has no hits; the log says which.
      log.warn(`Find in Corpus: ${vscode.workspace.asRelativePath(uri)} skipped: ${describeError(error)}`);
      continue;
    }
    // Short contexts: the list shows one line per hit, the match in the middle of it.
    const { hits, truncated } = findHits(text, pattern, 32);
    if (hits.length === 0) continue;
    const session = open ? sessions.get(uri) : undefined;
    const offsets = new OffsetMap(text);
    const annotations = session ? session.store.current(offsets) : (stored.get(uri.toString())?.annotations ?? []);
    const here = annotations.filter((a) => !a.orphaned && a.status !== 'dismissed');
    out.push({
      uri,
      path: vscode.workspace.asRelativePath(uri, multiRoot),
      truncated,
      hits: hits.map((h) => {
        const start = offsets.toCodePoint(h.start);
        const end = offsets.toCodePoint(h.end);
        return { ...h, annotations: here.filter((a) => a.start < end && start < a.end).map(describeAnnotation) };
      }),
    });
  }
  return out;
}

/** The hits in a list grouped by document; resolves to the chosen ones (none chosen: undefined). */
async function chooseHits(query: string, docs: DocumentHits[]): Promise<HitItem[] | undefined> {
  const total = docs.reduce((n, d) => n + d.hits.length, 0);
  const qp = vscode.window.createQuickPick<HitItem>();
  qp.title = `Find in Corpus: “${query}”: ${total} hit${total === 1 ? '' : 's'} in ${docs.length} document${docs.length === 1 ? '' : 's'}`;
  qp.placeholder = 'Tick the hits to annotate, then press Enter (type to filter; the button shows a hit in its document)';
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  const show: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Show in its document' };
  const items: HitItem[] = [];
  for (const doc of docs) {
    items.push({ label: `${doc.path} (${doc.hits.length}${doc.truncated ? '+' : ''})`, kind: vscode.QuickPickItemKind.Separator });
    for (const hit of doc.hits) {
      items.push({
        label: `…${hit.left} ⟦${hit.match}⟧ ${hit.right}…`,
        description: `${doc.path}:${hit.line}`,
        ...(hit.annotations.length > 0 ? { detail: `$(tag) ${hit.annotations.join(' · ')}` } : {}),
        buttons: [show],
        doc,
        hit,
      });
    }
  }
  qp.items = items;
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: HitItem[] | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
    };
    qp.onDidTriggerItemButton((e) => {
      const { doc, hit } = e.item;
      if (!doc || !hit) return;
      void vscode.window.showTextDocument(doc.uri, { preserveFocus: true, preview: true, selection: undefined }).then((editor) => {
        const range = new vscode.Range(editor.document.positionAt(hit.start), editor.document.positionAt(hit.end));
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      });
    });
    qp.onDidAccept(() => {
      finish(qp.selectedItems.length > 0 ? [...qp.selectedItems] : undefined);
    });
    qp.onDidHide(() => {
      finish(undefined);
    });
    qp.show();
  });
}

/** Adds a manual annotation at each chosen hit (one undo step per document); returns how many were added. */
async function annotateHits(
  sessions: SessionRegistry,
  reviewer: ReviewerIdentity,
  chosen: { doc: DocumentHits; hit: Hit }[],
  kind: string,
  placed: PlacedLabel,
  query: string,
): Promise<{ added: number; documents: number; already: number; moved: number }> {
  const review = await reviewer.review();
  const byDoc = new Map<string, { doc: DocumentHits; hits: Hit[] }>();
  for (const c of chosen) {
    const entry = byDoc.get(c.doc.uri.toString()) ?? { doc: c.doc, hits: [] };
    entry.hits.push(c.hit);
    byDoc.set(c.doc.uri.toString(), entry);
  }
  let added = 0;
  let already = 0;
  let moved = 0;
  let documents = 0;
  for (const { doc, hits } of byDoc.values()) {
    const document = await vscode.workspace.openTextDocument(doc.uri);
    const session = await sessions.ready(document);
    if (!session) continue;
    const text = document.getText();
    const offsets = new OffsetMap(text);
    const existing = new Set(session.store.current(offsets).map((a) => `${a.kind}:${a.start}:${a.end}`));
    const ids = new Set(session.store.ids());
    const annotations: Annotation[] = [];
    for (const hit of hits) {
      // The document may have changed since the search: a hit whose text is no longer there is left.
      if (text.slice(hit.start, hit.end).replace(/\s+/g, ' ') !== hit.match) {
        moved++;
        continue;
      }
      const anchor = anchorAt(text, hit.start, hit.end);
      const cpStart = offsets.toCodePoint(hit.start);
      const cpEnd = offsets.toCodePoint(hit.end);
      if (existing.has(`${kind}:${cpStart}:${cpEnd}`)) {
        already++;
        continue;
      }
      const annotation: Annotation = {
        id: makeAnnotationId(kind, anchor.quote, cpStart, ids),
        kind,
        quote: anchor.quote,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        start: cpStart,
        end: cpEnd,
        origin: 'manual',
        status: 'open',
        created: review.reviewed,
        tags: [...(placed.tag !== undefined ? [placed.tag] : [])],
      };
      if (annotation.tags?.length === 0) delete annotation.tags;
      if (placed.label !== undefined) annotation.label = placed.label;
      if (review.reviewer !== undefined) annotation.author = review.reviewer;
      ids.add(annotation.id);
      annotations.push(annotation);
    }
    if (annotations.length === 0) continue;
    await sessions.apply(session, `Annotate ${annotations.length} hits of “${query}” as ${kind}`, (tx) => {
      for (const a of annotations) tx.add(a);
    });
    added += annotations.length;
    documents++;
  }
  return { added, documents, already, moved };
}

export function registerFindInCorpus(
  log: vscode.LogOutputChannel,
  sessions: SessionRegistry,
  index: SidecarIndex,
  reviewer: ReviewerIdentity,
  catalog: () => Catalog,
): vscode.Disposable {
  return registerCommand(log, FIND_IN_CORPUS, async (arg: unknown) => {
    const request =
      typeof arg === 'object' && arg !== null && typeof (arg as { text?: unknown }).text === 'string' ? (arg as FindRequest) : undefined;
    const text =
      request?.text ??
      (await vscode.window.showInputBox({
        title: 'Find in Corpus',
        prompt: 'A phrase (any case and spacing), or a /regular expression/, searched in every document of the workspace',
        placeHolder: 'e.g. will encrypt   or   /SOC\\s?2 Type (I|II)/',
        ignoreFocusOut: true,
        validateInput: (v) => {
          const compiled = compileQuery({ text: v });
          return compiled.ok ? undefined : compiled.reason;
        },
      }));
    if (text === undefined) return undefined;
    const query: CorpusQuery = {
      text,
      ...(request?.regex === true ? { regex: true } : {}),
      ...(request?.caseSensitive === true ? { caseSensitive: true } : {}),
    };
    const compiled = compileQuery(query);
    if (!compiled.ok) throw new Error(`Find in Corpus: ${compiled.reason}`);
    const docs = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Marginalia: finding “${text}”`, cancellable: true },
      (progress, token) => search(log, sessions, index, compiled.pattern, token, progress),
    );
    const total = docs.reduce((n, d) => n + d.hits.length, 0);
    log.info(`Find in Corpus: “${text}”: ${total} hits in ${docs.length} documents`);
    if (request !== undefined && request.annotate === undefined) return docs;
    if (total === 0) {
      void vscode.window.showInformationMessage(`Marginalia: “${text}” is in no document of the workspace.`);
      return docs;
    }
    const flat = docs.flatMap((doc) => doc.hits.map((hit) => ({ doc, hit })));
    let chosen: { doc: DocumentHits; hit: Hit }[];
    let kind: string | undefined;
    let placed: PlacedLabel | undefined;
    if (request?.annotate) {
      const wanted = request.annotate.hits ?? 'all';
      chosen = wanted === 'all' ? flat : wanted.flatMap((i) => (flat[i] ? [flat[i]] : []));
      kind = request.annotate.kind;
      placed = request.annotate.label === undefined ? {} : placeLabel(kind, request.annotate.label);
    } else {
      const picked = await chooseHits(text, docs);
      if (!picked) return docs;
      chosen = picked.flatMap((p) => (p.doc && p.hit ? [{ doc: p.doc, hit: p.hit }] : []));
      kind = await pickKind(`Annotate ${chosen.length} hits (1/2): kind`, 'What are the chosen hits?');
      if (kind === undefined) return docs;
      placed = await pickLabel(kind, { title: `Annotate ${chosen.length} hits (2/2): label`, catalog: catalog() });
      if (placed === undefined) return docs;
    }
    const result = await annotateHits(sessions, reviewer, chosen, kind, placed, text);
    const skipped = `${result.already > 0 ? `; ${result.already} already annotated so` : ''}${result.moved > 0 ? `; ${result.moved} no longer there (the document changed)` : ''}`;
    void vscode.window.showInformationMessage(
      `Marginalia: annotated ${result.added} hit${result.added === 1 ? '' : 's'} of “${text}” in ${result.documents} document${result.documents === 1 ? '' : 's'} as ${kind}${placed.label ? `: ${placed.label}` : ''}${skipped}.`,
    );
    return docs;
  });
}
