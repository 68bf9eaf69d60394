// What `marginalia detect` does for one document, whichever thread does it: read the
// file (or take the document from standard input), detect, store the detections in the
// sidecar with --write, and make what is printed for it. The command runs it in-process
// (--jobs 1) or posts it to worker threads (cliWorker.ts); the outcome is plain data, and
// the command prints the outcomes in input order, so both give the same bytes.
import * as path from 'node:path';
import { compileControlMatcher, type ControlMatcher } from '../core/detect/controls';
import { builtinMatcher, DocumentDetector } from '../core/detect';
import { meetsSensitivity, type ClaimSensitivity } from '../core/detect/sensitivity';
import { recogniseExport } from '../core/export/recognise';
import type { Catalog } from '../core/catalog/types';
import { linksOf } from '../core/detect/links';
import { speakerEntities } from '../core/entities/inDocument';
import { EntityRegistry } from '../core/entities/registry';
import type { Entity } from '../core/entities/types';
import type { Detection, DetectionLink, Kind } from '../core/model';
import { formatSidecarError } from '../core/sidecar/format';
import { displayLabel } from '../core/store/labels';
import { preannotate } from '../core/store/preannotate';
import { readSidecarWithSource, recordedDate } from '../core/store/sidecarRead';
import { excerpt } from '../core/text/excerpt';
import { LineIndex } from '../core/text/lines';
import { OffsetMap } from '../core/text/offsets';
import { describeFsError, isBratCopy, readDocument, type FileProblem } from './files';
import { parseJsonlDocument } from './jsonlDocuments';
import { readSidecarText, saveSidecar, SidecarRefused, sidecarPathFor } from './sidecarFiles';

/** How the results are printed: a readable table, one JSON array, or one JSON line per document. */
export type DetectOutput = 'table' | 'json' | 'jsonl';

/** The command's options that shape each document's work: the same for every document. */
export interface DetectSettings {
  kinds: Kind[];
  level: ClaimSensitivity;
  referenceDate: string | undefined;
  write: boolean;
  author: string | undefined;
  output: DetectOutput;
  /** --entities: the entities speakers resolve to (plain data: sent to workers). */
  entities?: Entity[];
}

export type DetectInput =
  /** A file named by a PATH argument, a walked folder or --files-from. */
  | { kind: 'file'; file: string }
  /** The whole of standard input, one plain-text document (`-`). */
  | { kind: 'text'; name: string; text: string }
  /** One line of JSON Lines documents (`--jsonl -`); `number` counts from 1. */
  | { kind: 'jsonl'; source: string; number: number; line: string; notText?: true };

/** One line of output, to standard output or standard error. */
export interface OutputLine {
  to: 'out' | 'err';
  text: string;
}

export interface DetectOutcome {
  /** Printed in this order, before the record. */
  lines: OutputLine[];
  /**
   * The document's result as printed: for `json`, the array element indented as
   * JSON.stringify(array, null, 2) indents it; for `jsonl`, one line. Absent when the
   * document gives none (a table, or a file that could not be read with `json`).
   */
  record?: string;
  problems: FileProblem[];
  /** UTF-8 bytes of text detected, for the progress line. */
  bytes: number;
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The control matcher a task detects with: the built-in catalog's, or one merged with --catalog. */
export interface MatcherSource {
  matcher(): ControlMatcher;
}

/** Compiles the catalog the first time a document needs it (a worker with --catalog), else the built-in one. */
export function matcherSource(catalog: Catalog | undefined): MatcherSource {
  let compiled: ControlMatcher | undefined;
  return {
    matcher: () => (compiled ??= catalog === undefined ? builtinMatcher() : compileControlMatcher(catalog)),
  };
}

/**
 * A detection as the CLI's JSON shows it: code-point offsets, snake_case keys. The keys
 * are assigned one by one, in their printed order, rather than spread from conditional
 * objects: a large document has tens of thousands of detections, and the temporary
 * objects were a good part of the CLI's time in garbage collection.
 */
export function toJson(d: Detection, offsets: OffsetMap): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: d.kind, start: offsets.toCodePoint(d.start), end: offsets.toCodePoint(d.end), text: d.text };
  switch (d.kind) {
    case 'control':
      out['id'] = d.id;
      if (d.framework) {
        out['framework'] = d.framework;
        out['control_id'] = d.controlId;
      }
      return out;
    case 'date':
      if (d.value !== undefined) out['value'] = d.value;
      if (d.endValue !== undefined) out['end_value'] = d.endValue;
      out['relative'] = d.relative;
      out['stated'] = d.stated;
      out['implied'] = d.implied;
      if (d.reference !== undefined) out['reference'] = d.reference;
      return out;
    case 'claim':
      out['type'] = d.type;
      out['cues'] = d.cues;
      if (d.speaker !== undefined) out['speaker'] = d.speaker;
      out['hedges'] = d.hedges;
      out['confidence'] = Math.round(d.confidence * 100) / 100;
      return out;
  }
}

