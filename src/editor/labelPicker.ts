import * as vscode from 'vscode';
import { shortName, type Catalog } from '../core/catalog/types';
import { CLAIM_TYPES, KINDS } from '../core/model';
import { isDateValue, placeLabel, type PlacedLabel } from '../core/store/labels';

interface Choice extends vscode.QuickPickItem {
  placed: PlacedLabel;
}

const CLAIM_HINTS: Record<string, string> = {
  commitment: 'promises or plans something: "we will…", "by 2025"',
  assertion: 'states that something is so',
  denial: 'states that something is not so',
  comparison: 'ranks or compares: "first", "more than", "industry-leading"',
};

/**
 * The kind step of annotating: a built-in kind (the one Marginalia reads there first, when
 * it reads one) or a code from the user's codebook, typed.
 */
export async function pickKind(title: string, placeHolder: string, first?: string): Promise<string | undefined> {
  const kinds = first === undefined ? KINDS : [first, ...KINDS.filter((k) => k !== first)];
  const picked = await vscode.window.showQuickPick(
    [
      ...kinds.map((k): vscode.QuickPickItem => ({
        label: k,
        description: k === first ? 'as Marginalia reads the selection' : 'built-in kind',
      })),
      { label: 'code…', description: 'a label from your own codebook' },
    ],
    { title, placeHolder, ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  if (picked.label !== 'code…') return picked.label;
  const code = await vscode.window.showInputBox({
    title: `${title.replace(/\s*\(\d\/\d\).*$/, '')}: code`,
    prompt: 'A kind from your codebook (one word or phrase, on one line)',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'A code cannot be empty' : /[\r\n]/.test(v) ? 'One line only' : undefined),
  });
  return code === undefined ? undefined : code.trim();
}

/**
 * The label step of Annotate Selection, shaped by the kind: a claim's type and a date's
 * value are picked or typed in a form the sidecar accepts, a control is picked from the
 * catalog or typed as a control ID, a codebook kind takes any code. Text that does not fit
 * the kind's label is offered as a tag, so what a person types is kept, never refused and
 * never written where it would make the file invalid.
 */
export async function pickLabel(
  kind: string,
  options: { title: string; catalog: Catalog; suggested?: string },
): Promise<PlacedLabel | undefined> {
  const base = baseChoices(kind, options.catalog, options.suggested);
  const qp = vscode.window.createQuickPick<Choice>();
  qp.title = options.title;
  qp.placeholder = placeholder(kind);
  qp.matchOnDescription = true;
  qp.ignoreFocusOut = true;
  qp.items = base;
  const typed = (value: string): void => {
    const t = value.trim();
    const exact = base.some((c) => c.placed.label !== undefined && c.placed.label.toLowerCase() === t.toLowerCase());
    if (t === '' || exact) {
      qp.items = base;
      return;
    }
    const placed = placeLabel(kind, t);
    const item: Choice =
      placed.label !== undefined
        ? {
            label: `$(edit) ${t}`,
            description: kind === 'control' ? 'control ID or catalog id' : kind === 'date' ? 'date value' : 'code',
            placed,
            alwaysShow: true,
          }
        : { label: `$(tag) Tag “${t}”`, description: `kept as a tag: ${placed.why ?? ''}`, placed, alwaysShow: true };
    qp.items = [item, ...base];
  };
  return new Promise<PlacedLabel | undefined>((resolve) => {
    let done = false;
    const finish = (value: PlacedLabel | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
    };
    qp.onDidChangeValue(typed);
    qp.onDidAccept(() => {
      const [picked] = qp.selectedItems;
      if (picked) finish(picked.placed);
      else if (qp.value.trim() === '') finish({});
    });
    qp.onDidHide(() => {
      finish(undefined);
    });
    qp.show();
  });
}

function placeholder(kind: string): string {
  switch (kind) {
    case 'claim':
      return "The claim's type; anything else you type is kept as a tag";
    case 'date':
      return "The date's ISO 8601 value (2020, 2021-09, 2020-06-10); anything else is kept as a tag";
    case 'control':
      return 'A standard, law or programme from the catalog, or type a control ID such as AC-2(1)';
    default:
      return 'The code from your codebook (optional)';
  }
}

function baseChoices(kind: string, catalog: Catalog, suggested: string | undefined): Choice[] {
  const none: Choice = { label: '$(circle-slash) No label', description: 'leave it empty', placed: {} };
  switch (kind) {
    case 'claim':
      return [
        ...CLAIM_TYPES.map((t): Choice => ({ label: t, description: CLAIM_HINTS[t] ?? '', placed: { label: t }, picked: t === suggested })),
        none,
      ];
    case 'date': {
      const detected: Choice[] =
        suggested !== undefined && isDateValue(suggested)
          ? [{ label: suggested, description: 'as Marginalia reads the selection', placed: { label: suggested } }]
          : [];
      return [...detected, none];
    }
    case 'control':
      return [
        ...(suggested !== undefined
          ? [{ label: suggested, description: 'as Marginalia reads the selection', placed: { label: suggested } }]
          : []),
        ...catalog.entries.map((e): Choice => ({
          label: shortName(e) ?? e.id,
          description: e.id,
          detail: e.title,
          placed: { label: e.id },
        })),
        none,
      ];
    default:
      return [none];
  }
}
