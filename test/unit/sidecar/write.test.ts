import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { FORMAT_VERSION, normaliseSidecar, type Sidecar } from '../../../src/core/sidecar/format';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { patchSidecarText, serializeSidecar, updateSidecarText } from '../../../src/core/sidecar/write';
import { annotationFields, renderAnnotation, renderValue, type FieldValue } from '../../../src/core/sidecar/render';
import { annotation, fixture, sidecar } from './helpers';

function read(text: string): Sidecar {
  const r = parseSidecar(text, 'test.yaml');
  assert.deepEqual(r.errors, []);
  assert.ok(r.sidecar);
  return r.sidecar;
}

test('a new file has the canonical layout: sorted, fixed key order, quoted text', () => {
  const text = serializeSidecar({
    marginalia: FORMAT_VERSION,
    source: { file: 'report.txt', sha256: '0'.repeat(64), published: '2020-06-10' },
    annotations: [
      annotation({
        id: 'b',
        start: 10,
        end: 20,
        quote: 'second',
        status: 'verified',
        tags: ['x'],
        author: 'ana',
        reviewed: '2026-01-02T10:00:00Z',
        reviewer: 'ben',
        created: '2026-01-01T09:30:00Z',
      }),
      annotation({ id: 'c', start: 12, end: 14, quote: 'co', status: 'suggested' }),
      annotation({ id: 'a', start: 10, end: 15, quote: 'first', kind: 'date', label: '2020-06' }),
    ],
  });
  assert.equal(
    text,
    `marginalia: 2
source:
  file: report.txt
  sha256: "${'0'.repeat(64)}"
  published: "2020-06-10"
annotations:
  - id: a
    kind: date
    label: "2020-06"
    quote: "first"
    start: 10
    end: 15
    origin: detected
    status: open
  - id: b
    kind: claim
    quote: "second"
    start: 10
    end: 20
    origin: detected
    status: verified
    reviewer: ben
    reviewed: "2026-01-02T10:00:00Z"
    tags: [x]
    author: ana
    created: "2026-01-01T09:30:00Z"
  - id: c
    kind: claim
    quote: "co"
    start: 12
    end: 14
    origin: detected
    status: suggested
`,
  );
  assert.equal(serializeSidecar(sidecar([])).endsWith('annotations: []\n'), true);
});

test('YAML 1.1 readers read written files the same (yes, no, on, ~, dates, numbers)', () => {
  const tricky = [
    'yes',
    'No',
    'on',
    'OFF',
    'y',
    'n',
    '~',
    'null',
    '2020-06-10',
    '12',
    '0x1F',
    '012',
    '1:20',
    '.inf',
    '-.5',
    '+1',
    '<<',
    '=',
    'true',
    '1e3',
    '0o17',
    '1_000',
    ' lead',
    'trail ',
    '- item',
    '# hash',
    'a: b',
    'x #y',
    '@at',
    '`tick`',
    '%p',
    '!tag',
    '&a',
    '*b',
    '|',
    '>',
    '?',
    "'q'",
    '"dq"',
    'tab\there',
    'nbsp\u00a0here',
    'crlf\r\nhere',
    'nel\u0085',
    'bom\ufeff',
    'ls\u2028',
    '😀',
  ];
  const s = sidecar(
    tricky.map((w, i) =>
      annotation({
        id: `w${i}`,
        start: i,
        end: i + 1,
        quote: w,
        prefix: w,
        suffix: w,
        label: w === 'yes' ? 'assertion' : undefined,
        kind: 'code',
        note: w,
        author: w,
        speaker: w,
        tags: [w, 'plain'],
      }),
    ),
  );
  const text = serializeSidecar(s);
  const as11 = parse(text, { version: '1.1' }) as unknown;
  const as12 = parse(text) as unknown;
  assert.deepEqual(as11, as12);
  assert.deepEqual(read(text), normaliseSidecar(s));
});

test('in-place update: comments, blank lines and formatting elsewhere survive byte for byte (golden file)', () => {
  const before = fixture('commented.before.yaml');
  const s = read(before);
  s.source.sha256 = '2'.repeat(64);
  const [first, date] = s.annotations;
  assert.ok(first && date);
  // A suggestion accepted and verified, a reviewed date dismissed by another reader.
  assert.equal(first.status, 'suggested');
  first.status = 'verified';
  first.reviewer = 'ana';
  first.reviewed = '2026-01-03T08:00:00Z';
  first.note = 'Confirmed in the 2021 audit';
  date.status = 'dismissed';
  date.reviewer = 'ana';
  date.reviewed = '2026-01-03T08:05:00Z';
  delete date.note;
  s.annotations = s.annotations.filter((a) => a.id !== 'zz9w4k3h');
  s.annotations.push(
    annotation({
      id: 'm4fy6c2p',
      kind: 'control',
      label: 'soc-2',
      quote: 'security team',
      prefix: 'At TikTok, our ',
      suffix: ' is constantly working',
      start: 59,
      end: 72,
      origin: 'manual',
      author: 'ana',
    }),
  );
  const after = patchSidecarText(before, s);
  assert.equal(after, fixture('commented.after.yaml'));
  assert.equal(updateSidecarText(before, s), after);
});

