import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectAll } from '../../../src/core/detect';
import type { Detection } from '../../../src/core/model';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/format';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { sha256Hex } from '../../../src/core/sidecar/sha256';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import { emptySidecar, mergeDetections, reconcile } from '../../../src/core/store/sync';

// Emoji (astral: two UTF-16 units, one code point), CRLF and NBSP, so UTF-16 and
// code-point offsets differ and whitespace is not plain.
const TEXT = [
  'Published on June 10, 2024',
  '',
  '🔒 We hold ISO 27001 and SOC\u00A02 Type II reports, the company said last month.',
  '',
  'The vendor will complete FedRAMP Moderate by Q3 2025, a spokesperson said.',
  '',
  'Critics say the audit was too narrow. We never sold user data to advertisers.',
].join('\r\n');

function cp(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

function assertAnchored(s: Sidecar, text: string): void {
  for (const a of s.annotations) {
    if (!a.orphaned) assert.equal(cp(text, a.start, a.end), a.quote, `${a.id} ${a.quote}`);
  }
  assert.deepEqual(parseSidecar(serializeSidecar(s), 's.yaml', text).errors, []);
}

function stored(text = TEXT): Sidecar {
  return mergeDetections(emptySidecar('report.txt'), detectAll(text), text).sidecar;
}

test('emptySidecar: the current version, the source file, no hash, no annotations', () => {
  assert.deepEqual(emptySidecar('report.txt'), { marginalia: 2, source: { file: 'report.txt' }, annotations: [] });
});

test('mergeDetections adds every detection as a suggestion (detected, never reviewed) in code points', () => {
  const detections = detectAll(TEXT);
  assert.ok(detections.length >= 6);
  const r = mergeDetections(emptySidecar('report.txt'), detections, TEXT, { author: 'ana', created: '2026-01-01T09:30:00Z' });
  assert.equal(r.added.length, detections.length);
  assert.equal(r.alreadyAnnotated, 0);
  assert.equal(r.changed, true);
  assert.equal(r.sidecar.source.sha256, sha256Hex(TEXT));
  assert.ok(
    r.sidecar.annotations.every(
      (a) =>
        a.origin === 'detected' &&
        a.status === 'suggested' &&
        a.reviewer === undefined &&
        a.reviewed === undefined &&
        a.author === 'ana' &&
        a.created === '2026-01-01T09:30:00Z',
    ),
  );
  assert.deepEqual(
    r.sidecar.annotations.map((a) => a.start),
    [...r.sidecar.annotations.map((a) => a.start)].sort((x, y) => x - y),
  );
  assert.ok(r.sidecar.annotations.some((a) => a.kind === 'control' && a.label === 'iso-27001'));
  assert.equal(new Set(r.sidecar.annotations.map((a) => a.id)).size, r.sidecar.annotations.length);
  assertAnchored(r.sidecar, TEXT);
});

test('mergeDetections is deterministic: the same detections give the same ids and text', () => {
  assert.equal(serializeSidecar(stored()), serializeSidecar(stored()));
});

test('mergeDetections skips what an annotation covers, dismissed ones included', () => {
  const first = stored();
  const dismissed = first.annotations.map((a): Annotation => (a.kind === 'control' ? { ...a, status: 'dismissed' } : a));
  const again = mergeDetections({ ...first, annotations: dismissed }, detectAll(TEXT), TEXT);
  assert.equal(again.added.length, 0);
  assert.equal(again.alreadyAnnotated, detectAll(TEXT).length);
  assert.equal(again.changed, false);
  assert.equal(again.reconciled.reanchored, false);
  assert.deepEqual(
    again.sidecar.annotations.filter((a) => a.kind === 'control').map((a) => a.status),
    ['dismissed', 'dismissed', 'dismissed'],
  );
});

test('mergeDetections adds only what is new, and a detection repeated in the list once', () => {
  const partial = mergeDetections(emptySidecar('r.txt'), detectAll(TEXT, { kinds: ['date'] }), TEXT).sidecar;
  const all = detectAll(TEXT);
  const control = all.find((d) => d.kind === 'control') as Detection;
  const r = mergeDetections(partial, [...all, control], TEXT);
  assert.equal(r.added.length, all.filter((d) => d.kind !== 'date').length);
  assert.equal(r.alreadyAnnotated, partial.annotations.length + 1);
  assert.ok(r.added.every((a) => a.kind !== 'date'));
  assertAnchored(r.sidecar, TEXT);
});

test('mergeDetections re-anchors first when the source changed, so nothing dismissed comes back', () => {
  const first = stored();
  const dismissed = { ...first, annotations: first.annotations.map((a): Annotation => ({ ...a, status: 'dismissed' })) };
  const edited = `A new opening paragraph about nothing in particular.\r\n\r\n${TEXT}`;
  const r = mergeDetections(dismissed, detectAll(edited), edited);
  assert.equal(r.reconciled.reanchored, true);
  assert.equal(r.reconciled.counts.moved, first.annotations.length);
  // Only the new paragraph can bring new detections.
  const shift = Array.from('A new opening paragraph about nothing in particular.\r\n\r\n').length;
  assert.ok(
    r.added.every((a) => a.end <= shift),
    r.added.map((a) => a.quote).join(' | '),
  );
  assert.ok(r.sidecar.annotations.filter((a) => a.status === 'dismissed').length === first.annotations.length);
  assertAnchored(r.sidecar, edited);
});

test('reconcile with the same hash moves nothing and returns the sidecar given', () => {
  const s = stored();
  const r = reconcile(s, TEXT);
  assert.equal(r.reanchored, false);
  assert.equal(r.changed, false);
  assert.equal(r.sidecar, s);
  assert.equal(r.counts.unchanged, s.annotations.length);
  // The hash decides, not the offsets: a stale offset under the right hash is left alone.
  const stale = { ...s, annotations: s.annotations.map((a) => ({ ...a, start: a.start + 1, end: a.end + 1 })) };
  assert.equal(reconcile(stale, TEXT).sidecar, stale);
});

test('reconcile after a paragraph inserted at the top moves everything, with new context', () => {
  const s = stored();
  const edited = `Editor's note: this statement was updated on 2 July.\r\n\r\n${TEXT}`;
  const r = reconcile(s, edited);
  assert.equal(r.reanchored, true);
  assert.equal(r.changed, true);
  assert.equal(r.sha256, sha256Hex(edited));
  assert.equal(r.sidecar.source.sha256, r.sha256);
  assert.deepEqual(r.counts, { unchanged: 0, moved: s.annotations.length, fuzzy: 0, orphaned: 0 });
  const shift = Array.from("Editor's note: this statement was updated on 2 July.\r\n\r\n").length;
  r.sidecar.annotations.forEach((a, i) => {
    const old = s.annotations[i] as Annotation;
    assert.equal(a.id, old.id);
    assert.equal(a.start, old.start + shift);
    assert.equal(a.quote, old.quote);
  });
  assert.equal(r.sidecar.annotations[0]?.prefix, 'updated on 2 July.\r\n\r\nPublished ');
  assertAnchored(r.sidecar, edited);
});

test('reconcile: fuzzy quotes updated, deleted text orphaned and kept, orphans kept as they were', () => {
  const s = stored();
  const edited = TEXT.replace('We never sold user data to advertisers.', '').replace(
    'FedRAMP Moderate by Q3 2025',
    'FedRAMP Moderate by the third quarter of 2025',
  );
  const r = reconcile(s, edited);
  const byQuote = new Map(r.entries.map((e) => [e.quote, e]));
  const deleted = byQuote.get('We never sold user data to advertisers.');
  assert.equal(deleted?.state, 'orphaned');
  assert.equal(deleted.annotation.orphaned, true);
  assert.equal(deleted.annotation.quote, 'We never sold user data to advertisers.');
  assert.equal(r.sidecar.annotations.length, s.annotations.length);
  assert.ok(r.counts.orphaned >= 1);
  assertAnchored(r.sidecar, edited);
  // Reconciled again against a further change, the orphan (still missing) is untouched.
  const edited2 = `Update.\r\n\r\n${edited}`;
  const again = reconcile(r.sidecar, edited2);
  const still = again.entries.find((e) => e.id === deleted.id);
  assert.equal(still?.state, 'orphaned');
  assert.equal(still.annotation, deleted.annotation);
  // Its text back: found again.
  const back = reconcile(r.sidecar, TEXT);
  const found = back.entries.find((e) => e.id === deleted.id);
  assert.equal(found?.state, 'moved');
  assert.equal(found.annotation.orphaned, undefined);
});

test('reconcile without a recorded hash re-anchors against the text given', () => {
  const s = stored();
  const noHash: Sidecar = { ...s, source: { file: s.source.file } };
  const r = reconcile(noHash, TEXT);
  assert.equal(r.reanchored, true);
  assert.equal(r.counts.unchanged, s.annotations.length);
  assert.equal(r.sidecar.source.sha256, sha256Hex(TEXT));
  assert.deepEqual(r.sidecar.annotations, s.annotations);
});

test('reconcile: a reworded claim is fuzzy at the default minimum score, orphaned under a strict one', () => {
  const s = stored();
  const quote = 'The vendor will complete FedRAMP Moderate by Q3 2025, a spokesperson said.';
  const edited = TEXT.replace('a spokesperson said', 'a spokeswoman said');
  const id = s.annotations.find((a) => a.quote === quote)?.id;
  assert.ok(id !== undefined);
  const lax = reconcile(s, edited);
  const fuzzy = lax.entries.find((e) => e.id === id);
  assert.equal(fuzzy?.state, 'fuzzy');
  assert.equal(fuzzy.quote, quote);
  assert.equal(fuzzy.annotation.quote, 'The vendor will complete FedRAMP Moderate by Q3 2025, a spokeswoman said.');
  assertAnchored(lax.sidecar, edited);
  const strict = reconcile(s, edited, { minScore: 0.99, sha256: sha256Hex(edited) });
  assert.equal(strict.entries.find((e) => e.id === id)?.state, 'orphaned');
  assert.equal(strict.sha256, lax.sha256);
});
