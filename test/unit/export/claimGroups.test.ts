// The JSON, JSON Lines and Markdown exports carry the same claim across documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runExport } from '../../../src/core/export';
import type { ExportDocument } from '../../../src/core/export/types';
import { FORMAT_VERSION, type Annotation } from '../../../src/core/sidecar/format';

function doc(path: string, published: string, sentences: string[]): ExportDocument {
  const text = `${sentences.join(' ')}\n`;
  const annotations: Annotation[] = sentences.map((quote, i) => {
    const start = Array.from(text.slice(0, text.indexOf(quote))).length;
    return {
      id: `c${i}`,
      kind: 'claim',
      label: 'assertion',
      quote,
      prefix: '',
      suffix: '',
      start,
      end: start + Array.from(quote).length,
      origin: 'detected',
      status: 'open',
    };
  });
  return { path, text, sidecar: { marginalia: FORMAT_VERSION, source: { file: path, published }, annotations } };
}

const DOCS = [
  doc('repost.txt', '2025-03-04', [
    'Our mail filters blocked 42 million phishing attempts aimed at Tessaline accounts last quarter.',
    'Share this story with a friend today.',
  ]),
  doc('original.txt', '2025-03-03', [
    'Our mail filters blocked 4.2 million phishing attempts aimed at Tessaline accounts last quarter.',
    'We opened an office in Lisbon.',
  ]),
];

test('JSON: a claim other exported documents report carries its group and how it differs from the earliest version', () => {
  const out = runExport('json', DOCS, {});
  const body = JSON.parse(out.files[0]?.contents as string) as {
    documents: { file: string; annotations: (Annotation & { acrossDocuments?: Record<string, unknown> })[] }[];
  };
  const byFile = new Map(body.documents.map((d) => [d.file, d.annotations]));
  assert.deepEqual(byFile.get('original.txt')?.[0]?.acrossDocuments, { group: 1, documents: 2, earliest: true });
  assert.deepEqual(byFile.get('repost.txt')?.[0]?.acrossDocuments, {
    group: 1,
    documents: 2,
    earliest: false,
    match: 'edited',
    score: 0.929,
    changes: [{ kind: 'figure', from: '4.2 million', to: '42 million' }],
  });
  assert.equal(byFile.get('original.txt')?.[1]?.acrossDocuments, undefined, 'a claim only one document makes has none');
});

test('JSON Lines and Markdown carry the same groups', () => {
  const lines = (runExport('jsonl', DOCS, {}).files[0]?.contents as string)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { file: string; acrossDocuments?: { group: number } });
  assert.deepEqual(
    lines.filter((l) => l.acrossDocuments).map((l) => [l.file, l.acrossDocuments?.group]),
    [
      ['repost.txt', 1],
      ['original.txt', 1],
    ],
  );
  const md = runExport('markdown', DOCS, {}).files[0]?.contents as string;
  assert.match(md, /## Claims across documents/);
  assert.match(md, /### 1\. In 2 documents\n\n- original\.txt \(2025-03-03\), earliest: “Our mail filters blocked 4\.2 million/);
  assert.match(md, /- repost\.txt \(2025-03-04\), edited \(0\.93\): 4\.2 million → 42 million: “Our mail filters blocked 42 million/);
  assert.doesNotMatch(runExport('markdown', [DOCS[0] as ExportDocument], {}).files[0]?.contents as string, /Claims across documents/);
});
