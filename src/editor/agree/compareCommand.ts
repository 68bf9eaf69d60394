// The command that starts an agreement study: whose annotations (a workspace folder, or
// the Explorer folder it was run on) against what (another folder, a git revision, or
// another author in the same sidecars). Tests pass the choices as an argument; a person
// picks them.
import * as vscode from 'vscode';
import { authorsIn, type CodingFilter } from '../../core/agree/coders';
import { registerCommand } from '../commands';
import { baseName } from '../files';
import { AgreementPanel, type Study, type StudySide } from './agreementPanel';
import { gitRevision, hasGitRepository } from './gitRevision';
import { folderDocuments, revisionDocuments, studyPathOf, type StudyProblem } from './studyDocuments';

export const COMPARE_COMMANDS = {
  compare: 'marginalia.compareAnnotations',
  /** The same from a folder's context menu in the Explorer: that folder's annotations. */
  compareFolder: 'marginalia.compareFolderAnnotations',
} as const;

/** What the command may be given instead of asking (integration tests, other extensions). */
export interface CompareRequest {
  /** Whose annotations: a folder (default: the workspace folder, picked when there are several). */
  folder?: vscode.Uri;
  with?: { folder: vscode.Uri } | { ref: string } | { authors: string[] };
  includeSuggestions?: boolean;
}

function isRequest(arg: unknown): arg is CompareRequest {
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) && ('with' in arg || 'folder' in arg);
}

async function pickWorkspaceFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Whose annotations: the folder to compare' }))?.uri;
}

/** A folder as the report names its coder: its path in the workspace, or its own name when it is outside (or is a workspace folder). */
function nameOf(folder: vscode.Uri): string {
  const relative = vscode.workspace.asRelativePath(folder, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  return relative === '' || relative === folder.fsPath || relative === folder.path ? baseName(folder) : relative;
}

function folderSide(folder: vscode.Uri, docs: StudySide['docs'], name = nameOf(folder)): StudySide {
  return { name, docs, uriOf: (path) => vscode.Uri.joinPath(folder, ...path.split('/')) };
}

/** Whether `inner` is `outer` or inside it. */
function nested(outer: vscode.Uri, inner: vscode.Uri): boolean {
  return (
    outer.scheme === inner.scheme &&
    outer.authority === inner.authority &&
    (inner.path === outer.path || studyPathOf(outer, inner) !== inner.path)
  );
}

function lines(problems: StudyProblem[]): string[] {
  return problems.map((p) => `${p.file}: ${p.message}`);
}

/** Reads what the request names into a study, with progress: a corpus can take a while. */
async function buildStudy(folder: vscode.Uri, other: NonNullable<CompareRequest['with']>): Promise<Study> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Marginalia: reading both sets of annotations…' },
    async () => {
      const problems: StudyProblem[] = [];
      if ('folder' in other) {
        const mine = await folderDocuments(folder, problems);
        const theirs = await folderDocuments(other.folder, problems);
        let [a, b] = [nameOf(folder), nameOf(other.folder)];
        if (a === b) [a, b] = [folder.fsPath || folder.path, other.folder.fsPath || other.folder.path];
        return {
          kind: 'sides',
          title: `${a} × ${b}`,
          sides: [folderSide(folder, mine, a), folderSide(other.folder, theirs, b)],
          problems: lines(problems),
        };
      }
      if ('ref' in other) {
        const revision = await gitRevision(folder, other.ref);
        const mine = await folderDocuments(folder, problems);
        const theirs = await revisionDocuments(folder, revision, problems);
        const side: StudySide = {
          name: other.ref,
          docs: theirs,
          uriOf: (path) => revision.uriOf(vscode.Uri.joinPath(folder, ...path.split('/'))),
        };
        return {
          kind: 'sides',
          title: `working tree × ${other.ref}`,
          sides: [folderSide(folder, mine, 'working tree'), side],
          problems: lines(problems),
        };
      }
      const docs = await folderDocuments(folder, problems);
      return { kind: 'authors', title: other.authors.join(' × '), authors: other.authors, root: folder, docs, problems: lines(problems) };
    },
  );
}

