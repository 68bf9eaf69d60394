import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../core/sidecar/format';
import { inSkippedFolder } from '../core/util/skippedFolders';

/**
 * File extensions of the languages VS Code itself ships, for the ones researchers write in.
 * Plaintext is built in for `.txt`; `.text` opens as plain text because nothing claims
 * it, and the CLI reads it too. The others come from VS Code's built-in language
 * extensions: in the Node extension host `vscode.extensions.all` lists them (and any other
 * extension's languages), but in the web-worker host (vscode.dev) it lists only the web
 * extensions, so without this table a Markdown file would not be found there.
 */
const BUILT_IN: Record<string, readonly string[]> = {
  plaintext: ['.txt', '.text'],
  markdown: ['.md', '.mkd', '.mdwn', '.mdown', '.markdown', '.markdn', '.mdtxt', '.mdtext', '.workbook'],
  latex: ['.tex', '.ltx', '.ctx'],
  bibtex: ['.bib'],
  html: ['.html', '.htm', '.shtml', '.xhtml', '.xht'],
  restructuredtext: ['.rst'],
};

interface LanguageContribution {
  id?: unknown;
  extensions?: unknown;
  filenames?: unknown;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

/**
 * Which language a file opens in, from its name alone, the way VS Code decides before the
 * file is opened: `files.associations` (`*.ext` and plain file names; other globs are
 * not understood here), then the extensions' language contributions, then the built-in
 * ones. Opening every file to ask would start a session for each.
 */
export class LanguageByName {
  private readonly byExtension = new Map<string, string>();
  private readonly byFileName = new Map<string, string>();

  constructor(scope: vscode.ConfigurationScope | undefined) {
    for (const [language, extensions] of Object.entries(BUILT_IN)) for (const e of extensions) this.byExtension.set(e, language);
    for (const extension of vscode.extensions.all) {
      const languages = (extension.packageJSON as { contributes?: { languages?: unknown } }).contributes?.languages;
      if (!Array.isArray(languages)) continue;
      for (const l of languages as LanguageContribution[]) {
        if (typeof l.id !== 'string') continue;
        for (const e of strings(l.extensions)) this.byExtension.set(e.toLowerCase(), l.id);
        for (const f of strings(l.filenames)) this.byFileName.set(f, l.id);
      }
    }
    const associations = vscode.workspace.getConfiguration('files', scope).get<Record<string, string>>('associations', {});
    for (const [pattern, language] of Object.entries(associations)) {
      if (typeof language !== 'string') continue;
      const ext = /^\*(\.[^*?/[\]{}]+)$/.exec(pattern)?.[1];
      if (ext) this.byExtension.set(ext.toLowerCase(), language);
      else if (!/[*?/[\]{}]/.test(pattern)) this.byFileName.set(pattern, language);
    }
  }

  languageOf(uri: vscode.Uri): string | undefined {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const named = this.byFileName.get(name);
    if (named) return named;
    // The longest extension first: `.annotations.yaml` before `.yaml`.
    for (let dot = name.indexOf('.', 1); dot > 0; dot = name.indexOf('.', dot + 1)) {
      const language = this.byExtension.get(name.slice(dot).toLowerCase());
      if (language) return language;
    }
    return undefined;
  }

  /** A glob for findFiles matching the names of these languages' files (undefined when there are none). */
  glob(languages: readonly string[]): string | undefined {
    const wanted = new Set(languages);
    const parts = [
      ...[...this.byExtension].filter(([, l]) => wanted.has(l)).map(([e]) => `**/*${e}`),
      ...[...this.byFileName].filter(([, l]) => wanted.has(l)).map(([f]) => `**/${f}`),
    ].filter((p) => !/[{},]/.test(p));
    return parts.length === 0 ? undefined : `{${parts.join(',')}}`;
  }
}

/**
 * The documents of the given folders in the given languages (files.exclude honoured,
 * dependency and VCS folders skipped, sidecars never), each with its language, in path
 * order. `within` narrows to one folder or file of the workspace.
 */
export async function findDocuments(
  languagesOf: (folder: vscode.Uri) => readonly string[],
  within: vscode.Uri | undefined,
  token: vscode.CancellationToken,
): Promise<{ uri: vscode.Uri; languageId: string }[]> {
  const roots = within ? [within] : (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
  const found = new Map<string, { uri: vscode.Uri; languageId: string }>();
  for (const root of roots) {
    const names = new LanguageByName(root);
    const languages = languagesOf(root);
    const isFile = within !== undefined && ((await vscode.workspace.fs.stat(root)).type & vscode.FileType.Directory) === 0;
    const glob = names.glob(languages);
    const uris = isFile
      ? [root]
      : glob === undefined
        ? []
        : await vscode.workspace.findFiles(new vscode.RelativePattern(root, glob), undefined, undefined, token);
    for (const uri of uris) {
      // Only the folders below the scanned one count: a workspace may itself live in, say, a
      // .vscode-test folder.
      if (uri.path.endsWith(SIDECAR_SUFFIX) || inSkippedFolder(uri.path.slice(root.path.length))) continue;
      const languageId = names.languageOf(uri);
      // A nested workspace folder lists its files twice.
      if (languageId !== undefined && languages.includes(languageId)) found.set(uri.toString(), { uri, languageId });
    }
  }
  return [...found.values()].sort((a, b) => a.uri.path.localeCompare(b.uri.path));
}
