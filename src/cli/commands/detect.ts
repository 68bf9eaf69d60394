import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { builtinCatalog } from '../../core/catalog/builtin';
import { parseCatalog } from '../../core/catalog/load';
import { mergeCatalogs } from '../../core/catalog/merge';
import type { Catalog } from '../../core/catalog/types';
import { CLAIM_SENSITIVITIES, type ClaimSensitivity } from '../../core/detect/sensitivity';
import { parseIsoDate, parseKinds, withUsageErrors } from '../args';
import { matcherSource, type DetectInput, type DetectOutcome, type DetectOutput, type DetectSettings } from '../detectDocument';
import { collectDocuments, describeFsError, readDocument, type FileProblem } from '../files';
import { mapInOrder } from '../inOrder';
import { parseJobs } from '../jobs';
import { readAll, readLines, readRecordLines } from '../lines';
import { Progress } from '../progress';
import { isSidecarPath, sidecarPathFor, sourcePathFor } from '../sidecarFiles';
import { runDetect, startPool } from '../tasks';
import { loadEntitiesFile } from '../entitiesFile';
import { UsageError, type CliCommand, type CliIo } from '../usage';

const USAGE = `Usage: marginalia detect PATH... [--json | --jsonl] [--kinds claim,date,control]
                        [--ref-date YYYY-MM-DD] [--claim-sensitivity low|medium|high]
                        [--catalog FILE] [--entities FILE] [--write [--author NAME]] [--jobs N]
       marginalia detect --files-from FILE|- [options] [PATH...]
       marginalia detect - [options]            (the document on standard input)
       marginalia detect --jsonl - [options]    (JSON Lines documents on standard input)

Finds claims, dates and named controls in text and Markdown documents (directories are
walked for *.txt, *.text, *.md, *.markdown) and prints them.

Input:
  PATH                   a document, or a directory walked for documents
  --files-from FILE      also every path listed in FILE, one per line, read as the run
                         goes (- reads the list from standard input, as from
                         find corpus -name '*.txt' | marginalia detect --files-from - --jsonl)
  -                      the document is standard input: all of it, one plain-text
                         document named "-"; with --jsonl, one JSON document per line:
                         {"id": "doc-1", "text": "…", "ref_date": "2024-06-10"} (id, a
                         string or number, and text are required; ref_date, YYYY-MM-DD,
                         is optional and wins over --ref-date; other keys are ignored)

Output:
  --json                 print [{"file", "annotations": [{"kind", "start", "end", "text", ...}]}]
                         with start/end in Unicode code points, end exclusive
  --jsonl                print one JSON object per line and per document, each as soon as
                         it and the documents before it are done: {"file", "annotations"}
                         ({"id", "annotations"} for JSON Lines documents). A document that
                         cannot be read gives {"file" or "id", "error"}; a Marginalia
                         export among the sources {"file", "skipped"}. Memory stays flat
                         however long the input.
  --kinds LIST           only these kinds (default: claim,date,control)
  --ref-date YYYY-MM-DD  resolve relative dates against this date (default: the
                         date the document's sidecar records, as Set Document Date
                         and Add Source write it, else the date line the document
                         opens with; without one they stay unresolved)
  --claim-sensitivity L  only claims the detector is sure enough of: high (default:
                         every claim), medium (the editor's default), low (the surest);
                         dates and controls are always kept
  --catalog FILE         add the entries and patterns of a catalog file (the format of
                         .marginalia/controls.yaml, see docs/catalog.md) to the
                         built-in catalog; its errors are printed as file:line:column
  --entities FILE        resolve speakers with the entities of FILE (the format of
                         .marginalia/entities.yaml, see docs/entities.md): a listed
                         name or alias is that entity. Claims then carry "entity" in
                         --json/--jsonl, and in the sidecar with --write
  --write                store the detections in each document's sidecar
                         (NAME.EXT.annotations.yaml) as suggestions (origin detected,
                         status suggested: machine output until a person accepts them
                         in the editor), and print per file how many were stored and
                         how many were already there. Relative dates resolve against
                         the sidecar's source.published unless --ref-date is given. The
                         sidecar is created when absent, else edited in place (comments
                         and layout kept) and written atomically; a change made to it
                         meanwhile (the editor, another run) is merged, not lost. A
                         detection that an annotation already covers is skipped
                         whatever its status, so a dismissed one is never added again.
                         If the source changed since the sidecar was saved, its
                         annotations are re-anchored first. An invalid sidecar is
                         reported and left untouched. With --json or --jsonl the
                         summary goes to stderr.
  --author NAME          with --write: record NAME as the stored suggestions' author
                         (who ran the detector)
  --jobs N               documents worked on at once, in worker threads (default: one per
                         core); 1 works in the CLI's own thread. The output is the same,
                         byte for byte and in the same order, whatever N. With --write,
                         one sidecar is never written by two at once.

On a terminal, a progress line (documents, MB, MB/s) is shown on stderr while stdout
goes to a file or a pipe. See docs/cli.md for sharding a corpus over machines.

Exit status: 0 success, 1 a file could not be read, a sidecar is invalid or could not
be written (the other files are still processed), 2 bad usage.`;

