// A claim's links (about, due, when) in the sidecar: written as one-line lists of ids,
// read back with their errors and warnings, merged as sets, accepted by the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Sidecar } from '../../../src/core/sidecar/format';
import { mergeAnnotations } from '../../../src/core/sidecar/merge';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import { annotation, sidecar } from './helpers';

const LINKED = sidecar([
  annotation({ id: 'claim1', start: 0, end: 60, label: 'commitment', about: ['ctl1'], due: ['date1'], when: ['date2'] }),
  annotation({ id: 'ctl1', kind: 'control', start: 20, end: 30, label: 'soc-2' }),
  annotation({ id: 'date1', kind: 'date', start: 40, end: 58, label: '2025' }),
  annotation({ id: 'date2', kind: 'date', start: 61, end: 70, label: '2024-03' }),
]);

test('links are written after the speaker as one-line lists and read back as they were', () => {
  const text = serializeSidecar(LINKED);
  assert.match(text, /label: commitment\n {4}about: \[ctl1\]\n {4}due: \[date1\]\n {4}when: \[date2\]\n {4}quote:/);
  const back = parseSidecar(text, 'r.yaml');
  assert.deepEqual(back.errors, []);
  assert.equal(back.warnings, undefined);
  assert.deepEqual(back.sidecar, LINKED);
});

test('a file without links is written as before: no empty lists', () => {
  const plain = sidecar([annotation({ id: 'a', start: 0, end: 4, about: [], due: [] })]);
  const text = serializeSidecar(plain);
  assert.doesNotMatch(text, /about|due|when/);
  assert.equal(parseSidecar(text, 'r.yaml').sidecar?.annotations[0]?.about, undefined);
});

test('malformed links are errors with their line, and make the file unwritable', () => {
  const text = serializeSidecar(LINKED);
  const cases: [string, RegExp, number][] = [
    [text.replace('about: [ctl1]', 'about: ctl1'), /`about` must be a list of control annotation ids/, 9],
    [text.replace('due: [date1]', 'due: [date1, date1]'), /`date1` is listed twice in `due`/, 10],
    [text.replace('when: [date2]', 'when: [claim1]'), /annotation `claim1` links to itself in `when`/, 11],
    [text.replace('about: [ctl1]', 'about: [12345678]'), /must be an annotation id .*\(quote it: "12345678"\)/, 9],
    [text.replace('about: [ctl1]', 'about: ["not an id"]'), /each `about` link must be an annotation id/, 9],
    [
      text.replace('label: soc-2', 'label: soc-2\n    due: [date1]'),
      /only a claim links to dates: `due` is not allowed on a `control` annotation/,
      0,
    ],
  ];
  for (const [bad, message, line] of cases) {
    const r = parseSidecar(bad, 'r.yaml');
    assert.equal(r.writable, false, String(message));
    const e = r.errors.find((x) => message.test(x.message));
    assert.ok(e, `${String(message)} among ${JSON.stringify(r.errors)}`);
    if (line > 0) assert.equal(e.line, line);
  }
});

test('a link to a missing id or to the wrong kind is a warning: the file stays readable and writable', () => {
  const text = serializeSidecar(LINKED).replace('about: [ctl1]', 'about: [ctl1, gone]').replace('due: [date1]', 'due: [ctl1]');
  const r = parseSidecar(text, 'r.yaml');
  assert.deepEqual(r.errors, []);
  assert.equal(r.writable, true);
  assert.deepEqual(
    r.warnings?.map((w) => [w.line, w.message]),
    [
      [9, 'claim `claim1` links (`about`) to `gone`, which no annotation of this file has'],
      [10, 'claim `claim1` links (`due`) to `ctl1`, a `control` annotation; `due` takes dates'],
    ],
  );
  assert.deepEqual(r.sidecar?.annotations[0]?.about, ['ctl1', 'gone']);
});

