// brat standoff export (https://brat.nlplab.org/standoff.html): per document a `.txt`
// copy of the text and a `.ann` beside it, plus one `annotation.conf` declaring what the
// `.ann` files use. Offsets count code points, as brat (Python 3 strings) does.
//
// What brat carries: the kind as the entity type, the span and its text, the status and
// the label as attributes, the note as AnnotatorNotes. The Status attribute tells an
// unreviewed suggestion (`suggested`, exported only when asked for) from a person's
// decision, and annotation.conf declares every status so a brat user can change it.
// Speaker, tags, author, reviewer and dates have no place in brat (attribute values are
// single words from a declared list) and are not exported; the import restores the rest.

import { annotationsToExport, exportResult } from './select';
import type { ExportDocument, ExportFile, ExportOptions, ExportResult, ExportSkip } from './types';
import type { Annotation } from '../sidecar/format';
import { STATUSES } from '../model';

/** brat type and attribute names: letters, digits, `_` and `-`, starting with a letter. */
export function bratTypeName(kind: string): string {
  const cleaned = kind.replace(/[^A-Za-z0-9_-]+/g, '_');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `K_${cleaned}`;
}

/** Attribute values may not hold whitespace or the conf file's separators (`|`, `,`). */
export function bratValue(label: string): string {
  return label.replace(/[\s|,]+/g, '_');
}

/**
 * AnnotatorNotes are one line: backslash, line breaks and tabs are written as `\\`, `\n`,
 * `\r` and `\t`, which the import reads back.
 */
export function escapeBratNote(note: string): string {
  return note.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? c);
}

export function unescapeBratNote(text: string): string {
  return text.replace(/\\([\\nrt])/g, (_, c: string) => ({ '\\': '\\', n: '\n', r: '\r', t: '\t' })[c] ?? c);
}

/** Where a document's `.txt` and `.ann` go: `a/b.txt` → `a/b`; `a/b.md` → `a/b.md`. */
export function bratStem(path: string): string {
  return path.endsWith('.txt') ? path.slice(0, -4) : path;
}

/**
 * The span as brat fragments: brat's text column is one line, so a span that crosses a line
 * break becomes fragments `s1 e1;s2 e2` around the break, with their texts joined by a space.
 */
export function fragments(quote: string, start: number): { spans: [number, number][]; text: string } {
  const spans: [number, number][] = [];
  const texts: string[] = [];
  let cp = start;
  let fragStart = start;
  let current = '';
  for (const ch of quote) {
    if (ch === '\n' || ch === '\r') {
      if (current !== '') { spans.push([fragStart, cp]); texts.push(current); }
      current = '';
      fragStart = cp + 1;
    } else {
      current += ch;
    }
    cp++;
  }
  if (current !== '') { spans.push([fragStart, cp]); texts.push(current); }
  return { spans, text: texts.join(' ') };
}

interface DocumentAnn {
  text: string;
  kinds: Set<string>;
  labels: Set<string>;
  exported: Annotation[];
  skipped: ExportSkip[];
}

function annText(doc: ExportDocument, list: readonly Annotation[]): DocumentAnn {
  const lines: string[] = [];
  const kinds = new Set<string>();
  const labels = new Set<string>();
  const skipped: ExportSkip[] = [];
  const exported: Annotation[] = [];
  let t = 0;
  let attr = 0;
  let note = 0;
  for (const a of list) {
    if (a.orphaned) {
      skipped.push({ path: doc.path, id: a.id, reason: 'orphaned: its quote is not in the current text, so it has no offsets for brat' });
      continue;
    }
    const { spans, text } = fragments(a.quote, a.start);
    if (spans.length === 0) {
      skipped.push({ path: doc.path, id: a.id, reason: 'the quote is only line breaks, which brat cannot mark' });
      continue;
    }
    const type = bratTypeName(a.kind);
    kinds.add(type);
    exported.push(a);
    const id = `T${++t}`;
    lines.push(`${id}\t${type} ${spans.map(([s, e]) => `${s} ${e}`).join(';')}\t${text}`);
    lines.push(`A${++attr}\tStatus ${id} ${a.status}`);
    if (a.label !== undefined) {
      const value = bratValue(a.label);
      labels.add(value);
      lines.push(`A${++attr}\tLabel ${id} ${value}`);
    }
    if (a.note !== undefined) lines.push(`#${++note}\tAnnotatorNotes ${id}\t${escapeBratNote(a.note)}`);
  }
  return { text: lines.map((l) => l + '\n').join(''), kinds, labels, exported, skipped };
}

/** First line of the annotation.conf Marginalia writes; how it knows its own. */
export const BRAT_CONF_HEADER = '# Written by Marginalia: the annotation types and attributes of this export.';

/**
 * annotation.conf declaring every entity type and attribute value the `.ann` files use,
 * and every status (`suggested` included), so a status can be changed in brat.
 */
export function bratConf(kinds: ReadonlySet<string>, labels: ReadonlySet<string>): string {
  const lines = [BRAT_CONF_HEADER, '[entities]'];
  lines.push(...[...kinds].sort());
  lines.push('', '[relations]', '', '[events]', '', '[attributes]');
  lines.push(`Status\tArg:<ENTITY>, Value:${STATUSES.join('|')}`);
  if (labels.size > 0) lines.push(`Label\tArg:<ENTITY>, Value:${[...labels].sort().join('|')}`);
  return lines.join('\n') + '\n';
}

export function exportBrat(docs: readonly ExportDocument[], options: ExportOptions): ExportResult {
  const files: ExportFile[] = [];
  const kinds = new Set<string>();
  const labels = new Set<string>();
  const skipped: ExportSkip[] = [];
  const exported: Annotation[] = [];
  for (const doc of docs) {
    const ann = annText(doc, annotationsToExport(doc, options));
    const stem = bratStem(doc.path);
    files.push({ path: `${stem}.txt`, contents: doc.text }, { path: `${stem}.ann`, contents: ann.text });
    ann.kinds.forEach((k) => kinds.add(k));
    ann.labels.forEach((l) => labels.add(l));
    skipped.push(...ann.skipped);
    exported.push(...ann.exported);
  }
  files.push({ path: 'annotation.conf', contents: bratConf(kinds, labels) });
  return exportResult(files, exported, skipped, docs, options);
}
