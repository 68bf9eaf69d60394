// A text made from a PDF exports the page of each annotation: a CSV column, and in the
// Markdown report beside the line, with a line saying what the text was made from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { exportBrat } from '../../../src/core/export/brat';
import { exportCsv } from '../../../src/core/export/csv';
import { readBrat } from '../../../src/core/import/brat';
import { exportJson } from '../../../src/core/export/json';
import { exportMarkdown } from '../../../src/core/export/markdown';
import { originalPath, resolveAgainst } from '../../../src/core/export/ids';
import { exportW3c, PDF_FRAGMENT_SPEC, textTargetOf, type OriginalTarget, type WebAnnotation } from '../../../src/core/export/w3c';
import { readWebAnnotations } from '../../../src/core/import/w3c';
import { needsShared } from '../../eval/shared';
import { standardsDir } from './documents';
import { failures, mustAssertions } from './w3cSchemas';
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

test('brat: a Page attribute of each annotation, its values declared; the import passes over it without a problem', () => {
  const result = exportBrat([{ path: 'report.pdf.txt', text: TEXT, sidecar: SIDECAR }], {});
  const file = (name: string): string => {
    const c = result.files.find((f) => f.path === name)?.contents;
    assert.equal(typeof c, 'string', name);
    return c as string;
  };
  const ann = file('report.pdf.ann');
  assert.deepEqual(
    ann.split('\n').filter((l) => /\tPage /.test(l)),
    ['A2\tPage T1 p1', 'A4\tPage T2 p2', 'A6\tPage T3 p3'],
  );
  assert.match(file('annotation.conf'), /\nPage\tArg:<ENTITY>, Value:p1\|p2\|p3\n/);
  const read = readBrat(ann, TEXT, 'report.pdf.ann');
  assert.deepEqual(read.problems, []);
  assert.equal(read.incoming.length, 3);
  // A plain text has no Page attribute, and its conf declares none.
  const plain = exportBrat([{ path: 'plain.txt', text: TEXT, sidecar: { ...SIDECAR, source: { file: 'plain.txt' } } }], {});
  assert.ok(plain.files.every((f) => typeof f.contents !== 'string' || !f.contents.includes('Page')));
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

function w3cItems(docs: Parameters<typeof exportW3c>[0], baseUri?: string): WebAnnotation[] {
  const result = exportW3c(docs, { ...(baseUri === undefined ? {} : { baseUri }) });
  return (JSON.parse(contents(result)) as { first: { items: WebAnnotation[] } }).first.items;
}

function originalOf(w: WebAnnotation): OriginalTarget {
  assert.ok(Array.isArray(w.target), `${w.marginalia.id}: one target`);
  return w.target[1];
}

test('W3C: a text made from a PDF targets the PDF too, at the page, refined by the quote', () => {
  const items = w3cItems([{ path: 'sources/report.pdf.txt', text: TEXT, sidecar: SIDECAR }], 'file:///home/ada/corpus/');
  assert.deepEqual(
    items.map((w) => [w.marginalia.id, textTargetOf(w).source]),
    [
      ['soc', 'file:///home/ada/corpus/sources/report.pdf.txt'],
      ['dpc', 'file:///home/ada/corpus/sources/report.pdf.txt'],
      ['fn', 'file:///home/ada/corpus/sources/report.pdf.txt'],
    ],
  );
  const pages = items.map((w) => {
    const o = originalOf(w);
    assert.equal(o.source, 'file:///home/ada/corpus/sources/report.pdf');
    assert.ok(o.selector.type === 'FragmentSelector');
    assert.equal(o.selector.conformsTo, PDF_FRAGMENT_SPEC);
    assert.equal(o.selector.refinedBy.exact, SIDECAR.annotations.find((a) => a.id === w.marginalia.id)?.quote);
    // The refinement stays on the page the fragment names: no context across a page break.
    assert.ok(!o.selector.refinedBy.prefix.includes('\f') && !o.selector.refinedBy.suffix.includes('\f'), w.marginalia.id);
    return o.selector.value;
  });
  assert.deepEqual(pages, ['page=1', 'page=2', 'page=3']);
  // The text's own selectors are as for any document, so an import still places each annotation.
  const read = readWebAnnotations(JSON.stringify({ type: 'AnnotationCollection', first: { items } }), 'w3c.jsonld');
  assert.deepEqual(read.problems, []);
  assert.deepEqual(
    read.items.map((i) => [i.source, i.incoming.quote, i.incoming.start]),
    SIDECAR.annotations.map((a) => ['file:///home/ada/corpus/sources/report.pdf.txt', a.quote, a.start]),
  );
});

test('W3C: a saved web page is targeted at its address, with the saved file as the copy of the day it was saved', () => {
  const sidecar: Sidecar = {
    ...SIDECAR,
    source: {
      file: 'story.html.txt',
      original: 'story.html',
      originalType: 'html',
      url: 'https://news.example.com/2025/04/breach',
      retrieved: '2025-04-10',
    },
  };
  const [w] = w3cItems([{ path: 'web/story.html.txt', text: TEXT, sidecar }], 'https://example.org/corpus/');
  assert.ok(w);
  const o = originalOf(w);
  assert.equal(o.source, 'https://news.example.com/2025/04/breach');
  assert.deepEqual(o.selector, textTargetOf(w).selector[0]);
  assert.deepEqual(o.state, { type: 'TimeState', cached: 'https://example.org/corpus/web/story.html', sourceDate: '2025-04-10T00:00:00Z' });
  // No address recorded: the saved file itself is the original.
  const [bare] = w3cItems(
    [{ path: 'story.html.txt', text: TEXT, sidecar: { ...sidecar, source: { ...sidecar.source, url: undefined } } }],
    'https://example.org/c/',
  );
  assert.ok(bare);
  assert.equal(originalOf(bare).source, 'https://example.org/c/story.html');
  assert.equal(originalOf(bare).state, undefined);
});

test('W3C: a plain text, and an orphaned annotation, have one target', () => {
  const orphan = { ...SIDECAR.annotations[0]!, orphaned: true as const };
  const items = w3cItems([
    { path: 'plain.txt', text: TEXT, sidecar: { ...SIDECAR, source: { file: 'plain.txt' } } },
    { path: 'report.pdf.txt', text: TEXT, sidecar: { ...SIDECAR, annotations: [orphan] } },
  ]);
  assert.equal(items.length, 4);
  for (const w of items) assert.ok(!Array.isArray(w.target), w.marginalia.id);
});

test(
  'W3C: annotations with the original as a second target pass every must assertion of the W3C test suite',
  needsShared('standards', 'the W3C schemas on targets of PDF and web originals'),
  () => {
    const musts = mustAssertions(standardsDir as string);
    const html: Sidecar = {
      ...SIDECAR,
      source: {
        file: 'story.html.txt',
        original: 'story.html',
        originalType: 'html',
        url: 'https://news.example.com/a',
        retrieved: '2025-04-10',
      },
    };
    const items = [
      ...w3cItems([{ path: 'report.pdf.txt', text: TEXT, sidecar: SIDECAR }], 'file:///corpus/'),
      ...w3cItems([{ path: 'story.html.txt', text: TEXT, sidecar: html }], 'file:///corpus/'),
    ];
    assert.equal(items.length, 6);
    for (const w of items) assert.deepEqual(failures(musts, w), [], w.marginalia.id);
  },
);

test('the original’s path: relative to the text’s folder, dot segments resolved; IRIs likewise', () => {
  assert.equal(originalPath('sources/report.pdf.txt', 'report.pdf'), 'sources/report.pdf');
  assert.equal(originalPath('texts/report.pdf.txt', '../pdfs/report.pdf'), 'pdfs/report.pdf');
  assert.equal(originalPath('report.pdf.txt', '../pdfs/./report.pdf'), '../pdfs/report.pdf');
  assert.equal(resolveAgainst('file:///home/ada/texts/report.pdf.txt', '../pdfs/report.pdf'), 'file:///home/ada/pdfs/report.pdf');
  assert.equal(resolveAgainst('file:///report.pdf.txt', '../report.pdf'), 'file:///report.pdf');
});
