import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { recogniseExport } from '../../core/export/recognise';
import { readBrat } from '../../core/import/brat';
import { placeAnnotations, type Incoming } from '../../core/import/place';
import { readRefiQda } from '../../core/import/refiQda';
import { matchRefiSources, type RefiQdaDocument } from '../../core/import/refiQdaSources';
import { readWebAnnotations } from '../../core/import/w3c';
import { formatSidecarError, sidecarFileName } from '../../core/sidecar/format';
import { readSidecarWithSource } from '../../core/store/sidecarRead';
import { withUsageErrors } from '../args';
import { describeFsError, DOCUMENT_EXTENSIONS, isBratCopy, readDocument, walkFiles, type FileProblem } from '../files';
import { readSidecarText, saveSidecar, SidecarRefused } from '../sidecarFiles';
import { UsageError, type CliCommand, type CliIo } from '../usage';

const USAGE = `Usage: marginalia import --format w3c|brat|refi-qda [--root DIR] [--write] FILE...

Reads annotations made elsewhere and stores them in the sidecars of their sources, each
found in the source by its quote, context and old position (the source may have changed
since). What cannot be placed with confidence is listed and not stored; nothing is
guessed. An annotation with the id of one already in the sidecar, or the same kind and
span, updates that one instead of adding a copy.

  --format w3c   FILE is W3C Web Annotation JSON-LD (an Annotation, a list, a page or a
                 collection, such as 'marginalia export --format w3c' writes). A target's
                 source is a file: URI, or a urn:x-marginalia:source: path under --root.
  --format brat  FILE is an .ann file or a folder of them (brat standoff, such as
                 'marginalia export --format brat' writes); the .txt beside each .ann is
                 the text its offsets count in. DIR/a.ann belongs to the source a.txt
                 (a.md.ann to a.md) under --root, relative to the folder given.
  --format refi-qda
                 FILE is a REFI-QDA project (.qdpx, such as QualCoder, NVivo, ATLAS.ti,
                 MAXQDA or 'marginalia export --format refi-qda' write). Each text
                 source belongs to the document under --root of its name (a path, a
                 file name or a title), or else to the one with its text; top-level
                 codes are kinds, their child codes labels. A person's coding comes in
                 as accepted and reviewed by that person.
  --root DIR     where the sources are (default: the current folder)
  --write        save the sidecars (atomically); without it only the report is printed

Exit status: 0 everything was placed, 1 something could not be read, placed or written
(the rest is still imported), 2 bad usage.`;

interface Batch {
  source: string;
  incoming: Incoming[];
}

function w3cSourcePath(uri: string, root: string): string | undefined {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  const urn = 'urn:x-marginalia:source:';
  if (uri.startsWith(urn)) return path.resolve(root, ...uri.slice(urn.length).split('/').map(decodeURIComponent));
  return undefined;
}

async function readW3c(files: readonly string[], root: string, problems: FileProblem[]): Promise<Batch[]> {
  const batches = new Map<string, Incoming[]>();
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      problems.push({ path: file, message: describeFsError(error) });
      continue;
    }
    const read = readWebAnnotations(text, file);
    for (const p of read.problems) problems.push({ path: p.origin, message: p.reason });
    for (const item of read.items) {
      const source = w3cSourcePath(item.source, root);
      if (source === undefined) {
        problems.push({
          path: item.incoming.origin,
          message: `its source ${item.source} is not a local file (file: URI or urn:x-marginalia:source:)`,
        });
        continue;
      }
      batches.set(source, [...(batches.get(source) ?? []), item.incoming]);
    }
  }
  return [...batches].map(([source, incoming]) => ({ source, incoming }));
}

/** The source an .ann belongs to: the stem under root, `.txt` added unless it names a document already. */
function bratSource(stemRelative: string, root: string): string {
  const hasExtension = DOCUMENT_EXTENSIONS.has(path.extname(stemRelative).toLowerCase());
  return path.resolve(root, hasExtension ? stemRelative : `${stemRelative}.txt`);
}

async function readBratFiles(args: readonly string[], root: string, problems: FileProblem[]): Promise<Batch[]> {
  const batches: Batch[] = [];
  for (const arg of args) {
    let anns: { file: string; base: string }[];
    try {
      const stat = await fs.stat(arg);
      anns = stat.isDirectory()
        ? (await walkFiles(arg, (n) => n.endsWith('.ann'))).map((file) => ({ file, base: arg }))
        : [{ file: arg, base: path.dirname(arg) }];
    } catch (error) {
      problems.push({ path: arg, message: describeFsError(error) });
      continue;
    }
    for (const { file, base } of anns) {
      const stem = file.replace(/\.ann$/, '');
      let annText: string;
      try {
        annText = await fs.readFile(file, 'utf8');
      } catch (error) {
        problems.push({ path: file, message: describeFsError(error) });
        continue;
      }
      // brat's own copy of the text; without it the quotes come from the .ann alone.
      const bratText = await readDocument(`${stem}.txt`).catch(() => undefined);
      const read = readBrat(annText, bratText, file);
      for (const p of read.problems) problems.push({ path: p.origin, message: p.reason });
      batches.push({ source: bratSource(path.relative(base, stem), root), incoming: read.incoming });
    }
  }
  return batches;
}

