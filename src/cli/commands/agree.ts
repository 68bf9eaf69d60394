import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { coderFromDocuments, codersByAuthor, type Coder, type CodingFilter } from '../../core/agree/coders';
import { agreementMarkdown } from '../../core/agree/markdown';
import { compareCoders } from '../../core/agree/study';
import { readFolder, readGitRevision, readSidecars } from '../agreeSources';
import { withUsageErrors } from '../args';
import { describeFsError, type FileProblem } from '../files';
import { atomicWriteFile } from '../sidecarFiles';
import { UsageError, type CliCommand, type CliIo } from '../usage';

const USAGE = `Usage: marginalia agree [options] FOLDER FOLDER [FOLDER...]
       marginalia agree [options] --git REF [--git REF] [FOLDER]
       marginalia agree [options] --author NAME --author NAME [...] PATH...

How far two or more annotators (coders) agree on the same documents, per kind:
  spans      precision, recall and F1 of the spans, exact and overlapping
  labels     Cohen's kappa per pair and Krippendorff's alpha (nominal) of the labels
             (claim type, date value, control id, code) of overlapping spans
  unitizing  Krippendorff's unitized alpha (alpha-u) of where the spans lie
and every disagreement: spans one coder marked alone, different spans, different labels.

Coders:
  FOLDER FOLDER...    each folder is one coder's copy of the documents; documents are
                      paired by their path inside it
  --git REF           the sidecars under FOLDER (default: the current folder) at git
                      revision REF, against the working tree; twice: REF against REF
  --author NAME       coders who share sidecars, told apart by who made each annotation
                      (a manual one's author, an accepted suggestion's reviewer); give two
                      or more, with the PATHs (sources, sidecars or folders) to read

Options:
  --include-suggestions  count unreviewed suggestions as the coder's (default: only what a
                         person made or reviewed; dismissed and orphaned never count)
  --kinds LIST           compare only these kinds, comma-separated (claim,date,control or codes)
  --json                 print the figures and disagreements as JSON instead of Markdown
  --out FILE             write the report to FILE instead of standard output

Offsets are Unicode code points, end exclusive. Exit status: 0 success, 1 a file could
not be read (the others are still compared), 2 bad usage.`;

function parseKindList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const kinds = value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (kinds.length === 0) throw new UsageError(`--kinds takes a comma-separated list of kinds; got '${value}'`);
  return kinds;
}

async function gitCoders(
  refs: readonly string[],
  folders: readonly string[],
  filter: CodingFilter,
  problems: FileProblem[],
  report: (line: string) => void,
): Promise<Coder[]> {
  if (folders.length > 1) throw new UsageError('--git compares one FOLDER (default: the current folder)');
  const folder = folders[0] ?? '.';
  const coders: Coder[] = [];
  if (refs.length === 1) coders.push(coderFromDocuments('working tree', await readFolder(folder, problems, report), filter));
  for (const ref of refs) coders.push(coderFromDocuments(ref, await readGitRevision(folder, ref, problems, report), filter));
  return coders;
}

async function authorCoders(
  names: readonly string[],
  paths: readonly string[],
  filter: CodingFilter,
  problems: FileProblem[],
  report: (line: string) => void,
): Promise<Coder[]> {
  if (paths.length === 0) throw new UsageError('--author needs the PATHs whose sidecars the coders share');
  // The coders share every document: named by its path from here, files and folders alike.
  const docs = await readSidecars(paths, process.cwd(), problems, report);
  return codersByAuthor(names, docs, filter);
}

export const agreeCommand: CliCommand = {
  name: 'agree',
  summary: "how far annotators agree: span F1, Cohen's kappa, Krippendorff's alpha and alpha-u, every disagreement",
  usage: USAGE,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          git: { type: 'string', multiple: true },
          author: { type: 'string', multiple: true },
          'include-suggestions': { type: 'boolean' },
          kinds: { type: 'string' },
          json: { type: 'boolean' },
          out: { type: 'string' },
        },
      }),
    );
    const refs = values.git ?? [];
    const authors = values.author ?? [];
    if (refs.length > 0 && authors.length > 0) throw new UsageError('give --git or --author, not both');
    if (refs.length > 2) throw new UsageError('--git takes one revision (against the working tree) or two');
    if (authors.length === 1) throw new UsageError('--author needs two coders or more: give it once for each');
    if (refs.length === 0 && authors.length === 0 && positionals.length < 2)
      throw new UsageError('agree needs two FOLDERs or more, one per coder');
    const filter: CodingFilter = values['include-suggestions'] === true ? { includeSuggestions: true } : {};
    const kinds = parseKindList(values.kinds);
    const problems: FileProblem[] = [];
    const report = (line: string): void => {
      io.err(line);
    };
    let coders: Coder[];
    if (refs.length > 0) coders = await gitCoders(refs, positionals, filter, problems, report);
    else if (authors.length > 0) coders = await authorCoders(authors, positionals, filter, problems, report);
    else {
      coders = [];
      for (const folder of positionals) {
        const stat = await fs.stat(folder).catch((error: unknown) => {
          throw new Error(`${folder}: ${describeFsError(error)}`);
        });
        if (!stat.isDirectory()) throw new UsageError(`${folder} is not a folder: each coder is a folder of documents and their sidecars`);
        coders.push(coderFromDocuments(folder, await readFolder(folder, problems, report), filter));
      }
    }
    const result = compareCoders(coders, kinds === undefined ? {} : { kinds });
    // A figure that is not defined is null in JSON, not a missing key.
    const text =
      values.json === true
        ? `${JSON.stringify(result, (_key, value: unknown) => (value === undefined ? null : value), 2)}\n`
        : agreementMarkdown(result, filter);
    if (values.out === undefined) io.out(text.replace(/\n$/, ''));
    else {
      try {
        await atomicWriteFile(values.out, text);
        io.err(`marginalia: agreement of ${result.coders.join(', ')} over ${result.documents.length} documents written to ${values.out}`);
      } catch (error) {
        problems.push({ path: values.out, message: describeFsError(error) });
      }
    }
    if (result.documents.length === 0) io.err('marginalia: no document is annotated by every coder; nothing was compared');
    for (const u of result.unpaired) io.err(`marginalia: ${u.document}: not compared, only ${u.coders.join(', ') || 'nobody'} has it`);
    for (const p of problems) io.err(`marginalia: ${p.path}: ${p.message}`);
    return problems.length > 0 ? 1 : 0;
  },
};