/** A claim's link as the CLI's JSON shows it: the role, and the target's kind and span (code points) and text. */
function linkJson(l: DetectionLink, offsets: OffsetMap): Record<string, unknown> {
  return {
    role: l.role,
    kind: l.target.kind,
    start: offsets.toCodePoint(l.target.start),
    end: offsets.toCodePoint(l.target.end),
    text: l.target.text,
  };
}

/** `line:column`, the column in code points as the offsets elsewhere in the CLI. */
function position(lines: LineIndex, offset: number, offsets: OffsetMap): string {
  const { line } = lines.position(offset);
  const column = offsets.toCodePoint(offset) - offsets.toCodePoint(lines.lineStart(line)) + 1;
  return `${line}:${column}`;
}

function tableLines(file: string, text: string, detections: readonly Detection[], offsets: OffsetMap): string[] {
  const lines = new LineIndex(text);
  const rows = detections.map((d) => [`${file}:${position(lines, d.start, offsets)}`, d.kind, displayLabel(d), excerpt(d.text, 70)]);
  if (rows.length === 0) return [`${file}: nothing found`];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r[c] as string).length)));
  return rows.map((r) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c] as number) : cell)).join('  '));
}

/**
 * An element of a JSON array exactly as JSON.stringify(array, null, 2) writes it: the
 * one-element array's text without its brackets and their line ends (one pass, where
 * re-indenting the element's own text took a second pass over megabytes).
 */
export function arrayElement(value: unknown): string {
  return JSON.stringify([value], null, 2).slice(2, -2);
}

/** The record of a document for the output: an array element or a JSON line. */
function record(output: DetectOutput, value: Record<string, unknown>): string | undefined {
  if (output === 'json') return arrayElement(value);
  if (output === 'jsonl') return JSON.stringify(value);
  return undefined;
}

/**
 * Pre-annotates one document: reads its sidecar (its `published` date resolves relative
 * dates unless --ref-date says otherwise), detects, stores the findings as suggestions
 * through the one write path, and says what was done. Returns the problem when the
 * sidecar was invalid or could not be written.
 */
/** The date recorded in the sidecar beside `file`, if it has one; an unreadable sidecar is said, not fatal. */
async function recordedDateOf(file: string, say: (text: string) => void): Promise<string | undefined> {
  const sidecarPath = sidecarPathFor(file);
  try {
    const yaml = await readSidecarText(sidecarPath);
    if (yaml === undefined) return undefined;
    const recorded = recordedDate(yaml, sidecarPath);
    if (recorded.errors > 0)
      say(`${sidecarPath}: not a valid sidecar (see marginalia validate); the document date it may record is not used`);
    return recorded.date;
  } catch (error) {
    say(`${sidecarPath}: ${describeFsError(error)}; the document date it may record is not used`);
    return undefined;
  }
}

