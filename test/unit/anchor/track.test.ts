import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorAt } from '../../../src/core/anchor/context';
import { applyChanges } from '../../../src/core/anchor/track';
import type { Anchor, TextChange } from '../../../src/core/anchor/types';

const TEXT = 'Intro line. We will rotate keys every year. Outro line.';
const Q = 'We will rotate keys';

function anchor(text = TEXT, quote = Q): Anchor & { id: string } {
  const at = text.indexOf(quote);
  return { id: 'a', ...anchorAt(text, at, at + quote.length) };
}

/** Applies one event (changes in pre-event coordinates) to the text. */
function edit(text: string, changes: TextChange[]): string {
  let out = text;
  for (const c of [...changes].sort((x, y) => y.rangeOffset - x.rangeOffset)) {
    out = out.slice(0, c.rangeOffset) + c.text + out.slice(c.rangeOffset + c.rangeLength);
  }
  return out;
}

function step(
  text: string,
  anchors: (Anchor & { id: string })[],
  changes: TextChange[],
): { text: string; anchors: (Anchor & { id: string })[] } {
  const after = edit(text, changes);
  return { text: after, anchors: applyChanges(anchors, changes, after) };
}

test('an insertion before the quote shifts it; at its start or end it stays outside', () => {
  const a = anchor();
  for (const [offset, expectStart] of [
    [0, a.start + 3],
    [a.start, a.start + 3],
    [a.end, a.start],
  ] as const) {
    const r = step(TEXT, [a], [{ rangeOffset: offset, rangeLength: 0, text: 'abc' }]);
    const b = r.anchors[0];
    assert.ok(b);
    assert.equal(b.start, expectStart);
    assert.equal(b.quote, Q);
    assert.equal(r.text.slice(b.start, b.end), Q);
  }
});

test('an insertion inside grows it and an edit inside updates the quote', () => {
  const a = anchor();
  const r = step(TEXT, [a], [{ rangeOffset: a.start + 3, rangeLength: 4, text: 'shall' }]);
  assert.equal(r.anchors[0]?.quote, 'We shall rotate keys');
  assert.equal('orphaned' in r.anchors[0], false);
  const g = step(TEXT, [a], [{ rangeOffset: a.end - 4, rangeLength: 0, text: 'API ' }]);
  assert.equal(g.anchors[0]?.quote, 'We will rotate API keys');
});

test('a change after the quote leaves the same object; context updates when it is near', () => {
  const padded = TEXT + ' '.repeat(100);
  const p = anchor(padded);
  const far = step(padded, [p], [{ rangeOffset: TEXT.length + 50, rangeLength: 1, text: 'x' }]);
  assert.equal(far.anchors[0], p);
  const a = anchor();
  const near = step(TEXT, [a], [{ rangeOffset: a.end + 1, rangeLength: 5, text: 'each' }]);
  assert.equal(near.anchors[0]?.start, a.start);
  assert.match(near.anchors[0].suffix, /^ each year\./);
});

test('several changes of one event, all in pre-event coordinates, in any order', () => {
  const a = anchor();
  const changes: TextChange[] = [
    { rangeOffset: TEXT.length - 5, rangeLength: 5, text: 'END' },
    { rangeOffset: 0, rangeLength: 5, text: 'Preface' },
    { rangeOffset: a.start + 3, rangeLength: 4, text: 'must' },
  ];
  const r = step(TEXT, [a], changes);
  const b = r.anchors[0];
  assert.ok(b);
  assert.equal(b.quote, 'We must rotate keys');
  assert.equal(r.text.slice(b.start, b.end), 'We must rotate keys');
});

test('deleting the whole span orphans it, keeping its quote; undo brings it back', () => {
  const a = anchor();
  const sentenceStart = a.start;
  const sentence = 'We will rotate keys every year. ';
  const del = step(TEXT, [a], [{ rangeOffset: sentenceStart, rangeLength: sentence.length, text: '' }]);
  const o = del.anchors[0];
  assert.ok(o);
  assert.equal(o.orphaned, true);
  assert.equal(o.quote, Q);
  // More typing elsewhere while orphaned.
  const typed = step(del.text, del.anchors, [{ rangeOffset: 0, rangeLength: 0, text: 'New. ' }]);
  assert.equal(typed.anchors[0]?.orphaned, true);
  // Undo both: VS Code sends the inverse changes.
  const undo1 = step(typed.text, typed.anchors, [{ rangeOffset: 0, rangeLength: 5, text: '' }]);
  const undo2 = step(undo1.text, undo1.anchors, [{ rangeOffset: sentenceStart, rangeLength: 0, text: sentence }]);
  assert.equal(undo2.text, TEXT);
  assert.deepEqual(undo2.anchors[0], a);
});

test('replacing the whole document with the same text keeps the anchor', () => {
  const a = anchor();
  const r = step(TEXT, [a], [{ rangeOffset: 0, rangeLength: TEXT.length, text: TEXT }]);
  assert.deepEqual(r.anchors[0], a);
});

test('typing the same words elsewhere does not bring an orphan back there', () => {
  const a = anchor();
  const del = step(TEXT, [a], [{ rangeOffset: a.start, rangeLength: Q.length, text: '' }]);
  const typed = step(del.text, del.anchors, [{ rangeOffset: del.text.length, rangeLength: 0, text: ` ${Q}` }]);
  assert.equal(typed.anchors[0]?.orphaned, true);
});

test('surrogate pairs in the context are never cut', () => {
  const text =
    '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 claim 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀';
  const a = anchor(text, 'claim');
  assert.equal(Array.from(a.prefix).length, 32);
  assert.equal(a.prefix.charCodeAt(0) >= 0xd800 && a.prefix.charCodeAt(0) <= 0xdbff, true);
  const r = step(text, [a], [{ rangeOffset: 0, rangeLength: 2, text: '' }]);
  assert.equal(r.anchors[0]?.quote, 'claim');
});
