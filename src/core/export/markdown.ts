// Markdown report: what a researcher pastes into a brief or a pull request. Per document,
// its annotations in reading order (quote, label, status, note); first, a table of which
// controls each document cites.

import { shortName, type Catalog } from '../catalog/types';
import type { Annotation } from '../sidecar/format';
import { annotationsToExport, CodePointLines } from './select';
import type { ExportDocument, ExportOptions, ExportResult } from './types';

/** Up to this many documents the summary is a controls × documents grid; beyond, a list per control. */
const MAX_GRID_COLUMNS = 8;

export interface MarkdownOptions extends ExportOptions {
  /** Title of a catalog id (`iso-27001` → "ISO/IEC 27001"), so the summary reads as prose. */
  controlTitle?: (id: string) => string | undefined;
}

/**
 * Escapes what Markdown would otherwise render: emphasis, links, HTML, headings, table
 * pipes, code spans. Line breaks become spaces; callers that keep them split first.
 */
/** controlTitle for a catalog: each entry's short name, so the summary table stays narrow. */
export function titlesFrom(catalog: Catalog): (id: string) => string | undefined {
  const titles = new Map(catalog.entries.map((e) => [e.id, shortName(e)]));
  return (id) => titles.get(id);
}

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    // An ordered-list marker ("1. ") or a hyphen at the start would begin a list.
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^-/, '\\-');
}

function controlKey(a: Annotation): string | undefined {
  return a.kind === 'control' ? a.label ?? a.quote : undefined;
}

function summary(docs: readonly ExportDocument[], perDoc: readonly Annotation[][], options: MarkdownOptions): string[] {
  const counts = new Map<string, number[]>();
  perDoc.forEach((list, i) => {
    for (const a of list) {
      const key = controlKey(a);
      if (key === undefined || a.orphaned) continue;
      const row = counts.get(key) ?? docs.map(() => 0);
      row[i] = (row[i] ?? 0) + 1;
      counts.set(key, row);
    }
  });
  if (counts.size === 0) return ['No controls are cited in these documents.', ''];
  const keys = [...counts.keys()].sort();
  const name = (id: string): string => {
    const title = options.controlTitle?.(id);
    return title === undefined ? `\`${id}\`` : `${escapeMarkdown(title)} (\`${id}\`)`;
  };
  if (docs.length <= MAX_GRID_COLUMNS) {
    const out = [
      `| Control | ${docs.map((d) => escapeMarkdown(d.path)).join(' | ')} |`,
      `|---|${docs.map(() => '---:').join('|')}|`,
    ];
    for (const key of keys) {
      const row = counts.get(key) ?? [];
      out.push(`| ${name(key)} | ${row.map((n) => (n === 0 ? '' : String(n))).join(' | ')} |`);
    }
    return [...out, ''];
  }
  const out = ['| Control | Documents | Mentions |', '|---|---|---:|'];
  for (const key of keys) {
    const row = counts.get(key) ?? [];
    const citing = docs.filter((_, i) => (row[i] ?? 0) > 0).map((d) => escapeMarkdown(d.path));
    out.push(`| ${name(key)} | ${citing.join(', ')} | ${row.reduce((s, n) => s + n, 0)} |`);
  }
  return [...out, ''];
}

function annotationLines(a: Annotation, lines: CodePointLines): string[] {
  const where = a.orphaned ? 'orphaned: not found in the current text' : `line ${lines.lineOf(a.start)}`;
  const label = a.label === undefined ? '' : ` · ${escapeMarkdown(a.label)}`;
  const speaker = a.speaker === undefined ? '' : ` · speaker: ${escapeMarkdown(a.speaker)}`;
  const out = [`- **${escapeMarkdown(a.kind)}**${label} · *${a.status}* · ${where}${speaker}`];
  // Each quoted line stays its own blockquote line, so paragraphs inside a quote survive.
  for (const line of a.quote.split(/\r\n|\r|\n/)) out.push(`  > ${escapeMarkdown(line)}`);
  if (a.note !== undefined && a.note.trim() !== '') {
    // The note is the researcher's own Markdown: kept as written, indented into the item.
    out.push('', ...a.note.split(/\r\n|\r|\n/).map((l) => (l === '' ? '' : `  ${l}`)));
  }
  // After a blank line: right after a quote or a list it would be read as part of them.
  if (a.tags !== undefined && a.tags.length > 0) out.push('', `  Tags: ${a.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(', ')}`);
  out.push('');
  return out;
}

export function exportMarkdown(docs: readonly ExportDocument[], options: MarkdownOptions): ExportResult {
  const perDoc = docs.map((d) => annotationsToExport(d, options));
  const count = perDoc.reduce((n, l) => n + l.length, 0);
  const out = [`# ${escapeMarkdown(options.title ?? 'Marginalia annotations')}`, ''];
  out.push(`${count} annotation${count === 1 ? '' : 's'} in ${docs.length} document${docs.length === 1 ? '' : 's'}${options.now === undefined ? '' : `, exported ${options.now}`}.`, '');
  out.push('## Controls cited', '', ...summary(docs, perDoc, options));
  docs.forEach((doc, i) => {
    const list = perDoc[i] ?? [];
    out.push(`## ${escapeMarkdown(doc.path)}`, '');
    if (doc.sidecar.source.published !== undefined) out.push(`Published ${doc.sidecar.source.published}.`, '');
    if (list.length === 0) {
      out.push('No annotations.', '');
      return;
    }
    const lines = new CodePointLines(doc.text);
    for (const a of list) out.push(...annotationLines(a, lines));
  });
  return { files: [{ path: 'annotations.md', contents: out.join('\n') }], count, skipped: [] };
}
