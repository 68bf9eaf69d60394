import * as vscode from 'vscode';
import { KINDS, type Detection, type Kind } from '../../core/model';
import type { TrackedAnnotation } from '../annotationStore';
import type { DocumentSession, SessionRegistry } from '../session';
import type { CommandTarget } from '../targets';

type Node =
  | { type: 'file'; session: DocumentSession }
  | { type: 'group'; session: DocumentSession; kind: string; label: string }
  | { type: 'annotation'; session: DocumentSession; tracked: TrackedAnnotation; target: CommandTarget }
  | { type: 'suggestion'; session: DocumentSession; detection: Detection; target: CommandTarget };

const KIND_ICON: Record<string, string> = { claim: 'comment-discussion', date: 'calendar', control: 'shield' };
const ORPHANED = 'orphaned';

function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function labelOf(d: Detection): string {
  switch (d.kind) {
    case 'claim': return d.type;
    case 'control': return d.controlId ? `${d.framework ?? d.id} ${d.controlId}` : d.id;
    case 'date': return d.value ?? 'unresolved';
  }
}

/**
 * The Annotations view: each open document, then its kinds, then its annotations and
 * suggestions, with an Orphaned group for annotations whose text is gone. Children are
 * built only when a node is expanded, and ids are stable so updates keep what the user
 * opened.
 */
export class AnnotationsTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sessions: SessionRegistry) {
    this.subscription = sessions.onDidChange(() => { this.changed.fire(undefined); });
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return this.sessions.all()
        .filter((s) => s.store.tracked.length > 0 || s.suggestions.length > 0)
        .sort((a, b) => a.document.uri.path.localeCompare(b.document.uri.path))
        .map((session) => ({ type: 'file', session }));
    }
    const { session } = node;
    if (node.type === 'file') {
      const groups: Node[] = [];
      const kinds = new Set<string>([...KINDS, ...session.store.tracked.map((t) => t.annotation.kind)]);
      for (const kind of kinds) {
        if (this.members(session, kind).length > 0) groups.push({ type: 'group', session, kind, label: kind });
      }
      if (session.store.tracked.some((t) => t.anchor.orphaned)) groups.push({ type: 'group', session, kind: ORPHANED, label: 'Orphaned' });
      return groups;
    }
    if (node.type === 'group') return this.members(session, node.kind);
    return [];
  }

  private members(session: DocumentSession, kind: string): Node[] {
    const annotations: Node[] = session.store.tracked
      .filter((t) => (kind === ORPHANED ? t.anchor.orphaned : !t.anchor.orphaned && t.annotation.kind === kind && t.annotation.status !== 'dismissed'))
      .map((tracked) => ({ type: 'annotation', session, tracked, target: { uri: session.document.uri.toString(), id: tracked.annotation.id } }));
    if (kind === ORPHANED) return annotations;
    const suggestions: Node[] = session.suggestions.filter((d) => d.kind === (kind as Kind)).map((detection) => ({
      type: 'suggestion', session, detection,
      target: { uri: session.document.uri.toString(), kind: detection.kind, start: detection.start, end: detection.end },
    }));
    return [...annotations, ...suggestions].sort((a, b) => start(a) - start(b));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const uri = node.session.document.uri;
    switch (node.type) {
      case 'file': {
        const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
        item.id = uri.toString();
        const accepted = node.session.store.tracked.filter((t) => t.annotation.status !== 'dismissed').length;
        item.description = `${accepted} annotation${accepted === 1 ? '' : 's'}, ${node.session.suggestions.length} suggested`;
        item.contextValue = 'file';
        return item;
      }
      case 'group': {
        const count = this.members(node.session, node.kind).length;
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${uri.toString()}#${node.kind}`;
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(node.kind === ORPHANED ? 'debug-disconnect' : KIND_ICON[node.kind] ?? 'tag');
        item.contextValue = 'group';
        return item;
      }
      case 'annotation': {
        const a = node.tracked.annotation;
        const item = new vscode.TreeItem(excerpt(a.quote), vscode.TreeItemCollapsibleState.None);
        item.id = `${uri.toString()}#a:${a.id}`;
        item.description = [a.label, a.status].filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString().appendText(`${a.kind}${a.label ? `: ${a.label}` : ''} (${a.status})\n\n${a.quote}${a.note ? `\n\nNote: ${a.note}` : ''}`);
        item.iconPath = new vscode.ThemeIcon(a.status === 'verified' ? 'pass' : a.status === 'disputed' ? 'warning' : KIND_ICON[a.kind] ?? 'tag');
        item.contextValue = node.tracked.anchor.orphaned ? 'annotation.orphaned' : 'annotation';
        if (!node.tracked.anchor.orphaned) item.command = { command: 'marginalia.revealAnnotation', title: 'Reveal', arguments: [node.target] };
        return item;
      }
      case 'suggestion': {
        const d = node.detection;
        const item = new vscode.TreeItem(excerpt(d.text), vscode.TreeItemCollapsibleState.None);
        item.id = `${uri.toString()}#s:${d.kind}:${d.start}:${d.end}`;
        item.description = `${labelOf(d)} · suggested`;
        item.iconPath = new vscode.ThemeIcon('lightbulb');
        item.contextValue = 'suggestion';
        item.command = { command: 'marginalia.revealAnnotation', title: 'Reveal', arguments: [node.target] };
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function start(node: Node): number {
  if (node.type === 'annotation') return node.tracked.anchor.start;
  if (node.type === 'suggestion') return node.detection.start;
  return 0;
}
