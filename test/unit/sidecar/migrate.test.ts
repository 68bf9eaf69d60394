// Reading version-1 sidecars as version 2 (src/core/sidecar/migrate.ts): each rule, the
// counts parseSidecar reports, version-2 files left alone, and a version-1 file rewritten
// in place with only the lines whose meaning changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/sidecar/format';
import { migrateV1Annotation, type MigrationCounts } from '../../../src/core/sidecar/migrate';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { serializeSidecar, updateSidecarText } from '../../../src/core/sidecar/write';
import { annotation, fixture, sidecar } from './helpers';

const T = '2026-01-01T09:30:00Z';

function migrate(a: Annotation): { out: Annotation; counts: MigrationCounts } {
  const counts: MigrationCounts = { suggestions: 0, reviewed: 0 };
  return { out: migrateV1Annotation(a, counts), counts };
}

/** The annotation without the fields a review sets. */
function withoutReview(a: Annotation): Partial<Annotation> {
  const copy: Partial<Annotation> = { ...a };
  delete copy.status;
  delete copy.reviewer;
  delete copy.reviewed;
  return copy;
}

test('v1 rule: a detection stored open and never accepted (no `created`) is a suggestion', () => {
  const stored = annotation({ id: 'a', start: 0, end: 5, origin: 'detected', status: 'open' });
  assert.deepEqual(migrate(stored), { out: { ...stored, status: 'suggested' }, counts: { suggestions: 1, reviewed: 0 } });
  // `detect --write --author bot` recorded who ran the detector, not a review: still a suggestion, author kept.
  const byBot = { ...stored, author: 'bot' };
  assert.deepEqual(migrate(byBot), { out: { ...byBot, status: 'suggested' }, counts: { suggestions: 1, reviewed: 0 } });
});

test('v1 rule: a detection with `created` was reviewed then: `reviewed` from `created`, `reviewer` from `author`', () => {
  const accepted = annotation({ id: 'a', start: 0, end: 5, origin: 'detected', status: 'open', author: 'ana', created: T });
  assert.deepEqual(migrate(accepted), { out: { ...accepted, reviewer: 'ana', reviewed: T }, counts: { suggestions: 0, reviewed: 1 } });
  for (const status of ['verified', 'disputed', 'dismissed'] as const) {
    const a = { ...accepted, status };
    assert.deepEqual(migrate(a).out, { ...a, reviewer: 'ana', reviewed: T }, status);
  }
  // No author named: the time only.
  const anonymous = annotation({ id: 'a', start: 0, end: 5, status: 'verified', created: T });
  assert.deepEqual(migrate(anonymous), { out: { ...anonymous, reviewed: T }, counts: { suggestions: 0, reviewed: 1 } });
});

test('v1 rule: a detection reviewed without a recorded time keeps its status; its author becomes the reviewer', () => {
  const verified = annotation({ id: 'a', start: 0, end: 5, status: 'verified', author: 'ben' });
  assert.deepEqual(migrate(verified), { out: { ...verified, reviewer: 'ben' }, counts: { suggestions: 0, reviewed: 1 } });
  // Nothing recorded at all: a person's status all the same, left as it is and not counted.
  const dismissed = annotation({ id: 'a', start: 0, end: 5, status: 'dismissed' });
  assert.deepEqual(migrate(dismissed), { out: dismissed, counts: { suggestions: 0, reviewed: 0 } });
});

test('v1 rule: manual annotations, and detections already in version-2 terms, are not touched', () => {
  for (const a of [
    annotation({ id: 'm', start: 0, end: 5, origin: 'manual', status: 'open' }),
    annotation({ id: 'm', start: 0, end: 5, origin: 'manual', status: 'open', author: 'ana', created: T }),
    annotation({ id: 's', start: 0, end: 5, status: 'suggested' }),
    annotation({ id: 'r', start: 0, end: 5, status: 'open', created: T, reviewed: '2026-02-01T00:00:00Z', reviewer: 'ben' }),
  ]) {
    const { out, counts } = migrate(a);
    assert.equal(out, a, 'the very object: nothing copied, nothing changed');
    assert.deepEqual(counts, { suggestions: 0, reviewed: 0 });
  }
});