async function writeDetections(
  say: (text: string) => void,
  file: string,
  text: string,
  detect: (referenceDate: string | undefined) => readonly Detection[],
  options: { referenceDate: string | undefined; author: string | undefined; entities: EntityRegistry },
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
    entities: options.entities,
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

/** Detects one document and says what to print for it; never throws for a problem with the document itself. */
export async function detectDocument(settings: DetectSettings, input: DetectInput, matchers: MatcherSource): Promise<DetectOutcome> {
  const lines: OutputLine[] = [];
  const problems: FileProblem[] = [];
  // With JSON output, standard output carries only the JSON.
  const sayTo: OutputLine['to'] = settings.output === 'table' ? 'out' : 'err';
  const say = (text: string): void => {
    lines.push({ to: sayTo, text });
  };

  let name: string;
  let text: string;
  let referenceDate = settings.referenceDate;
  /** What identifies the document in a record: its file, or the id its JSON line gave. */
  let identity: Record<string, unknown>;
  if (input.kind === 'jsonl') {
    const parsed: ReturnType<typeof parseJsonlDocument> = input.notText
      ? { ok: false, message: 'not valid UTF-8 text' }
      : parseJsonlDocument(input.line);
    name = `${input.source}:${input.number}`;
    if (!parsed.ok) {
      problems.push({ path: name, message: parsed.message });
      return {
        lines,
        problems,
        bytes: 0,
        record: JSON.stringify({ ...(parsed.id === undefined ? {} : { id: parsed.id }), error: parsed.message }),
      };
    }
    text = parsed.document.text;
    identity = { id: parsed.document.id };
    // A document's own reference date wins over --ref-date, which wins over the date it states.
    if (parsed.document.refDate !== undefined) referenceDate = parsed.document.refDate;
  } else if (input.kind === 'text') {
    name = input.name;
    text = input.text;
    identity = { file: name };
  } else {
    name = input.file;
    identity = { file: name };
    try {
      text = await readDocument(name);
    } catch (error) {
      const message = describeFsError(error);
      problems.push({ path: name, message });
      return {
        lines,
        problems,
        bytes: 0,
        ...(settings.output === 'jsonl' ? { record: JSON.stringify({ ...identity, error: message }) } : {}),
      };
    }
    // Marginalia never analyses its own output (a report or a brat export saved among the sources).
    const own = recogniseExport(name, text) ?? ((await isBratCopy(name)) ? 'brat' : undefined);
    if (own !== undefined) {
      const reason = `a Marginalia export (${own}), not a source`;
      say(`${name}: skipped, ${reason}`);
      return {
        lines,
        problems,
        bytes: utf8Length(text),
        ...(settings.output === 'jsonl' ? { record: JSON.stringify({ ...identity, skipped: reason }) } : {}),
      };
    }
  }

  // The date the document's sidecar records (Set Document Date, Add Source) resolves its
  // relative dates, as in the editor; --write reads it with the whole sidecar below.
  if (input.kind === 'file' && !settings.write && referenceDate === undefined) referenceDate = await recordedDateOf(name, say);
  const detector = new DocumentDetector(matchers.matcher());
  const registry = new EntityRegistry(settings.entities ?? []);
  const detect = (reference: string | undefined): Detection[] =>
    detector
      .detect(text, { kinds: settings.kinds, ...(reference ? { referenceDate: reference } : {}) })
      .filter((d) => meetsSensitivity(d, settings.level));
  let detections: readonly Detection[] | undefined;
  if (settings.write && input.kind === 'file') {
    // The sidecar's `published` date resolves relative dates, as in the editor's scan.
    const problem = await writeDetections(say, name, text, (reference) => (detections = detect(reference)), {
      referenceDate,
      author: settings.author,
      entities: registry,
    });
    if (problem) problems.push(problem);
  }
  detections ??= detect(referenceDate);
  const offsets = new OffsetMap(text);
  const out: DetectOutcome = { lines, problems, bytes: utf8Length(text) };
  if (settings.output === 'table') {
    if (!settings.write) for (const line of tableLines(name, text, detections, offsets)) lines.push({ to: 'out', text: line });
  } else {
    const links = linksOf(text, detections, referenceDate ?? detector.referenceDate(text));
    const entities = speakerEntities(text, detections, registry);
    const annotations = detections.map((d) => {
      const json = toJson(d, offsets);
      const entity = d.kind === 'claim' ? entities.get(d) : undefined;
      if (entity !== undefined) json['entity'] = entity;
      const own = d.kind === 'claim' ? links.get(d) : undefined;
      if (own !== undefined) json['links'] = own.map((l) => linkJson(l, offsets));
      return json;
    });
    out.record = record(settings.output, { ...identity, annotations });
  }
  return out;
}
