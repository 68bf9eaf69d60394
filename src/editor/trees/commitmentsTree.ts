import * as vscode from 'vscode';
import { commitmentsOf, type Commitment } from '../../core/export/register';
import type { Annotation } from '../../core/sidecar/format';
import { OffsetMap } from '../../core/text/offsets';
import { excerpt } from '../display';
import { speakerText } from '../speakerEntity';
import { describeError } from '../log';
import type { SessionRegistry } from '../session';
import type { SidecarIndex } from '../sidecarIndex';
import type { CommandTarget } from '../targets';
import { annotatedDocuments, onAnnotatedDocumentsChange } from './documents';
import { pagesOf, shortPage } from './pages';

/** One row of the view: a commitment and where it is. */
export interface CommitmentItem {
  commitment: Commitment;
  uri: vscode.Uri;
  /** 0-based, for an open document; undefined for one listed from its sidecar. */
  line: number | undefined;
  /** For a text made from a PDF: the page of the original. */
  page?: string;
  target: CommandTarget;
}

const ICONS: Readonly<Record<string, [string, string | undefined]>> = {
  overdue: ['watch', 'list.warningForeground'],
  open: ['circle-large-outline', undefined],
  kept: ['pass', 'testing.iconPassed'],
  broken: ['error', 'list.errorForeground'],
  disputed: ['warning', 'list.warningForeground'],
  unverifiable: ['question', undefined],
};

/** A person's annotations only: a register is findings, not machine suggestions. */
function reviewed(list: readonly Annotation[]): Annotation[] {
  return list.filter((a) => a.status !== 'suggested' && a.status !== 'dismissed' && !a.orphaned);
}

/** What a row says after its quote: due dates, controls, verdict. */
export function commitmentDescription(c: Commitment): string {
  const parts: string[] = [];
  if (c.overdue) parts.push('overdue');
  if (c.due.length > 0) parts.push(`due ${c.due.join(', ')}`);
  if (c.controls.length > 0) parts.push(c.controls.join(', '));
  if (c.status !== 'open') parts.push(c.status);
  // Who, by entity: "TikTok" for "the company"; the words as written when no entity is known.
  if (c.entity !== '' || c.speaker !== '') parts.push(c.entity !== '' ? c.entity : c.speaker);
  return parts.join(' · ');
}

/**
 * The Commitments view: every commitment a person accepted in the workspace, with its
 * due dates, the controls it is about and its verdict; overdue ones (still open, due
 * before today) first. The same rows as `export --format register`.
 */
export class CommitmentsTreeProvider implements vscode.TreeDataProvider<CommitmentItem> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly sessions: SessionRegistry,
    private readonly index: SidecarIndex,
    private readonly log: vscode.LogOutputChannel,
    /** Today as YYYY-MM-DD; tests give their own. */
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {
    this.subscriptions = onAnnotatedDocumentsChange(sessions, index, () => {
      this.changed.fire(undefined);
    });
  }

  /** Every row, overdue first, then by document and line. */
  async items(): Promise<CommitmentItem[]> {
    const out: CommitmentItem[] = [];
    const today = this.today();
    for (const doc of await annotatedDocuments(this.sessions, this.index)) {
      const uri = doc.uri.toString();
      if (doc.session) {
        const { session } = doc;
        const offsets = new OffsetMap(session.document.getText());
        // Offsets of `current` are code points, as the page map's.
        const page = pagesOf(session.store.source);
        for (const c of commitmentsOf(reviewed(session.store.current(offsets)), session.store.published, today, this.sessions.entities)) {
          const at = session.store.find(c.annotation.id)?.anchor;
          out.push({
            commitment: c,
            uri: doc.uri,
            line: at === undefined ? undefined : session.document.positionAt(at.start).line,
            ...(c.annotation.orphaned === true ? {} : page(c.annotation.start)),
            target: { uri, id: c.annotation.id },
          });
        }
      } else if (doc.stored) {
        const page = pagesOf(doc.stored.pdfSource);
        for (const c of commitmentsOf(reviewed(doc.stored.annotations), doc.stored.published, today, this.sessions.entities)) {
          const at = c.annotation.orphaned === true ? {} : page(c.annotation.start);
          out.push({ commitment: c, uri: doc.uri, line: undefined, ...at, target: { uri, id: c.annotation.id } });
        }
      }
    }
    return out.sort(
      (x, y) =>
        Number(y.commitment.overdue) - Number(x.commitment.overdue) ||
        x.uri.path.localeCompare(y.uri.path) ||
        x.commitment.annotation.start - y.commitment.annotation.start,
    );
  }

  async getChildren(item?: CommitmentItem): Promise<CommitmentItem[]> {
    if (item) return [];
    try {
      return await this.items();
    } catch (error) {
      this.log.error(`Listing the commitments failed: ${describeError(error)}`);
      return [];
    }
  }

  getTreeItem(item: CommitmentItem): vscode.TreeItem {
    const c = item.commitment;
    const t = new vscode.TreeItem(excerpt(c.annotation.quote, 80), vscode.TreeItemCollapsibleState.None);
    t.id = `${item.uri.toString()}#${c.annotation.id}`;
    t.description = [commitmentDescription(c), item.page === undefined ? '' : shortPage(item.page)].filter((s) => s !== '').join(' · ');
    const [icon, colour] = ICONS[c.overdue ? 'overdue' : c.status] ?? ['circle-large-outline', undefined];
    t.iconPath = new vscode.ThemeIcon(icon, colour === undefined ? undefined : new vscode.ThemeColor(colour));
    t.contextValue = 'commitment';
    const where = `${vscode.workspace.asRelativePath(item.uri)}${item.line === undefined ? '' : `:${item.line + 1}`}${item.page === undefined ? '' : `, ${item.page}`}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.isTrusted = false;
    tip.appendText(c.annotation.quote);
    const field = (label: string, value: string): void => {
      if (value === '') return;
      tip.appendMarkdown(`\n\n**${label}:** `);
      tip.appendText(value);
    };
    field('Status', c.overdue ? 'open, overdue' : c.status);
    field('Due', c.due.join('; '));
    field('About', c.controls.join('; '));
    field('Made', c.made);
    field('Evidence', (c.annotation.evidence ?? []).join('; '));
    field('Speaker', speakerText(c.annotation.speaker, c.annotation.entity, this.sessions.entities) ?? '');
    field('Where', where);
    t.tooltip = tip;
    t.accessibilityInformation = {
      label: `Commitment${c.overdue ? ', overdue' : ''}: ${excerpt(c.annotation.quote, 80)}. ${commitmentDescription(c)}. ${where}`,
    };
    t.command = { command: 'marginalia.revealAnnotation', title: 'Reveal', arguments: [item.target] };
    return t;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
