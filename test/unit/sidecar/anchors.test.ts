import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorAt } from '../../../src/core/anchor/context';
import { reanchor } from '../../../src/core/anchor/reanchor';
import { toAnchor, withAnchor } from '../../../src/core/sidecar/anchors';
import { makeAnnotationId } from '../../../src/core/sidecar/ids';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { sha256Hex } from '../../../src/core/sidecar/sha256';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import { OffsetMap } from '../../../src/core/text/offsets';
import { annotation, sidecar } from './helpers';

test('a sidecar round trip through anchoring: code points in the file, UTF-16 in between', () => {
  const v1 = '🔒 Security 😀 update: we will rotate keys every year.';
  const map1 = new OffsetMap(v1);
  const at = v1.indexOf('we will rotate keys');
  const fresh = anchorAt(v1, at, at + 'we will rotate keys'.length);
  const a = withAnchor(
    annotation({ id: makeAnnotationId('claim', fresh.quote, map1.toCodePoint(at), new Set()), start: 0, end: 0 }),
    fresh,
    map1,
  );
  assert.equal(a.start, Array.from(v1.slice(0, at)).length, 'stored in code points');
  const s = { ...sidecar([a]), source: { file: 'r.txt', sha256: sha256Hex(v1) } };
  const read = parseSidecar(serializeSidecar(s), 'r.txt.annotations.yaml', v1);
  assert.deepEqual(read.errors, []);
  const stored = read.sidecar?.annotations[0];
  assert.ok(stored);
  // The source changed on disk: re-anchor against the new text.
  const v2 = '👩‍💻 New intro.\r\n' + v1.replace('every year', 'every 12 months');
  assert.notEqual(sha256Hex(v2), s.source.sha256);
  const map2 = new OffsetMap(v2);
  const [r] = reanchor([toAnchor(stored, map2)], v2);
  assert.ok(r);
  assert.equal(r.state, 'moved');
  const updated = withAnchor(stored, r, map2);
  assert.equal(Array.from(v2).slice(updated.start, updated.end).join(''), 'we will rotate keys');
  assert.equal(updated.orphaned, undefined);
  const gone = withAnchor(stored, { ...r, orphaned: true }, map2);
  assert.equal(gone.orphaned, true);
});

test('offsets past the end of a shorter text are clamped as hints', () => {
  const map = new OffsetMap('short');
  const anchor = toAnchor(annotation({ id: 'x', start: 50, end: 60, orphaned: true }), map);
  assert.deepEqual([anchor.start, anchor.end, anchor.orphaned], [5, 5, true]);
});
