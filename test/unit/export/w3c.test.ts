import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportW3c, toWebAnnotation } from '../../../src/core/export/w3c';
import { readWebAnnotations } from '../../../src/core/import/w3c';
import { placeAnnotations } from '../../../src/core/import/place';
import { annotationsToExport } from '../../../src/core/export/select';
import { emptySidecar } from '../../../src/core/store/sync';
import { normaliseAnnotation } from '../../../src/core/sidecar/format';
import { allDocuments, cpSlice, standardsDir, trickyDocument } from './documents';
import { failures, mustAssertions, selectorPresence } from './w3cSchemas';

const skip = standardsDir === undefined ? 'shared/standards is not beside the repository' : false;

interface Collection {
  type: string;
  total: number;
  first: { type: string; items: ReturnType<typeof toWebAnnotation>[] };
}

test('every exported annotation passes every W3C must assertion and carries both selectors', { skip }, () => {
  const docs = allDocuments();
  const musts = mustAssertions(standardsDir as string);
  assert.ok(musts.length >= 16, `expected the 14 annotation and 3 selector musts, found ${musts.length}`);
  const presence = selectorPresence(standardsDir as string);
  const result = exportW3c(docs, { now: '2026-11-24T12:00:00Z' });
  const file = result.files[0];
  assert.ok(file && typeof file.contents === 'string');
  const collection = JSON.parse(file.contents) as Collection;
  assert.equal(collection.type, 'AnnotationCollection');
  const expected = docs.reduce((n, d) => n + annotationsToExport(d, {}).length, 0);
  assert.equal(collection.total, expected);
  assert.equal(collection.first.items.length, expected);
  assert.equal(result.count, expected);
  for (const item of collection.first.items) {
    assert.deepEqual(failures(musts, item), [], item.id);
    for (const p of presence) assert.ok(p.validate(item), `${p.file} for ${item.id}`);
  }
});

test('the W3C checks catch a broken annotation (the validator really validates)', { skip }, () => {
  const musts = mustAssertions(standardsDir as string);
  const doc = trickyDocument();
  const good = toWebAnnotation(doc, doc.sidecar.annotations[0]!);
  assert.deepEqual(failures(musts, good), []);
  assert.notDeepEqual(failures(musts, { ...good, type: 'Note' }), []);
  assert.notDeepEqual(failures(musts, { ...good, created: 'yesterday' }), []);
  const badPosition = { ...good, target: { ...good.target, selector: [{ type: 'TextPositionSelector', start: -1, end: 3 }] } };
  assert.notDeepEqual(failures(musts, badPosition), []);
});

test('position selectors slice the source to the quote, in code points', () => {
  for (const doc of allDocuments()) {
    for (const a of annotationsToExport(doc, {})) {
      const w = toWebAnnotation(doc, a);
      const pos = w.target.selector.find((s) => s.type === 'TextPositionSelector');
      const quote = w.target.selector.find((s) => s.type === 'TextQuoteSelector');
      assert.ok(pos?.type === 'TextPositionSelector' && quote?.type === 'TextQuoteSelector');
      assert.equal(cpSlice(doc.text, pos.start, pos.end), quote.exact, `${doc.path} ${a.id}`);
    }
  }
});

test('W3C out and back in gives the same annotations, into an empty sidecar and onto the original', () => {
  for (const doc of allDocuments()) {
    const exported = exportW3c([doc], { includeDismissed: true });
    const read = readWebAnnotations(exported.files[0]!.contents as string, 'a.jsonld');
    assert.deepEqual(read.problems, []);
    const original = doc.sidecar.annotations.map(normaliseAnnotation);
    const fresh = placeAnnotations(read.items.map((i) => i.incoming), doc.text, emptySidecar(doc.sidecar.source.file));
    assert.deepEqual(fresh.unplaced, []);
    assert.deepEqual(fresh.sidecar.annotations, [...original].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1)), doc.path);
    const again = placeAnnotations(read.items.map((i) => i.incoming), doc.text, doc.sidecar);
    assert.equal(again.added.length, 0);
    assert.equal(again.updated.length, 0);
    assert.equal(again.changed, false);
  }
});

test('importing after the source was edited re-anchors by quote and reports what is gone', () => {
  const doc = trickyDocument();
  const read = readWebAnnotations(exportW3c([doc], {}).files[0]!.contents as string, 'a.jsonld');
  const edited = 'A new first paragraph pushes everything down.\r\n\r\n' + doc.text.replace('We will complete HIPAA by Q3 2025.', 'Nothing more.');
  const placed = placeAnnotations(read.items.map((i) => i.incoming), edited, emptySidecar('tricky.txt'));
  for (const a of placed.sidecar.annotations) assert.equal(cpSlice(edited, a.start, a.end), a.quote);
  assert.ok(placed.unplaced.length >= 1, 'the HIPAA sentence was removed');
  assert.ok(placed.unplaced.every((u) => u.reason.length > 0 && u.origin.startsWith('a.jsonld annotation')));
  assert.equal(placed.sidecar.annotations.length + placed.unplaced.length, read.items.length);
});

test('annotations from another client map their bodies: tags, comment, creator', () => {
  const foreign = {
    '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/anno1', type: 'Annotation',
    creator: { id: 'acct:ada@example.org', name: 'Ada' }, created: '2026-01-02T03:04:05Z',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'soc2' }, { type: 'TextualBody', value: 'Worth checking' }],
    target: { source: 'https://example.org/a.txt', selector: { type: 'TextQuoteSelector', exact: 'HIPAA by Q3 2025' } },
  };
  const read = readWebAnnotations(JSON.stringify([foreign, { type: 'Annotation', target: 'https://example.org/a.txt' }]), 'f.json');
  assert.equal(read.items.length, 1);
  assert.equal(read.problems.length, 1);
  assert.match(read.problems[0]!.reason, /TextQuoteSelector/);
  const item = read.items[0]!;
  assert.equal(item.source, 'https://example.org/a.txt');
  assert.deepEqual(item.incoming.fields, { kind: 'note', status: 'open', origin: 'manual', note: 'Worth checking', tags: ['soc2'], author: 'Ada', created: '2026-01-02T03:04:05Z' });
  const placed = placeAnnotations([item.incoming], trickyDocument().text, emptySidecar('t.txt'));
  assert.equal(placed.added.length, 1);
  assert.equal(placed.added[0]!.quote, 'HIPAA by Q3 2025');
});

test('a file that is not JSON is one clear problem, not a crash', () => {
  const read = readWebAnnotations('{"type": ', 'broken.jsonld');
  assert.equal(read.items.length, 0);
  assert.match(read.problems[0]!.reason, /^not JSON/);
});
