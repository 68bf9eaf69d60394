import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { FORMATS, formatInfo, runExport } from '../../core/export';
import type { ExportFile, ExportResult } from '../../core/export/types';
import { titlesFrom } from '../../core/export/markdown';
import { builtinCatalog } from '../../core/catalog/builtin';
import { withUsageErrors } from '../args';
import { attachOriginalPdfs, loadDocuments } from '../exportDocuments';
import { describeFsError, type FileProblem } from '../files';
import { loadEntitiesFile } from '../entitiesFile';
import { EntityRegistry } from '../../core/entities/registry';
import { parseJobs } from '../jobs';
import { atomicWriteFile } from '../sidecarFiles';
import { UsageError, type CliCommand, type CliIo } from '../usage';

const USAGE = `Usage: marginalia export --format FORMAT [--out PATH] [options] PATH...

Exports the annotations of the sidecars named by PATH (a source, a sidecar, or a
directory walked for *.annotations.yaml) to FORMAT. Each sidecar is first brought up to
date with its source in memory (re-anchored when the source changed); nothing is written
beside the sources. Offsets in every format count Unicode code points, end exclusive.

By default only annotations a person reviewed are exported: unreviewed suggestions
(status 'suggested', stored by a scan or 'detect --write') are left out and counted.
With --include-suggestions they are exported too, marked as suggestions in every format.

Formats:
${FORMATS.map((f) => `  ${f.id.padEnd(9)} ${f.description}`).join('\n')}

Options:
  --format FORMAT      one of ${FORMATS.map((f) => f.id).join(', ')}
  --out PATH           the file to write (a folder for brat); without it a text format
                       is printed to standard output (refi-qda and brat need --out)
  --include-suggestions
                       also export unreviewed suggestions (machine findings no one has
                       checked), marked as such
  --include-dismissed  also export dismissed ones (suggestions a person rejected)
  --bom                csv: start with a UTF-8 byte-order mark, for spreadsheet programs
  --title TEXT         the project or collection's name (markdown, w3c, refi-qda, edition)
  --base-uri URI       w3c: the absolute URI the document paths are resolved against,
                       e.g. https://example.org/corpus/ where the sources are published
                       (default: the file: URI of the folder the sources share)
  --entities FILE      register: name each speaker by its entity as FILE lists it (the
                       format of .marginalia/entities.yaml, see docs/entities.md)
  --jobs N             sidecars read and checked at once, in worker threads (default:
                       one per core); 1 reads them in the CLI's own thread. The export
                       is the same, byte for byte, whatever N

Document paths in the export are relative to the folder the sources share. W3C
Web Annotation needs an absolute IRI for each source: there it is the path resolved
against --base-uri (statement.txt -> file:///home/ada/docs/statement.txt by default).
Exit status: 0 success, 1 a file could not be read or written (the others are still
exported), 2 bad usage.`;

async function writeFiles(out: string, files: readonly ExportFile[], singleFile: boolean): Promise<string[]> {
  if (singleFile) {
    const file = files[0];
    if (file === undefined) return [];
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await atomicWriteFile(out, file.contents);
    return [out];
  }
  const written: string[] = [];
  for (const file of files) {
    // Export paths are relative and '/'-separated; never let one climb out of the folder.
    const target = path.resolve(out, ...file.path.split('/'));
    if (!target.startsWith(path.resolve(out) + path.sep)) throw new Error(`refusing to write ${file.path} outside ${out}`);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await atomicWriteFile(target, file.contents);
    written.push(target);
  }
  return written;
}

/**
 * The --base-uri as documents can be resolved against: absolute, hierarchical (an
 * authority, as `file:` and `https:` have), no query or fragment, its path ending in `/`
 * (added: a base is a folder, and without the slash its last segment would be replaced).
 */
export function parseBaseUri(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-uri must be an absolute URI such as https://example.org/corpus/; got '${value}'`);
  }
  if (!url.href.startsWith(`${url.protocol}//`) || url.search !== '' || url.hash !== '') {
    throw new UsageError(
      `--base-uri must be a folder URI with an authority and no query or fragment, such as https://example.org/corpus/ or file:///home/ada/corpus/; got '${value}'`,
    );
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url.href;
}

