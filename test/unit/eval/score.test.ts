// The one scorer of `npm run eval` and the corpus tests (test/eval/score.ts), on a
// document small enough to count by hand.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Detection } from '../../../src/core/model';
import { emptyScore, f1, precision, recall, scoreCorpus, scoreKind, type GoldKey } from '../../eval/score';

const TEXT = 'On\u00a0Monday Acme said it will get SOC 2 by 2025. It never sold data. SOC 2 again.';
const at = (quote: string, from = 0): { start: number; end: number; text: string } => {
  const start = TEXT.indexOf(quote, from);
  assert.ok(start >= 0, quote);
  return { start, end: start + quote.length, text: quote };
};
const KEY: GoldKey = {
  controls: [{ text: 'SOC 2', label: 'yes', id: 'soc-2' }],
  dates: [
    { text: 'On Monday', label: 'yes' },
    { text: 'by 2025', label: 'yes', value: '2025' },
  ],
  claims: [
    { text: 'it will get SOC 2', label: 'yes', type: 'commitment' },
    { text: 'It never sold data', label: 'maybe' },
  ],
};
const DETECTIONS: Detection[] = [
  // Both places the key's "SOC 2" stands match it: one true positive, no false one.
  { kind: 'control', ...at('SOC 2'), id: 'soc-2' },
  { kind: 'control', ...at('SOC 2', 50), id: 'soc-2' },
  { kind: 'date', ...at('by 2025'), value: '2024', relative: false, stated: ['year'], implied: [] },
  { kind: 'date', ...at('Acme'), relative: false, stated: [], implied: [] },
  { kind: 'claim', ...at('It never sold data'), type: 'denial', cues: ['never'], hedges: [], confidence: 0.9 },
];

test('a yes entry found counts once, a maybe entry costs nothing, a span on no entry costs precision, NBSP reads as a space', () => {
  const controls = scoreKind('control', TEXT, KEY.controls, DETECTIONS);
  assert.deepEqual([controls.truePositives, controls.falsePositives, controls.falseNegatives], [1, 0, 0]);
  assert.equal(controls.attributeRight, 1);
  const dates = scoreKind('date', TEXT, KEY.dates, DETECTIONS);
  assert.deepEqual([dates.truePositives, dates.falsePositives, dates.falseNegatives], [1, 1, 1]);
  assert.deepEqual(dates.misses, ['On Monday']);
  assert.deepEqual(dates.spurious, ['Acme']);
  assert.deepEqual(dates.wrongAttribute, ['by 2025 → expected 2025, got 2024']);
  const claims = scoreKind('claim', TEXT, KEY.claims, DETECTIONS);
  assert.deepEqual([claims.truePositives, claims.falsePositives, claims.falseNegatives], [0, 0, 1]);
  assert.equal(precision(claims), 1);
  assert.equal(recall(claims), 0);
  assert.equal(f1(claims), 0);
});

test('scoreCorpus scores each kind per document and overall, with the detections it scored', () => {
  const docs = [
    { source: 'a.txt', text: TEXT, key: KEY },
    { source: 'b.txt', text: 'Nothing here.', key: { controls: [], dates: [], claims: [] } },
  ];
  const scored = scoreCorpus(docs, (text) => (text === TEXT ? DETECTIONS : []));
  assert.deepEqual(
    scored.documents.map((d) => d.source),
    ['a.txt', 'b.txt'],
  );
  assert.equal(scored.documents[0]?.detections, DETECTIONS);
  const dates = scored.overall.get('date') ?? emptyScore('date');
  assert.deepEqual([dates.truePositives, dates.falsePositives, dates.falseNegatives], [1, 1, 1]);
  assert.equal(scoreCorpus([], () => []).overall.get('claim')?.truePositives, 0);
});

test('an answer key text that is not in its document is an error, not a silent miss', () => {
  assert.throws(() => scoreKind('date', TEXT, [{ text: 'in 1999', label: 'yes' }], []), /not found/);
});

test('an “end of” period, its last day and its last month are all right, counted apart; other days of the period are not', () => {
  const text = 'We will finish by the end of Q2. The audit ends in June. We paid at year end. Done by end of Q1 2027.';
  const date = (phrase: string, value: string): Detection => {
    const start = text.indexOf(phrase);
    return { kind: 'date', start, end: start + phrase.length, text: phrase, value, relative: false, stated: [], implied: [] };
  };
  const key = [
    { text: 'by the end of Q2', label: 'yes' as const, value: '2026-06-30' },
    { text: 'in June', label: 'yes' as const, value: '2026-06-30' },
    { text: 'at year end', label: 'yes' as const, value: '2025' },
    { text: 'by end of Q1 2027', label: 'yes' as const, value: '2027-03' },
  ];
  const s = scoreKind('date', text, key, [
    date('by the end of Q2', '2026-Q2'),
    date('in June', '2026-06'),
    date('at year end', '2025-12-31'),
    date('by end of Q1 2027', '2027-Q1'),
  ]);
  assert.equal(s.attributeChecked, 4);
  assert.equal(s.attributeRight, 3);
  assert.equal(s.attributeRightAsPeriodEnd, 3);
  assert.deepEqual(s.wrongAttribute, ['in June → expected 2026-06-30, got 2026-06']);
});

test('a control keyed by the id of the catalog pattern that names a part of it is right, counted apart', () => {
  const text = 'It breached Article 33 GDPR and ISO/IEC 27001.';
  const control = (phrase: string, id: string): Detection => {
    const start = text.indexOf(phrase);
    return {
      kind: 'control',
      start,
      end: start + phrase.length,
      text: phrase,
      id,
      title: id,
      category: 'law',
      source: 'builtin',
    } as Detection;
  };
  const key = [
    { text: 'Article 33 GDPR', label: 'yes' as const, id: 'gdpr-article' },
    { text: 'ISO/IEC 27001', label: 'yes' as const, id: 'gdpr-article' },
  ];
  const s = scoreKind('control', text, key, [control('Article 33 GDPR', 'gdpr'), control('ISO/IEC 27001', 'iso-27001')]);
  assert.equal(s.attributeRight, 1);
  assert.equal(s.attributeRightAsPattern, 1);
  assert.deepEqual(s.wrongAttribute, ['ISO/IEC 27001 → expected gdpr-article, got iso-27001']);
});
