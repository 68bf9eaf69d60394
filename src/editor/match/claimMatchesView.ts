// The Claims across Documents view: every statement reported in more than one document,
// largest groups first, each version under it with the earliest dated source first, how
// it differs from that first version (verbatim, edited, paraphrase; figures, dates and
// names that changed stand out), and a side-by-side comparison in VS Code's diff editor.
import * as vscode from 'vscode';
import { describeChange } from '../../core/match/changes';
import { joinedBy, type ClaimGroup, type ClaimLink } from '../../core/match/claims';
import { excerpt } from '../display';
import { registerCommand } from '../commands';
import { describeError } from '../log';
import { keyOfTarget, type ClaimMatches, type ClaimMatchesSnapshot, type MatchedClaim } from './claimMatches';

export const CLAIM_MATCH_COMMANDS = {
  compare: 'marginalia.compareClaimVersions',
  refresh: 'marginalia.refreshClaimMatches',
} as const;

const SCHEME = 'marginalia-claim';

export type ClaimMatchItem =
  | { type: 'group'; index: number; group: ClaimGroup }
  | { type: 'version'; claim: MatchedClaim; first: MatchedClaim; link: ClaimLink | undefined; target: MatchedClaim['target'] };

export class ClaimMatchesTreeProvider implements vscode.TreeDataProvider<ClaimMatchItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly matches: ClaimMatches,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = matches.onDidChange(() => {
      this.changed.fire(undefined);
    });
  }

  async getChildren(item?: ClaimMatchItem): Promise<ClaimMatchItem[]> {
    let snapshot: ClaimMatchesSnapshot;
    try {
      snapshot = await this.matches.ready();
    } catch (error) {
      this.log.error(`Claims across documents: ${describeError(error)}`);
      return [];
    }
    if (!item) return snapshot.result.groups.map((group, index) => ({ type: 'group', index, group }));
    if (item.type !== 'group') return [];
    const first = snapshot.claims[item.group.members[0] ?? -1];
    if (!first) return [];
    return item.group.members.flatMap((i, position) => {
      const claim = snapshot.claims[i];
      return claim
        ? [
            {
              type: 'version' as const,
              claim,
              first,
              link: position === 0 ? undefined : joinedBy(snapshot.result, snapshot.claims, item.group, position),
              target: claim.target,
            },
          ]
        : [];
    });
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(item: ClaimMatchItem): vscode.TreeItem {
    if (item.type === 'group') {
      const snapshot = this.matches.current;
      const first = snapshot?.claims[item.group.members[0] ?? -1];
      const changed = item.group.links.some((l) => l.changes.some((c) => c.kind !== 'name'));
      const tree = new vscode.TreeItem(excerpt(first?.text ?? '', 80), vscode.TreeItemCollapsibleState.Collapsed);
      tree.description = `${item.group.documents} documents${changed ? ' · figures or dates differ' : ''}`;
      tree.iconPath = new vscode.ThemeIcon(
        changed ? 'warning' : 'references',
        changed ? new vscode.ThemeColor('list.warningForeground') : undefined,
      );
      tree.tooltip = first?.text ?? '';
      tree.contextValue = 'claimGroup';
      tree.id = `group:${item.index}:${first ? keyOfTarget(first.target) : ''}`;
      tree.accessibilityInformation = {
        label: `Claim in ${item.group.documents} documents${changed ? ', figures or dates differ' : ''}: ${first?.text ?? ''}`,
      };
      return tree;
    }
    const { claim, link } = item;
    const tree = new vscode.TreeItem(claim.doc, vscode.TreeItemCollapsibleState.None);
    const how = link
      ? `${link.kind} ${link.score.toFixed(2)}${link.changes.length > 0 ? ` · ${link.changes.map(describeChange).join(', ')}` : ''}`
      : 'earliest';
    tree.description = `${claim.date ?? 'undated'} · ${how}${claim.status === 'suggested' ? ' · suggestion' : ''}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendText(claim.text);
    tree.tooltip = tip;
    tree.iconPath = new vscode.ThemeIcon(
      link === undefined ? 'star-full' : link.changes.some((c) => c.kind !== 'name') ? 'diff' : 'file-text',
    );
    tree.contextValue = link === undefined ? 'claimVersion.first' : 'claimVersion';
    tree.command = { command: 'marginalia.revealAnnotation', title: 'Show This Version', arguments: [claim.target] };
    tree.accessibilityInformation = { label: `${claim.doc}, ${claim.date ?? 'undated'}, ${how}: ${claim.text}` };
    return tree;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The two claim texts the diff editor compares, as read-only documents of their own. */
class ClaimTexts implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();

  uriFor(claim: MatchedClaim, side: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${claim.doc}`, query: `${side}:${keyOfTarget(claim.target)}` });
    // One sentence per line, so the diff editor lines up the parts of a merged or split claim.
    this.texts.set(uri.toString(), `${claim.text.replace(/\s+/g, ' ').replace(/([.!?]["”’]?) (?=\S)/g, '$1\n')}\n`);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

/** A tree row, a hover link ({from, to}: lookup keys) or nothing (the selected row against the first version). */
async function versionsToCompare(matches: ClaimMatches, arg: unknown): Promise<[MatchedClaim, MatchedClaim] | undefined> {
  const snapshot = await matches.ready();
  const byKey = (key: unknown): MatchedClaim | undefined =>
    typeof key === 'string' ? snapshot.claims.find((c) => keyOfTarget(c.target) === key) : undefined;
  if (typeof arg === 'object' && arg !== null && 'from' in arg && 'to' in arg) {
    const a = byKey((arg as { from: unknown }).from);
    const b = byKey((arg as { to: unknown }).to);
    return a && b ? [a, b] : undefined;
  }
  if (typeof arg === 'object' && arg !== null && (arg as { type?: unknown }).type === 'version') {
    const item = arg as Extract<ClaimMatchItem, { type: 'version' }>;
    return [item.first, item.claim];
  }
  return undefined;
}

export function registerClaimMatchViews(log: vscode.LogOutputChannel, matches: ClaimMatches): vscode.Disposable[] {
  const tree = new ClaimMatchesTreeProvider(matches, log);
  const view = vscode.window.createTreeView('marginalia.claimMatches', { treeDataProvider: tree, showCollapseAll: true });
  matches.watch(view.visible);
  const texts = new ClaimTexts();
  return [
    new vscode.Disposable(() => {
      tree.dispose();
    }),
    view,
    view.onDidChangeVisibility((e) => {
      matches.watch(e.visible);
      // Shown again after changes it did not follow: read them now.
      if (e.visible && matches.isStale) tree.refresh();
    }),
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, texts),
    registerCommand(log, CLAIM_MATCH_COMMANDS.compare, async (arg) => {
      const pair = await versionsToCompare(matches, arg);
      if (!pair) {
        void vscode.window.showInformationMessage(
          'Marginalia: pick a version in the Claims across Documents view, or use the link in a claim’s hover.',
        );
        return;
      }
      const [a, b] = pair;
      await vscode.commands.executeCommand('vscode.diff', texts.uriFor(a, 'a'), texts.uriFor(b, 'b'), `Claim: ${a.doc} ↔ ${b.doc}`, {
        preview: true,
      });
    }),
    registerCommand(log, CLAIM_MATCH_COMMANDS.refresh, async () => {
      await matches.ready();
    }),
  ];
}
