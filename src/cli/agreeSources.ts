// Where `marginalia agree` finds each coder's sidecars: a folder (one coder's copy of the
// documents), the working tree or a git revision of it, each read with its source and
// named by the document's path inside the folder so that coders line up.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { StudyDocument } from '../core/agree/coders';
import { formatSidecarError, SIDECAR_SUFFIX } from '../core/sidecar/format';
import { parseSidecar } from '../core/sidecar/read';
import { readSidecarWithSource } from '../core/store/sidecarRead';
import { describeFsError, type FileProblem } from './files';
import { findSidecars, readListedSidecarWithSource, sourcePathFor } from './sidecarFiles';

const run = promisify(execFile);

/** A path inside `root` as the study names documents: relative, '/'-separated. */
export function studyPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/**
 * The sidecars findSidecars lists for `args` read with their sources (the ones that cannot
 * be read are in `problems`), each document named by its source's path relative to `root`.
 */
export async function readSidecars(
  args: readonly string[],
  root: string,
  problems: FileProblem[],
  report: (line: string) => void,
): Promise<StudyDocument[]> {
  const found = await findSidecars(args);
  problems.push(...found.problems);
  const docs: StudyDocument[] = [];
  for (const file of found.files.sort()) {
    const read = await readListedSidecarWithSource(file, problems, report, {
      withoutSource: 'are not compared without their source',
      invalid: 'invalid sidecar, not compared',
    });
    if (read) docs.push({ path: studyPath(root, read.sourcePath), sidecar: read.sidecar, text: read.sourceText });
  }
  return docs;
}

/** Every sidecar under `folder`, named by its path inside it: two coders' copies line up. */
export async function readFolder(folder: string, problems: FileProblem[], report: (line: string) => void): Promise<StudyDocument[]> {
  return readSidecars([folder], folder, problems, report);
}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run('git', [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const detail = typeof stderr === 'string' && stderr.trim() !== '' ? stderr.trim().split('\n')[0] : describeFsError(error);
    throw new Error(`git ${args.join(' ')} (in ${cwd}): ${detail ?? 'failed'}`, { cause: error });
  }
}

/**
 * The sidecars under `folder` as they were at git revision `ref`, each read with its
 * source at that revision (without it: no text, offsets as stored). Documents are named
 * as readFolder names them in the working tree.
 */
export async function readGitRevision(
  folder: string,
  ref: string,
  problems: FileProblem[],
  report: (line: string) => void,
): Promise<StudyDocument[]> {
  const absolute = path.resolve(folder);
  const top = (await git(absolute, ['rev-parse', '--show-toplevel'])).trim();
  await git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => {
    throw new Error(`'${ref}' is not a revision of the git repository at ${top}`);
  });
  const inRepo = studyPath(top, absolute);
  const listed = await git(top, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', ref, '--', inRepo === '' ? '.' : inRepo]);
  const docs: StudyDocument[] = [];
  for (const file of listed
    .split('\0')
    .filter((f) => f.endsWith(SIDECAR_SUFFIX) && path.posix.basename(f) !== SIDECAR_SUFFIX)
    .sort()) {
    const where = `${ref}:${file}`;
    const yaml = await git(top, ['show', where]);
    const source = sourcePathFor(file);
    const text = await git(top, ['show', `${ref}:${source}`]).catch(() => undefined);
    const name = path.posix.basename(source);
    const docPath = path.posix.relative(inRepo, source);
    if (text === undefined) {
      // Without its source only the stored offsets are left; they are compared as stored.
      const parsed = parseSidecar(yaml, where);
      if (parsed.sidecar === undefined || parsed.errors.length > 0) {
        for (const e of parsed.errors) report(formatSidecarError(e));
        problems.push({ path: where, message: 'invalid sidecar, not compared' });
        continue;
      }
      report(`marginalia: ${where}: its source is not in ${ref}; offsets compared as stored`);
      docs.push({ path: docPath, sidecar: parsed.sidecar });
      continue;
    }
    const read = readSidecarWithSource(yaml, where, text, name);
    if (read.sidecar === undefined || read.errors.length > 0) {
      for (const e of read.errors) report(formatSidecarError(e));
      problems.push({ path: where, message: 'invalid sidecar, not compared' });
      continue;
    }
    docs.push({ path: docPath, sidecar: read.sidecar, text });
  }
  return docs;
}
