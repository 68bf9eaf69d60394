// Reading what an export needs from disk: each sidecar named by the arguments with its
// source, reconciled in memory with the source as it is now (nothing is written), and
// named relative to the folder all the sources share. A "source" that is one of
// Marginalia's own exports (a report saved in the corpus and annotated by mistake) is
// not a source: it is left out and said so.

import * as path from 'node:path';
import { checkedOriginal, originalPdfPath } from '../core/export/originals';
import type { ExportDocument } from '../core/export/types';
import type { FileProblem } from './files';
import { mapInOrder } from './inOrder';
import { findSidecars } from './sidecarFiles';
import { runExportRead, startPool } from './tasks';
import { pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';

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

/**
 * The documents of the sidecars named by `args`, in the order findSidecars lists them.
 * With `jobs` above 1 and more than one sidecar, they are read in worker threads (the
 * reading, checking and re-anchoring is most of an export's work); what is reported, and
 * the documents, are the same as when read one by one.
 */
export async function loadDocuments(
  args: readonly string[],
  report: (line: string) => void,
  options: { jobs?: number } = {},
): Promise<LoadedDocuments> {
  const { files, withoutSidecar, problems } = await findSidecars(args);
  const jobs = Math.min(options.jobs ?? 1, files.length);
  const pool = jobs > 1 ? startPool(jobs, {}) : undefined;
  const loaded: { abs: string; text: string; doc: Omit<ExportDocument, 'path'> }[] = [];
  try {
    const reads = mapInOrder(files, (file) => runExportRead(pool, file), { window: pool === undefined ? 1 : jobs * 4 });
    for await (const read of reads) {
      for (const line of read.report) report(line);
      problems.push(...read.problems);
      if (read.loaded === undefined) continue;
      const { text, sidecar } = read.loaded;
      const abs = path.resolve(read.loaded.sourcePath);
      loaded.push({ abs, text, doc: { text, sidecar, uri: pathToFileURL(abs).href } });
    }
  } finally {
    await pool?.close();
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

/**
 * Gives each document made from a PDF the PDF's bytes (for REFI-QDA), when the file is
 * still the one its text was made from; says why not otherwise.
 */
export async function attachOriginalPdfs(loaded: LoadedDocuments, report: (line: string) => void): Promise<void> {
  for (const doc of loaded.documents) {
    const original = originalPdfPath(doc.sidecar.source);
    const abs = loaded.absolute.get(doc.path);
    if (original === undefined || abs === undefined) continue;
    const file = path.resolve(path.dirname(abs), original);
    const bytes = await readFile(file).then(
      (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
      () => undefined,
    );
    const checked = checkedOriginal(doc.sidecar.source, bytes);
    if (typeof checked === 'string') report(`marginalia: ${doc.path}: ${checked}`);
    else doc.originalPdf = checked;
  }
}
