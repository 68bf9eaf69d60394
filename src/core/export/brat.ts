// brat standoff export (https://brat.nlplab.org/standoff.html): per document a `.txt`
// copy of the text and a `.ann` beside it, plus one `annotation.conf` declaring what the
// `.ann` files use. Offsets count code points, as brat (Python 3 strings) does.
//
// What brat carries: the kind as the entity type, the span and its text, the status and
// the label as attributes, the note as AnnotatorNotes, and for a text made from a PDF by
// Add Source the page of the original as a Page attribute (`p2`: values are declared
// words; the import passes over it, the page map gives it). The Status attribute tells an
// unreviewed suggestion (`suggested`, exported only when asked for) from a person's
// decision, and annotation.conf declares every status so a brat user can change it.
// Speaker, tags, author, reviewer and dates have no place in brat (attribute values are
// single words from a declared list) and are not exported; the import restores the rest.
//
// Marginalia lets annotations overlap (a date or a control inside a claim, a note across two
// claims); brat's validation reports every overlap that annotation.conf does not allow with
// an `<OVERLAP>` rule in its [relations] section (brat's configuration documentation,
// "Advanced relation configuration"). So the conf declares each overlap the export holds:
// `contain` from the inner type to the outer one, `equal` and `cross` in both orders.

import { annotationsToExport, exportResult } from './select';
import type { ExportDocument, ExportFile, ExportOptions, ExportResult, ExportSkip } from './types';
import type { Annotation } from '../sidecar/format';
import { pageOf } from '../sidecar/pages';
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
      if (current !== '') {
        spans.push([fragStart, cp]);
        texts.push(current);
      }
      current = '';
      fragStart = cp + 1;
    } else {
      current += ch;
    }
    cp++;
  }
  if (current !== '') {
    spans.push([fragStart, cp]);
    texts.push(current);
  }
  return { spans, text: texts.join(' ') };
}

/** How two text-bound annotations may overlap in brat's terms (`<OVL-TYPE>` values). */
export type OverlapType = 'contain' | 'equal' | 'cross';

/** Overlaps to declare: Arg1 type → Arg2 type → how. `contain` means Arg1 lies inside Arg2. */
export type OverlapRules = Map<string, Map<string, Set<OverlapType>>>;

interface Entity {
  type: string;
  spans: [number, number][];
}

function allow(rules: OverlapRules, arg1: string, arg2: string, how: OverlapType): void {
  const inner = rules.get(arg1) ?? new Map<string, Set<OverlapType>>();
  inner.set(arg2, (inner.get(arg2) ?? new Set<OverlapType>()).add(how));
  rules.set(arg1, inner);
}

/**
 * How `a` and `b` overlap, if they do: any fragment of one sharing a character with any of
 * the other. Equal when the fragments are the same; else one contains the other when its
 * extent (first start to last end) holds the other's; else they cross.
 */
export function overlapOf(
  a: readonly [number, number][],
  b: readonly [number, number][],
): 'equal' | 'a-in-b' | 'b-in-a' | 'cross' | undefined {
  if (!a.some(([s1, e1]) => b.some(([s2, e2]) => s1 < e2 && s2 < e1))) return undefined;
  const sameFragments =
    a.length === b.length &&
    a.every(([s, e], i) => {
      const other = b[i];
      return other !== undefined && other[0] === s && other[1] === e;
    });
  if (sameFragments) return 'equal';
  const [aStart, aEnd] = [a[0]?.[0] ?? 0, a[a.length - 1]?.[1] ?? 0];
  const [bStart, bEnd] = [b[0]?.[0] ?? 0, b[b.length - 1]?.[1] ?? 0];
  if (bStart <= aStart && aEnd <= bEnd) return 'a-in-b';
  if (aStart <= bStart && bEnd <= aEnd) return 'b-in-a';
  return 'cross';
}

/** Adds to `rules` every overlap between the document's entities. */
function collectOverlaps(entities: readonly Entity[], rules: OverlapRules): void {
  const sorted = [...entities].sort((x, y) => (x.spans[0]?.[0] ?? 0) - (y.spans[0]?.[0] ?? 0));
  sorted.forEach((a, i) => {
    const aEnd = a.spans[a.spans.length - 1]?.[1] ?? 0;
    for (const b of sorted.slice(i + 1)) {
      // Sorted by start: once one starts at or after a's end, none after it overlaps a.
      if ((b.spans[0]?.[0] ?? 0) >= aEnd) break;
      switch (overlapOf(a.spans, b.spans)) {
        case 'equal':
          allow(rules, a.type, b.type, 'equal');
          allow(rules, b.type, a.type, 'equal');
          break;
        case 'cross':
          allow(rules, a.type, b.type, 'cross');
          allow(rules, b.type, a.type, 'cross');
          break;
        case 'a-in-b':
          allow(rules, a.type, b.type, 'contain');
          break;
        case 'b-in-a':
          allow(rules, b.type, a.type, 'contain');
          break;
        case undefined:
          break;
      }
    }
  });
}

