import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureAnchoring, type AccuracyDocument } from '../../../src/core/anchor/accuracy';
import { corpusDir, loadCorpus, seededRng } from './corpus';

const SYNTHETIC: AccuracyDocument = (() => {
  const text = [
    'Acme Corp said on Monday that it will complete its SOC 2 Type II audit by the end of 2024.',
    'The company stores user data in Frankfurt. It has never shared data with third parties, a spokesperson said.',
    'Regulators in the EU opened an inquiry last month. Acme said it expects the inquiry to close in March 2025.',
    'Acme says its encryption is stronger than its competitors\u2019 and meets ISO 27001 requirements.',
  ].join('\n\n');
  const quotes = ['on Monday', 'SOC 2 Type II', 'by the end of 2024', 'It has never shared data with third parties', 'last month', 'in March 2025', 'ISO 27001', 'stronger than its competitors\u2019'];
  return { name: 'synthetic', text, spans: quotes.map((q) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length })) };
})();

test('re-anchoring after random realistic edits: no wrong anchor, untouched quotes found', () => {
  const dir = corpusDir();
  const docs = [SYNTHETIC, ...(dir === undefined ? [] : loadCorpus(dir))];
  const r = measureAnchoring(docs, seededRng(20260101), { trials: 8 });
  const u = r.byCategory.untouched;
  const wrong = Object.values(r.byCategory).reduce((n, c) => n + c.wrong, 0);
  assert.equal(wrong, 0, r.wrongExamples.join('\n'));
  assert.ok(u.total > 0);
  assert.ok(u.correct / u.total >= 0.98, `untouched correct ${u.correct}/${u.total}`);
  assert.equal(r.byCategory.whitespace.wrong + r.byCategory.whitespace.orphaned, 0);
  assert.equal(r.byCategory.deleted.correct + r.byCategory.deleted.followed, r.byCategory.deleted.total);
});
