import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { makeAnnotationId } from '../../../src/core/sidecar/ids';
import { sha256Hex } from '../../../src/core/sidecar/sha256';

test('sha256 matches the standard test vectors', () => {
  assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(
    sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  );
});

test('sha256 agrees with node:crypto on random Unicode text of every length', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
      assert.equal(sha256Hex(s), createHash('sha256').update(s, 'utf8').digest('hex'));
    }),
    { numRuns: 300 },
  );
  const long = 'x'.repeat(100_000);
  assert.equal(sha256Hex(long), createHash('sha256').update(long).digest('hex'));
});

test('ids are 8 characters, start with a letter, stable, and never collide within a file', () => {
  const taken = new Set<string>();
  const first = makeAnnotationId('claim', 'We will', 10, taken);
  assert.match(first, /^[a-z][a-z2-7]{7}$/);
  assert.equal(makeAnnotationId('claim', 'We will', 10, new Set()), first, 'same annotation, same id');
  assert.notEqual(makeAnnotationId('date', 'We will', 10, new Set()), first);
  taken.add(first);
  const second = makeAnnotationId('claim', 'We will', 10, taken);
  assert.notEqual(second, first);
  for (let i = 0; i < 2000; i++) taken.add(makeAnnotationId('claim', `q${i % 7}`, i % 13, taken));
  assert.equal(taken.size, 2001);
});
