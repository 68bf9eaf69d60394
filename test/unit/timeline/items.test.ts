// The timeline's data (core/timeline/items.ts): where claims and dates stand, at what
// precision, and what is left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline, periodOfRange, periodOfValue } from '../../../src/core/timeline/items';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/format';
import { EntityRegistry } from '../../../src/core/entities/registry';

function ann(id: string, kind: string, label: string | undefined, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    kind,
    ...(label === undefined ? {} : { label }),
    quote: `${kind} ${id}`,
    prefix: '',
    suffix: '',
    start: 0,
    end: 5,
    origin: 'detected',
    status: 'open',
    ...extra,
  };
}

function sidecar(annotations: Annotation[], published?: string): Sidecar {
  return { marginalia: 2, source: { file: 'a.txt', ...(published === undefined ? {} : { published }) }, annotations };
}

test('periods: each precision covers its days, ranges run from the first day of one to the last of the other', () => {
  assert.deepEqual(periodOfValue('2025'), { from: '2025-01-01', to: '2025-12-31', precision: 'year' });
  assert.deepEqual(periodOfValue('2024-Q1'), { from: '2024-01-01', to: '2024-03-31', precision: 'quarter' });
  assert.deepEqual(periodOfValue('2024-02'), { from: '2024-02-01', to: '2024-02-29', precision: 'month' });
  assert.deepEqual(periodOfValue('2023-02'), { from: '2023-02-01', to: '2023-02-28', precision: 'month' });
  assert.deepEqual(periodOfValue('2025-W01'), { from: '2024-12-30', to: '2025-01-05', precision: 'week' });
  assert.deepEqual(periodOfValue('2026-W53'), { from: '2026-12-28', to: '2027-01-03', precision: 'week' });
  assert.deepEqual(periodOfValue('2020-06-10'), { from: '2020-06-10', to: '2020-06-10', precision: 'day' });
  assert.deepEqual(periodOfValue('2020-06-10T14:00:00Z'), { from: '2020-06-10', to: '2020-06-10', precision: 'day' });
  assert.deepEqual(periodOfRange('2023-01/2023-Q2'), { from: '2023-01-01', to: '2023-06-30', precision: 'month' });
  for (const bad of ['', 'unresolved', 'next spring', '2023-13', '2023-02-30', '2023-W54', '2024/2023', 'AC-2']) {
    assert.equal(periodOfRange(bad), undefined, bad);
  }
});

test('a commitment stands at its due date and at its when date; an unlinked date stands on its own', () => {
  const t = buildTimeline([
    {
      path: 'acme.txt',
      sidecar: sidecar(
        [
          ann('c1', 'claim', 'commitment', { due: ['d1'], when: ['d2'], about: ['k1'], speaker: 'the company', entity: 'Acme' }),
          ann('d1', 'date', '2025-Q3'),
          ann('d2', 'date', '2024-03-05'),
          ann('d3', 'date', '2019'),
          ann('k1', 'control', 'soc-2'),
        ],
        '2024-03-06',
      ),
    },
  ]);
  assert.deepEqual(
    t.items.map((i) => [i.key, i.role, i.from, i.to, i.precision, i.kind]),
    [
      ['acme.txt#c1#due#d1', 'due', '2025-07-01', '2025-09-30', 'quarter', 'claim'],
      ['acme.txt#c1#made#d2', 'made', '2024-03-05', '2024-03-05', 'day', 'claim'],
      ['acme.txt#d3#mentioned', 'mentioned', '2019-01-01', '2019-12-31', 'year', 'date'],
    ],
  );
  const [due] = t.items;
  assert.ok(due);
  assert.equal(due.claimType, 'commitment');
  assert.deepEqual(due.controls, ['soc-2']);
  assert.equal(due.entity, 'Acme');
  assert.equal(due.dateText, 'date d1');
  assert.equal(t.undated, 0);
});

test('a claim that links no when date stands on its document date, marked as such; without one it is not placed', () => {
  const claims = [ann('c1', 'claim', 'assertion')];
  const dated = buildTimeline([{ path: 'a.txt', sidecar: sidecar(claims, '2024-01-02') }]);
  assert.equal(dated.items.length, 1);
  const [made] = dated.items;
  assert.ok(made);
  assert.equal(made.documentDate, true);
  assert.equal(made.role, 'made');
  assert.equal(buildTimeline([{ path: 'a.txt', sidecar: sidecar(claims) }]).items.length, 0);
});

test('dismissed and orphaned annotations are left out; suggestions only when asked for; unresolved dates counted', () => {
  const list = [
    ann('d1', 'date', '2024', { status: 'dismissed' }),
    ann('d2', 'date', '2024', { orphaned: true }),
    ann('d3', 'date', '2024', { status: 'suggested' }),
    ann('d4', 'date', 'unresolved'),
    ann('d5', 'date', '2024-05', { status: 'verified' }),
  ];
  const all = buildTimeline([{ path: 'a.txt', sidecar: sidecar(list) }]);
  assert.deepEqual(
    all.items.map((i) => i.annotationId),
    ['d3', 'd5'],
  );
  assert.equal(all.undated, 1);
  const reviewed = buildTimeline([{ path: 'a.txt', sidecar: sidecar(list) }], { includeSuggestions: false });
  assert.deepEqual(
    reviewed.items.map((i) => i.annotationId),
    ['d5'],
  );
});

test('a speaker is named by its listed entity; keys are unique across documents and roles', () => {
  const registry = new EntityRegistry([{ id: 'acme', name: 'Acme Corp', type: 'organisation', aliases: ['Acme'] }]);
  const list = [
    ann('c1', 'claim', 'commitment', { due: ['d1', 'd2'], entity: 'Acme' }),
    ann('d1', 'date', '2025'),
    ann('d2', 'date', '2026'),
  ];
  const t = buildTimeline(
    [
      { path: 'a.txt', sidecar: sidecar(list, '2024-01-01') },
      { path: 'b.txt', sidecar: sidecar(list, '2024-01-01') },
    ],
    { entities: registry },
  );
  assert.equal(t.items.length, 6);
  assert.equal(new Set(t.items.map((i) => i.key)).size, 6);
  assert.ok(t.items.every((i) => i.entity === 'Acme Corp'));
  assert.equal(t.documents, 2);
});
