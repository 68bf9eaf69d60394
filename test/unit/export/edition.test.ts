// The annotated edition (export/edition.ts): read back with jsdom as a browser would, the
// text between the tags is each source exactly, every exported annotation has its marks
// and one margin note, overlaps show both annotations, orphans are listed apart, nothing
// from a sidecar can become markup, and the file holds no script and fetches nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { FORMATS, runExport } from '../../../src/core/export';
import { exportEdition } from '../../../src/core/export/edition';
import { registerRows } from '../../../src/core/export/register';
import { annotationsToExport } from '../../../src/core/export/select';
import type { ExportDocument, ExportOptions } from '../../../src/core/export/types';
import { FORMAT_VERSION, type Annotation } from '../../../src/core/sidecar/format';
import { corpusDocuments, repeatedDocument, trickyDocument } from './documents';

const NOW = '2026-12-01T09:00:00Z';

/** A document built for overlaps and hazards: crossing and nested spans, emoji, combining marks, CRLF, NBSP, markup in everything. */
function hazardDocument(): ExportDocument {
  const text = [
    'Acme <b>Corp</b> & "partners" said 😀 they will encrypt all data by 2025.',
    'Cafe\u0301 owners\u00a0agree; 🔒🔒 no breach occurred in March 2024.',
    '',
    'Last line without a break',
  ].join('\r\n');
  const cp = Array.from(text);
  const at = (quote: string, from = 0): { start: number; end: number; quote: string } => {
    const i = text.indexOf(quote, from);
    if (i < 0) throw new Error(`fixture: ${quote}`);
    const start = Array.from(text.slice(0, i)).length;
    return { start, end: start + Array.from(quote).length, quote };
  };
  const base = (id: string, kind: string, quote: string, extra: Partial<Annotation> = {}): Annotation => ({
    id,
    kind,
    ...at(quote),
    prefix: '',
    suffix: '',
    origin: 'manual',
    status: 'open',
    reviewer: 'Ada',
    reviewed: '2026-11-25T09:00:00Z',
    ...extra,
  });
  assert.ok(cp.length < text.length, 'the fixture has astral characters');
  return {
    path: 'notes/<script>alert(1)</script> & "x".txt',
    text,
    sidecar: {
      marginalia: FORMAT_VERSION,
      source: { file: 'x.txt', published: '2025-01-15' },
      annotations: [
        base('claim1', 'claim', '😀 they will encrypt all data by 2025.', {
          label: 'commitment',
          speaker: 'Acme <b>Corp</b>',
          due: ['date1'],
          about: ['ctl1'],
          note: 'Note with <script>alert("note")</script> & <img src=x onerror=alert(1)>\nsecond line',
          verdict: 'broken',
          evidence: ['#date2'],
        }),
        base('date1', 'date', 'by 2025', { label: '2025' }),
        base('ctl1', 'control', 'encrypt all data', { label: 'iso-27001' }),
        // Crosses claim1's start: neither contains the other.
        base('cross', 'note', '"partners" said 😀 they', { note: '</aside><script>x</script>' }),
        base('code1', 'quote check', 'Cafe\u0301 owners\u00a0agree', { label: 'needs <source>' }),
        base('deny', 'claim', '🔒🔒 no breach occurred in March 2024.', { label: 'denial', status: 'suggested', reviewer: undefined }),
        base('date2', 'date', 'March 2024', { label: '2024-03', status: 'verified' }),
        base('same1', 'note', 'Last line', {}),
        base('same2', 'note', 'Last line', { status: 'disputed' }),
        base('gone', 'claim', 'Acme', {
          quote: 'a sentence <em>removed</em>',
          orphaned: true,
          label: 'assertion',
          note: 'was here',
        }),
        base('nope', 'date', 'by 2025', { status: 'dismissed', label: '2025' }),
      ],
    },
  };
}

function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

function editionOf(docs: readonly ExportDocument[], options: ExportOptions): { html: string; document: Document } {
  const file = exportEdition(docs, options).files[0];
  assert.equal(file?.path, 'edition.html');
  assert.equal(typeof file.contents, 'string');
  const html = file.contents as string;
  return { html, document: parse(html) };
}

function articleOf(document: Document, path: string): Element {
  const article = [...document.querySelectorAll('article.document')].find((a) => a.getAttribute('data-doc') === path);
  assert.ok(article, `no article for ${path}`);
  return article;
}

