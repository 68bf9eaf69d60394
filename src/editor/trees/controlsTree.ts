import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/types';
import type { DocumentSession, SessionRegistry } from '../session';

interface Mention { session: DocumentSession; start: number; end: number; text: string; accepted: boolean }

type Node =
  | { type: 'control'; id: string; mentions: Mention[] }
  | { type: 'document'; id: string; session: DocumentSession; mentions: Mention[] }
  | { type: 'mention'; mention: Mention };

/**
 * The Controls view: every control cited in the open documents, then the documents
 * that cite it, then each mention: who claims SOC 2, and where.
 */
export class ControlsTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sessions: SessionRegistry, private readonly catalog: () => Catalog) {
    this.subscription = sessions.onDidChange(() => { this.changed.fire(undefined); });
  }

  private mentionsById(): Map<string, Mention[]> {
    const byId = new Map<string, Mention[]>();
    const add = (id: string, m: Mention): void => {
      const list = byId.get(id) ?? [];
      list.push(m);
      byId.set(id, list);
    };
    for (const session of this.sessions.all()) {
      for (const d of session.suggestions) {
        if (d.kind === 'control') add(d.framework ?? d.id, { session, start: d.start, end: d.end, text: d.text, accepted: false });
      }
      for (const t of session.store.tracked) {
        if (t.annotation.kind === 'control' && t.annotation.label && !t.anchor.orphaned && t.annotation.status !== 'dismissed') {
          add(t.annotation.label, { session, start: t.anchor.start, end: t.anchor.end, text: t.annotation.quote, accepted: true });
        }
      }
    }
    return byId;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return [...this.mentionsById()].sort(([a], [b]) => a.localeCompare(b)).map(([id, mentions]) => ({ type: 'control', id, mentions }));
    }
    if (node.type === 'control') {
      const byDoc = new Map<DocumentSession, Mention[]>();
      for (const m of node.mentions) byDoc.set(m.session, [...(byDoc.get(m.session) ?? []), m]);
      return [...byDoc].map(([session, mentions]) => ({ type: 'document', id: node.id, session, mentions }));
    }
    if (node.type === 'document') return node.mentions.sort((a, b) => a.start - b.start).map((mention) => ({ type: 'mention', mention }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'control': {
        const entry = this.catalog().entries.find((e) => e.id === node.id);
        const item = new vscode.TreeItem(entry?.title?.split(/ — | \(/)[0] ?? node.id, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `control:${node.id}`;
        const docs = new Set(node.mentions.map((m) => m.session)).size;
        item.description = `${node.id} · ${docs} document${docs === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('shield');
        item.tooltip = entry?.scope ?? node.id;
        return item;
      }
      case 'document': {
        const item = new vscode.TreeItem(node.session.document.uri, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `control:${node.id}:${node.session.document.uri.toString()}`;
        item.description = `${node.mentions.length} mention${node.mentions.length === 1 ? '' : 's'}`;
        return item;
      }
      case 'mention': {
        const { mention } = node;
        const position = mention.session.document.positionAt(mention.start);
        const item = new vscode.TreeItem(mention.text.replace(/\s+/g, ' '), vscode.TreeItemCollapsibleState.None);
        item.description = `line ${position.line + 1}${mention.accepted ? '' : ' · suggested'}`;
        item.iconPath = new vscode.ThemeIcon(mention.accepted ? 'note' : 'lightbulb');
        item.command = { command: 'marginalia.revealAnnotation', title: 'Reveal', arguments: [{ uri: mention.session.document.uri.toString(), start: mention.start, end: mention.end, kind: 'control' }] };
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
