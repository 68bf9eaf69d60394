import * as vscode from 'vscode';
import { shortName, type Catalog } from '../../core/catalog/types';
import { describeError } from '../log';
import type { SessionRegistry } from '../session';
import type { SidecarIndex } from '../sidecarIndex';
import type { CommandTarget } from '../targets';
import { annotatedDocuments, onAnnotatedDocumentsChange, type AnnotatedDocument } from './documents';
import { pagesOf, shortPage } from './pages';

interface Mention {
  doc: AnnotatedDocument;
  /** Ordering within the document (UTF-16 when open, code points on disk). */
  start: number;
  text: string;
  accepted: boolean;
  /** Only for an open document: the line is known without reading the source. */
  line: number | undefined;
  /** For a text made from a PDF: the page of the original. */
  page?: string;
  target: CommandTarget;
}

type Node =
  | { type: 'control'; id: string; mentions: Mention[] }
  | { type: 'document'; id: string; doc: AnnotatedDocument; mentions: Mention[] }
  | { type: 'mention'; mention: Mention };

/**
 * The Controls view: every control cited in the workspace (suggestions and annotations
 * of the open documents, stored annotations of the others), then the documents that
 * cite it, then each mention: who claims SOC 2, and where.
 */
export class ControlsTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly sessions: SessionRegistry,
    private readonly index: SidecarIndex,
    private readonly catalog: () => Catalog,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = onAnnotatedDocumentsChange(sessions, index, () => {
      this.changed.fire(undefined);
    });
  }

  private async mentionsById(): Promise<Map<string, Mention[]>> {
    const byId = new Map<string, Mention[]>();
    const add = (id: string, m: Mention): void => {
      const list = byId.get(id) ?? [];
      list.push(m);
      byId.set(id, list);
    };
    for (const doc of await annotatedDocuments(this.sessions, this.index)) {
      const uri = doc.uri.toString();
      const { session } = doc;
      if (session) {
        const page = pagesOf(session.store.source, session.document.getText());
        for (const s of session.suggestions) {
          if (s.kind !== 'control') continue;
          const d = s.detection;
          const id =
            d?.kind === 'control'
              ? (d.framework ?? d.id)
              : s.storedId !== undefined
                ? session.store.find(s.storedId)?.annotation.label
                : undefined;
          if (id === undefined) continue;
          add(id, {
            doc,
            start: s.start,
            text: s.text,
            accepted: false,
            line: session.document.positionAt(s.start).line,
            ...page(s.start),
            target: s.storedId !== undefined ? { uri, id: s.storedId } : { uri, start: s.start, end: s.end, kind: 'control' },
          });
        }
        for (const t of session.store.tracked) {
          const reviewed = t.annotation.status !== 'dismissed' && t.annotation.status !== 'suggested';
          if (t.annotation.kind === 'control' && t.annotation.label && !t.anchor.orphaned && reviewed) {
            add(t.annotation.label, {
              doc,
              start: t.anchor.start,
              text: t.annotation.quote,
              accepted: true,
              line: session.document.positionAt(t.anchor.start).line,
              ...page(t.anchor.start),
              target: { uri, id: t.annotation.id, start: t.anchor.start, end: t.anchor.end, kind: 'control' },
            });
          }
        }
      } else {
        const storedPage = pagesOf(doc.stored?.pdfSource);
        for (const a of doc.stored?.annotations ?? []) {
          if (a.kind === 'control' && a.label && !a.orphaned && a.status !== 'dismissed') {
            // Found by id once the document is open (its offsets here are code points of the saved text).
            add(a.label, {
              doc,
              start: a.start,
              text: a.quote,
              accepted: a.status !== 'suggested',
              line: undefined,
              ...storedPage(a.start),
              target: { uri, id: a.id },
            });
          }
        }
      }
    }
    return byId;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      let byId: Map<string, Mention[]>;
      try {
        byId = await this.mentionsById();
      } catch (error) {
        this.log.error(`Listing the controls cited in the workspace failed: ${describeError(error)}`);
        throw error;
      }
      return [...byId].sort(([a], [b]) => a.localeCompare(b)).map(([id, mentions]) => ({ type: 'control', id, mentions }));
    }
    if (node.type === 'control') {
      const byDoc = new Map<string, Mention[]>();
      for (const m of node.mentions) {
        const key = m.doc.uri.toString();
        byDoc.set(key, [...(byDoc.get(key) ?? []), m]);
      }
      return [...byDoc.values()].map((mentions) => ({ type: 'document', id: node.id, doc: (mentions[0] as Mention).doc, mentions }));
    }
    if (node.type === 'document')
      return [...node.mentions].sort((a, b) => a.start - b.start).map((mention) => ({ type: 'mention', mention }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'control': {
        const entry = this.catalog().entries.find((e) => e.id === node.id);
        const item = new vscode.TreeItem((entry && shortName(entry)) ?? node.id, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `control:${node.id}`;
        const docs = new Set(node.mentions.map((m) => m.doc.uri.toString())).size;
        // Where a person confirmed the mention, apart from where only the machine found it.
        const reviewed = new Set(node.mentions.filter((m) => m.accepted).map((m) => m.doc.uri.toString())).size;
        const plural = (n: number): string => `${n} document${n === 1 ? '' : 's'}`;
        item.description = `${node.id} · ${reviewed > 0 ? `${reviewed} annotated, ` : ''}${plural(docs)}`;
        item.iconPath = new vscode.ThemeIcon('shield');
        const counts = `Cited in ${plural(docs)}: annotated by a person in ${reviewed}, only suggested in ${docs - reviewed}.`;
        item.tooltip = [entry?.title, entry?.scope, counts].filter((s) => s !== undefined).join('\n\n');
        item.accessibilityInformation = { label: `${(entry && shortName(entry)) ?? node.id}, control, ${counts}` };
        return item;
      }
      case 'document': {
        const item = new vscode.TreeItem(node.doc.uri, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `control:${node.id}:${node.doc.uri.toString()}`;
        const suggested = node.mentions.filter((m) => !m.accepted).length;
        const annotated = node.mentions.length - suggested;
        item.description = `${[annotated > 0 ? `${annotated} annotated` : undefined, suggested > 0 ? `${suggested} suggested` : undefined].filter(Boolean).join(' · ')}${node.doc.session ? '' : ' · not open'}`;
        return item;
      }
      case 'mention': {
        const { mention } = node;
        const item = new vscode.TreeItem(mention.text.replace(/\s+/g, ' '), vscode.TreeItemCollapsibleState.None);
        const where = mention.line === undefined ? undefined : `line ${mention.line + 1}`;
        item.description = [
          where,
          mention.page === undefined ? undefined : shortPage(mention.page),
          mention.accepted ? undefined : 'suggested',
        ]
          .filter(Boolean)
          .join(' · ');
        item.iconPath = new vscode.ThemeIcon(mention.accepted ? 'note' : 'lightbulb');
        item.command = { command: 'marginalia.revealAnnotation', title: 'Reveal', arguments: [mention.target] };
        return item;
      }
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
