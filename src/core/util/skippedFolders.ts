// Folders no researcher's sources live in: version control, dependencies, VS Code test
// downloads. The CLI's walk and the editor's Scan Workspace both leave them out, even
// where files.exclude or .gitignore does not.

export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);

/** Whether a path (`/` or `\` separated) runs through one of the skipped folders. */
export function inSkippedFolder(path: string): boolean {
  return path.split(/[/\\]/).some((segment) => SKIPPED_FOLDERS.has(segment));
}
