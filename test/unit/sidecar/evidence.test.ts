import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceReference, resolveEvidence } from '../../../src/core/sidecar/evidence';

test('an evidence reference is relative to the commitment’s folder and resolves back to the same place', () => {
  const from = '/work/corpus/2024/acme-roadmap.txt';
  const cases: [string, string][] = [
    ['/work/corpus/2024/acme-roadmap.txt', '#k3x9m2pq'],
    ['/work/corpus/2024/acme-update.txt', 'acme-update.txt#k3x9m2pq'],
    ['/work/corpus/2025/q1/acme update.txt', '../2025/q1/acme update.txt#k3x9m2pq'],
    ['/work/other/notes.md', '../../other/notes.md#k3x9m2pq'],
  ];
  for (const [target, reference] of cases) {
    assert.equal(evidenceReference(from, target, 'k3x9m2pq'), reference);
    assert.deepEqual(resolveEvidence(from, reference), { path: target, id: 'k3x9m2pq' });
  }
  assert.equal(resolveEvidence(from, 'no-hash'), undefined);
});
