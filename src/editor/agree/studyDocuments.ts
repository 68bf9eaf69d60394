// Each coder's sidecars as Compare Annotations With… reads them, through workspace.fs
// (so a folder on vscode.dev works too) or a git revision: every sidecar under a folder,
// read with its source and brought up to date with it, named by its source's path inside
// the folder so that coders line up.
import * as vscode from 'vscode';
import type { StudyDocument } from '../../core/agree/coders';
import { formatSidecarError, SIDECAR_SUFFIX } from '../../core/sidecar/format';
import { parseSidecar } from '../../core/sidecar/read';
import { readSidecarWithSource } from '../../core/store/sidecarRead';
import { SKIPPED_FOLDERS } from '../../core/util/skippedFolders';
import { baseName, readSourceText, sourceOfSidecar } from '../files';
import type { GitRevision } from './gitRevision';

/** What kept a sidecar out of the study, said so a person can find it. */
export interface StudyProblem {
  file: string;
  message: string;
}

/** Every sidecar under `root` (dependency and version-control folders skipped), in path order. */
export async function sidecarsUnder(root: vscode.Uri): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  const walk = async (dir: vscode.Uri): Promise<void> => {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      const uri = vscode.Uri.joinPath(dir, name);
      if ((type & vscode.FileType.Directory) !== 0) {
        if (!SKIPPED_FOLDERS.has(name) && (type & vscode.FileType.SymbolicLink) === 0) await walk(uri);
      } else if (name.endsWith(SIDECAR_SUFFIX) && name !== SIDECAR_SUFFIX) found.push(uri);
    }
  };
  await walk(root);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** The document's name in the study: its path under the root, '/'-separated. */
export function studyPathOf(root: vscode.Uri, file: vscode.Uri): string {
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return file.path.startsWith(base) ? file.path.slice(base.length) : file.path;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const decoder = new TextDecoder('utf-8');

/** The sidecars under `root` read from disk with their sources (as the record stands, not as open editors hold it). */
export async function folderDocuments(root: vscode.Uri, problems: StudyProblem[]): Promise<StudyDocument[]> {
  const docs: StudyDocument[] = [];
  for (const sidecar of await sidecarsUnder(root)) {
    const source = sourceOfSidecar(sidecar);
    if (!source) continue;
    const where = vscode.workspace.asRelativePath(sidecar);
    let yaml: string;
    let text: string;
    try {
      yaml = decoder.decode(await vscode.workspace.fs.readFile(sidecar));
      text = await readSourceText(source);
    } catch (error) {
      problems.push({ file: where, message: `not compared: ${describe(error)}` });
      continue;
    }
    const read = readSidecarWithSource(yaml, where, text, baseName(source));
    if (read.sidecar === undefined || read.errors.length > 0) {
      problems.push({ file: where, message: `invalid sidecar, not compared: ${read.errors.map(formatSidecarError).join('; ')}` });
      continue;
    }
    docs.push({ path: studyPathOf(root, source), sidecar: read.sidecar, text });
  }
  return docs;
}

/**
 * The sidecars under `root` as they were at a git revision, each with its source at that
 * revision. Listed from the working tree: a sidecar deleted since the revision is not seen.
 */
export async function revisionDocuments(root: vscode.Uri, revision: GitRevision, problems: StudyProblem[]): Promise<StudyDocument[]> {
  const docs: StudyDocument[] = [];
  for (const sidecar of await sidecarsUnder(root)) {
    const source = sourceOfSidecar(sidecar);
    if (!source) continue;
    const where = `${revision.ref}:${vscode.workspace.asRelativePath(sidecar)}`;
    const yaml = await revision.read(sidecar);
    if (yaml === undefined) continue;
    const text = await revision.read(source);
    if (text === undefined) {
      const parsed = parseSidecar(yaml, where);
      if (parsed.sidecar === undefined || parsed.errors.length > 0) {
        problems.push({ file: where, message: `invalid sidecar, not compared: ${parsed.errors.map(formatSidecarError).join('; ')}` });
        continue;
      }
      problems.push({ file: where, message: `its source is not in ${revision.ref}; offsets compared as stored` });
      docs.push({ path: studyPathOf(root, source), sidecar: parsed.sidecar });
      continue;
    }
    const plain = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const read = readSidecarWithSource(yaml, where, plain, baseName(source));
    if (read.sidecar === undefined || read.errors.length > 0) {
      problems.push({ file: where, message: `invalid sidecar, not compared: ${read.errors.map(formatSidecarError).join('; ')}` });
      continue;
    }
    docs.push({ path: studyPathOf(root, source), sidecar: read.sidecar, text: plain });
  }
  return docs;
}
