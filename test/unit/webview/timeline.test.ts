import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimelineItem } from '../../../src/core/timeline/types';
import {
  DAY_MS,
  extentOf,
  groupLanes,
  MAX_TRACKS,
  NO_CONTROL,
  NO_SPEAKER,
  parseDay,
  placeItems,
  speakerOf,
  valuesWithCounts,
  controlsOf,
} from '../../../src/webview/timeline/model';
import { compileFilter, NO_FILTER, sanitiseFilter, isFilterActive } from '../../../src/webview/timeline/filters';
import {
  describeLines,
  describeRole,
  describeStatus,
  describeValue,
  formatSpan,
  laneLabel,
  middleTruncate,
  summarize,
  truncate,
} from '../../../src/webview/timeline/describe';
import { navigate, nearestInLane } from '../../../src/webview/timeline/navigation';
import { readExtensionMessage, restoreState, INITIAL_STATE } from '../../../src/webview/timeline/protocol';

function item(over: Partial<TimelineItem> & { key: string }): TimelineItem {
  return {
    doc: 'reports/acme.txt',
    annotationId: over.key,
    kind: 'claim',
    claimType: 'commitment',
    role: 'due',
    status: 'open',
    value: '2025-06-10',
    from: '2025-06-10',
    to: '2025-06-10',
    precision: 'day',
    quote: 'We will publish our SOC 2 report by June.',
    dateText: 'by June',
    speaker: '',
    entity: '',
    controls: [],
    start: 0,
    end: 10,
    ...over,
  };
}

test('parseDay: UTC midnight of real dates only, years below 100 included', () => {
  assert.equal(parseDay('2025-06-10'), Date.UTC(2025, 5, 10));
  assert.equal(parseDay('2024-02-29'), Date.UTC(2024, 1, 29));
  assert.equal(parseDay('2025-02-29'), undefined);
  assert.equal(parseDay('2025-6-10'), undefined);
  assert.equal(parseDay('2025-06'), undefined);
  assert.equal(new Date(parseDay('0042-01-01') ?? NaN).getUTCFullYear(), 42);
});

test('placeItems: a day is a point; a span runs to the end of its inclusive last day; bad dates are counted', () => {
  const { placed, invalid } = placeItems([
    item({ key: 'day' }),
    item({ key: 'quarter', value: '2025-Q3', from: '2025-07-01', to: '2025-09-30', precision: 'quarter' }),
    item({ key: 'bad', from: '2025-13-01', to: '2025-13-01' }),
    item({ key: 'backwards', from: '2025-02-01', to: '2025-01-01' }),
  ]);
  assert.equal(invalid, 2);
  const [day, quarter] = placed;
  assert.ok(day && quarter);
  assert.equal(day.point, true);
  assert.equal(day.end - day.start, DAY_MS);
  assert.equal(quarter.point, false);
  assert.equal(quarter.start, Date.UTC(2025, 6, 1));
  assert.equal(quarter.end, Date.UTC(2025, 9, 1), 'the end of 30 September is 1 October 00:00');
  assert.deepEqual(extentOf(placed), [Date.UTC(2025, 5, 10), Date.UTC(2025, 9, 1)]);
  assert.equal(extentOf([]), undefined);
});

test('lanes: by document, by speaker (entity first), by control (one mark per control)', () => {
  const { placed } = placeItems([
    item({ key: 'a', doc: 'b.txt', speaker: 'Jane Doe', entity: 'Acme Corp', controls: ['SOC 2', 'ISO/IEC 27001', 'SOC 2'] }),
    item({ key: 'b', doc: 'a.txt', speaker: 'the company' }),
    item({ key: 'c', doc: 'a10.txt', speaker: ' ', controls: [] }),
    item({ key: 'd', doc: 'a2.txt' }),
  ]);
  assert.deepEqual(
    groupLanes(placed, 'document').map((l) => l.key),
    ['a.txt', 'a2.txt', 'a10.txt', 'b.txt'],
    'natural order',
  );
  assert.deepEqual(
    groupLanes(placed, 'speaker').map((l) => [l.key, l.marks.length]),
    [
      ['Acme Corp', 1],
      ['the company', 1],
      [NO_SPEAKER, 2],
    ],
  );
  const controls = groupLanes(placed, 'control');
  assert.deepEqual(
    controls.map((l) => [l.key, l.marks.map((m) => m.placed.item.key)]),
    [
      ['ISO/IEC 27001', ['a']],
      ['SOC 2', ['a']],
      [NO_CONTROL, ['b', 'c', 'd']],
    ],
  );
  const ids = controls.flatMap((l) => l.marks.map((m) => m.id));
  assert.equal(new Set(ids).size, ids.length, 'mark ids are unique even when an item is in two lanes');
  assert.equal(speakerOf(item({ key: 'x', speaker: 'Jane', entity: '' })), 'Jane');
  assert.deepEqual(controlsOf(item({ key: 'x', controls: [' ', 'GDPR'] })), ['GDPR']);
  assert.deepEqual(
    valuesWithCounts(placed, (i) => [speakerOf(i)]),
    [
      ['Acme Corp', 1],
      ['the company', 1],
      [NO_SPEAKER, 2],
    ],
  );
});

