import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureAnchoring, type AccuracyDocument } from '../../../src/core/anchor/accuracy';
import { corpusDir, loadCorpus, seededRng } from './corpus';
import { needsShared } from '../../eval/shared';

const SYNTHETIC: AccuracyDocument = (() => {
  const text = [
    'Acme Corp said on Monday that it will complete its SOC 2 Type II audit by the end of 2024.',
    'The company stores user data in Frankfurt. It has never shared data with third parties, a spokesperson said.',
    'Regulators in the EU opened an inquiry last month. Acme said it expects the inquiry to close in March 2025.',
    'Acme says its encryption is stronger than its competitors\u2019 and meets ISO 27001 requirements.',
  ].join('\n\n');
  const quotes = [
    'on Monday',
    'SOC 2 Type II',
    'by the end of 2024',
    'It has never shared data with third parties',
    'last month',
    'in March 2025',
    'ISO 27001',
    'stronger than its competitors\u2019',
  ];
  return { name: 'synthetic', text, spans: quotes.map((q) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length })) };
})();

/**
 * What every run of the benchmark must show: no quote anchored in a wrong place, none lost
 * to a change of white space, every deleted one accounted for; and, on real documents
 * (`untouchedRate`), nearly every untouched quote found where it is. A short synthetic
 * article alone is no measure of that rate: an edit that copies a passage there takes a
 * large share of its few quotes with it.
 */
function assertAccurate(docs: readonly AccuracyDocument[], seed: number, untouchedRate?: number): void {
  const r = measureAnchoring(docs, seededRng(seed), { trials: 8 });
  const u = r.byCategory.untouched;
  const wrong = Object.values(r.byCategory).reduce((n, c) => n + c.wrong, 0);
  assert.equal(wrong, 0, r.wrongExamples.join('\n'));
  assert.ok(u.total > 0);
  if (untouchedRate !== undefined) assert.ok(u.correct / u.total >= untouchedRate, `untouched correct ${u.correct}/${u.total}`);
  assert.equal(r.byCategory.whitespace.wrong + r.byCategory.whitespace.orphaned, 0);
  assert.equal(r.byCategory.deleted.correct + r.byCategory.deleted.followed, r.byCategory.deleted.total);
}

test('re-anchoring after random realistic edits of a synthetic article: no wrong anchor, none lost to white space', () => {
  assertAccurate([SYNTHETIC], 20260101);
});

test(
  're-anchoring after random realistic edits of the shared corpus: no wrong anchor, 98% of untouched quotes found',
  needsShared('corpus', "re-anchoring on the shared corpus's real documents"),
  () => {
    assertAccurate([SYNTHETIC, ...loadCorpus(corpusDir() as string)], 20260101, 0.98);
  },
);

/**
 * The same edits, the anchors handed over without their positions (a W3C import of quote
 * selectors alone, each context the sidecar's 32 code points: not lengthened to be unique,
 * so a passage repeated verbatim is ambiguous). Placed by context alone: still never in a
 * wrong place; more are orphaned, since no position tells copies apart.
 */
function assertAccurateByContext(docs: readonly AccuracyDocument[], seed: number, untouchedRate?: number): void {
  const r = measureAnchoring(docs, seededRng(seed), { trials: 8, positionUnknown: true });
  const u = r.byCategory.untouched;
  const wrong = Object.values(r.byCategory).reduce((n, c) => n + c.wrong, 0);
  assert.equal(wrong, 0, r.wrongExamples.join('\n'));
  assert.ok(u.total > 0);
  if (untouchedRate !== undefined) assert.ok(u.correct / u.total >= untouchedRate, `untouched correct ${u.correct}/${u.total}`);
  assert.equal(r.byCategory.deleted.correct + r.byCategory.deleted.followed, r.byCategory.deleted.total);
}

test('re-anchoring by quote and context alone (no positions) after random edits of a synthetic article: no wrong anchor', () => {
  assertAccurateByContext([SYNTHETIC], 20260101);
});

test(
  're-anchoring by quote and context alone (no positions) after random edits of the shared corpus: no wrong anchor, 90% of untouched quotes found',
  needsShared('corpus', "re-anchoring without positions on the shared corpus's real documents"),
  () => {
    assertAccurateByContext([SYNTHETIC, ...loadCorpus(corpusDir() as string)], 20260101, 0.9);
  },
);
