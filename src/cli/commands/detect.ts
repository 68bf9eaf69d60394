import { LineIndex } from '../../core/text/lines';
import { excerpt } from '../../core/text/excerpt';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { builtinCatalog } from '../../core/catalog/builtin';
import { parseCatalog } from '../../core/catalog/load';
import { mergeCatalogs } from '../../core/catalog/merge';
import { builtinMatcher, DocumentDetector } from '../../core/detect';
import { compileControlMatcher, type ControlMatcher } from '../../core/detect/controls';
import type { Detection } from '../../core/model';
import { formatSidecarError } from '../../core/sidecar/format';
import { CLAIM_SENSITIVITIES, meetsSensitivity, type ClaimSensitivity } from '../../core/detect/sensitivity';
import { displayLabel } from '../../core/store/labels';
import { preannotate } from '../../core/store/preannotate';
import { readSidecarWithSource } from '../../core/store/sidecarRead';
import { OffsetMap } from '../../core/text/offsets';
import { parseIsoDate, parseKinds, withUsageErrors } from '../args';
import { recogniseExport } from '../../core/export/recognise';
import { collectDocuments, describeFsError, isBratCopy, readDocument, type FileProblem } from '../files';
import { isSidecarPath, readSidecarText, saveSidecar, SidecarRefused, sidecarPathFor, sourcePathFor } from '../sidecarFiles';
import { UsageError, type CliCommand, type CliIo } from '../usage';

const USAGE = `Usage: marginalia detect PATH... [--json] [--kinds claim,date,control] [--ref-date YYYY-MM-DD]
                        [--claim-sensitivity low|medium|high] [--catalog FILE]
                        [--write [--author NAME]]

Finds claims, dates and named controls in text and Markdown documents (directories are
walked for *.txt, *.text, *.md, *.markdown) and prints them.

Options:
  --json                 print [{"file", "annotations": [{"kind", "start", "end", "text", ...}]}]
                         with start/end in Unicode code points, end exclusive
  --kinds LIST           only these kinds (default: claim,date,control)
  --ref-date YYYY-MM-DD  resolve relative dates against this date (default: the
                         document's own date; without one they stay unresolved)
  --claim-sensitivity L  only claims the detector is sure enough of: high (default:
                         every claim), medium (the editor's default), low (the surest);
                         dates and controls are always kept
  --catalog FILE         add the entries and patterns of a catalog file (the format of
                         .marginalia/controls.yaml, see docs/catalog.md) to the
                         built-in catalog; its errors are printed as file:line:column
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
                         reported and left untouched. With --json the summary goes to
                         stderr.
  --author NAME          with --write: record NAME as the stored suggestions' author
                         (who ran the detector)

Exit status: 0 success, 1 a file could not be read, a sidecar is invalid or could not
be written (the other files are still processed), 2 bad usage.`;

/** A detection as the CLI's JSON shows it: code-point offsets, snake_case keys. */
export function toJson(d: Detection, offsets: OffsetMap): Record<string, unknown> {
  const base = { kind: d.kind, start: offsets.toCodePoint(d.start), end: offsets.toCodePoint(d.end), text: d.text };
  switch (d.kind) {
    case 'control':
      return { ...base, id: d.id, ...(d.framework ? { framework: d.framework, control_id: d.controlId } : {}) };
    case 'date':
      return {
        ...base,
        ...(d.value !== undefined ? { value: d.value } : {}),
        ...(d.endValue !== undefined ? { end_value: d.endValue } : {}),
        relative: d.relative,
        stated: d.stated,
        implied: d.implied,
        ...(d.reference !== undefined ? { reference: d.reference } : {}),
      };
    case 'claim':
      return {
        ...base,
        type: d.type,
        cues: d.cues,
        ...(d.speaker !== undefined ? { speaker: d.speaker } : {}),
        hedges: d.hedges,
        confidence: Math.round(d.confidence * 100) / 100,
      };
  }
}