async function pickOther(folder: vscode.Uri): Promise<CompareRequest['with']> {
  type Choice = vscode.QuickPickItem & { id: 'folder' | 'ref' | 'authors' };
  const choices: Choice[] = [
    { id: 'folder', label: '$(folder) Another folder…', detail: "A second coder's copy of the same documents and their sidecars" },
    ...((await hasGitRepository(folder))
      ? [
          {
            id: 'ref' as const,
            label: '$(git-commit) A git revision…',
            detail: 'The same sidecars as they were at a commit, branch or tag',
          },
        ]
      : []),
    {
      id: 'authors',
      label: '$(person) Authors in these sidecars…',
      detail: 'Coders who share the sidecars, told apart by who made or accepted each annotation',
    },
  ];
  const choice = await vscode.window.showQuickPick(choices, {
    title: `Compare the annotations of ${nameOf(folder)} with…`,
    placeHolder: 'What to compare with',
  });
  if (!choice) return undefined;
  if (choice.id === 'folder') {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: 'Compare With',
      title: "The other coder's folder",
    });
    return picked?.[0] ? { folder: picked[0] } : undefined;
  }
  if (choice.id === 'ref') {
    const ref = await vscode.window.showInputBox({
      title: 'Compare with a git revision',
      prompt: 'A commit, branch or tag: the annotations as they were there are compared with the working tree',
      value: 'HEAD',
      validateInput: (v) => (/^\S+$/.test(v.trim()) ? undefined : 'A revision such as HEAD, HEAD~1, main or a commit hash'),
    });
    return ref ? { ref: ref.trim() } : undefined;
  }
  const problems: StudyProblem[] = [];
  const docs = await folderDocuments(folder, problems);
  const authors = authorsIn(docs.map((d) => d.sidecar));
  if (authors.length < 2) {
    void vscode.window.showInformationMessage(
      `Marginalia: the sidecars of ${nameOf(folder)} name ${authors.length === 0 ? 'no author or reviewer' : `only ${authors[0]?.name ?? ''}`}; comparing authors needs two.`,
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    authors.map((a, i) => ({ label: a.name, description: `${a.annotations} annotations`, picked: i < 2 })),
    { canPickMany: true, title: 'Compare which authors?', placeHolder: 'Two or more coders' },
  );
  if (!picked) return undefined;
  if (picked.length < 2) {
    void vscode.window.showInformationMessage('Marginalia: pick two authors or more to compare.');
    return undefined;
  }
  return { authors: picked.map((p) => p.label) };
}

export function registerCompareCommands(log: vscode.LogOutputChannel, panel: AgreementPanel): vscode.Disposable[] {
  const compare = async (arg: unknown): Promise<undefined> => {
    const request: CompareRequest = isRequest(arg) ? arg : arg instanceof vscode.Uri ? { folder: arg } : {};
    const folder = request.folder ?? (await pickWorkspaceFolder());
    if (!folder) {
      void vscode.window.showInformationMessage('Marginalia: open a folder of annotated documents to compare annotations.');
      return undefined;
    }
    const other = request.with ?? (await pickOther(folder));
    if (!other) return undefined;
    if ('folder' in other && (nested(folder, other.folder) || nested(other.folder, folder))) {
      throw new Error(`${nameOf(folder)} and ${nameOf(other.folder)} overlap: pick two separate folders, one per coder`);
    }
    const study = await buildStudy(folder, other);
    const filter: CodingFilter = request.includeSuggestions === true ? { includeSuggestions: true } : {};
    for (const p of study.problems) log.warn(`Compare annotations: ${p}`);
    panel.show(study, filter);
    return undefined;
  };
  return [registerCommand(log, COMPARE_COMMANDS.compare, compare), registerCommand(log, COMPARE_COMMANDS.compareFolder, compare)];
}
