// Pre-annotating a document (src/core/store/preannotate.ts), what Scan Workspace and
// `detect --write` share: the sidecar's `published` date resolves relative dates unless the
// caller gives one, and the findings are stored as suggestions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectAll } from '../../../src/core/detect';
import type { Detection } from '../../../src/core/model';
import { FORMAT_VERSION, type Sidecar } from '../../../src/core/sidecar/format';
import { sha256Hex } from '../../../src/core/sidecar/sha256';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import { preannotate } from '../../../src/core/store/preannotate';
import { emptySidecar } from '../../../src/core/store/sync';

const TEXT =
  'Published on June 10, 2024\n\nWe hold ISO 27001, the company said last month. The vendor will complete FedRAMP Moderate by Q3 2025.\n';

/** The real detector, recording the reference dates it was asked for. */
function detector(): { detect: (ref: string | undefined) => Detection[]; asked: (string | undefined)[] } {
  const asked: (string | undefined)[] = [];
  return {
    asked,
    detect: (ref) => {
      asked.push(ref);
      return detectAll(TEXT, ref === undefined ? {} : { referenceDate: ref });
    },
  };
}

function published(date: string | undefined): Sidecar {
  const s = emptySidecar('doc.txt');
  if (date !== undefined) s.source.published = date;
  return s;
}

const label = (s: Sidecar, quote: string): string | undefined => s.annotations.find((a) => a.quote === quote)?.label;

test('relative dates resolve against the sidecar\'s `published` date ("last month" of June 2020 is May 2020)', () => {
  const d = detector();
  const r = preannotate(published('2020-06-10'), TEXT, d.detect);
  assert.deepEqual(d.asked, ['2020-06-10']);
  assert.equal(label(r.sidecar, 'last month'), '2020-05');
  // An absolute date does not move.
  assert.equal(label(r.sidecar, 'on June 10, 2024'), '2024-06-10');
  assert.equal(r.sidecar.source.published, '2020-06-10');
  assert.equal(r.detections.length, r.added.length);
});

test("without a recorded date, the document's own date is used; a given reference date (--ref-date) overrides the recorded one", () => {
  const own = detector();
  const r = preannotate(published(undefined), TEXT, own.detect);
  assert.deepEqual(own.asked, [undefined]);
  assert.equal(label(r.sidecar, 'last month'), '2024-05');
  const given = detector();
  const g = preannotate(published('2020-06-10'), TEXT, given.detect, { referenceDate: '2030-03-15' });
  assert.deepEqual(given.asked, ['2030-03-15']);
  assert.equal(label(g.sidecar, 'last month'), '2030-02');
  assert.equal(g.sidecar.source.published, '2020-06-10', 'the recorded date is not replaced');
});

test("findings are stored as suggestions: detected, never reviewed, the detector's runner as author, no time", () => {
  const r = preannotate(published(undefined), TEXT, detector().detect, { author: 'bot' });
  assert.ok(r.added.length >= 4);
  assert.equal(r.changed, true);
  assert.equal(r.sidecar.source.sha256, sha256Hex(TEXT));
  for (const a of r.sidecar.annotations) {
    assert.deepEqual(
      [a.origin, a.status, a.author, a.reviewer, a.reviewed, a.created],
      ['detected', 'suggested', 'bot', undefined, undefined, undefined],
      a.quote,
    );
  }
});

test('what an annotation already covers is not stored again, a dismissed or accepted one included; the same run gives the same text', () => {
  const first = preannotate(published('2020-06-10'), TEXT, detector().detect).sidecar;
  const reviewed: Sidecar = {
    ...first,
    annotations: first.annotations.map((a, i) =>
      i % 2 === 0 ? { ...a, status: 'dismissed' as const, reviewer: 'ana', reviewed: '2026-01-02T10:00:00Z' } : a,
    ),
  };
  const again = preannotate(reviewed, TEXT, detector().detect);
  assert.equal(again.added.length, 0);
  assert.equal(again.changed, false);
  assert.equal(again.alreadyAnnotated, first.annotations.length);
  assert.deepEqual(again.sidecar.annotations, reviewed.annotations);
  // Deterministic: two runs write byte-identical sidecars (what makes a scan and `detect --write` agree).
  const one = serializeSidecar(preannotate(published('2020-06-10'), TEXT, detector().detect).sidecar);
  const two = serializeSidecar(
    preannotate(
      { marginalia: FORMAT_VERSION, source: { file: 'doc.txt', published: '2020-06-10' }, annotations: [] },
      TEXT,
      detector().detect,
    ).sidecar,
  );
  assert.equal(one, two);
});

test('a stored claim links the control and dates of its sentence, by the ids stored with them', () => {
  const r = preannotate(published(undefined), TEXT, detector().detect);
  const byQuote = (q: string): NonNullable<Sidecar['annotations'][number]> => {
    const a = r.sidecar.annotations.find((x) => x.quote === q);
    assert.ok(a, `stored: ${q} among ${JSON.stringify(r.sidecar.annotations.map((x) => x.quote))}`);
    return a;
  };
  const held = byQuote('We hold ISO 27001, the company said last month.');
  assert.deepEqual(held.about, [byQuote('ISO 27001').id]);
  assert.deepEqual(held.when, [byQuote('last month').id]);
  const will = byQuote('The vendor will complete FedRAMP Moderate by Q3 2025.');
  assert.deepEqual(will.about, [byQuote('FedRAMP Moderate').id]);
  assert.deepEqual(will.due, [byQuote('by Q3 2025').id]);
  // The same run writes the same bytes, links included.
  assert.equal(serializeSidecar(preannotate(published(undefined), TEXT, detector().detect).sidecar), serializeSidecar(r.sidecar));
});

test('a claim stored before keeps its links as they are', () => {
  const first = preannotate(published(undefined), TEXT, detector().detect).sidecar;
  const claim = first.annotations.find((a) => a.kind === 'claim' && a.due !== undefined);
  assert.ok(claim);
  delete claim.due;
  const again = preannotate(first, TEXT, detector().detect);
  assert.equal(again.added.length, 0);
  assert.equal(again.sidecar.annotations.find((a) => a.id === claim.id)?.due, undefined);
});