/** A document to detect and, with --write, the sidecar it writes (no two tasks with one key run at once). */
interface Item {
  input: DetectInput;
  key?: string;
}

/** The sidecar a source writes, as one name whatever path spelt it ("a.txt", "./a.txt", a symlinked folder). */
async function sidecarKey(file: string): Promise<string> {
  const sidecar = sidecarPathFor(file);
  const dir = path.dirname(sidecar);
  const real = await fs.realpath(dir).catch(() => path.resolve(dir));
  return path.join(real, path.basename(sidecar));
}

/**
 * The files a listed path stands for: a directory walked, anything else as it is (a file
 * that cannot be read is reported when its turn comes, in order).
 */
async function listedFiles(line: string): Promise<string[]> {
  const stat = await fs.stat(line).catch(() => undefined);
  if (stat?.isDirectory()) return (await collectDocuments([line])).files;
  return [line];
}

export const detectCommand: CliCommand = {
  name: 'detect',
  summary: 'find claims, dates and controls in documents',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          json: { type: 'boolean' },
          jsonl: { type: 'boolean' },
          kinds: { type: 'string' },
          'ref-date': { type: 'string' },
          write: { type: 'boolean' },
          author: { type: 'string' },
          catalog: { type: 'string' },
          entities: { type: 'string' },
          'claim-sensitivity': { type: 'string' },
          jobs: { type: 'string' },
          'files-from': { type: 'string' },
        },
      }),
    );
    const kinds = parseKinds(values.kinds);
    const sensitivity = values['claim-sensitivity'] ?? 'high';
    if (!(CLAIM_SENSITIVITIES as readonly string[]).includes(sensitivity))
      throw new UsageError(`--claim-sensitivity must be one of ${CLAIM_SENSITIVITIES.join(', ')}; got '${sensitivity}'`);
    const referenceDate = parseIsoDate(values['ref-date'], '--ref-date');
    const jobs = parseJobs(values.jobs);
    const filesFrom = values['files-from'];
    const fromStdin = positionals.includes('-');
    if (positionals.length === 0 && filesFrom === undefined) throw new UsageError('detect needs at least one PATH');
    if (values.author !== undefined && !values.write) throw new UsageError('--author only applies with --write');
    if (values.json && values.jsonl) throw new UsageError('--json and --jsonl: choose one');
    if (fromStdin && (positionals.length > 1 || filesFrom !== undefined))
      throw new UsageError("'-' (the document on standard input) goes alone: no other PATH, no --files-from");
    if (fromStdin && values.write) throw new UsageError('--write stores suggestions beside files; a document on standard input has none');
    if ((fromStdin || filesFrom === '-') && io.stdin === undefined) throw new UsageError('there is no standard input to read');
    if (filesFrom !== undefined && filesFrom !== '-') {
      try {
        await fs.access(filesFrom);
      } catch (error) {
        throw new UsageError(`--files-from ${filesFrom}: ${describeFsError(error)}`);
      }
    }
    const output: DetectOutput = values.jsonl ? 'jsonl' : values.json ? 'json' : 'table';
    const settings: DetectSettings = {
      kinds,
      level: sensitivity as ClaimSensitivity,
      referenceDate,
      write: values.write === true,
      author: values.author,
      output,
    };
    // Inputs read as the run goes (a list, standard input) can be endless: their problems
    // are printed as they come. PATH arguments keep the summary at the end.
    const streamed = fromStdin || filesFrom !== undefined;
    const problems: FileProblem[] = [];
    const count = { problems: 0 };
    const problem = (p: FileProblem): void => {
      count.problems++;
      if (streamed) io.err(`marginalia: ${p.path}: ${p.message}`);
      else problems.push(p);
    };

    const collected = fromStdin ? { files: [], problems: [] } : await collectDocuments(positionals);
    for (const p of collected.problems) problem(p);
    const catalog = values.catalog === undefined ? undefined : await loadCatalogFile(values.catalog, problem);
    if (values.entities !== undefined)
      settings.entities = await loadEntitiesFile(values.entities, problem, (line) => {
        io.err(line);
      });
    // A sidecar named with --write stands for its source: a sidecar of a sidecar makes no sense.
    const asSource = (f: string): string => (values.write && isSidecarPath(f) ? sourcePathFor(f) : f);
    const files = values.write ? [...new Set(collected.files.map(asSource))] : collected.files;

    async function* items(): AsyncGenerator<Item> {
      const item = async (file: string): Promise<Item> => ({
        input: { kind: 'file', file },
        ...(values.write ? { key: await sidecarKey(file) } : {}),
      });
      for (const file of files) yield await item(file);
      if (filesFrom !== undefined) {
        const list = filesFrom === '-' ? (io.stdin as AsyncIterable<Uint8Array | string>) : (await fs.open(filesFrom)).createReadStream();
        for await (const line of readLines(list, filesFrom === '-' ? 'standard input' : filesFrom)) {
          if (line.trim() === '') continue;
          for (const file of await listedFiles(line)) yield await item(asSource(file));
        }
      }
      if (fromStdin) {
        const stdin = io.stdin as AsyncIterable<Uint8Array | string>;
        if (output !== 'jsonl') {
          yield { input: { kind: 'text', name: '-', text: await readAll(stdin) } };
          return;
        }
        // Each record decoded on its own: one that is not UTF-8 gets an error line, the rest are done.
        let number = 0;
        for await (const line of readRecordLines(stdin)) {
          number++;
          if (typeof line !== 'string') yield { input: { kind: 'jsonl', source: 'stdin', number, line: '', notText: true } };
          else if (line.trim() !== '') yield { input: { kind: 'jsonl', source: 'stdin', number, line } };
        }
      }
    }

    // How many documents there are, when known before starting: no more workers than that.
    const known = streamed ? (fromStdin && output !== 'jsonl' ? 1 : undefined) : files.length;
    const size = Math.min(jobs, known ?? jobs);
    const pool = size > 1 ? startPool(size, catalog === undefined ? {} : { catalog }) : undefined;
    const matchers = matcherSource(catalog);
    const printer = new OutcomePrinter(io, output, problem);
    const progress = new Progress(io.status?.bind(io));
    try {
      const outcomes = mapInOrder(items(), (item) => runDetect(pool, matchers, settings, item.input), {
        // Enough ahead to keep every worker busy while the oldest document is finishing.
        window: pool === undefined ? 1 : size * 4,
        key: (item) => item.key,
      });
      for await (const outcome of outcomes) {
        printer.print(outcome);
        progress.add(outcome.bytes);
        await io.drain?.();
      }
      printer.end();
    } finally {
      progress.done();
      await pool?.close();
    }
    for (const p of problems) io.err(`marginalia: ${p.path}: ${p.message}`);
    return count.problems > 0 ? 1 : 0;
  },
};

