// CSV, JSON, JSON Lines and the Markdown report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, exportCsv } from '../../../src/core/export/csv';
import { exportJson, exportJsonl } from '../../../src/core/export/json';
import { escapeMarkdown, exportMarkdown } from '../../../src/core/export/markdown';
import { annotationsToExport, CodePointLines } from '../../../src/core/export/select';
import { FORMATS, runExport } from '../../../src/core/export';
import type { Annotation } from '../../../src/core/sidecar/format';
import { allDocuments, cpSlice, trickyDocument } from './documents';

function text(result: { files: { contents: string | Uint8Array }[] }): string {
  const c = result.files[0]?.contents;
  assert.equal(typeof c, 'string');
  return c as string;
}

test('CSV: RFC 4180 read back by a CSV parser gives every annotation, quotes intact', () => {
  const docs = allDocuments();
  const csv = text(exportCsv(docs, {}));
  assert.ok(!csv.startsWith('\ufeff'));
  assert.ok(csv.includes('\r\n'), 'records end with CRLF');
  const rows = parse<Record<string, string>>(csv, { columns: true, bom: true, relax_quotes: false });
  assert.deepEqual(Object.keys(rows[0] ?? {}), [...CSV_COLUMNS]);
  const expected = docs.flatMap((d) => annotationsToExport(d, {}).map((a) => ({ d, a })));
  assert.equal(rows.length, expected.length);
  expected.forEach(({ d, a }, i) => {
    const row = rows[i]!;
    assert.equal(row['file'], d.path);
    assert.equal(row['id'], a.id);
    const quote = /^[=+\-@\t\r]/.test(a.quote) ? `'${a.quote}` : a.quote;
    assert.equal(row['quote'], quote);
    assert.equal(cpSlice(d.text, Number(row['start']), Number(row['end'])), a.quote);
    assert.equal(Number(row['line']), new CodePointLines(d.text).lineOf(a.start));
    assert.equal(row['status'], a.status);
    assert.equal(row['note'] ?? '', /^[=+\-@\t\r]/.test(a.note ?? '') ? `'${a.note}` : a.note ?? '');
  });
  const tricky = rows.find((r) => r['kind'] === 'quote check')!;
  assert.ok(tricky['quote']!.includes('\r\nA second line 😀'), 'line break and emoji survive');
  assert.equal(tricky['tags'], 'a,b; say "hi"');
  assert.equal(tricky['speaker'], 'the CEO');
  assert.equal(tricky['author'], 'Grace');
});

test('CSV: the BOM option, and formulas are neutralised for spreadsheets', () => {
  const csv = text(exportCsv([trickyDocument()], { bom: true }));
  assert.ok(csv.startsWith('\ufeff'));
  const rows = parse<Record<string, string>>(csv, { columns: true, bom: true });
  assert.equal(rows.find((r) => r['kind'] === 'note')!['quote'], "'=SUM(A1)");
  assert.equal(rows.find((r) => r['kind'] === 'note')!['note'], "'+1 tab\there\\n");
});

test('JSON holds the sidecar data and paths; JSONL one annotation per line', () => {
  const docs = allDocuments();
  const json = JSON.parse(text(exportJson(docs, { now: '2026-11-24T00:00:00Z' }))) as { documents: { file: string; annotations: Annotation[]; sha256?: string }[]; exported: string };
  assert.equal(json.exported, '2026-11-24T00:00:00Z');
  assert.deepEqual(json.documents.map((d) => d.file), docs.map((d) => d.path));
  json.documents.forEach((d, i) => {
    assert.deepEqual(d.annotations, annotationsToExport(docs[i]!, {}));
    assert.equal(d.sha256, docs[i]!.sidecar.source.sha256);
  });
  const lines = text(exportJsonl(docs, { includeDismissed: true })).split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, docs.reduce((n, d) => n + d.sidecar.annotations.length, 0));
  for (const line of lines) {
    const rec = JSON.parse(line) as Annotation & { file: string };
    const doc = docs.find((d) => d.path === rec.file)!;
    assert.equal(cpSlice(doc.text, rec.start, rec.end), rec.quote);
  }
});

test('dismissed suggestions are left out unless asked for', () => {
  const doc = trickyDocument();
  const dismissed = doc.sidecar.annotations.filter((a) => a.status === 'dismissed').length;
  assert.ok(dismissed > 0);
  assert.equal(exportCsv([doc], {}).count, doc.sidecar.annotations.length - dismissed);
  assert.equal(exportCsv([doc], { includeDismissed: true }).count, doc.sidecar.annotations.length);
});

test('Markdown: a controls × documents table and each annotation with quote, label, status, note', () => {
  const docs = allDocuments();
  const md = text(exportMarkdown(docs, { controlTitle: (id) => (id === 'iso-27001' ? 'ISO/IEC 27001' : undefined) }));
  assert.match(md, /^# Marginalia annotations\n/);
  const header = md.split('\n').find((l) => l.startsWith('| Control |'))!;
  assert.equal(header.split('|').length - 3, docs.length, 'one column per document');
  assert.match(md, /\| ISO\/IEC 27001 \(`iso-27001`\) \|/);
  for (const doc of docs) assert.ok(md.includes(`## ${escapeMarkdown(doc.path)}`));
  // The tricky quote: each line its own blockquote line, Markdown characters escaped.
  assert.ok(md.includes('  > A second line 😀'));
  assert.ok(md.includes('\\=SUM\\(A1\\)') || md.includes('=SUM\\(A1\\)'));
  assert.ok(md.includes('  Says <b>"all"</b> & more:'), 'the note is the researcher\'s own Markdown, kept');
  assert.ok(md.includes("Tags: `a,b`, `say \"hi\"`"));
});

test('escapeMarkdown neutralises what would render', () => {
  assert.equal(escapeMarkdown('# a *b* [c](d) <e> | f_g'), '\\# a \\*b\\* \\[c\\]\\(d\\) \\<e\\> \\| f\\_g');
  assert.equal(escapeMarkdown('1. item'), '1\\. item');
  assert.equal(escapeMarkdown('- item'), '\\- item');
});

test('every listed format exports the corpus without throwing', () => {
  const docs = allDocuments();
  for (const f of FORMATS) {
    const result = runExport(f.id, docs, {});
    assert.ok(result.files.length >= 1, f.id);
    if (f.singleFile) assert.equal(result.files.length, 1, f.id);
  }
});
