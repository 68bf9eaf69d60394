// A claim's entity in the sidecar: written right after its speaker, read back, merged with
// the speaker as one decision, and accepted by the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeAnnotations } from '../../../src/core/sidecar/merge';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import { annotation, sidecar } from './helpers';

const SPOKEN = sidecar([annotation({ id: 'c1', start: 0, end: 40, label: 'commitment', speaker: 'the company', entity: 'Quokka Money' })]);

test('the entity is written after the speaker and read back as it was', () => {
  const text = serializeSidecar(SPOKEN);
  assert.match(text, /speaker: the company\n {4}entity: Quokka Money\n {4}quote:/);
  const back = parseSidecar(text, 'r.yaml');
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.sidecar, SPOKEN);
  const bad = parseSidecar(text.replace('entity: Quokka Money', 'entity: [Quokka]'), 'r.yaml');
  assert.match(bad.errors[0]?.message ?? '', /entity/);
  assert.equal(bad.errors[0]?.line, 10);
});

test('speaker and entity merge as one decision: a change on one side wins, both sides changing conflict', () => {
  const first = SPOKEN.annotations[0] as (typeof SPOKEN.annotations)[number];
  const base = SPOKEN;
  const mine = sidecar([{ ...first, entity: 'Quokka Money Pty Ltd' }]);
  const merged = mergeAnnotations(base, mine, base);
  assert.equal(merged.conflicts.length, 0);
  assert.equal(merged.sidecar.annotations[0]?.entity, 'Quokka Money Pty Ltd');
  const theirs = sidecar([{ ...first, speaker: 'the firm', entity: 'Quokka' }]);
  assert.equal(mergeAnnotations(base, mine, theirs).conflicts[0]?.field, 'speaker');
});

test('rejected evidence is written after the evidence, read back, checked like it, and refused on other kinds', () => {
  const claim = annotation({
    id: 'c1',
    start: 0,
    end: 40,
    label: 'commitment',
    verdict: 'kept',
    evidence: ['later.txt#e1'],
    rejected: ['later.txt#e2', '#c9'],
  });
  const text = serializeSidecar(sidecar([claim]));
  assert.match(text, /evidence: \["?later\.txt#e1"?\]\n {4}rejected: \["?later\.txt#e2"?, "?#c9"?\]\n/);
  assert.deepEqual(parseSidecar(text, 'r.yaml').sidecar?.annotations[0]?.rejected, ['later.txt#e2', '#c9']);
  assert.match(parseSidecar(text.replace('#c9', 'c9'), 'r.yaml').errors[0]?.message ?? '', /PATH#ID/);
  const onDate = serializeSidecar(sidecar([annotation({ id: 'd1', kind: 'date', start: 0, end: 4, rejected: ['#x1'] })]));
  assert.match(parseSidecar(onDate, 'r.yaml').errors[0]?.message ?? '', /`rejected` is not allowed on a `date` annotation/);
});
