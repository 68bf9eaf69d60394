// A text made from a PDF exports the page of each annotation: a CSV column, and in the
// Markdown report beside the line, with a line saying what the text was made from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { exportCsv } from '../../../src/core/export/csv';
import { exportJson } from '../../../src/core/export/json';
import { exportMarkdown } from '../../../src/core/export/markdown';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/format';
import { OffsetMap } from '../../../src/core/text/offsets';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sources');
const TEXT = readFileSync(path.join(FIXTURES, 'report.pdf.expected.txt'), 'utf8');

function contents(result: { files: { contents: string | Uint8Array }[] }): string {
  const c = result.files[0]?.contents;
  assert.equal(typeof c, 'string');
  return c as string;
}

function annotation(id: string, quote: string): Annotation {
  const offsets = new OffsetMap(TEXT);
  const start = offsets.toCodePoint(TEXT.indexOf(quote));
  return {
    id,
    kind: 'control',
    quote,
    prefix: '',
    suffix: '',
    start,
    end: offsets.toCodePoint(TEXT.indexOf(quote) + quote.length),
    origin: 'manual',
    status: 'open',
  };
}

const SIDECAR: Sidecar = {
  marginalia: 2,
  source: {
    file: 'report.pdf.txt',
    original: 'report.pdf',
    originalType: 'pdf',
    title: 'Tessaline Transparency Report 2025',
    added: '2026-12-06',
    pages: [0, 309, 574],
  },
  annotations: [
    annotation('soc', 'SOC 2 Type II'),
    annotation('dpc', 'Irish Data Protection Commission'),
    annotation('fn', 'Figures as of'),
  ],
};

test('CSV: a page column, filled for a text made from a PDF and empty for any other', () => {
  const docs = [
    { path: 'report.pdf.txt', text: TEXT, sidecar: SIDECAR },
    { path: 'plain.txt', text: TEXT, sidecar: { ...SIDECAR, source: { file: 'plain.txt' } } },
  ];
  const rows = parse<Record<string, string>>(contents(exportCsv(docs, {})), { columns: true });
  assert.deepEqual(
    rows.map((r) => [r['file'], r['id'], r['page']]),
    [
      ['report.pdf.txt', 'soc', '1'],
      ['report.pdf.txt', 'dpc', '2'],
      ['report.pdf.txt', 'fn', '3'],
      ['plain.txt', 'soc', ''],
      ['plain.txt', 'dpc', ''],
      ['plain.txt', 'fn', ''],
    ],
  );
});

test('Markdown: what the text was made from, and each annotation’s page beside its line', () => {
  const md = contents(exportMarkdown([{ path: 'report.pdf.txt', text: TEXT, sidecar: SIDECAR }], {}));
  assert.match(md, /Text made from report\.pdf \(“Tessaline Transparency Report 2025”\), 3 pages on 2026-12-06\./);
  assert.match(md, /Irish Data Protection Commission/);
  assert.match(md, /line 9, page 2 of report\.pdf/);
  assert.match(md, /line 15, page 3 of report\.pdf/);
});

test('JSON: the document keeps its provenance, each annotation its page', () => {
  const json = JSON.parse(contents(exportJson([{ path: 'report.pdf.txt', text: TEXT, sidecar: SIDECAR }], {}))) as {
    documents: { file: string; original?: string; pages?: number[]; annotations: { id: string; page?: number }[] }[];
  };
  const doc = json.documents[0];
  assert.ok(doc);
  assert.equal(doc.original, 'report.pdf');
  assert.deepEqual(doc.pages, [0, 309, 574]);
  assert.deepEqual(
    doc.annotations.map((a) => [a.id, a.page]),
    [
      ['soc', 1],
      ['dpc', 2],
      ['fn', 3],
    ],
  );
});
