import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetMap } from '../../../src/core/text/offsets';

// BOM, CRLF, a non-breaking space, an emoji outside the BMP and a combining accent.
const TEXT = '\uFEFFSOC\u00A02 🔒 audit\r\nISO 27001 👩‍💻 café';

test('code points and UTF-16 agree on plain ASCII', () => {
  const map = new OffsetMap('hello');
  for (let i = 0; i <= 5; i++) {
    assert.equal(map.toCodePoint(i), i);
    assert.equal(map.toUtf16(i), i);
  }
});

test('offsets after astral characters shift by one per character', () => {
  const map = new OffsetMap(TEXT);
  const cps = Array.from(TEXT);
  assert.equal(map.codePointLength, cps.length);
  const iso = TEXT.indexOf('ISO');
  const isoCp = cps.indexOf('I', Array.from(TEXT.slice(0, iso)).length);
  assert.equal(map.toCodePoint(iso), isoCp);
  assert.equal(map.toUtf16(isoCp), iso);
  const cafe = TEXT.indexOf('café');
  assert.equal(cps.slice(map.toCodePoint(cafe), map.toCodePoint(cafe + 4)).join(''), 'café');
});

test('every code-point offset round-trips through UTF-16', () => {
  const map = new OffsetMap(TEXT);
  for (let cp = 0; cp <= map.codePointLength; cp++) {
    assert.equal(map.toCodePoint(map.toUtf16(cp)), cp);
  }
});

test('an offset inside a surrogate pair counts the pair as one code point', () => {
  const text = 'a😀b';
  const map = new OffsetMap(text);
  assert.equal(map.toCodePoint(1), 1);
  assert.equal(map.toCodePoint(2), 2);
  assert.equal(map.toCodePoint(3), 2);
  assert.equal(map.toCodePoint(4), 3);
});

test('out-of-range offsets are refused with the range in the message', () => {
  const map = new OffsetMap('ab');
  assert.throws(() => map.toCodePoint(3), /outside 0\.\.2/);
  assert.throws(() => map.toUtf16(-1), /outside 0\.\.2/);
});
