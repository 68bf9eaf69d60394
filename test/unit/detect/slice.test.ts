import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectAll } from '../../../src/core/detect';
import { detectSlice, widenToParagraphs } from '../../../src/core/detect/slice';
import { generateArticleText } from '../../bench/article';

test('a slice widened to paragraphs finds what the whole pass finds there', () => {
  const text = 'Published on 10 June 2024\r\n\r\n' + generateArticleText(60_000, 7).replace(/\n/g, '\r\n');
  const all = detectAll(text);
  for (const [s, e] of [
    [20_000, 24_000],
    [100, 900],
    [text.length - 3000, text.length],
  ] as const) {
    const [from, to] = widenToParagraphs(text, s, e);
    assert.ok(from <= s && to >= e);
    const key = (d: { kind: string; start: number; end: number }): string => `${d.kind}:${d.start}:${d.end}`;
    const expected = all.filter((d) => d.start >= from && d.end <= to && d.kind !== 'control').map(key);
    const got = detectSlice(text, s, e)
      .filter((d) => d.kind !== 'control')
      .map(key);
    assert.deepEqual(got, expected, `slice ${s}-${e}`);
    for (const d of detectSlice(text, s, e)) assert.equal(text.slice(d.start, d.end), d.text);
  }
});

test('widening stops at blank lines, LF and CRLF alike', () => {
  assert.deepEqual(widenToParagraphs('a\n\nbb cc\n\nd', 4, 5), [2, 8]);
  assert.deepEqual(widenToParagraphs('a\r\n\r\nbb\r\n\r\nd', 5, 6), [3, 7]);
  assert.deepEqual(widenToParagraphs('one paragraph', 3, 4), [0, 13]);
});

test('detecting in steps gives what one pass gives, and primes the cache for the next edit', async () => {
  const { DocumentDetector } = await import('../../../src/core/detect');
  const text = 'Published on 10 June 2024\r\n\r\n' + generateArticleText(300_000, 11).replace(/\n/g, '\r\n');
  const expected = detectAll(text);
  const detector = new DocumentDetector();
  const steps = detector.detectInSteps(text, {}, 20_000);
  let pauses = 0;
  let r = steps.next();
  while (!r.done) {
    pauses++;
    r = steps.next();
  }
  assert.ok(pauses >= 10, `paused ${pauses} times`);
  assert.deepEqual(r.value.toArray(), expected);
  const at = text.indexOf('.', text.length / 2) + 1;
  const edited = `${text.slice(0, at)} A new sentence, said nobody.${text.slice(at)}`;
  assert.deepEqual(detector.detect(edited), detectAll(edited));
  assert.ok(detector.lastDetectedBlocks <= 2, `incremental after the stepwise pass (${detector.lastDetectedBlocks} blocks)`);
});