/** The documents under root that a project's sources may be: not Marginalia's own exports or brat copies. */
async function documentsUnder(root: string): Promise<RefiQdaDocument[]> {
  const out: RefiQdaDocument[] = [];
  for (const file of await walkFiles(root, (n) => DOCUMENT_EXTENSIONS.has(path.extname(n).toLowerCase()))) {
    // A file that cannot be read as text cannot be a source's document either.
    const text = await readDocument(file).catch(() => undefined);
    if (text === undefined || recogniseExport(file, text) !== undefined || (await isBratCopy(file))) continue;
    out.push({ path: path.relative(root, file).split(path.sep).join('/'), text });
  }
  return out;
}

async function readRefiQdaFiles(files: readonly string[], root: string, problems: FileProblem[]): Promise<Batch[]> {
  const batches = new Map<string, Incoming[]>();
  let documents: RefiQdaDocument[] | undefined;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      problems.push({ path: file, message: describeFsError(error) });
      continue;
    }
    const read = readRefiQda(bytes, file);
    for (const p of read.problems) problems.push({ path: p.origin, message: p.reason });
    if (!read.sources.some((s) => s.incoming.length > 0)) continue;
    try {
      documents ??= await documentsUnder(root);
    } catch (error) {
      problems.push({ path: root, message: `${describeFsError(error)}; nothing imported from ${file}` });
      continue;
    }
    const matching = matchRefiSources(read.sources, documents);
    for (const u of matching.unmatched) problems.push({ path: u.origin, message: u.reason });
    for (const m of matching.matches) {
      const source = path.resolve(root, ...m.document.path.split('/'));
      batches.set(source, [...(batches.get(source) ?? []), ...m.source.incoming]);
    }
  }
  return [...batches].map(([source, incoming]) => ({ source, incoming }));
}

async function importInto(batch: Batch, write: boolean, io: CliIo, problems: FileProblem[]): Promise<void> {
  const sidecarPath = path.join(path.dirname(batch.source), sidecarFileName(path.basename(batch.source)));
  let text: string;
  let yaml: string | undefined;
  try {
    text = await readDocument(batch.source);
    yaml = await readSidecarText(sidecarPath);
  } catch (error) {
    problems.push({
      path: batch.source,
      message: `${describeFsError(error)}; its ${batch.incoming.length} annotation(s) are not imported`,
    });
    return;
  }
  const reading = readSidecarWithSource(yaml, sidecarPath, text, path.basename(batch.source));
  if (reading.sidecar === undefined || reading.errors.length > 0) {
    for (const e of reading.errors) io.out(formatSidecarError(e));
    problems.push({ path: sidecarPath, message: 'invalid sidecar, left as it is; nothing imported into it' });
    return;
  }
  const result = placeAnnotations(batch.incoming, text, reading.sidecar);
  let outcome = '';
  if (result.changed) {
    if (!write) outcome = '; not written (use --write)';
    else {
      try {
        const saved = await saveSidecar(sidecarPath, result.sidecar, { previousText: yaml, sourceText: text, sha256: reading.sha256 });
        outcome = saved.merged ? '; written (merged with a change made meanwhile)' : '; written';
        for (const c of saved.conflicts) io.out(`${sidecarPath}: ${c.message}`);
      } catch (error) {
        if (error instanceof SidecarRefused) for (const e of error.errors) io.out(formatSidecarError(e));
        problems.push({ path: sidecarPath, message: error instanceof Error ? error.message : String(error) });
        outcome = '; not written';
      }
    }
  }
  io.out(
    `${batch.source}: ${result.added.length} added, ${result.updated.length} updated, ${result.unchanged} unchanged, ${result.unplaced.length} not placed${outcome}`,
  );
  for (const u of result.unplaced) {
    io.out(`  not placed  ${u.origin}  ${JSON.stringify(u.quote.length > 80 ? `${u.quote.slice(0, 79)}…` : u.quote)}: ${u.reason}`);
    problems.push({ path: u.origin, message: `not placed: ${u.reason}` });
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import W3C Web Annotation, brat or REFI-QDA annotations into sidecars',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: { format: { type: 'string' }, root: { type: 'string' }, write: { type: 'boolean' } },
      }),
    );
    const format = values.format;
    if (format !== 'w3c' && format !== 'brat' && format !== 'refi-qda')
      throw new UsageError(`import needs --format w3c, brat or refi-qda${format === undefined ? '' : `; got '${format}'`}`);
    if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
    const root = path.resolve(values.root ?? '.');
    const problems: FileProblem[] = [];
    const batches =
      format === 'w3c'
        ? await readW3c(positionals, root, problems)
        : format === 'brat'
          ? await readBratFiles(positionals, root, problems)
          : await readRefiQdaFiles(positionals, root, problems);
    for (const batch of batches) await importInto(batch, values.write === true, io, problems);
    for (const p of problems) io.err(`marginalia: ${p.path}: ${p.message}`);
    return problems.length > 0 ? 1 : 0;
  },
};