test('in-place update with nothing changed returns the text unchanged', () => {
  const before = fixture('commented.before.yaml');
  assert.equal(patchSidecarText(before, read(before)), before);
});

test('an annotation whose position order changed moves; comments around it stay in place', () => {
  const before = fixture('commented.before.yaml');
  const s = read(before);
  const date = s.annotations.find((a) => a.id === 'bt5xq2nc');
  assert.ok(date);
  date.start = 2000;
  date.end = 2023;
  const after = patchSidecarText(before, s);
  assert.ok(after !== undefined);
  assert.deepEqual(
    read(after).annotations.map((a) => a.id),
    ['kq3m7d2a', 'zz9w4k3h', 'bt5xq2nc'],
  );
  assert.ok(after.includes('  # Ben: this one is the key date.\n'), 'the comment before it stays in the file');
  assert.ok(after.includes('    status: suggested     # waiting for the audit report\n'));
});

test('CRLF files stay CRLF, and a file without a final newline gets its new lines right', () => {
  const base = serializeSidecar(sidecar([annotation({ id: 'a', start: 0, end: 3 })]));
  const crlf = base.replace(/\n/g, '\r\n');
  const s = read(crlf);
  s.annotations.push(annotation({ id: 'b', start: 5, end: 8, note: 'new' }));
  const out = patchSidecarText(crlf, s);
  assert.ok(out !== undefined);
  assert.equal(out.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF in a CRLF file');
  assert.equal(read(out).annotations.length, 2);
  const noFinal = base.slice(0, -1);
  const out2 = patchSidecarText(noFinal, s);
  assert.ok(out2 !== undefined);
  assert.equal(read(out2).annotations.length, 2);
});

test('in a CRLF file an annotation that moves past others is moved in place, comments and CRLF kept', () => {
  const base = serializeSidecar(sidecar([annotation({ id: 'a', start: 1, end: 3 }), annotation({ id: 'b', start: 5, end: 7 })]))
    .replace('  - id: a\n', '  # the first one\n  - id: a\n')
    .replace(/\n/g, '\r\n');
  const s = read(base);
  // `a` moves after `b`: its lines, with the comment inside its block, are moved as they are.
  const moved = { ...s, annotations: [s.annotations[1], { ...s.annotations[0], start: 9, end: 11 }] as Sidecar['annotations'] };
  const out = patchSidecarText(base, moved);
  assert.ok(out !== undefined, 'patched in place, not rewritten');
  assert.equal(out.includes('\r\r'), false, 'no doubled CR');
  assert.equal(out.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  assert.deepEqual(
    read(out).annotations.map((a) => [a.id, a.start]),
    [
      ['b', 5],
      ['a', 9],
    ],
  );
  assert.ok(out.includes('# the first one'), 'the comment stays');
});

test('hand-written layouts (flow items, empty lists, block scalars) are patched or rewritten, never lost', () => {
  const hand = `marginalia: 2
source: {file: report.txt}   # flow source
annotations:
  - {id: a, kind: claim, quote: "x", start: 0, end: 1, origin: manual, status: open}
  - id: b
    kind: claim
    quote: "y"
    note: |
      two
      lines
    start: 2
    end: 3
    origin: manual
    status: open
`;
  const s = read(hand);
  s.source.sha256 = 'f'.repeat(64);
  (s.annotations[0] as { status: string }).status = 'verified';
  (s.annotations[1] as { note?: string }).note = 'one line';
  const out = updateSidecarText(hand, s);
  assert.deepEqual(read(out), normaliseSidecar(s));
  const empty = 'marginalia: 2\nsource:\n  file: r.txt\nannotations: []  # none yet\n';
  const e = read(empty);
  e.annotations.push(annotation({ id: 'n', start: 0, end: 1 }));
  const out2 = patchSidecarText(empty, e);
  assert.ok(out2 !== undefined);
  assert.deepEqual(read(out2), normaliseSidecar(e));
});

test('updating a file that does not parse throws with the position', () => {
  assert.throws(() => updateSidecarText('marginalia: 2\nsource: [\n', sidecar([])), /does not parse at \d+:\d+/);
});

test('the fast item writer and the field-by-field patcher write fields identically', () => {
  const a = annotation({
    id: 'k',
    start: 1,
    end: 2,
    label: 'assertion',
    speaker: 'yes',
    prefix: 'p: "x"',
    suffix: '\n',
    orphaned: true,
    reviewer: 'no',
    reviewed: '2026-01-02T00:00:00Z',
    note: 'n',
    tags: ['t', 'u v'],
    author: 'on',
    created: '2026-01-01T00:00:00Z',
  });
  const fields = annotationFields(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${renderValue(k, v as FieldValue)}`);
  assert.deepEqual(
    renderAnnotation(a, '', '')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.replace(/^- /, '')),
    fields,
  );
});