/** The text column without its margin notes: what the reader reads as the source. */
function sourceText(article: Element): string {
  const text = article.querySelector('.text');
  assert.ok(text);
  const copy = text.cloneNode(true) as Element;
  for (const note of copy.querySelectorAll('aside')) note.remove();
  return copy.textContent;
}

/** Checks one document's article against what the export should carry. */
function checkDocument(document: Document, doc: ExportDocument, options: ExportOptions): void {
  const article = articleOf(document, doc.path);
  const exported = annotationsToExport(doc, options);
  const placed = exported.filter((a) => a.orphaned !== true);
  assert.equal(sourceText(article), doc.text, `${doc.path}: the text column is the source, exactly`);
  const marks = [...article.querySelectorAll('mark[data-id]')];
  assert.ok(marks.every((m) => m.getAttribute('data-doc') === doc.path));
  assert.deepEqual(new Set(marks.map((m) => m.getAttribute('data-id'))), new Set(placed.map((a) => a.id)), `${doc.path}: marks`);
  const notes = [...article.querySelectorAll('aside.note')];
  assert.deepEqual(
    notes.map((n) => n.getAttribute('data-note-for')).sort(),
    placed.map((a) => a.id).sort(),
    `${doc.path}: one note per placed annotation`,
  );
  assert.ok(notes.every((n) => n.getAttribute('data-doc') === doc.path));
  // Each annotation's marks hold its quote: offsets converted from code points rightly.
  for (const a of placed) {
    const pieces = [...article.querySelectorAll('mark[data-id]')].filter((m) => m.getAttribute('data-id') === a.id);
    // Pieces never nest inside a piece of the same annotation, so their texts concatenate to the quote.
    assert.equal(pieces.map((m) => m.textContent).join(''), a.quote, `${doc.path}: ${a.id} marks its quote`);
    assert.equal(pieces.filter((m) => m.hasAttribute('data-n')).length, 1, `${a.id}: one numbered first piece`);
  }
  const orphans = exported.filter((a) => a.orphaned === true);
  assert.deepEqual(
    [...article.querySelectorAll('[data-orphan-for]')].map((o) => o.getAttribute('data-orphan-for')),
    orphans.map((a) => a.id),
  );
}

test('every exported annotation is marked and has one margin note; the text is the source exactly', () => {
  const docs = [hazardDocument(), trickyDocument(), repeatedDocument()];
  for (const options of [{ now: NOW }, { now: NOW, includeSuggestions: true }, { includeSuggestions: true, includeDismissed: true }]) {
    const { document } = editionOf(docs, options);
    assert.equal(document.querySelectorAll('article.document').length, docs.length);
    for (const doc of docs) checkDocument(document, doc, options);
  }
});

test('the shared corpus reads back the same way', (t) => {
  const docs = corpusDocuments(t);
  if (docs.length === 0) return;
  const options = { now: NOW, includeSuggestions: true };
  const { document } = editionOf(docs, options);
  for (const doc of docs) checkDocument(document, doc, options);
});

test('overlapping and nested annotations are both visible on the shared characters', () => {
  const doc = hazardDocument();
  const { document } = editionOf([doc], { now: NOW, includeSuggestions: true });
  const article = articleOf(document, doc.path);
  const covering = (needle: string): Set<string> => {
    const walker = document.createTreeWalker(article.querySelector('.text') as Element, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      if (!(n.textContent ?? '').includes(needle) || n.parentElement?.closest('aside')) continue;
      const ids = new Set<string>();
      for (let e: Element | null = n.parentElement; e !== null; e = e.parentElement) {
        const id = e.getAttribute('data-id');
        if (id !== null) ids.add(id);
      }
      return ids;
    }
    throw new Error(`no text node holds ${needle}`);
  };
  // Crossing spans: both on the part they share, one each outside it.
  assert.deepEqual(covering('😀'), new Set(['claim1', 'cross']));
  assert.deepEqual(covering(' they'), new Set(['claim1', 'cross']));
  assert.deepEqual(covering('partners'), new Set(['cross']));
  // Nested: a control and a date inside a claim.
  assert.deepEqual(covering('encrypt'), new Set(['claim1', 'ctl1']));
  assert.deepEqual(covering('2025'), new Set(['claim1', 'date1']));
  // Two annotations on the same span.
  assert.deepEqual(covering('Last line'), new Set(['same1', 'same2']));
  // A piece of an annotation split by another's boundary carries the same id, not a number.
  const claimPieces = [...article.querySelectorAll('mark[data-id="claim1"]')];
  assert.ok(claimPieces.length > 1);
  assert.match(claimPieces[0]?.getAttribute('data-n') ?? '', /^\d+$/);
  assert.equal(claimPieces[0]?.id, 'a1-claim1');
  assert.ok(claimPieces.slice(1).every((m) => !m.hasAttribute('data-n') && !m.hasAttribute('id')));
  // The highlight's classes: kind, claim type, status; a codebook kind is neutral.
  assert.match(claimPieces[0].className, /\bm-claim\b.*\bc-commitment\b.*\bs-open\b/);
  assert.match(article.querySelector('mark[data-id="code1"]')?.className ?? '', /\bm-code\b/);
  assert.equal(article.querySelector('mark[data-id="code1"]')?.getAttribute('data-kind'), 'quote check');
  assert.match(article.querySelector('mark[data-id="deny"]')?.className ?? '', /\bs-suggested\b/);
});

