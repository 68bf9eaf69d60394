// A text made from a PDF keeps where it came from in its sidecar's `source`: the original,
// its hash and type, title, the day it was made and the page map; written, read back,
// patched, and refused with a message where it is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { serializeSidecar, updateSidecarText } from '../../../src/core/sidecar/write';
import type { Sidecar } from '../../../src/core/sidecar/format';
import { mergeAnnotations } from '../../../src/core/sidecar/merge';
import { pageName } from '../../../src/core/sidecar/pages';

const SHA = 'a'.repeat(64);

function made(): Sidecar {
  return {
    marginalia: 2,
    source: {
      file: 'report.pdf.txt',
      published: '2025-03-03',
      original: 'report.pdf',
      originalSha256: SHA,
      originalType: 'pdf',
      title: 'Transparency Report: 2025 #1',
      added: '2026-12-06',
      pages: [0, 309, 574],
      pageLabels: ['iii', '12', ''],
      headers: ['', 'Acme · Annual Report', 'Acme · Annual Report\nConfidential'],
    },
    annotations: [],
  };
}

test('provenance is written under source and read back as it was', () => {
  const text = serializeSidecar(made());
  assert.match(
    text,
    /\n {2}original: report\.pdf\n {2}originalSha256: "a{64}"\n {2}originalType: pdf\n {2}title: "Transparency Report: 2025 #1"\n {2}added: "?2026-12-06"?\n {2}pages: \[0, 309, 574\]\n {2}pageLabels: \[iii, "12", ""\]\n {2}headers: \["", Acme · Annual Report, "Acme · Annual Report\\nConfidential"\]\n/,
  );
  const back = parseSidecar(text, 'report.pdf.txt.annotations.yaml');
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.sidecar?.source, made().source);
});

test('a re-added original changes only the lines that differ', () => {
  const before = serializeSidecar(made());
  const next = made();
  next.source.pages = [0, 310, 575];
  next.source.originalSha256 = 'b'.repeat(64);
  const after = updateSidecarText(before, next);
  const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
  assert.deepEqual(changed, [`  originalSha256: "${'b'.repeat(64)}"`, '  pages: [0, 310, 575]']);
});

test('wrong provenance is refused with what is wrong and where', () => {
  const text = serializeSidecar(made())
    .replace('originalType: pdf', 'originalType: docx')
    .replace('pages: [0, 309, 574]', 'pages: [0, 574, 309]');
  const r = parseSidecar(text, 'x.annotations.yaml');
  const messages = r.errors.map((e) => e.message).join('\n');
  assert.match(messages, /`originalType` must be one of pdf, html, found "docx"/);
  assert.match(messages, /`pages` must be a list of whole numbers, from 0 and ascending/);
  assert.ok(r.errors.every((e) => e.line > 0));
});

test('what was left out of each page is one entry per page: a list of another length, or of numbers, is refused', () => {
  const short = serializeSidecar(made()).replace('pageLabels: [iii, "12", ""]', 'pageLabels: [iii, "12"]');
  assert.match(
    parseSidecar(short, 'x.annotations.yaml')
      .errors.map((e) => e.message)
      .join('\n'),
    /`pageLabels` has 2 entries but `pages` lists 3 pages: it needs one entry per page/,
  );
  const numbers = serializeSidecar(made()).replace('pageLabels: [iii, "12", ""]', 'pageLabels: [3, 12, 13]');
  assert.match(
    parseSidecar(numbers, 'x.annotations.yaml')
      .errors.map((e) => e.message)
      .join('\n'),
    /`pageLabels` must be a list of strings, one per page/,
  );
});

test('a page is cited by its place in the PDF, and by the number it prints when that differs', () => {
  const source = made().source;
  assert.deepEqual(
    [1, 2, 3].map((p) => pageName(source, p)),
    ['page 1 (printed iii)', 'page 2 (printed 12)', 'page 3'],
  );
  assert.equal(pageName({ file: 'x', pages: [0, 10], pageLabels: ['1', '2'] }, 2), 'page 2');
});

test('a store that read its sidecar before Add Source wrote it takes the provenance from disk when it merges', () => {
  const before: Sidecar = { marginalia: 2, source: { file: 'report.pdf.txt' }, annotations: [] };
  const merged = mergeAnnotations(before, before, made());
  assert.deepEqual(merged.sidecar.source, made().source);
  assert.deepEqual(merged.conflicts, []);
});