test('tracks: overlapping marks get rows of their own, two on one day too, up to MAX_TRACKS', () => {
  const { placed } = placeItems([
    item({ key: 'y', value: '2025', from: '2025-01-01', to: '2025-12-31', precision: 'year' }),
    item({ key: 'd1' }),
    item({ key: 'd2' }),
    item({ key: 'later', from: '2026-03-01', to: '2026-03-01' }),
  ]);
  const [lane] = groupLanes(placed, 'document');
  assert.ok(lane);
  const track = Object.fromEntries(lane.marks.map((m) => [m.placed.item.key, m.track]));
  assert.deepEqual(track, { y: 0, d1: 1, d2: 2, later: 0 });
  assert.equal(lane.tracks, 3);
  const many = placeItems(Array.from({ length: 20 }, (_, i) => item({ key: `k${i}` }))).placed;
  const [crowded] = groupLanes(many, 'document');
  assert.ok(crowded);
  assert.equal(crowded.tracks, MAX_TRACKS);
  assert.deepEqual(crowded.marks.map((m) => m.placed.item.key).slice(0, 3), ['k0', 'k1', 'k10'], 'marks in time order, then by key');
});

test('filters: kind and claim type, role, suggested vs reviewed, speaker, control, text', () => {
  const { placed } = placeItems([
    item({ key: 'c1', status: 'suggested', speaker: 'Jane', entity: 'Acme', controls: ['SOC 2'] }),
    item({ key: 'c2', claimType: 'denial', role: 'made', status: 'verified', quote: 'We never  missed\nan audit.' }),
    item({
      key: 'd1',
      kind: 'date',
      claimType: undefined,
      role: 'mentioned',
      status: 'disputed',
      quote: 'in 2025',
      dateText: 'in 2025',
      doc: 'other/globex.txt',
    }),
  ]);
  const shown = (f: Partial<typeof NO_FILTER>) => placed.filter(compileFilter({ ...NO_FILTER, ...f })).map((p) => p.item.key);
  assert.deepEqual(shown({}), ['c1', 'c2', 'd1']);
  assert.deepEqual(shown({ kind: 'claim' }), ['c1', 'c2']);
  assert.deepEqual(shown({ kind: 'claim:denial' }), ['c2']);
  assert.deepEqual(shown({ kind: 'date' }), ['d1']);
  assert.deepEqual(shown({ role: 'mentioned' }), ['d1']);
  assert.deepEqual(shown({ status: 'suggested' }), ['c1']);
  assert.deepEqual(shown({ status: 'reviewed' }), ['c2', 'd1']);
  assert.deepEqual(shown({ status: 'disputed' }), ['d1']);
  assert.deepEqual(shown({ speaker: 'Acme' }), ['c1'], 'the entity names the speaker');
  assert.deepEqual(shown({ speaker: NO_SPEAKER }), ['c2', 'd1']);
  assert.deepEqual(shown({ control: 'SOC 2' }), ['c1']);
  assert.deepEqual(shown({ control: NO_CONTROL }), ['c2', 'd1']);
  assert.deepEqual(shown({ text: 'MISSED an' }), ['c2'], 'case and white space ignored');
  assert.deepEqual(shown({ text: 'globex' }), ['d1'], 'the document counts');
  assert.deepEqual(shown({ text: 'by june' }), ['c1', 'c2'], 'the date words count');
  assert.deepEqual(shown({ text: '2025-06' }), ['c1', 'c2', 'd1'], 'the resolved value counts');
  assert.equal(isFilterActive(NO_FILTER), false);
  assert.equal(isFilterActive({ ...NO_FILTER, text: '  ' }), false);
  assert.deepEqual(sanitiseFilter({ kind: 'nonsense', role: 'due', text: 3 }), { ...NO_FILTER, role: 'due' });
});

test('describe: spans, values with precision, roles, statuses, truncation', () => {
  const { placed } = placeItems([
    item({ key: 'q', value: '2025-Q3', from: '2025-07-01', to: '2025-09-30', precision: 'quarter', status: 'suggested' }),
    item({ key: 'm', role: 'made', documentDate: true, verdict: 'broken', speaker: 'Jane Doe', entity: 'Acme Corp' }),
  ]);
  const [q, m] = placed;
  assert.ok(q && m);
  assert.equal(formatSpan(q), '1 Jul 2025 – 30 Sep 2025');
  assert.equal(formatSpan(m), '10 Jun 2025');
  assert.equal(describeValue(q), '2025-Q3 (quarter: 1 Jul 2025 – 30 Sep 2025)');
  assert.equal(describeRole(m.item), 'made (document date)');
  assert.equal(describeStatus(q.item), 'suggested (not reviewed)');
  assert.equal(describeStatus(m.item), 'reviewed: open; verdict: broken');
  const lines = describeLines(m);
  assert.deepEqual(
    lines.map((l) => l.label),
    ['', 'Date', 'Role', 'Speaker', 'Document', 'Status'],
  );
  assert.equal(lines.find((l) => l.label === 'Speaker')?.text, 'Jane Doe (Acme Corp)');
  assert.equal(truncate('one two three four five', 14), 'one two three…');
  assert.equal(truncate('short', 14), 'short');
  assert.equal(middleTruncate('reports/2025/very-long-file-name.txt', 20).length, 20);
  assert.ok(middleTruncate('reports/2025/very-long-file-name.txt', 20).endsWith('name.txt'));
  assert.equal(laneLabel('reports/2025/acme.txt', 'document'), 'acme.txt');
  assert.equal(laneLabel('ISO/IEC 27001', 'control'), 'ISO/IEC 27001');
});