test('the margin note says what the annotation is, who decided, its links, evidence and note', () => {
  const doc = hazardDocument();
  const { document } = editionOf([doc], {
    now: NOW,
    includeSuggestions: true,
    controlTitle: (id: string) => (id === 'iso-27001' ? 'ISO/IEC 27001' : undefined),
  } as ExportOptions);
  const note = (id: string): Element => {
    const n = document.querySelector(`aside.note[data-note-for="${id}"]`);
    assert.ok(n, id);
    return n;
  };
  const claim = note('claim1').textContent;
  assert.match(claim, /^\d+Claim · commitment open/);
  assert.match(claim, /line 1 · open by Ada, 2026-11-25/);
  assert.match(claim, /Verdict: broken/);
  assert.match(claim, /Speaker: Acme <b>Corp<\/b>/);
  assert.match(claim, /About: iso-27001 \d+ \(encrypt all data\)/);
  assert.match(claim, /Due: 2025 \d+ \(by 2025\)/);
  assert.match(claim, /Evidence: #date2/);
  assert.match(claim, /Note with <script>alert\("note"\)<\/script> & <img src=x onerror=alert\(1\)>\nsecond line/);
  assert.match(note('claim1').querySelector('a[href="#n1-date1"]')?.textContent ?? '', /^2025 \d+$/);
  assert.equal(note('claim1').querySelector('.evidence a')?.getAttribute('href'), '#n1-date2');
  assert.match(note('ctl1').textContent, /Control · ISO\/IEC 27001 \(iso-27001\)/);
  // A suggestion says so in words, not only by its look.
  assert.match(note('deny').textContent, /suggestion/);
  assert.match(note('deny').textContent, /machine finding, not reviewed/);
  assert.match(note('deny').className, /\bs-suggested\b/);
  assert.match(note('same2').textContent, /disputed by Ada/);
  // The header counts, and says suggestions are included.
  const header = document.querySelector('.edition-header')?.textContent ?? '';
  assert.match(header, /generated by Marginalia on 2026-12-01T09:00:00Z/);
  assert.match(header, /9 reviewed annotations and 1 unreviewed suggestion in 1 document\. Suggestions are included/);
  assert.match(document.querySelector('.doc-meta')?.textContent ?? '', /Published 2025-01-15/);
});

test('orphans are listed apart, with their quote and note, never marked', () => {
  const doc = hazardDocument();
  const { document } = editionOf([doc], { now: NOW });
  const orphan = document.querySelector('[data-orphan-for="gone"]');
  assert.ok(orphan);
  assert.equal(orphan.closest('section')?.querySelector('h3')?.textContent, 'Not found in the text any more');
  assert.equal(orphan.querySelector('blockquote')?.textContent, 'a sentence <em>removed</em>');
  assert.match(orphan.textContent, /was here/);
  assert.equal(document.querySelectorAll('[data-id="gone"]').length, 0);
  assert.equal(document.querySelectorAll('aside[data-note-for="gone"]').length, 0);
  assert.equal(document.querySelectorAll('em').length, 0);
});

test('nothing from a sidecar or a source becomes markup: no script, no external resource, a strict policy', () => {
  const doc = hazardDocument();
  const title = '<script>alert("t")</script> & co';
  const { html, document } = editionOf([doc, trickyDocument()], { now: NOW, includeSuggestions: true, title });
  assert.equal(document.querySelectorAll('script, img, iframe, object, embed, link, base, form').length, 0);
  assert.doesNotMatch(html, /<script/i);
  const links = [...document.querySelectorAll('[src], [href], [srcset], [action], [data]')];
  assert.deepEqual(
    links.filter((e) => !(e.getAttribute('href') ?? '').startsWith('#')),
    [],
    'only links within the file',
  );
  assert.doesNotMatch(html, /url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
  assert.equal(document.title, title);
  assert.equal(document.querySelector('h1')?.textContent, title);
  assert.equal(document.documentElement.getAttribute('lang'), 'en');
  assert.equal(document.querySelector('meta[charset]')?.getAttribute('charset'), 'utf-8');
  assert.equal(
    document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  );
  assert.equal(document.querySelectorAll('style').length, 1);
  assert.ok(document.querySelectorAll('[style]').length === 0, 'no inline style attributes');
  // The path with markup is the heading's text and the attribute's value, as written.
  assert.equal(articleOf(document, doc.path).querySelector('h2')?.textContent, doc.path);
  // No element has an event handler attribute.
  const handlers = [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)));
  assert.deepEqual(handlers, []);
  assert.match(html.split('\n')[1] ?? '', /^<!-- Generated by Marginalia/);
  // A table of contents for several documents; the print styles and both columns are there.
  assert.equal(document.querySelectorAll('nav.toc a[href^="#doc-"]').length, 2);
  const style = document.querySelector('style')?.textContent ?? '';
  assert.match(style, /@media print/);
  assert.match(style, /print-color-adjust: exact/);
  assert.match(style, /white-space: pre-wrap/);
});