interface DocumentAnn {
  text: string;
  kinds: Set<string>;
  labels: Set<string>;
  pages: Set<number>;
  entities: Entity[];
  exported: Annotation[];
  skipped: ExportSkip[];
}

function annText(doc: ExportDocument, list: readonly Annotation[]): DocumentAnn {
  const lines: string[] = [];
  const kinds = new Set<string>();
  const labels = new Set<string>();
  const pages = new Set<number>();
  const skipped: ExportSkip[] = [];
  const exported: Annotation[] = [];
  const entities: Entity[] = [];
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
    entities.push({ type, spans });
    exported.push(a);
    const id = `T${++t}`;
    lines.push(`${id}\t${type} ${spans.map(([s, e]) => `${s} ${e}`).join(';')}\t${text}`);
    lines.push(`A${++attr}\tStatus ${id} ${a.status}`);
    if (a.label !== undefined) {
      const value = bratValue(a.label);
      labels.add(value);
      lines.push(`A${++attr}\tLabel ${id} ${value}`);
    }
    const page = pageOf(doc.sidecar.source, a.start);
    if (page !== undefined) {
      pages.add(page);
      lines.push(`A${++attr}\tPage ${id} ${pageValue(page)}`);
    }
    if (a.note !== undefined) lines.push(`#${++note}\tAnnotatorNotes ${id}\t${escapeBratNote(a.note)}`);
  }
  return { text: lines.map((l) => l + '\n').join(''), kinds, labels, pages, entities, exported, skipped };
}

/** A page of the original as a brat attribute value (a word: `p2`). */
export function pageValue(page: number): string {
  return `p${page}`;
}

/** First line of the annotation.conf Marginalia writes; how it knows its own. */
export const BRAT_CONF_HEADER = '# Written by Marginalia: the annotation types and attributes of this export.';

/**
 * annotation.conf declaring every entity type, overlap and attribute value the `.ann`
 * files use, and every status (`suggested` included), so a status can be changed in brat.
 */
export function bratConf(
  kinds: ReadonlySet<string>,
  labels: ReadonlySet<string>,
  overlaps: OverlapRules = new Map(),
  pages: ReadonlySet<number> = new Set(),
): string {
  const lines = [BRAT_CONF_HEADER, '[entities]'];
  lines.push(...[...kinds].sort());
  lines.push('', '[relations]');
  if (overlaps.size > 0) lines.push('# How annotations overlap in this export (Arg1 lies inside Arg2 for contain).');
  for (const arg1 of [...overlaps.keys()].sort()) {
    const inner = overlaps.get(arg1) ?? new Map<string, Set<OverlapType>>();
    for (const arg2 of [...inner.keys()].sort()) {
      const how = [...(inner.get(arg2) ?? [])].sort().join('|');
      lines.push(`<OVERLAP>\tArg1:${arg1}, Arg2:${arg2}, <OVL-TYPE>:${how}`);
    }
  }
  lines.push('', '[events]', '', '[attributes]');
  lines.push(`Status\tArg:<ENTITY>, Value:${STATUSES.join('|')}`);
  if (labels.size > 0) lines.push(`Label\tArg:<ENTITY>, Value:${[...labels].sort().join('|')}`);
  if (pages.size > 0)
    lines.push(
      `Page\tArg:<ENTITY>, Value:${[...pages]
        .sort((a, b) => a - b)
        .map(pageValue)
        .join('|')}`,
    );
  return lines.join('\n') + '\n';
}

export function exportBrat(docs: readonly ExportDocument[], options: ExportOptions): ExportResult {
  const files: ExportFile[] = [];
  const kinds = new Set<string>();
  const labels = new Set<string>();
  const pages = new Set<number>();
  const skipped: ExportSkip[] = [];
  const exported: Annotation[] = [];
  const overlaps: OverlapRules = new Map();
  for (const doc of docs) {
    const ann = annText(doc, annotationsToExport(doc, options));
    collectOverlaps(ann.entities, overlaps);
    const stem = bratStem(doc.path);
    files.push({ path: `${stem}.txt`, contents: doc.text }, { path: `${stem}.ann`, contents: ann.text });
    ann.kinds.forEach((k) => kinds.add(k));
    ann.labels.forEach((l) => labels.add(l));
    ann.pages.forEach((p) => pages.add(p));
    skipped.push(...ann.skipped);
    exported.push(...ann.exported);
  }
  files.push({ path: 'annotation.conf', contents: bratConf(kinds, labels, overlaps, pages) });
  return exportResult(files, exported, skipped, docs, options);
}
