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
  const text = fs
    .readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n\n');
  const perBlock = new DocumentDetector(undefined, Infinity).detect(text);
  const whole = new DocumentDetector(undefined, 0).detect(text);
  assert.ok(whole.length > 200);
  assert.deepEqual(whole, perBlock);
});

test('twin blocks (the same text under different lists) are cached apart', () => {
  const doc = [
    'Our plans for the coming year:',
    '',
    '- Encrypt all backups by June 2026',
    '',
    'Things that went wrong in 2023:',
    '',
    '- Encrypt all backups by June 2026',
  ].join('\n');
  const detector = new DocumentDetector(undefined, 0);
  const first = detector.detect(doc);
  const types = first.flatMap((d) => (d.kind === 'claim' ? [d.type] : []));
  // The list about plans makes its imperative bullet a commitment; the other does not.
  assert.deepEqual(types, ['commitment', 'assertion']);
  assert.deepEqual(detector.detect(doc), first);
  assert.equal(detector.lastDetectedBlocks, 0);
  const edited = doc.replace('Things that went wrong', 'Things that went right');
  assert.deepEqual(detector.detect(edited), detectAll(edited));
  // The edited paragraph and the bullet it introduces.
  assert.equal(detector.lastDetectedBlocks, 2);
});

test('callers get their own detections: changing one does not change the next result', () => {
  const detector = new DocumentDetector();
  const first = detector.detect(DOC);
  for (const d of first) {
    d.start += 1000;
    d.end += 1000;
  }
  const second = detector.detect(DOC);
  assert.equal(detector.lastDetectedBlocks, 0);
  assert.deepEqual(second, detectAll(DOC));
});

test('many edits in turn give what a fresh pass gives, in document order', () => {
  const paragraphs = [
    'Harbor Data Systems said on Thursday that it completed its SOC 2 Type II audit in March.',
    'We will publish our ISO/IEC 27001:2022 report by the end of the year.',
    '- Review access logs by June 27',
    'There is no evidence that user data was accessed between September 2021 and January 2022.',
    'The weather in the city was mild.',
  ];
  const detector = new DocumentDetector(undefined, 2);
  let text = paragraphs.join('\n\n');
  for (let round = 0; round < 8; round++) {
    const i = round % paragraphs.length;
    const parts = text.split('\n\n');
    parts.splice(
      i,
      0,
      round % 2 === 0 ? `${paragraphs[(i + 1) % paragraphs.length]} Analysts noted that GDPR applies.` : 'A new paragraph.',
    );
    text = parts.join('\n\n');
    const found = detector.detect(text);
    assert.deepEqual(found, detectAll(text));
    for (let k = 1; k < found.length; k++) {
      const a = found[k - 1] as (typeof found)[number];
      const b = found[k] as (typeof found)[number];
      assert.ok(a.start < b.start || (a.start === b.start && a.end <= b.end));
    }
  }
});
