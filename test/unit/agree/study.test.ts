// An agreement study (core/agree/study.ts): span pairing, the figures per kind, and every
// disagreement, on coders whose differences are known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CodedSpan, Coder } from '../../../src/core/agree/coders';
import { matchSpans } from '../../../src/core/agree/match';
import { compareCoders } from '../../../src/core/agree/study';
import { agreementMarkdown } from '../../../src/core/agree/markdown';

function span(kind: string, label: string, start: number, end: number, id = `${kind}-${start}`): CodedSpan {
  return { id, kind, label, start, end, quote: `q${start}` };
}

function coder(name: string, docs: Record<string, CodedSpan[]>, length = 100): Coder {
  return { name, documents: new Map(Object.entries(docs).map(([path, spans]) => [path, { path, length, spans }])) };
}

const ADA = coder('ada', {
  'a.txt': [
    span('claim', 'commitment', 0, 20),
    span('claim', 'assertion', 30, 50),
    span('date', '2025', 60, 64),
    span('control', 'iso-27001', 70, 79),
  ],
  'b.txt': [span('claim', 'denial', 5, 25)],
  'only-ada.txt': [span('claim', 'assertion', 0, 10)],
});
const BEN = coder('ben', {
  'a.txt': [
    span('claim', 'commitment', 0, 20),
    span('claim', 'denial', 32, 50),
    span('date', '2024', 60, 64),
    span('claim', 'assertion', 80, 95),
  ],
  'b.txt': [span('claim', 'denial', 5, 25)],
});

test('two coders with known differences: exactly those disagreements, in document order', () => {
  const report = compareCoders([ADA, BEN]);
  assert.deepEqual(report.documents, ['a.txt', 'b.txt']);
  assert.deepEqual(report.unpaired, [{ document: 'only-ada.txt', coders: ['ada'] }]);
  assert.deepEqual(
    report.disagreements.map((d) => [d.document, d.kind, d.type, d.spanA?.start, d.spanB?.start]),
    [
      ['a.txt', 'claim', 'span-label', 30, 32],
      ['a.txt', 'date', 'label', 60, 60],
      ['a.txt', 'control', 'only', 70, undefined],
      ['a.txt', 'claim', 'only', undefined, 80],
    ],
  );
});

test('span figures per kind: exact and overlapping pairs, the first coder as reference', () => {
  const report = compareCoders([ADA, BEN]);
  assert.deepEqual(
    report.kinds.map((k) => k.kind),
    ['claim', 'date', 'control'],
  );
  const claim = report.kinds[0]!;
  assert.deepEqual(claim.spans, [3, 4]);
  const pair = claim.pairs[0]!;
  assert.equal(pair.exact.matched, 2);
  assert.equal(pair.exact.f1, 4 / 7);
  assert.equal(pair.overlap.matched, 3);
  assert.equal(pair.overlap.precision, 3 / 4);
  assert.equal(pair.overlap.recall, 1);
  assert.equal(pair.overlap.f1, 6 / 7);
  assert.deepEqual([pair.labels.agreed, pair.labels.pairs], [2, 3]);
  const control = report.kinds[2]!.pairs[0]!;
  assert.deepEqual([control.overlap.matched, control.overlap.recall, control.overlap.precision], [0, 0, undefined]);
});

test('identical coders agree perfectly; a kind only one coder used has F1 0', () => {
  const report = compareCoders([ADA, { ...ADA, name: 'copy' }]);
  assert.equal(report.disagreements.length, 0);
  for (const k of report.kinds) {
    assert.equal(k.pairs[0]!.exact.f1, 1);
    assert.equal(k.unitized.alpha, 1, `αᵤ of ${k.kind}`);
  }
  assert.equal(report.unitized.alpha, 1);
  assert.match(agreementMarkdown(report), /None: the coders marked the same spans with the same labels\./);
});

test('pairing: identical spans first, then the most alike overlap; each span once', () => {
  const long = span('claim', 'x', 0, 100, 'long');
  const near = span('claim', 'x', 2, 98, 'near');
  const part = span('claim', 'x', 0, 10, 'part');
  const m = matchSpans([long], [part, near]);
  assert.deepEqual(
    m.pairs.map((p) => [p.a.id, p.b.id, p.exact]),
    [['long', 'near', false]],
  );
  assert.deepEqual(
    m.onlyB.map((s) => s.id),
    ['part'],
  );
  const twice = matchSpans([span('claim', 'x', 0, 10, 'a1'), span('claim', 'x', 0, 10, 'a2')], [span('claim', 'x', 0, 10, 'b1')]);
  assert.equal(twice.pairs.length, 1);
  assert.equal(twice.onlyA.length, 1);
});

