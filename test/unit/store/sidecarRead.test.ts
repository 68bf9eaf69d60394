// The one reading step (src/core/store/sidecarRead.ts): a sidecar read with its source:
// validated, offsets checked unless the source changed since it was saved, reconciled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMAT_VERSION, type Annotation, type Sidecar } from '../../../src/core/sidecar/format';
import { sha256Hex } from '../../../src/core/sidecar/sha256';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import { checkSidecar, readSidecarWithSource, referenceDateOf } from '../../../src/core/store/sidecarRead';

const TEXT = 'Published 2020. 😀 We will rotate every key. Critics disagree. The audit ends in March.';
const FILE = 'doc.txt.annotations.yaml';

function on(text: string, quote: string, id: string, over: Partial<Annotation> = {}): Annotation {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, quote);
  const cp = (i: number): number => Array.from(text.slice(0, i)).length;
  return {
    id,
    kind: 'claim',
    quote,
    prefix: '',
    suffix: '',
    start: cp(at),
    end: cp(at + quote.length),
    origin: 'manual',
    status: 'open',
    ...over,
  };
}

function yaml(annotations: Annotation[], source: Sidecar['source'] = { file: 'doc.txt', sha256: sha256Hex(TEXT) }): string {
  return serializeSidecar({ marginalia: FORMAT_VERSION, source, annotations });
}

const ANNOTATIONS = [
  on(TEXT, 'We will rotate every key', 'a1'),
  on(TEXT, 'Critics disagree', 'a2'),
  on(TEXT, 'in March', 'a3', { kind: 'date' }),
];

test('no sidecar file: a new, empty, writable sidecar naming the source', () => {
  const r = readSidecarWithSource(undefined, FILE, TEXT, 'doc.txt');
  assert.equal(r.created, true);
  assert.deepEqual(r.sidecar, { marginalia: FORMAT_VERSION, source: { file: 'doc.txt' }, annotations: [] });
  assert.deepEqual(r.errors, []);
  assert.equal(r.writable, true);
  assert.equal(r.sha256, sha256Hex(TEXT));
});

test('a sidecar saved with this very source: read as it is, nothing re-anchored', () => {
  const r = readSidecarWithSource(yaml(ANNOTATIONS), FILE, TEXT, 'doc.txt');
  assert.deepEqual(r.errors, []);
  assert.equal(r.created, false);
  assert.equal(r.sourceChanged, false);
  assert.equal(r.checkedAgainstSource, true);
  assert.equal(r.reconciled?.reanchored, false);
  assert.equal(r.reconciled.changed, false);
  assert.deepEqual(
    r.sidecar?.annotations.map((a) => a.id),
    ['a1', 'a2', 'a3'],
  );
  // The hash given by the caller is the one used.
  assert.equal(readSidecarWithSource(yaml(ANNOTATIONS), FILE, TEXT, 'doc.txt', 'f'.repeat(64)).sha256, 'f'.repeat(64));
});

test('the source changed and got shorter: offsets past its end are not errors; the annotations are re-anchored, a lost one orphaned', () => {
  const shorter = 'We will rotate every key. Critics disagree.';
  const r = readSidecarWithSource(yaml(ANNOTATIONS), FILE, shorter, 'doc.txt');
  assert.deepEqual(r.errors, []);
  assert.equal(r.writable, true);
  assert.equal(r.sourceChanged, true);
  assert.equal(r.checkedAgainstSource, false);
  assert.equal(r.reconciled?.reanchored, true);
  assert.deepEqual(r.reconciled.counts, { unchanged: 0, moved: 2, fuzzy: 0, orphaned: 1 });
  const byId = new Map(r.sidecar?.annotations.map((a) => [a.id, a]));
  assert.deepEqual([byId.get('a1')?.start, byId.get('a1')?.end], [0, 24]);
  assert.equal(byId.get('a3')?.orphaned, true);
  assert.equal(r.sidecar?.source.sha256, sha256Hex(shorter));
  // checkSidecar says the same, without reconciling.
  const c = checkSidecar(yaml(ANNOTATIONS), FILE, shorter);
  assert.deepEqual(c.errors, []);
  assert.deepEqual([c.sourceChanged, c.checkedAgainstSource], [true, false]);
  assert.equal(c.sidecar?.annotations.find((a) => a.id === 'a3')?.orphaned, undefined);
});

test('offsets past the end are errors when the hash matches, and when no hash is recorded (the source is the only text they can mean)', () => {
  const past = [...ANNOTATIONS, { ...on(TEXT, 'Critics disagree', 'p1'), end: 500 }];
  for (const source of [{ file: 'doc.txt', sha256: sha256Hex(TEXT) }, { file: 'doc.txt' }]) {
    const r = readSidecarWithSource(yaml(past, source), FILE, TEXT, 'doc.txt');
    assert.equal(r.errors.length, 1, JSON.stringify(source));
    assert.match(r.errors[0]?.message ?? '', /end 500 is past the end of the source \(\d+ characters\)/);
    assert.equal(r.writable, false);
    assert.equal(r.reconciled, undefined, 'a sidecar with errors is not reconciled');
    assert.equal(r.checkedAgainstSource, true);
    assert.deepEqual(
      r.sidecar?.annotations.map((a) => a.id),
      ['a1', 'a2', 'a3'],
      'the valid ones, as read',
    );
  }
  // Other errors stay errors even when the source changed.
  const bad = readSidecarWithSource(yaml(ANNOTATIONS).replace('status: open', 'status: done'), FILE, 'other text', 'doc.txt');
  assert.equal(bad.errors.length, 1);
  assert.equal(bad.writable, false);
  assert.equal(bad.sourceChanged, true);
});

test('a sidecar that does not parse: no sidecar, located errors, not writable', () => {
  const r = readSidecarWithSource('marginalia: 2\nsource: [\n', FILE, TEXT, 'doc.txt');
  assert.equal(r.sidecar, undefined);
  assert.equal(r.writable, false);
  const [first] = r.errors;
  assert.ok(first);
  assert.equal(first.file, FILE);
  assert.ok(first.line >= 2);
});

test('a version-1 sidecar is read migrated, and says so', () => {
  const v1 = yaml([on(TEXT, 'We will rotate every key', 'a1', { origin: 'detected', status: 'open' })]).replace(
    'marginalia: 2',
    'marginalia: 1',
  );
  const r = readSidecarWithSource(v1, FILE, TEXT, 'doc.txt');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.migrated, { from: 1, suggestions: 1, reviewed: 0 });
  assert.equal(r.sidecar?.marginalia, 2);
  assert.equal(r.sidecar.annotations[0]?.status, 'suggested');
});

test('referenceDateOf: the date the sidecar records, if any', () => {
  assert.equal(referenceDateOf(undefined), undefined);
  assert.equal(referenceDateOf({ marginalia: FORMAT_VERSION, source: { file: 'a' }, annotations: [] }), undefined);
  const r = readSidecarWithSource(yaml(ANNOTATIONS, { file: 'doc.txt', published: '2020-06-10' }), FILE, TEXT, 'doc.txt');
  assert.equal(referenceDateOf(r.sidecar), '2020-06-10');
  // Reconciling (no hash recorded, so the text is new to it) keeps the date.
  assert.equal(r.reconciled?.reanchored, true);
  assert.equal(r.sidecar?.source.published, '2020-06-10');
});