/** The default base: the folder the sources share, as a `file:` URI ending in `/`. */
export function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** What was exported: reviewed annotations, and how many unreviewed suggestions among them. */
function summaryLine(result: ExportResult, documents: number, out: string): string {
  const among =
    result.suggestions === 0 ? '' : ` (${result.suggestions} of them unreviewed suggestion${result.suggestions === 1 ? '' : 's'})`;
  return `${plural(result.count, 'annotation')}${among} from ${plural(documents, 'document')} exported to ${out}`;
}

function leftOutNote(n: number): string {
  return `${plural(n, 'unreviewed suggestion')} left out (not reviewed by a person; --include-suggestions exports them)`;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export annotations to CSV, JSON, Markdown, W3C, brat, REFI-QDA or an HTML edition',
  usage: USAGE,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          format: { type: 'string' },
          out: { type: 'string' },
          'include-suggestions': { type: 'boolean' },
          'include-dismissed': { type: 'boolean' },
          bom: { type: 'boolean' },
          title: { type: 'string' },
          'base-uri': { type: 'string' },
          entities: { type: 'string' },
          jobs: { type: 'string' },
        },
      }),
    );
    const info = values.format === undefined ? undefined : formatInfo(values.format);
    if (info === undefined)
      throw new UsageError(
        `export needs --format, one of ${FORMATS.map((f) => f.id).join(', ')}${values.format === undefined ? '' : `; got '${values.format}'`}`,
      );
    if (positionals.length === 0) throw new UsageError('export needs at least one PATH');
    const baseUri = values['base-uri'] === undefined ? undefined : parseBaseUri(values['base-uri']);
    const binaryOrFolder = !info.singleFile || info.id === 'refi-qda';
    if (binaryOrFolder && values.out === undefined)
      throw new UsageError(`--format ${info.id} writes ${info.singleFile ? 'a binary file' : 'a folder'}: give --out PATH`);
    const jobs = parseJobs(values.jobs);
    const loaded = await loadDocuments(
      positionals,
      (line) => {
        io.err(line);
      },
      { jobs },
    );
    for (const source of loaded.withoutSidecar) io.err(`marginalia: ${source}: no sidecar; nothing to export`);
    // REFI-QDA alone can carry the PDF a text was made from.
    if (info.id === 'refi-qda')
      await attachOriginalPdfs(loaded, (line) => {
        io.err(line);
      });
    const entityProblems: FileProblem[] = [];
    const entities =
      values.entities === undefined
        ? undefined
        : new EntityRegistry(
            await loadEntitiesFile(
              values.entities,
              (p) => entityProblems.push(p),
              (line) => {
                io.err(line);
              },
            ),
          );
    const result = runExport(info.id, loaded.documents, {
      ...(values['include-suggestions'] === true ? { includeSuggestions: true } : {}),
      ...(values['include-dismissed'] === true ? { includeDismissed: true } : {}),
      ...(values.bom === true ? { bom: true } : {}),
      ...(values.title === undefined ? {} : { title: values.title }),
      baseUri: baseUri ?? folderUri(loaded.root),
      now: new Date().toISOString(),
      controlTitle: titlesFrom(builtinCatalog()),
      ...(entities === undefined ? {} : { entities }),
    });
    for (const s of result.skipped) io.err(`marginalia: ${s.path}: annotation ${s.id} not exported: ${s.reason}`);
    const problems = [...loaded.problems, ...entityProblems];
    if (values.out === undefined) {
      const file = result.files[0];
      if (file !== undefined && typeof file.contents === 'string') io.out(file.contents.replace(/\n$/, ''));
      // Standard output is the export itself; what it leaves out goes to standard error.
      if (result.suggestionsLeftOut > 0) io.err(`marginalia: ${leftOutNote(result.suggestionsLeftOut)}`);
    } else {
      try {
        const written = await writeFiles(values.out, result.files, info.singleFile);
        const files = written.length > 1 ? ` (${written.length} files)` : '';
        const leftOut = result.suggestionsLeftOut > 0 ? `; ${leftOutNote(result.suggestionsLeftOut)}` : '';
        io.err(`${summaryLine(result, loaded.documents.length, values.out)}${files}${leftOut}`);
      } catch (error) {
        problems.push({ path: values.out, message: describeFsError(error) });
      }
    }
    for (const p of problems) io.err(`marginalia: ${p.path}: ${p.message}`);
    return problems.length > 0 ? 1 : 0;
  },
};