const arbSpans = fc
  .array(
    fc.record({
      start: fc.integer({ min: 0, max: 90 }),
      len: fc.integer({ min: 1, max: 10 }),
      kind: fc.constantFrom('claim', 'date'),
      label: fc.constantFrom('p', 'q'),
    }),
    {
      maxLength: 8,
    },
  )
  .map((list) => list.map((s, i) => span(s.kind, s.label, s.start, s.start + s.len, `s${i}`)));

test('property: swapping the coders swaps precision and recall and changes nothing else', () => {
  fc.assert(
    fc.property(arbSpans, arbSpans, (x, y) => {
      const ab = compareCoders([coder('a', { 'd.txt': x }), coder('b', { 'd.txt': y })]);
      const ba = compareCoders([coder('b', { 'd.txt': y }), coder('a', { 'd.txt': x })]);
      assert.equal(ab.disagreements.length, ba.disagreements.length);
      assert.equal(ab.unitized.alpha, ba.unitized.alpha);
      for (const [i, k] of ab.kinds.entries()) {
        const other = ba.kinds[i]!;
        assert.equal(k.pairs[0]!.overlap.f1, other.pairs[0]!.overlap.f1);
        assert.equal(k.pairs[0]!.exact.f1, other.pairs[0]!.exact.f1);
        assert.equal(k.pairs[0]!.overlap.precision, other.pairs[0]!.overlap.recall);
        assert.equal(k.pairs[0]!.labels.kappa, other.pairs[0]!.labels.kappa);
        assert.equal(k.labelAlpha.alpha, other.labelAlpha.alpha);
      }
    }),
  );
});

test('property: every span of either coder is in exactly one pair or one "only" disagreement', () => {
  fc.assert(
    fc.property(arbSpans, arbSpans, (x, y) => {
      for (const kind of ['claim', 'date']) {
        const m = matchSpans(
          x.filter((s) => s.kind === kind),
          y.filter((s) => s.kind === kind),
        );
        const seenA = [...m.pairs.map((p) => p.a), ...m.onlyA];
        const seenB = [...m.pairs.map((p) => p.b), ...m.onlyB];
        assert.equal(new Set(seenA).size, x.filter((s) => s.kind === kind).length);
        assert.equal(new Set(seenB).size, y.filter((s) => s.kind === kind).length);
        assert.equal(seenA.length, new Set(seenA).size);
        for (const p of m.pairs) assert.ok(Math.min(p.a.end, p.b.end) > Math.max(p.a.start, p.b.start), 'paired spans overlap');
      }
    }),
  );
});

test('three coders: a pair row each, α over labels with missing data', () => {
  const cy = coder('cy', { 'a.txt': [span('claim', 'commitment', 0, 20)], 'b.txt': [] });
  const report = compareCoders([ADA, BEN, cy]);
  const claim = report.kinds.find((k) => k.kind === 'claim')!;
  assert.deepEqual(
    claim.pairs.map((p) => [p.a, p.b]),
    [
      [0, 1],
      [0, 2],
      [1, 2],
    ],
  );
  assert.ok(claim.labelAlpha.units >= 3);
  const md = agreementMarkdown(report);
  assert.match(md, /\| claim \| ada × cy \|/);
});

test('the Markdown report: figures to three decimals, each disagreement with both spans, table cells escaped', () => {
  const piped = coder('p|q', { 'a.txt': [span('claim', 'commitment', 0, 20)] });
  const other = coder('r', { 'a.txt': [] });
  const md = agreementMarkdown(compareCoders([piped, other]));
  assert.match(md, /^# Agreement: p\|q, r$/m);
  assert.match(md, /\| claim \| only p\\\|q \| \*\*commitment\*\* “q0” \(0–20\) \| — \|/);
  const full = agreementMarkdown(compareCoders([ADA, BEN]));
  assert.match(full, /\| claim \| 3 \/ 4 \| 0\.571 \| 0\.750 \| 1\.000 \| 0\.857 \| 2 \/ 3 \|/);
  assert.match(full, /## Disagreements \(4\)/);
  assert.match(full, /- only-ada\.txt: only ada/);
});
