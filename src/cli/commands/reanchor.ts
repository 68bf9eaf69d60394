import { parseArgs } from 'node:util';
import { formatSidecarError } from '../../core/sidecar/format';
import { sha256Hex } from '../../core/sidecar/sha256';
import { reconcile, type ReconcileEntry } from '../../core/store/sync';
import { withUsageErrors } from '../args';
import { describeFsError, readDocument } from '../files';
import { checkSidecar, findSidecars, readListedSidecar, saveSidecar, SidecarRefused, sourcePathFor } from '../sidecarFiles';
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

function excerpt(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`);
}

function listEntry(io: CliIo, e: ReconcileEntry): void {
  if (e.state === 'orphaned') io.out(`  orphaned ${e.id}  ${excerpt(e.quote)}`);
  else if (e.state === 'fuzzy') io.out(`  fuzzy    ${e.id}  ${excerpt(e.quote)} → ${excerpt(e.annotation.quote)}`);
}

export const reanchorCommand: CliCommand = {
  name: 'reanchor',
  summary: 'find annotations again after their sources changed',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors(() => parseArgs({
      args, allowPositionals: true, strict: true, options: { write: { type: 'boolean' } },
    }));
    if (positionals.length === 0) throw new UsageError('reanchor needs at least one PATH');
    const { files, withoutSidecar, problems } = await findSidecars(positionals);
    for (const source of withoutSidecar) io.out(`${source}: no sidecar; nothing to re-anchor`);
    for (const file of files) {
      const sourcePath = sourcePathFor(file);
      const yaml = await readListedSidecar(file, problems);
      if (yaml === undefined) continue;
      let sourceText: string;
      try {
        sourceText = await readDocument(sourcePath);
      } catch (error) {
        problems.push({ path: sourcePath, message: `${describeFsError(error)}; the annotations of ${file} cannot be re-anchored without it` });
        continue;
      }
      const sha256 = sha256Hex(sourceText);
      const checked = checkSidecar(yaml, file, sourceText, sha256);
      if (checked.sidecar === undefined || checked.errors.length > 0) {
        for (const e of checked.errors) io.out(formatSidecarError(e));
        problems.push({ path: file, message: 'invalid sidecar, left as it is' });
        continue;
      }
      const result = reconcile(checked.sidecar, sourceText, { sha256 });
      const c = result.counts;
      let outcome: string;
      if (!result.reanchored) outcome = '; source unchanged since the sidecar was saved';
      else if (values.write) {
        try {
          await saveSidecar(file, result.sidecar, { previousText: yaml, sourceText });
          outcome = '; written';
        } catch (error) {
          if (error instanceof SidecarRefused) for (const e of error.errors) io.out(formatSidecarError(e));
          problems.push({ path: file, message: error instanceof SidecarRefused ? error.message.replace(`${file}: `, '') : describeFsError(error) });
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
