// The few things of VS Code's built-in Git extension that Compare Annotations With… uses:
// a file's text at a revision, and a URI that opens that version. Typed here, narrowly,
// because the extension's own git.d.ts is not a package; absent in the web-worker host
// (vscode.dev has no git), where the choice is not offered.
import * as vscode from 'vscode';

interface GitRepository {
  readonly rootUri: vscode.Uri;
  show(ref: string, path: string): Promise<string>;
}

interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
}

interface GitExtensionExports {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** A git revision of the repository that holds a folder. */
export interface GitRevision {
  readonly ref: string;
  /** The file's text at the revision, or undefined when it is not in it. */
  read(file: vscode.Uri): Promise<string | undefined>;
  /** A URI that opens the file as it is at the revision (read-only). */
  uriOf(file: vscode.Uri): vscode.Uri;
}

async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  return exports.enabled ? exports.getAPI(1) : undefined;
}

/** Whether the folder is in a git repository VS Code's Git extension has open. */
export async function hasGitRepository(folder: vscode.Uri): Promise<boolean> {
  if (folder.scheme !== 'file') return false;
  try {
    return (await gitApi())?.getRepository(folder) != null;
  } catch {
    // The Git extension is disabled or failed to start: the git choice is simply not offered.
    return false;
  }
}

/** The revision `ref` of the repository that holds `folder`; throws with a message a person can act on. */
export async function gitRevision(folder: vscode.Uri, ref: string): Promise<GitRevision> {
  const api = await gitApi();
  if (!api) throw new Error("VS Code's Git extension is not available: compare with a folder or an author instead");
  const repository = api.getRepository(folder);
  if (!repository) throw new Error(`${folder.fsPath} is not in a git repository that VS Code has open`);
  return {
    ref,
    read: async (file) => {
      try {
        return await repository.show(ref, file.fsPath);
      } catch (error) {
        // `git show` fails alike for a file the revision lacks and a revision that does not exist; the caller tells them apart.
        const message = error instanceof Error ? error.message : String(error);
        const stderr = (error as { stderr?: unknown }).stderr;
        const detail = `${message} ${typeof stderr === 'string' ? stderr : ''}`;
        if (/does not exist in|exists on disk, but not in|path .* does not exist|fatal: path/i.test(detail)) return undefined;
        throw new Error(`git show ${ref}:${vscode.workspace.asRelativePath(file)} failed: ${detail.trim().split('\n')[0] ?? ''}`, {
          cause: error,
        });
      }
    },
    uriOf: (file) => api.toGitUri(file, ref),
  };
}
