import { parseArgs } from 'node:util';
import { formatSidecarError } from '../../core/sidecar/format';
import type { ReconcileEntry, ReconcileResult } from '../../core/store/sync';
import { withUsageErrors } from '../args';
import { excerpt } from '../../core/text/excerpt';
import { describeFsError } from '../files';
import { findSidecars, readListedSidecarWithSource, saveSidecar, SidecarRefused } from '../sidecarFiles';
import { UsageError, type CliCommand, type CliIo } from '../usage';

const USAGE = `Usage: marginalia reanchor PATH... [--write]

Finds the annotations of sidecars again in their sources after the sources changed
outside the editor (the sidecar's source.sha256 differs from the source's). A PATH may
be a source, a sidecar (NAME.EXT.annotations.yaml beside NAME.EXT), or a directory
(walked for *.annotations.yaml).

Each annotation is found from its quote, context and old position: unchanged, moved
(same text elsewhere), fuzzy (found by similarity; its quote becomes the text now
there), or orphaned (not found with confidence: kept with orphaned: true, never attached
to another place). Prints the counts per file and lists the fuzzy and orphaned ones.

Options:
  --write  save the re-anchored sidecars (atomically, edited in place so comments and
           layout stay); without it nothing is written

Exit status: 0 success, 1 a sidecar is invalid (it is not written) or a file could not
be read or written, 2 bad usage.`;

/** The excerpt quoted, so its ends show. */
function quoted(text: string): string {
  return JSON.stringify(excerpt(text, 100));
}

function listEntry(io: CliIo, e: ReconcileEntry): void {
  if (e.state === 'orphaned') io.out(`  orphaned ${e.id}  ${quoted(e.quote)}`);
  else if (e.state === 'fuzzy') io.out(`  fuzzy    ${e.id}  ${quoted(e.quote)} → ${quoted(e.annotation.quote)}`);
}

export const reanchorCommand: CliCommand = {
  name: 'reanchor',
  summary: 'find annotations again after their sources changed',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: { write: { type: 'boolean' } },
      }),
    );
    if (positionals.length === 0) throw new UsageError('reanchor needs at least one PATH');
    const { files, withoutSidecar, problems } = await findSidecars(positionals);
    for (const source of withoutSidecar) io.out(`${source}: no sidecar; nothing to re-anchor`);
    for (const file of files) {
      const read = await readListedSidecarWithSource(
        file,
        problems,
        (line) => {
          io.out(line);
        },
        {
          withoutSource: 'cannot be re-anchored without it',
          invalid: 'invalid sidecar, left as it is',
        },
      );
      if (read === undefined) continue;
      const { yaml, sourceText, sha256 } = read;
      const result = read.reading.reconciled as ReconcileResult;
      const c = result.counts;
      let outcome: string;
      if (!result.reanchored) outcome = '; source unchanged since the sidecar was saved';
      else if (values.write) {
        try {
          const saved = await saveSidecar(file, result.sidecar, { previousText: yaml, sourceText, sha256 });
          outcome = saved.merged ? '; written (merged with a change made meanwhile)' : '; written';
          for (const c of saved.conflicts) io.out(`${file}: ${c.message}`);
        } catch (error) {
          if (error instanceof SidecarRefused) for (const e of error.errors) io.out(formatSidecarError(e));
          problems.push({
            path: file,
            message: error instanceof SidecarRefused ? error.message.replace(`${file}: `, '') : describeFsError(error),
          });
          outcome = '; not written';
        }
      } else outcome = '; not written (use --write)';
      io.out(`${file}: ${c.unchanged} unchanged, ${c.moved} moved, ${c.fuzzy} fuzzy, ${c.orphaned} orphaned${outcome}`);
      for (const e of result.entries) listEntry(io, e);
    }
    for (const p of problems) io.err(`marginalia: ${p.path}: ${p.message}`);
    return problems.length > 0 ? 1 : 0;
  },
};
