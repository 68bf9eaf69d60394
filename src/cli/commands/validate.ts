import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatSidecarError } from '../../core/sidecar/format';
import { withUsageErrors } from '../args';
import { describeFsError, readDocument } from '../files';
import { checkSidecar } from '../../core/store/sidecarRead';
import { findSidecars, readListedSidecar, sourcePathFor } from '../sidecarFiles';
import { UsageError, type CliCommand } from '../usage';

const USAGE = `Usage: marginalia validate PATH...

Checks annotation sidecars (NAME.EXT.annotations.yaml) against the sidecar format, and
their offsets against their source NAME.EXT when it is there. A PATH may be a sidecar, a
source (its sidecar is checked), or a directory (walked for *.annotations.yaml; the
.NAME.annotations.yaml.tmp-* files an interrupted write may leave are not sidecars and
are skipped).

Prints each problem as FILE:LINE:COLUMN: MESSAGE, then how many files are ok. A claim
linked to an id the file lacks, or to an annotation of the wrong kind, is printed as a
warning (FILE:LINE:COLUMN: warning: MESSAGE) and leaves the file ok. When a
sidecar records a source hash other than the source's, the source changed since it was
saved: its offsets are checked for shape only and a note suggests 'marginalia reanchor'.

Exit status: 0 every sidecar is valid, 1 a sidecar has errors or a file could not be
read, 2 bad usage.`;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check annotation sidecars against the format and their sources',
  usage: USAGE,
  async run(args, io) {
    const { positionals } = withUsageErrors(() => parseArgs({ args, allowPositionals: true, strict: true, options: {} }));
    if (positionals.length === 0) throw new UsageError('validate needs at least one PATH');
    const { files, withoutSidecar, problems } = await findSidecars(positionals);
    for (const source of withoutSidecar) io.out(`${source}: no sidecar (${source}.annotations.yaml); nothing to check`);
    let ok = 0;
    let bad = 0;
    for (const file of files) {
      const yaml = await readListedSidecar(file, problems);
      if (yaml === undefined) continue;
      const sourcePath = sourcePathFor(file);
      let sourceText: string | undefined;
      if (existsSync(sourcePath)) {
        try {
          sourceText = await readDocument(sourcePath);
        } catch (error) {
          problems.push({ path: sourcePath, message: describeFsError(error) });
        }
      } else {
        io.out(`${file}: note: its source ${sourcePath} is not there; offsets not checked against it`);
      }
      const result = checkSidecar(yaml, file, sourceText);
      for (const e of result.errors) io.out(formatSidecarError(e));
      for (const w of result.warnings ?? []) io.out(formatSidecarError({ ...w, message: `warning: ${w.message}` }));
      if (result.errors.length > 0) bad++;
      else ok++;
      if (result.migrated) {
        const m = result.migrated;
        const what =
          m.suggestions + m.reviewed > 0
            ? `; read as version 2, where ${plural(m.suggestions, 'stored detection')} no one accepted ${m.suggestions === 1 ? 'is' : 'are'} a suggestion and ${plural(m.reviewed, 'accepted one')} ${m.reviewed === 1 ? 'records' : 'record'} when ${m.reviewed === 1 ? 'it was' : 'they were'} reviewed`
            : '';
        io.out(
          `${file}: note: in format version ${m.from}${what}. Marginalia writes it as version 2 the next time it changes it (see docs/sidecar-format.md)`,
        );
      }
      if (result.sourceChanged) {
        io.out(`${file}: note: ${sourcePath} changed since the sidecar was saved; run 'marginalia reanchor --write ${file}'`);
      }
    }
    for (const p of problems) io.err(`marginalia: ${p.path}: ${p.message}`);
    io.out(`${plural(ok, 'file')} ok${bad > 0 ? `, ${plural(bad, 'file')} with errors` : ''}`);
    return bad > 0 || problems.length > 0 ? 1 : 0;
  },
};
