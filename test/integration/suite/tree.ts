// Reading the Marginalia views the way VS Code does: through their TreeDataProviders.
import * as vscode from 'vscode';

export type Provider = vscode.TreeDataProvider<unknown>;

export interface Shown {
  node: unknown;
  item: vscode.TreeItem;
}

export async function children(provider: Provider, node?: unknown): Promise<Shown[]> {
  const nodes = (await provider.getChildren(node)) ?? [];
  return Promise.all(nodes.map(async (n) => ({ node: n, item: await provider.getTreeItem(n) })));
}

/** The root item of a document, by its path relative to the workspace folder. */
export async function fileNode(provider: Provider, relative: string): Promise<Shown | undefined> {
  return (await children(provider)).find((c) => c.item.resourceUri?.path.endsWith(`/${relative}`));
}

/** Every annotation or suggestion item below a document's item, through its groups. */
export async function leaves(provider: Provider, file: Shown): Promise<Shown[]> {
  const out: Shown[] = [];
  for (const group of await children(provider, file.node)) {
    if (group.item.collapsibleState === vscode.TreeItemCollapsibleState.None) continue;
    out.push(...(await children(provider, group.node)));
  }
  return out;
}

/** The annotation ids of annotation items (`…#a:ID`), sorted. */
export function annotationIds(items: readonly Shown[]): string[] {
  return items.flatMap((s) => /#a:(.+)$/.exec(s.item.id ?? '')?.[1] ?? []).sort();
}

export function label(item: vscode.TreeItem): string {
  const l = item.label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}
