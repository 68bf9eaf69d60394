// Reading what an export needs from disk: each sidecar named by the arguments with its
// source, reconciled in memory with the source as it is now (nothing is written), and
// named relative to the folder all the sources share. A "source" that is one of
// Marginalia's own exports (a report saved in the corpus and annotated by mistake) is
// not a source: it is left out and said so.

import * as path from 'node:path';
import { recogniseExport } from '../core/export/recognise';
import type { ExportDocument } from '../core/export/types';
import type { FileProblem } from './files';
import { findSidecars, readListedSidecarWithSource } from './sidecarFiles';
import { pathToFileURL } from 'node:url';

/** The deepest folder holding every one of the absolute paths. */
export function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return process.cwd();
  let parts = path.dirname(paths[0] as string).split(path.sep);
  for (const p of paths.slice(1)) {
    const other = path.dirname(p).split(path.sep);
    let n = 0;
    while (n < parts.length && n < other.length && parts[n] === other[n]) n++;
    parts = parts.slice(0, n);
  }
  return parts.join(path.sep) || path.sep;
}

export interface LoadedDocuments {
  documents: ExportDocument[];
  /** Absolute path of each document, by its export path. */
  absolute: Map<string, string>;
  root: string;
  /** Sources named that have no sidecar: nothing to export for them. */
  withoutSidecar: string[];
  problems: FileProblem[];
}

export async function loadDocuments(args: readonly string[], report: (line: string) => void): Promise<LoadedDocuments> {
  const { files, withoutSidecar, problems } = await findSidecars(args);
  const loaded: { abs: string; text: string; doc: Omit<ExportDocument, 'path'> }[] = [];
  for (const file of files) {
    const read = await readListedSidecarWithSource(file, problems, report, {
      withoutSource: 'are not exported without their source',
      invalid: 'invalid sidecar, not exported',
    });
    if (read === undefined) continue;
    const text = read.sourceText;
    const own = recogniseExport(read.sourcePath, text);
    if (own !== undefined) {
      report(`marginalia: ${read.sourcePath}: a Marginalia export (${own}), not a source; its annotations are not exported`);
      continue;
    }
    const { sidecar } = read;
    const abs = path.resolve(read.sourcePath);
    loaded.push({ abs, text, doc: { text, sidecar, uri: pathToFileURL(abs).href } });
  }
  const root = commonFolder(loaded.map((l) => l.abs));
  const absolute = new Map<string, string>();
  const documents = loaded.map((l) => {
    const rel = path.relative(root, l.abs).split(path.sep).join('/');
    absolute.set(rel, l.abs);
    return { path: rel, ...l.doc };
  });
  return { documents, absolute, root, withoutSidecar, problems };
}
