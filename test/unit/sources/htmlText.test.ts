// A saved web page's main text (core/sources/htmlText): the article as Reader View finds
// it, headings, paragraphs and table rows kept, the page's clutter left out, and what the
// page says of itself read; decoded as it declares; a page without an article refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodeHtml, sourceFromHtml } from '../../../src/core/sources/htmlSource';
import { htmlText } from '../../../src/core/sources/htmlText';
import { SourceRefused } from '../../../src/core/sources/pdfSource';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sources');

test('fixture breach-story.html: exactly its expected text, its clutter left out, its metadata read', () => {
  const r = htmlText(readFileSync(path.join(FIXTURES, 'breach-story.html'), 'utf8'));
  assert.equal(r.text, readFileSync(path.join(FIXTURES, 'breach-story.html.expected.txt'), 'utf8'));
  for (const clutter of [
    'cookies',
    'Technology',
    'Related stories',
    'Five ways',
    'Subscribe',
    'All rights reserved',
    'min read',
    'analytics',
  ])
    assert.ok(!r.text.includes(clutter), `no “${clutter}”`);
  assert.match(r.text, /^Tessaline Payroll tells regulator of breach affecting 40,000 workers\n\n/, 'the title first');
  assert.match(r.text, /\n\n2 April 2025 \| Unusual access detected\n\n/, 'a table row a line, cells apart');
  assert.match(r.text, /30 September 2025\.\n/, 'a footnote mark is not glued to the date');
  assert.deepEqual(r.info, {
    title: 'Tessaline Payroll tells regulator of breach affecting 40,000 workers',
    author: 'Mara Quintal',
    published: '2025-04-09',
    url: 'https://news.example.org/2025/04/tessaline-payroll-breach-regulator.html',
    siteName: 'Example News',
  });
});

const ARTICLE = `<p>${'Acme Payroll said it will encrypt every record by 30 June 2026, its chief executive told staff in a memo. '.repeat(4)}</p><p>${'The company has held ISO 27001 certification since 2019 and is audited each year by an outside firm. '.repeat(3)}</p>`;

test('JSON-LD, a SingleFile note and the saved-from comment give what meta tags do not', () => {
  const html = `<!--
 Page saved with SingleFile
 url: https://trust.example.com/security
 saved date: Mon Mar 03 2025 10:15:00 GMT+0000 (Coordinated Universal Time)
-->
<html><head><title>Security | Acme</title>
<script type="application/ld+json">{"@type":"Article","headline":"How Acme protects payroll data","datePublished":"2025-02-14","author":{"@type":"Person","name":"Dana Whitfield"}}</script>
<script type="application/ld+json">{ not json</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>How Acme protects payroll data</h1>${ARTICLE}</article></body></html>`;
  const r = htmlText(html);
  assert.deepEqual(r.info, {
    title: 'How Acme protects payroll data',
    author: 'Dana Whitfield',
    published: '2025-02-14',
    url: 'https://trust.example.com/security',
    retrieved: '2025-03-03',
  });
  assert.match(r.text, /^How Acme protects payroll data\n\nAcme Payroll said it will encrypt/);
  const saved = htmlText(
    `<!-- saved from url=(0030)https://example.net/a/b.html -->\n<html><body><article>${ARTICLE}</article></body></html>`,
  );
  assert.equal(saved.info.url, 'https://example.net/a/b.html');
});

test('decoded as the page declares: a windows-1252 page keeps its curly quotes and euro sign', () => {
  const head = new TextEncoder().encode('<html><head><meta charset="windows-1252"></head><body><p>');
  const body = new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x80, 0x35]); // “A” €5
  const tail = new TextEncoder().encode('</p></body></html>');
  const bytes = new Uint8Array([...head, ...body, ...tail]);
  assert.match(decodeHtml(bytes), /<p>“A” €5<\/p>/);
  assert.equal(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])), 'hi', 'a byte-order mark wins');
});

test('a page with no article text is refused with a reason', () => {
  const page = new TextEncoder().encode('<html><body><nav><a href="/">Home</a></nav><form><input></form></body></html>');
  assert.throws(
    () => sourceFromHtml(page, 'empty.html', '2026-12-06'),
    (e: unknown) => e instanceof SourceRefused && /no article text/.test(e.message),
  );
});

test('the provenance of a page: type html, its address and dates, and the published date from the page', () => {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'breach-story.html')));
  const made = sourceFromHtml(bytes, 'breach-story.html', '2026-12-06');
  assert.equal(made.provenance.originalType, 'html');
  assert.equal(made.provenance.published, '2025-04-09');
  assert.equal(made.provenance.url, 'https://news.example.org/2025/04/tessaline-payroll-breach-regulator.html');
  assert.equal(made.provenance.author, 'Mara Quintal');
  assert.equal(made.provenance.pages, undefined, 'a web page has no pages');
});
