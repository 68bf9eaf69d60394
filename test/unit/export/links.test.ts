// A claim's links in the exports that carry them (JSON, JSON Lines, W3C, REFI-QDA): kept
// when their target is exported, dropped when it is not (an unreviewed suggestion left
// out), so no export names an annotation it does not hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runExport } from '../../../src/core/export';
import type { ExportDocument } from '../../../src/core/export/types';
import { FORMAT_VERSION, type Annotation } from '../../../src/core/sidecar/format';

const TEXT = 'We will complete a SOC 2 Type II audit by the end of 2027.';

function doc(dateStatus: Annotation['status']): ExportDocument {
  const base = { prefix: '', suffix: '', origin: 'detected' as const };
  return {
    path: 'a.txt',
    text: TEXT,
    sidecar: {
      marginalia: FORMAT_VERSION,
      source: { file: 'a.txt' },
      annotations: [
        {
          ...base,
          id: 'claim1',
          kind: 'claim',
          label: 'commitment',
          quote: TEXT,
          start: 0,
          end: TEXT.length,
          status: 'open',
          about: ['ctl1'],
          due: ['date1'],
        },
        { ...base, id: 'ctl1', kind: 'control', label: 'soc-2', quote: 'SOC 2 Type II', start: 19, end: 32, status: 'open' },
        { ...base, id: 'date1', kind: 'date', label: '2027', quote: 'by the end of 2027', start: 39, end: 57, status: dateStatus },
      ],
    },
  };
}

interface JsonExport {
  documents: { annotations: Annotation[] }[];
}

test('the JSON export carries a claim’s links to the annotations it exports', () => {
  const out = runExport('json', [doc('open')], {});
  const claim = (JSON.parse(out.files[0]?.contents as string) as JsonExport).documents[0]?.annotations.find((a) => a.id === 'claim1');
  assert.deepEqual([claim?.about, claim?.due], [['ctl1'], ['date1']]);
});

test('a link to an unreviewed suggestion the export leaves out is dropped; with suggestions it stays', () => {
  const without = runExport('jsonl', [doc('suggested')], {});
  const claim = (without.files[0]?.contents as string)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Annotation)
    .find((a) => a.id === 'claim1');
  assert.deepEqual([claim?.about, claim?.due], [['ctl1'], undefined]);
  const withAll = runExport('json', [doc('suggested')], { includeSuggestions: true });
  const kept = (JSON.parse(withAll.files[0]?.contents as string) as JsonExport).documents[0]?.annotations.find((a) => a.id === 'claim1');
  assert.deepEqual(kept?.due, ['date1']);
});

test('the W3C export carries links in its marginalia property, by the same ids', () => {
  const out = runExport('w3c', [doc('open')], {});
  const text = out.files.map((f) => (typeof f.contents === 'string' ? f.contents : '')).join('\n');
  assert.match(text, /"about": \[\s*"ctl1"\s*\]/);
  assert.match(text, /"due": \[\s*"date1"\s*\]/);
});
