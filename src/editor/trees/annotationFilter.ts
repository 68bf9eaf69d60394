import * as vscode from 'vscode';
import {
  describeFilter,
  FILTER_STATUSES,
  isFilterActive,
  NO_FILTER,
  parseFilter,
  type AnnotationFilter,
  type FilterStatus,
} from '../../core/store/filter';
import { registerCommand } from '../commands';
import type { AnnotationsTreeProvider } from './annotationsTree';

export const FILTER_COMMANDS = {
  filter: 'marginalia.filterAnnotations',
  clear: 'marginalia.clearAnnotationFilter',
} as const;

/** True while a filter is active: shows the Clear button and the "nothing matches" welcome text. */
export const FILTER_ACTIVE_CONTEXT = 'marginalia.annotationFilterActive';

const STATUS_ICONS: Record<FilterStatus, string> = {
  open: '$(circle-large-outline)',
  verified: '$(pass)',
  disputed: '$(warning)',
  dismissed: '$(circle-slash)',
  suggested: '$(lightbulb)',
};

type Choice = vscode.QuickPickItem &
  ({ kind?: undefined; field: 'kinds' | 'statuses'; value: string } | { kind: vscode.QuickPickItemKind.Separator });

/**
 * `Filter Annotations…` (kinds and statuses in one multi-select list, then the text) and
 * `Clear Annotation Filter`. With an object argument (`{kinds, statuses, text}`, from a
 * keybinding or another extension) the filter applies without asking.
 */
export function registerAnnotationFilter(
  log: vscode.LogOutputChannel,
  tree: AnnotationsTreeProvider,
  view: vscode.TreeView<unknown>,
): vscode.Disposable[] {
  const apply = async (filter: AnnotationFilter): Promise<AnnotationFilter> => {
    tree.filter = filter;
    const active = isFilterActive(filter);
    view.description = active ? describeFilter(filter) : undefined;
    await vscode.commands.executeCommand('setContext', FILTER_ACTIVE_CONTEXT, active);
    log.info(active ? `Annotations view filtered: ${describeFilter(filter)}` : 'Annotations view: filter cleared');
    return filter;
  };
  return [
    registerCommand(log, FILTER_COMMANDS.filter, async (arg) => {
      if (arg !== undefined) return apply(parseFilter(arg));
      const chosen = await ask(tree);
      return chosen === undefined ? undefined : apply(chosen);
    }),
    registerCommand(log, FILTER_COMMANDS.clear, () => apply(NO_FILTER)),
  ];
}

/** The two steps; undefined when the user cancels either, leaving the filter as it was. */
async function ask(tree: AnnotationsTreeProvider): Promise<AnnotationFilter | undefined> {
  const current = tree.filter;
  const choices: Choice[] = [
    { label: 'Kinds', kind: vscode.QuickPickItemKind.Separator },
    ...(await tree.kinds()).map((k): Choice => ({ label: k, field: 'kinds', value: k, picked: current.kinds.includes(k) })),
    { label: 'Statuses', kind: vscode.QuickPickItemKind.Separator },
    ...FILTER_STATUSES.map((s): Choice => ({
      label: `${STATUS_ICONS[s]} ${s}`,
      field: 'statuses',
      value: s,
      picked: current.statuses.includes(s),
      ...(s === 'dismissed' ? { description: 'hidden unless picked' } : {}),
    })),
  ];
  const picked = await vscode.window.showQuickPick(choices, {
    title: 'Filter Annotations (1/2): kinds and statuses',
    placeHolder: 'Pick what to show; pick none of a group to show all of it (dismissed stays hidden)',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (picked === undefined) return undefined;
  const text = await vscode.window.showInputBox({
    title: 'Filter Annotations (2/2): text',
    prompt: 'Words the quote, label, note, speaker or a tag contains (empty: any text)',
    value: current.text,
    ignoreFocusOut: true,
  });
  if (text === undefined) return undefined;
  const values = (field: 'kinds' | 'statuses'): string[] =>
    picked.flatMap((c) => (c.kind === undefined && c.field === field ? [c.value] : []));
  return { kinds: values('kinds'), statuses: values('statuses') as FilterStatus[], text };
}
