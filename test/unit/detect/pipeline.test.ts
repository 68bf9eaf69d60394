import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentDetector, detectAll } from '../../../src/core/detect';

const DOC = [
  'By Dana Whitfield, Harbor Data Systems',
  '',
  'Published on March 3, 2025',
  '',
  'Harbor Data Systems said it completed its ISO/IEC 27001:2022 certification last month.',
  '',
  'We will publish our SOC 2 Type II report by the end of the year.',
  '',
  'Our SOC team works around the clock.',
].join('\n');

test('detectAll finds every kind, sorted, with exact spans', () => {
  const found = detectAll(DOC);
  for (const d of found) assert.equal(DOC.slice(d.start, d.end), d.text);
  const sorted = [...found].sort((a, b) => a.start - b.start || a.end - b.end);
  assert.deepEqual(found, sorted);
  const controls = found.flatMap((d) => (d.kind === 'control' ? [d.id] : []));
  assert.deepEqual(controls, ['iso-27001', 'soc-2']);
  const lastMonth = found.find((d) => d.kind === 'date' && d.text.includes('last month'));
  assert.ok(lastMonth && lastMonth.kind === 'date');
  assert.equal(lastMonth.value, '2025-02');
  assert.ok(found.some((d) => d.kind === 'claim' && d.type === 'commitment' && d.text.startsWith('We will publish')));
});

test('kinds can be restricted', () => {
  const found = detectAll(DOC, { kinds: ['control'] });
  assert.ok(found.length > 0);
  assert.ok(found.every((d) => d.kind === 'control'));
});

test('after an edit only the edited block is detected again, with the same result as a fresh pass', () => {
  const detector = new DocumentDetector();
  detector.detect(DOC);
  const edited = DOC.replace('Our SOC team works', 'Our SOC team, certified under PCI DSS, works');
  const incremental = detector.detect(edited);
  assert.equal(detector.lastDetectedBlocks, 1);
  assert.deepEqual(incremental, detectAll(edited));
  assert.ok(incremental.some((d) => d.kind === 'control' && d.id === 'pci-dss'));
});

test('blocks that move keep their detections at their new offsets', () => {
  const detector = new DocumentDetector();
  detector.detect(DOC);
  const moved = `A new first paragraph with nothing to find in it.\n\n${DOC}`;
  const result = detector.detect(moved);
  assert.equal(detector.lastDetectedBlocks, 1);
  for (const d of result) assert.equal(moved.slice(d.start, d.end), d.text);
  assert.deepEqual(result, detectAll(moved));
});

test('changing the document date re-resolves relative dates everywhere', () => {
  const detector = new DocumentDetector();
  detector.detect(DOC);
  const redated = DOC.replace('March 3, 2025', 'July 9, 2024');
  const lastMonth = detector.detect(redated).find((d) => d.kind === 'date' && d.text.includes('last month'));
  assert.ok(lastMonth && lastMonth.kind === 'date');
  assert.equal(lastMonth.value, '2024-06');
});

test('an explicit reference date wins over the document date', () => {
  const found = detectAll(DOC, { referenceDate: '2030-01-15', kinds: ['date'] });
  const lastMonth = found.find((d) => d.kind === 'date' && d.text.includes('last month'));
  assert.ok(lastMonth && lastMonth.kind === 'date');
  assert.equal(lastMonth.value, '2029-12');
});

test('one pass over the whole text finds exactly what block-by-block detection finds', () => {
  const root = process.env.MARGINALIA_ROOT ?? '.';
  const dir = path.join(root, 'samples', 'corpus');
  const text = fs.readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n\n');
  const perBlock = new DocumentDetector(undefined, Infinity).detect(text);
  const whole = new DocumentDetector(undefined, 0).detect(text);
  assert.ok(whole.length > 200);
  assert.deepEqual(whole, perBlock);
});