/** `line:column`, the column in code points as the offsets elsewhere in the CLI. */
function position(lines: LineIndex, offset: number, offsets: OffsetMap): string {
  const { line } = lines.position(offset);
  const column = offsets.toCodePoint(offset) - offsets.toCodePoint(lines.lineStart(line)) + 1;
  return `${line}:${column}`;
}

function printTable(io: CliIo, file: string, text: string, detections: readonly Detection[], offsets: OffsetMap): void {
  const lines = new LineIndex(text);
  const rows = detections.map((d) => [`${file}:${position(lines, d.start, offsets)}`, d.kind, displayLabel(d), excerpt(d.text, 70)]);
  if (rows.length === 0) {
    io.out(`${file}: nothing found`);
    return;
  }
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r[c] as string).length)));
  for (const r of rows) io.out(r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c] as number) : cell)).join('  '));
}

/**
 * Pre-annotates one document: reads its sidecar (its `published` date resolves relative
 * dates unless --ref-date says otherwise), detects, stores the findings as suggestions
 * through the one write path, and prints what was done. Returns the problem when the
 * sidecar was invalid or could not be written.
 */
async function writeDetections(
  say: (text: string) => void,
  file: string,
  text: string,
  detect: (referenceDate: string | undefined) => readonly Detection[],
  options: { referenceDate: string | undefined; author: string | undefined },
): Promise<FileProblem | undefined> {
  const sidecarPath = sidecarPathFor(file);
  let yaml: string | undefined;
  try {
    yaml = await readSidecarText(sidecarPath);
  } catch (error) {
    return { path: sidecarPath, message: `${describeFsError(error)}; left as it is` };
  }
  const reading = readSidecarWithSource(yaml, sidecarPath, text, path.basename(file));
  if (reading.sidecar === undefined || reading.errors.length > 0) {
    for (const e of reading.errors) say(formatSidecarError(e));
    return { path: sidecarPath, message: 'invalid sidecar, left as it is; fix it and run again' };
  }
  const merged = preannotate(reading.sidecar, text, detect, {
    sha256: reading.sha256,
    ...(options.referenceDate === undefined ? {} : { referenceDate: options.referenceDate }),
    ...(options.author === undefined ? {} : { author: options.author }),
  });
  const r = reading.reconciled;
  const moves =
    r?.reanchored && r.counts.moved + r.counts.fuzzy + r.counts.orphaned > 0
      ? `; re-anchored first: ${r.counts.moved} moved, ${r.counts.fuzzy} fuzzy, ${r.counts.orphaned} orphaned`
      : '';
  let outcome = '; nothing to write';
  let problem: FileProblem | undefined;
  const changed = merged.changed || r?.changed === true || reading.migrated !== undefined;
  // An empty new sidecar is not worth a file.
  if (changed && !(yaml === undefined && merged.added.length === 0)) {
    try {
      const saved = await saveSidecar(sidecarPath, merged.sidecar, { previousText: yaml, sourceText: text, sha256: reading.sha256 });
      const how = saved.merged ? ' (merged with a change made meanwhile)' : '';
      for (const c of saved.conflicts) say(`${sidecarPath}: ${c.message}`);
      outcome =
        saved.action === 'unchanged'
          ? '; nothing to write'
          : yaml === undefined
            ? `; created ${sidecarPath}${how}`
            : `; written to ${sidecarPath}${how}`;
    } catch (error) {
      if (error instanceof SidecarRefused) for (const e of error.errors) say(formatSidecarError(e));
      problem = {
        path: sidecarPath,
        message: error instanceof SidecarRefused ? error.message.replace(`${sidecarPath}: `, '') : describeFsError(error),
      };
      outcome = '; not written';
    }
  }
  say(
    `${file}: ${merged.added.length} suggestion${merged.added.length === 1 ? '' : 's'} stored, ${merged.alreadyAnnotated} already there${moves}${outcome}`,
  );
  return problem;
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
          kinds: { type: 'string' },
          'ref-date': { type: 'string' },
          write: { type: 'boolean' },
          author: { type: 'string' },
          catalog: { type: 'string' },
          'claim-sensitivity': { type: 'string' },
        },
      }),
    );
    const kinds = parseKinds(values.kinds);
    const sensitivity = values['claim-sensitivity'] ?? 'high';
    if (!(CLAIM_SENSITIVITIES as readonly string[]).includes(sensitivity))
      throw new UsageError(`--claim-sensitivity must be one of ${CLAIM_SENSITIVITIES.join(', ')}; got '${sensitivity}'`);
    const level = sensitivity as ClaimSensitivity;
    const referenceDate = parseIsoDate(values['ref-date'], '--ref-date');
    if (positionals.length === 0) throw new UsageError('detect needs at least one PATH');
    if (values.author !== undefined && !values.write) throw new UsageError('--author only applies with --write');
    // With --json, stdout carries only the JSON.
    const say = (text: string): void => {
      if (values.json) io.err(text);
      else io.out(text);
    };

    const collected = await collectDocuments(positionals);
    const problems = collected.problems;
    const matcher = values.catalog === undefined ? builtinMatcher() : await loadCatalogFile(values.catalog, problems);
    // A sidecar named with --write stands for its source: a sidecar of a sidecar makes no sense.
    const files = values.write ? [...new Set(collected.files.map((f) => (isSidecarPath(f) ? sourcePathFor(f) : f)))] : collected.files;
    const results: { file: string; annotations: Record<string, unknown>[] }[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = await readDocument(file);
      } catch (error) {
        problems.push({ path: file, message: describeFsError(error) });
        continue;
      }
      // Marginalia never analyses its own output (a report or a brat export saved among the sources).
      const own = recogniseExport(file, text) ?? ((await isBratCopy(file)) ? 'brat' : undefined);
      if (own !== undefined) {
        say(`${file}: skipped, a Marginalia export (${own}), not a source`);
        continue;
      }
      const detector = new DocumentDetector(matcher);
      const detect = (reference: string | undefined): Detection[] =>
        detector.detect(text, { kinds, ...(reference ? { referenceDate: reference } : {}) }).filter((d) => meetsSensitivity(d, level));
      let detections: readonly Detection[] | undefined;
      if (values.write) {
        // The sidecar's `published` date resolves relative dates, as in the editor's scan.
        const problem = await writeDetections(say, file, text, (reference) => (detections = detect(reference)), {
          referenceDate,
          author: values.author,
        });
        if (problem) problems.push(problem);
      }
      detections ??= detect(referenceDate);
      const offsets = new OffsetMap(text);
      if (values.json) results.push({ file, annotations: detections.map((d) => toJson(d, offsets)) });
      else if (!values.write) printTable(io, file, text, detections, offsets);
    }
    if (values.json) io.out(JSON.stringify(results, null, 2));
    for (const p of problems) io.err(`marginalia: ${p.path}: ${p.message}`);
    return problems.length > 0 ? 1 : 0;
  },
};

/** The built-in catalog plus a user's catalog file; its errors become problems (exit 1), its valid entries still count. */
async function loadCatalogFile(file: string, problems: FileProblem[]): Promise<ControlMatcher> {
  let text: string;
  try {
    text = await readDocument(file);
  } catch (error) {
    throw new UsageError(`--catalog ${file}: ${describeFsError(error)}`);
  }
  const builtin = builtinCatalog();
  const { catalog, errors } = parseCatalog(text, file, { knownIds: builtin.entries.map((e) => e.id) });
  for (const e of errors) problems.push({ path: `${file}:${e.line}:${e.column}`, message: e.message });
  return compileControlMatcher(mergeCatalogs(builtin, catalog));
}
