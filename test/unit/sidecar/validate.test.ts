// annotationProblems (src/core/sidecar/validate.ts): whether an annotation may be stored,
// by the very rules a sidecar is read with, so nothing typed can make a file invalid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/sidecar/format';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { annotationProblems } from '../../../src/core/sidecar/validate';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import { annotation, sidecar } from './helpers';

const ok = annotation({ id: 'a1', start: 3, end: 9, origin: 'manual', status: 'open' });

test('an annotation that may be stored has no problems, whatever free text it carries', () => {
  assert.deepEqual(annotationProblems(ok), []);
  assert.deepEqual(annotationProblems(annotation({ id: 'a1', start: 0, end: 1, status: 'suggested' })), []);
  assert.deepEqual(
    annotationProblems({
      ...ok,
      kind: 'evidence',
      label: 'user-base figure',
      speaker: 'yes',
      note: 'line\nbreak, NUL \u0000, LS \u2028, "quotes", # hash, 😀',
      tags: ['a: b', '- c', 'null'],
      author: 'no',
      reviewer: 'Ana Lima',
      reviewed: '2026-01-02T10:00:00Z',
      created: '2026-01-01T09:30:00Z',
      prefix: ': ',
      suffix: ' #',
      orphaned: true,
    }),
    [],
    'a codebook kind takes any label',
  );
  for (const label of ['commitment', 'assertion', 'denial', 'comparison'])
    assert.deepEqual(annotationProblems({ ...ok, label }), [], label);
});

test("a claim labelled with free text is refused with the reader's own message (issue 10)", () => {
  assert.deepEqual(annotationProblems({ ...ok, label: 'user-base figure' }), [
    'claim label `user-base figure` must be one of commitment, assertion, denial, comparison',
  ]);
});

test('each rule of the reader applies', () => {
  const cases: [Partial<Annotation>, RegExp][] = [
    [{ quote: '' }, /`quote` must not be empty/],
    [{ start: 9, end: 3 }, /end 3 is before start 9/],
    [{ start: -1 }, /`start` must be a whole number/],
    [{ id: 'has space' }, /id `has space` must be 1–64 letters/],
    [{ kind: '' }, /`kind` must be a non-empty single-line word/],
    [{ kind: 'two\nlines' }, /`kind` must be a non-empty single-line word/],
    [{ reviewed: 'yesterday' }, /`reviewed` must be an ISO 8601 date-time/],
    [{ created: '9:30' }, /`created` must be an ISO 8601 date-time/],
    [
      { status: 'accepted' as Annotation['status'] },
      /`status` must be one of suggested, open, verified, disputed, dismissed, found `accepted`/,
    ],
    [{ origin: 'robot' as Annotation['origin'] }, /`origin` must be one of detected, manual/],
  ];
  for (const [over, message] of cases) {
    const problems = annotationProblems({ ...ok, ...over });
    assert.equal(problems.length, 1, `${JSON.stringify(over)}: ${JSON.stringify(problems)}`);
    assert.match(problems[0] ?? '', message);
  }
  // Several at once: all of them.
  assert.equal(annotationProblems({ ...ok, quote: '', label: 'promise', reviewed: 'later' }).length, 3);
});

test('property: annotationProblems is empty exactly when a sidecar holding the annotation reads without errors', () => {
  const arb = fc.record({
    kind: fc.constantFrom('claim', 'date', 'code', ''),
    label: fc.option(fc.constantFrom('denial', 'user-base figure', '2020'), { nil: undefined }),
    quote: fc.constantFrom('x', '', 'We will'),
    start: fc.integer({ min: -1, max: 5 }),
    length: fc.integer({ min: -1, max: 5 }),
    reviewed: fc.option(fc.constantFrom('2026-01-02T10:00:00Z', 'soon'), { nil: undefined }),
  });
  fc.assert(
    fc.property(arb, (f) => {
      const a: Annotation = { ...ok, kind: f.kind, quote: f.quote, start: f.start, end: f.start + f.length };
      if (f.label !== undefined) a.label = f.label;
      if (f.reviewed !== undefined) a.reviewed = f.reviewed;
      const problems = annotationProblems(a);
      const read = parseSidecar(serializeSidecar(sidecar([a])), 'p.yaml');
      assert.deepEqual(
        problems,
        read.errors.map((e) => e.message),
      );
    }),
    { numRuns: 200 },
  );
});