test('links merge as sets: additions on either side stay, removals on either side go, nothing conflicts', () => {
  const base = structuredClone(LINKED);
  const mine: Sidecar = structuredClone(LINKED);
  const theirs: Sidecar = structuredClone(LINKED);
  const claim = (s: Sidecar): NonNullable<Sidecar['annotations'][number]> =>
    s.annotations[0] as NonNullable<Sidecar['annotations'][number]>;
  claim(mine).about = ['ctl1', 'ctl2'];
  delete claim(mine).when;
  claim(theirs).about = ['ctl3'];
  claim(theirs).due = ['date1', 'date3'];
  const { sidecar: merged, conflicts } = mergeAnnotations(base, mine, theirs);
  assert.deepEqual(conflicts, []);
  const c = claim(merged);
  // ctl1 removed there, ctl2 added here, ctl3 added there; when removed here; date3 added there.
  assert.deepEqual([c.about, c.due, c.when], [['ctl2', 'ctl3'], ['date1', 'date3'], undefined]);
});

test('a claim added on both sides with links gets the union of them', () => {
  const base = sidecar([]);
  const mine = sidecar([annotation({ id: 'x', start: 0, end: 5, about: ['a', 'b'] })]);
  const theirs = sidecar([annotation({ id: 'x', start: 0, end: 5, about: ['b', 'c'] })]);
  const { sidecar: merged, conflicts } = mergeAnnotations(base, mine, theirs);
  assert.deepEqual(conflicts, []);
  assert.deepEqual(merged.annotations[0]?.about, ['a', 'b', 'c']);
});

test('a commitment’s verdict is written after its status, checked, merged with the review, and refused on other kinds', () => {
  const judged = structuredClone(LINKED);
  const claim = judged.annotations[0] as NonNullable<Sidecar['annotations'][number]>;
  claim.verdict = 'broken';
  claim.reviewer = 'ana';
  claim.reviewed = '2026-12-05T10:00:00Z';
  const text = serializeSidecar(judged);
  assert.match(text, /status: open\n {4}verdict: broken\n {4}reviewer: ana\n/);
  assert.deepEqual(parseSidecar(text, 'r.yaml').sidecar, judged);
  const bad = parseSidecar(text.replace('verdict: broken', 'verdict: late'), 'r.yaml');
  assert.match(bad.errors[0]?.message ?? '', /`verdict` must be one of kept, broken, disputed, unverifiable, found `late`/);
  const onDate = parseSidecar(text.replace('label: "2025"', 'label: "2025"\n    verdict: kept'), 'r.yaml');
  assert.match(onDate.errors.map((e) => e.message).join('\n'), /only a claim has a verdict/);
  // The verdict travels with the review: theirs wins when only they judged it.
  const theirs = structuredClone(judged);
  const { sidecar: merged, conflicts } = mergeAnnotations(LINKED, structuredClone(LINKED), theirs);
  assert.deepEqual(conflicts, []);
  assert.equal(merged.annotations[0]?.verdict, 'broken');
});

test('a commitment’s evidence: PATH#ID references after its verdict, checked, and refused on other kinds', () => {
  const judged = structuredClone(LINKED);
  const claim = judged.annotations[0] as NonNullable<Sidecar['annotations'][number]>;
  claim.verdict = 'kept';
  claim.evidence = ['2026/q1 update.txt#k3x9m2pq', '#date2'];
  const text = serializeSidecar(judged);
  assert.match(text, /verdict: kept\n {4}evidence: \["2026\/q1 update.txt#k3x9m2pq", "#date2"\]\n/);
  assert.deepEqual(parseSidecar(text, 'r.yaml').sidecar, judged);
  for (const [bad, message] of [
    [text.replace('"#date2"', '"date2"'), /each piece of evidence must be PATH#ID/],
    [text.replace('"#date2"', '"#date 2"'), /each piece of evidence must be PATH#ID/],
    [text.replace('"#date2"', '"2026/q1 update.txt#k3x9m2pq"'), /is listed twice in `evidence`/],
    [text.replace('label: "2025"', 'label: "2025"\n    evidence: ["#claim1"]'), /only a claim has evidence/],
  ] as const) {
    assert.match(
      parseSidecar(bad, 'r.yaml')
        .errors.map((e) => e.message)
        .join('\n'),
      message,
    );
  }
});