test('summary line', () => {
  const base = { shown: 412, total: 1203, documents: 12, undated: 3, invalid: 0, mode: 'document' as const, marks: 412 };
  assert.equal(summarize(base), '412 marks shown of 1,203 · 12 documents · 3 dates without a value not shown');
  assert.equal(
    summarize({ ...base, mode: 'control', marks: 500, undated: 0, invalid: 1, documents: 1 }),
    "412 marks shown of 1,203 · 1 document · items with several controls appear in each one's lane · 1 item with an unreadable date not shown",
  );
  assert.equal(summarize({ ...base, shown: 0, total: 0, documents: 0, undated: 1 }), '1 date without a value not shown');
});

test('navigation: left/right in time, up/down to the nearest mark in time, ends stay put', () => {
  const { placed } = placeItems([
    item({ key: 'a1', doc: 'a', from: '2025-01-01', to: '2025-01-01' }),
    item({ key: 'a2', doc: 'a', from: '2025-06-01', to: '2025-06-01' }),
    item({ key: 'a3', doc: 'a', from: '2025-12-01', to: '2025-12-01' }),
    item({ key: 'b1', doc: 'b', from: '2025-05-01', to: '2025-05-01' }),
    item({ key: 'b2', doc: 'b', from: '2025-11-20', to: '2025-11-20' }),
  ]);
  const lanes = groupLanes(placed, 'document');
  const key = (p: { lane: number; mark: number }) => lanes[p.lane]?.marks[p.mark]?.placed.item.key;
  assert.equal(key(navigate(lanes, { lane: 0, mark: 0 }, 'ArrowRight')), 'a2');
  assert.equal(key(navigate(lanes, { lane: 0, mark: 0 }, 'ArrowLeft')), 'a1');
  assert.equal(key(navigate(lanes, { lane: 0, mark: 0 }, 'End')), 'a3');
  assert.equal(key(navigate(lanes, { lane: 0, mark: 2 }, 'Home')), 'a1');
  assert.equal(key(navigate(lanes, { lane: 0, mark: 1 }, 'ArrowDown')), 'b1');
  assert.equal(key(navigate(lanes, { lane: 0, mark: 2 }, 'ArrowDown')), 'b2');
  assert.equal(key(navigate(lanes, { lane: 1, mark: 1 }, 'ArrowUp')), 'a3');
  assert.deepEqual(navigate(lanes, { lane: 1, mark: 0 }, 'ArrowDown'), { lane: 1, mark: 0 });
  const [laneA] = lanes;
  assert.ok(laneA);
  assert.equal(nearestInLane(laneA, Date.UTC(2030, 0, 1)), 2);
  assert.equal(nearestInLane(laneA, Date.UTC(2000, 0, 1)), 0);
});

test('messages and state: malformed parts are dropped, saved state is checked', () => {
  const message = readExtensionMessage({
    type: 'data',
    title: 'T',
    today: '2025-06-15',
    timeline: {
      items: [item({ key: 'ok' }), { key: 'no dates' }, null, { ...item({ key: 'bad role' }), role: 'later' }],
      undated: 2,
      documents: 1,
    },
  });
  assert.ok(message);
  if (message.type === 'data') {
    assert.deepEqual(
      message.timeline.items.map((i) => i.key),
      ['ok'],
    );
    assert.equal(message.timeline.undated, 2);
  } else {
    assert.fail('a data message');
  }
  assert.deepEqual(readExtensionMessage({ type: 'save', format: 'png' }), { type: 'save', format: 'png' });
  assert.equal(readExtensionMessage({ type: 'save', format: 'gif' }), undefined);
  assert.equal(readExtensionMessage('data'), undefined);
  assert.deepEqual(restoreState(undefined), INITIAL_STATE);
  const restored = restoreState({
    lanes: 'control',
    view: 'table',
    domain: [1, 2],
    filter: { status: 'suggested' },
    sort: { column: 'document', descending: true },
  });
  assert.equal(restored.lanes, 'control');
  assert.equal(restored.view, 'table');
  assert.deepEqual(restored.domain, [1, 2]);
  assert.equal(restored.filter.status, 'suggested');
  assert.deepEqual(restored.sort, { column: 'document', descending: true });
  assert.equal(restoreState({ domain: [5, 1] }).domain, undefined);
});