/**
 * Prints each document's outcome as it comes, in input order. A JSON array is printed a
 * document at a time, exactly as JSON.stringify(array, null, 2) would print it whole: an
 * element's comma waits for the next element, so only one is held.
 */
class OutcomePrinter {
  private held: string | undefined;

  constructor(
    private readonly io: CliIo,
    private readonly output: DetectOutput,
    private readonly problem: (p: FileProblem) => void,
  ) {}

  print(outcome: DetectOutcome): void {
    for (const line of outcome.lines) {
      if (line.to === 'out') this.io.out(line.text);
      else this.io.err(line.text);
    }
    for (const p of outcome.problems) this.problem(p);
    if (outcome.record === undefined) return;
    if (this.output === 'jsonl') {
      this.io.out(outcome.record);
    } else if (this.output === 'json') {
      this.io.out(this.held === undefined ? '[' : `${this.held},`);
      this.held = outcome.record;
    }
  }

  end(): void {
    if (this.output !== 'json') return;
    if (this.held === undefined) {
      this.io.out('[]');
    } else {
      this.io.out(this.held);
      this.io.out(']');
    }
  }
}

/** The built-in catalog merged with a user's catalog file; its errors are problems (exit 1), its valid entries still count. */
async function loadCatalogFile(file: string, problem: (p: FileProblem) => void): Promise<Catalog> {
  let text: string;
  try {
    text = await readDocument(file);
  } catch (error) {
    throw new UsageError(`--catalog ${file}: ${describeFsError(error)}`);
  }
  const builtin = builtinCatalog();
  const { catalog, errors } = parseCatalog(text, file, { knownIds: builtin.entries.map((e) => e.id) });
  for (const e of errors) problem({ path: `${file}:${e.line}:${e.column}`, message: e.message });
  return mergeCatalogs(builtin, catalog);
}