test('one document: no table of contents; suggestions left out by default and counted', () => {
  const doc = hazardDocument();
  const result = runExport('edition', [doc], { now: NOW });
  const document = parse(result.files[0]?.contents as string);
  assert.equal(document.querySelector('nav.toc'), null);
  assert.equal(document.querySelectorAll('mark.s-suggested, aside.s-suggested').length, 0);
  assert.equal(result.suggestionsLeftOut, 1);
  assert.equal(result.count, annotationsToExport(doc, {}).length);
  assert.match(document.querySelector('.edition-header')?.textContent ?? '', /Unreviewed suggestions are not included \(1 left out\)/);
  const info = FORMATS.find((f) => f.id === 'edition');
  assert.deepEqual(info && [info.label, info.singleFile, info.extension], ['Annotated edition (HTML)', true, '.html']);
});

test('the commitments register is a table of the register rows, and the timeline a figure', () => {
  const docs = [hazardDocument(), trickyDocument()];
  const options = { now: NOW, includeSuggestions: true };
  const { document } = editionOf(docs, options);
  const { rows } = registerRows(docs, options);
  assert.ok(rows.length > 0);
  const table = document.querySelector('#register table.register');
  assert.ok(table);
  assert.deepEqual(
    [...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope')),
    Array(8).fill('col'),
  );
  const trs = [...table.querySelectorAll('tbody tr')];
  assert.deepEqual(
    trs.map((tr) => [tr.getAttribute('data-doc'), tr.getAttribute('data-id')]),
    rows.map((r) => [r.file, r.id]),
  );
  const claim = trs.find((tr) => tr.getAttribute('data-id') === 'claim1');
  assert.match(claim?.textContent ?? '', /they will encrypt all data by 2025\./);
  assert.match(claim?.textContent ?? '', /broken \(evidence: #date2\)/);
  assert.equal(claim?.querySelector('a')?.getAttribute('href'), '#n1-claim1');
  const svg = document.querySelector('#timeline figure svg');
  assert.ok(svg);
  assert.equal(svg.getAttribute('role'), 'img');
  assert.ok(svg.querySelectorAll('g.tl-mark').length > 0);
  assert.ok(
    [...svg.querySelectorAll('g.tl-mark')].some((g) => g.getAttribute('data-id') === 'claim1' && g.getAttribute('data-role') === 'due'),
  );
  // Each mark links to its annotation's note, in the same file: readable without scripts.
  const marks = [...svg.querySelectorAll('g.tl-mark')];
  for (const g of marks) {
    const href = g.querySelector('a')?.getAttribute('href') ?? '';
    const note = document.getElementById(href.slice(1));
    assert.ok(note, `mark ${g.getAttribute('data-id') ?? ''} links to ${href}`);
    assert.equal(note.getAttribute('data-note-for'), g.getAttribute('data-id'));
  }
});
