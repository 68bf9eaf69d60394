// The reading half of `marginalia export` for one sidecar: the sidecar, its source, and
// the one brought up to date with the other in memory. A task of its own so that a
// corpus is read in worker threads (tasks.ts); it returns plain data.
import { recogniseExport } from '../core/export/recognise';
import type { Sidecar } from '../core/sidecar/format';
import type { FileProblem } from './files';
import { readListedSidecarWithSource } from './sidecarFiles';

/** What reading one sidecar for an export gives: the document, or the problems and messages that kept it out. */
export interface ExportReadOutcome {
  /** Messages for standard error, in order (a bad sidecar's located errors, an export among the sources). */
  report: string[];
  problems: FileProblem[];
  loaded?: { sourcePath: string; text: string; sidecar: Sidecar };
}

/**
 * Reads one sidecar findSidecars listed with its source, brought up to date with it in
 * memory. Runs in a worker thread for a corpus (tasks.ts), so it returns plain data.
 */
export async function readForExport(file: string): Promise<ExportReadOutcome> {
  const report: string[] = [];
  const problems: FileProblem[] = [];
  const read = await readListedSidecarWithSource(
    file,
    problems,
    (line) => {
      report.push(line);
    },
    { withoutSource: 'are not exported without their source', invalid: 'invalid sidecar, not exported' },
  );
  if (read === undefined) return { report, problems };
  const own = recogniseExport(read.sourcePath, read.sourceText);
  if (own !== undefined) {
    report.push(`marginalia: ${read.sourcePath}: a Marginalia export (${own}), not a source; its annotations are not exported`);
    return { report, problems };
  }
  return { report, problems, loaded: { sourcePath: read.sourcePath, text: read.sourceText, sidecar: read.sidecar } };
}
