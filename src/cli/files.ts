// Node file access for the CLI: which files a PATH argument names, and reading a
// source as the editor shows it.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SKIPPED_FOLDERS } from '../core/util/skippedFolders';

/** Extensions of the documents Marginalia annotates when it walks a directory. */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md', '.markdown']);

export interface FileProblem {
  path: string;
  message: string;
}

/** Every file below `dir` whose name `accept`s, in name order, leaving out core's SKIPPED_FOLDERS (VCS, dependencies). */
export async function walkFiles(dir: string, accept: (name: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) out.push(...(await walkFiles(full, accept)));
    } else if (entry.isFile() && accept(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

/** Files named by the arguments: files as given, directories walked for text and Markdown documents. */
export async function collectDocuments(args: readonly string[]): Promise<{ files: string[]; problems: FileProblem[] }> {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  for (const arg of args) {
    try {
      const stat = await fs.stat(arg);
      if (stat.isDirectory()) files.push(...(await walkFiles(arg, (name) => DOCUMENT_EXTENSIONS.has(path.extname(name).toLowerCase()))));
      else files.push(arg);
    } catch (error) {
      problems.push({ path: arg, message: describeFsError(error) });
    }
  }
  return { files, problems };
}

/** `NAME.txt` with `NAME.ann` beside it: a document copy in a brat export, Marginalia's own output. */
export async function isBratCopy(file: string): Promise<boolean> {
  if (path.extname(file).toLowerCase() !== '.txt') return false;
  try {
    await fs.stat(file.slice(0, -4) + '.ann');
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * A source document's text as an editor shows it: UTF-8, without a byte-order mark.
 * Offsets everywhere in Marginalia count from the first character after the BOM.
 */
export async function readDocument(file: string): Promise<string> {
  const bytes = await fs.readFile(file);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function describeFsError(error: unknown): string {
  if (error instanceof TypeError && /encoded data was not valid/i.test(error.message)) return 'not valid UTF-8 text';
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
