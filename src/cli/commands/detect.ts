import { parseArgs } from 'node:util';
import { DocumentDetector } from '../../core/detect';
import type { Detection } from '../../core/model';
import { OffsetMap } from '../../core/text/offsets';
import { parseIsoDate, parseKinds, withUsageErrors } from '../args';
import { collectDocuments, describeFsError, readDocument } from '../files';
import { UsageError, type CliCommand, type CliIo } from '../usage';

const USAGE = `Usage: marginalia detect PATH... [--json] [--kinds claim,date,control] [--ref-date YYYY-MM-DD]

Finds claims, dates and named controls in text and Markdown documents (directories are
walked for *.txt, *.text, *.md, *.markdown) and prints them.

Options:
  --json                 print [{"file", "annotations": [{"kind", "start", "end", "text", ...}]}]
                         with start/end in Unicode code points, end exclusive
  --kinds LIST           only these kinds (default: claim,date,control)
  --ref-date YYYY-MM-DD  resolve relative dates against this date (default: the
                         document's own date; without one they stay unresolved)

Exit status: 0 success, 1 a file could not be read (the others are still reported), 2 bad usage.`;

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
        relative: d.relative, stated: d.stated, implied: d.implied,
        ...(d.reference !== undefined ? { reference: d.reference } : {}),
      };
    case 'claim':
      return {
        ...base, type: d.type, cues: d.cues,
        ...(d.speaker !== undefined ? { speaker: d.speaker } : {}),
        hedges: d.hedges, confidence: Math.round(d.confidence * 100) / 100,
      };
  }
}

/** What a table row shows as the detection's label. */
export function labelOf(d: Detection): string {
  switch (d.kind) {
    case 'control': return d.framework ? `${d.framework} ${d.controlId ?? ''}`.trim() : d.id;
    case 'date': return d.value === undefined ? '(unresolved)' : d.endValue ? `${d.value}/${d.endValue}` : d.value;
    case 'claim': return d.speaker ? `${d.type} (${d.speaker})` : d.type;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number, offsets: OffsetMap): string {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const column = offsets.toCodePoint(offset) - offsets.toCodePoint(starts[lo] as number) + 1;
  return `${lo + 1}:${column}`;
}

function excerpt(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function printTable(io: CliIo, file: string, text: string, detections: readonly Detection[], offsets: OffsetMap): void {
  const starts = lineStarts(text);
  const rows = detections.map((d) => [`${file}:${position(starts, d.start, offsets)}`, d.kind, labelOf(d), excerpt(d.text)]);
  if (rows.length === 0) {
    io.out(`${file}: nothing found`);
    return;
  }
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r[c] as string).length)));
  for (const r of rows) io.out(r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c] as number) : cell)).join('  '));
}

export const detectCommand: CliCommand = {
  name: 'detect',
  summary: 'find claims, dates and controls in documents',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors(() => parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean' }, kinds: { type: 'string' }, 'ref-date': { type: 'string' } },
    }));
    const kinds = parseKinds(values.kinds);
    const referenceDate = parseIsoDate(values['ref-date'], '--ref-date');
    if (positionals.length === 0) throw new UsageError('detect needs at least one PATH');

    const { files, problems } = await collectDocuments(positionals);
    const results: { file: string; annotations: Record<string, unknown>[] }[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = await readDocument(file);
      } catch (error) {
        problems.push({ path: file, message: describeFsError(error) });
        continue;
      }
      const detections = new DocumentDetector().detect(text, { kinds, ...(referenceDate ? { referenceDate } : {}) });
      const offsets = new OffsetMap(text);
      if (values.json) results.push({ file, annotations: detections.map((d) => toJson(d, offsets)) });
      else printTable(io, file, text, detections, offsets);
    }
    if (values.json) io.out(JSON.stringify(results, null, 2));
    for (const p of problems) io.err(`marginalia: ${p.path}: ${p.message}`);
    return problems.length > 0 ? 1 : 0;
  },
};