test('migration property: only status, reviewer and reviewed change, a manual annotation never, and it is idempotent', () => {
  const arb = fc.record({
    origin: fc.constantFrom('detected' as const, 'manual' as const),
    status: fc.constantFrom('open' as const, 'verified' as const, 'disputed' as const, 'dismissed' as const),
    author: fc.option(fc.constantFrom('ana', 'bot'), { nil: undefined }),
    created: fc.option(fc.constant(T), { nil: undefined }),
  });
  fc.assert(
    fc.property(arb, (f) => {
      const a = annotation({ id: 'a', start: 0, end: 5, origin: f.origin, status: f.status });
      if (f.author !== undefined) a.author = f.author;
      if (f.created !== undefined) a.created = f.created;
      const { out, counts } = migrate(a);
      assert.deepEqual(withoutReview(out), withoutReview(a));
      if (a.origin === 'manual') assert.deepEqual(out, a);
      // A suggestion exactly when a scan stored it and no one accepted it.
      assert.equal(out.status === 'suggested', a.origin === 'detected' && a.status === 'open' && a.created === undefined);
      if (out.reviewed !== undefined) assert.equal(out.reviewed, a.created);
      if (out.reviewer !== undefined) assert.equal(out.reviewer, a.author);
      assert.equal(counts.suggestions + counts.reviewed <= 1, true);
      assert.deepEqual(migrate(out).out, out, 'migrating twice changes nothing more');
    }),
    { numRuns: 300 },
  );
});

test('parseSidecar migrates a version-1 file as it reads it and counts what changed meaning', () => {
  const v1 = fixture('commented.v1.yaml');
  const r = parseSidecar(v1, 'v1.yaml');
  assert.deepEqual(r.errors, []);
  assert.equal(r.writable, true);
  assert.deepEqual(r.migrated, { from: 1, suggestions: 1, reviewed: 1 });
  assert.ok(r.sidecar);
  assert.equal(r.sidecar.marginalia, 2);
  const byId = new Map(r.sidecar.annotations.map((a) => [a.id, a]));
  assert.equal(byId.get('kq3m7d2a')?.status, 'suggested');
  assert.deepEqual(
    [byId.get('bt5xq2nc')?.status, byId.get('bt5xq2nc')?.reviewer, byId.get('bt5xq2nc')?.reviewed],
    ['verified', undefined, undefined],
  );
  assert.deepEqual(
    [byId.get('zz9w4k3h')?.status, byId.get('zz9w4k3h')?.reviewer, byId.get('zz9w4k3h')?.reviewed, byId.get('zz9w4k3h')?.created],
    ['open', 'ben', '2026-01-01T09:00:00Z', '2026-01-01T09:00:00Z'],
  );
  // A version-1 file with nothing to change is still reported as migrated, with zero counts.
  const quiet = parseSidecar('marginalia: 1\nsource:\n  file: a.txt\n', 'q.yaml');
  assert.deepEqual(quiet.migrated, { from: 1, suggestions: 0, reviewed: 0 });
  assert.equal(quiet.sidecar?.marginalia, 2);
});

test('version-2 files are read as they are: an open detection without `created` stays open, nothing is reported migrated', () => {
  const text = serializeSidecar(
    sidecar([
      annotation({ id: 'o', start: 0, end: 5, origin: 'detected', status: 'open' }),
      annotation({ id: 'v', start: 6, end: 9, origin: 'detected', status: 'verified', author: 'ana', created: T }),
    ]),
  );
  const r = parseSidecar(text, 'v2.yaml');
  assert.deepEqual(r.errors, []);
  assert.equal(r.migrated, undefined);
  assert.deepEqual(
    r.sidecar?.annotations.map((a) => [a.status, a.reviewer, a.reviewed]),
    [
      ['open', undefined, undefined],
      ['verified', undefined, undefined],
    ],
  );
  const before = parseSidecar(fixture('commented.before.yaml'), 'b.yaml');
  assert.equal(before.migrated, undefined);
  assert.equal(before.sidecar?.annotations[0]?.status, 'suggested');
});

test('a version-1 file rewritten in place becomes version 2 with only the changed lines; comments and layout kept', () => {
  const v1 = fixture('commented.v1.yaml');
  const read = parseSidecar(v1, 'v1.yaml');
  assert.ok(read.sidecar);
  const out = updateSidecarText(v1, read.sidecar);
  // The version-2 fixture is this very file, reviewed once more by Ben (bt5xq2nc).
  const expected = fixture('commented.before.yaml').replace(
    '    reviewer: ben   # second reader\n    reviewed: "2026-01-02T10:00:00Z"\n',
    '',
  );
  assert.equal(out, expected);
  // Line by line: the version, one status (its comment kept), and two lines added to the accepted annotation.
  const a = v1.split('\n');
  const b = out.split('\n');
  assert.equal(b.length, a.length + 2);
  const changed = a
    .map((line, i) => [line, b[i]])
    .filter(([x, y]) => x !== y)
    .slice(0, 2);
  assert.deepEqual(changed, [
    ['marginalia: 1', 'marginalia: 2'],
    ['    status: open     # waiting for the audit report', '    status: suggested     # waiting for the audit report'],
  ]);
  assert.ok(out.includes('    status: open\n    reviewer: ben\n    reviewed: "2026-01-01T09:00:00Z"\n    author: ben\n'));
  // Read again, it is version 2 and migrates no further.
  const again = parseSidecar(out, 'v2.yaml');
  assert.deepEqual(again.errors, []);
  assert.equal(again.migrated, undefined);
  assert.deepEqual(again.sidecar, read.sidecar);
});
