import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { formatSidecarError, MAX_SIDECAR_CHARS } from '../../../src/core/sidecar/format';
import { fastParseTree } from '../../../src/core/sidecar/fast-parse';
import { parseYamlTree } from '../../../src/core/sidecar/yaml-tree';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import { annotation, fixture, sidecar } from './helpers';

const VALID = `marginalia: 2
source:
  file: report.txt
  published: 2020-06-10
annotations:
  - id: a1
    kind: claim
    label: commitment
    quote: "We will rotate keys"
    start: 0
    end: 19
    origin: detected
    status: open
`;

function only(yaml: string, source?: string): { line: number; column: number; message: string } {
  const r = parseSidecar(yaml, 'x.annotations.yaml', source);
  assert.equal(r.writable, false, 'a sidecar with errors must not be writable');
  assert.equal(r.errors.length, 1, JSON.stringify(r.errors));
  const e = r.errors[0];
  assert.ok(e);
  assert.equal(e.file, 'x.annotations.yaml');
  return e;
}

test('a valid sidecar reads with every field, writable', () => {
  const r = parseSidecar(VALID, 'x.annotations.yaml', 'We will rotate keys every year.');
  assert.deepEqual(r.errors, []);
  assert.equal(r.writable, true);
  assert.deepEqual(r.sidecar, {
    marginalia: 2,
    source: { file: 'report.txt', published: '2020-06-10' },
    annotations: [
      {
        id: 'a1',
        kind: 'claim',
        label: 'commitment',
        quote: 'We will rotate keys',
        prefix: '',
        suffix: '',
        start: 0,
        end: 19,
        origin: 'detected',
        status: 'open',
      },
    ],
  });
});

test('the commented fixture reads without errors', () => {
  const r = parseSidecar(fixture('commented.before.yaml'), 'f.yaml');
  assert.deepEqual(r.errors, []);
  assert.equal(r.sidecar?.annotations.length, 3);
  assert.deepEqual(r.sidecar.annotations[0]?.tags, ['security', 'team']);
});

test('malformed YAML is reported with its line and column', () => {
  const e = only('marginalia: 2\nsource: {file: a.txt\nannotations: []\n');
  assert.match(e.message, /YAML syntax/);
  assert.ok(e.line >= 2, `line ${e.line}`);
  assert.ok(e.column >= 1);
  assert.match(formatSidecarError({ file: 'x.annotations.yaml', ...e }), /^x\.annotations\.yaml:\d+:\d+: YAML syntax/);
});

test('an unknown version is refused with a clear message', () => {
  const e = only(VALID.replace('marginalia: 2', 'marginalia: 3'));
  assert.deepEqual([e.line, e.column], [1, 13]);
  assert.match(e.message, /unsupported format version 3: this Marginalia reads versions 1 and 2; update the extension/);
  // Older than any version, or not a number: refused without the advice to update.
  for (const [version, shown] of [
    ['0', '0'],
    ['1.5', '1.5'],
    ['[2]', 'a list'],
  ] as const) {
    const r = only(VALID.replace('marginalia: 2', `marginalia: ${version}`));
    assert.match(r.message, new RegExp(`unsupported format version ${shown.replace('.', '\\.')}`), version);
    assert.doesNotMatch(r.message, /update the extension/, version);
  }
  // A quoted version is a string, not a version: refused too, saying how to write it.
  assert.match(
    only(VALID.replace('marginalia: 2', 'marginalia: "2"')).message,
    /the format version is a number: write `marginalia: 2` without quotes/,
  );
  assert.match(only(VALID.replace('marginalia: 2', 'marginalia: "7"')).message, /unsupported format version 7/);
});

test('wrong types point at the value', () => {
  const e = only(VALID.replace('start: 0', 'start: "zero"'));
  assert.deepEqual([e.line, e.column], [10, 12]);
  assert.match(e.message, /`start` must be a whole number/);
  const t = only(VALID.replace('label: commitment', 'label: 2020'));
  assert.match(t.message, /`label` must be a string, found the number 2020 \(quote it: "2020"\)/);
  const s = only(VALID.replace('status: open', 'status: done'));
  assert.match(s.message, /`status` must be one of suggested, open, verified, disputed, dismissed, found `done`/);
  assert.equal(s.line, 13);
});

test('missing required fields are named, at their annotation', () => {
  const e = only(VALID.replace('    origin: detected\n', ''));
  assert.match(e.message, /missing required field `origin`/);
  assert.deepEqual([e.line, e.column], [6, 5]);
  assert.match(only('annotations: []\n').message, /missing `marginalia: 2`/);
});

test('duplicate ids are errors at the second one', () => {
  const yaml = `${VALID}  - id: a1\n    kind: date\n    quote: "keys"\n    start: 15\n    end: 19\n    origin: manual\n    status: open\n`;
  const e = only(yaml);
  assert.equal(e.line, 14);
  assert.match(e.message, /duplicate id `a1` \(first used at line 6\)/);
});

test('offsets past the end of the source and end before start are errors', () => {
  const e = only(VALID, 'short');
  assert.match(e.message, /end 19 is past the end of the source \(5 characters\)/);
  const f = only(VALID.replace('end: 19', 'end: 3').replace('start: 0', 'start: 9'));
  assert.match(f.message, /end 3 is before start 9/);
  // Orphans keep their last position only as a hint: no error.
  const orphan = parseSidecar(VALID.replace('    origin:', '    orphaned: true\n    origin:'), 'x', 'short');
  assert.deepEqual(orphan.errors, []);
});

test('code points, not UTF-16 units, measure the source', () => {
  const yaml = VALID.replace('end: 19', 'end: 3').replace('We will rotate keys', '😀😀😀');
  assert.deepEqual(parseSidecar(yaml, 'x', '😀😀😀').errors, []);
  assert.equal(parseSidecar(yaml.replace('end: 3', 'end: 4'), 'x', '😀😀😀').errors.length, 1);
});

test('an alias bomb is refused', () => {
  const bomb = [
    'marginalia: 2',
    'source: {file: a.txt}',
    'x-a: &a [x, x, x, x, x, x, x, x, x, x]',
    'x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'x-e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'annotations: []',
    '',
  ].join('\n');
  const e = only(bomb);
  assert.match(e.message, /too many YAML aliases/);
  assert.equal(e.line, 4);
});

test('a file over the size limit is refused before parsing', () => {
  const huge = { length: MAX_SIDECAR_CHARS + 1 } as unknown as string;
  const e = only(huge);
  assert.match(e.message, /larger than 50 MB/);
});

test('unknown fields are reported (typos), x- extensions are not', () => {
  const e = only(VALID.replace('status: open', 'status: open\n    stauts: verified'));
  assert.match(e.message, /unknown field `stauts`/);
  assert.deepEqual(parseSidecar(VALID.replace('status: open', 'status: open\n    x-reviewer: ana'), 'x').errors, []);
});

test('several errors are all reported, and the valid annotations are still read', () => {
  const yaml = `${VALID}  - id: b2\n    kind: claim\n    quote: ""\n    start: 1\n    end: 2\n    origin: robot\n    status: open\n`;
  const r = parseSidecar(yaml, 'x');
  assert.equal(r.writable, false);
  assert.equal(r.errors.length, 2);
  assert.deepEqual(
    r.sidecar?.annotations.map((a) => a.id),
    ['a1'],
  );
});

test('the fast reader and the full YAML parser agree on written files', () => {
  const text = serializeSidecar(
    sidecar([
      annotation({ id: 'x1', start: 1, end: 5, quote: ' yes: "no" # 😀 ', note: 'line\nbreak', tags: ['a', 'b c', 'yes'] }),
      annotation({ id: 'x2', start: 7, end: 9, label: 'denial', speaker: 'TikTok', orphaned: true, created: '2026-01-01T00:00:00Z' }),
    ]),
  );
  const fast = fastParseTree(text);
  const full = parseYamlTree(text);
  assert.ok(fast !== undefined, 'the fast reader must accept what the writer writes');
  assert.ok(full.tree !== undefined);
  assert.deepEqual(strip(fast), strip(full.tree));
});

test('the fast reader gives way to the full parser on anything unusual', () => {
  for (const text of [
    'a: |\n  block\n',
    'a: &x 1\nb: *x\n',
    'a: 0x1F\n',
    'a: 1.5\n',
    'a: "multi\n  line"\n',
    'a: {b: 1}\n',
    '- a\n',
    'a: b: c\n',
    'a: plain\n  continued\n',
    '---\na: 1\n',
    'a: Null\n',
    'a: -1\n',
    "a: 'x\n",
  ])
    assert.equal(fastParseTree(text), undefined, text);
});

/** The tree without offsets (the two parsers point at the same nodes, but not always the same character). */
function strip(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (k, v: unknown) => (k === 'offset' || k === 'keyOffset' ? undefined : v)));
}

test('versions 1 and 2 are both read; only version 1 is migrated', () => {
  const v1 = parseSidecar(VALID.replace('marginalia: 2', 'marginalia: 1'), 'x', 'We will rotate keys every year.');
  assert.deepEqual(v1.errors, []);
  assert.equal(v1.writable, true);
  assert.equal(v1.sidecar?.marginalia, 2, 'read as the current version');
  assert.equal(v1.sidecar.annotations[0]?.status, 'suggested');
  assert.deepEqual(v1.migrated, { from: 1, suggestions: 1, reviewed: 0 });
  const v2 = parseSidecar(VALID, 'x', 'We will rotate keys every year.');
  assert.deepEqual(v2.errors, []);
  assert.equal(v2.migrated, undefined);
  assert.equal(v2.sidecar?.annotations[0]?.status, 'open');
});

test('`suggested` is a status; `reviewer` and `reviewed` are read, in their place and checked', () => {
  const reviewed = VALID.replace(
    '    status: open\n',
    '    status: verified\n    reviewer: Ana Lima\n    reviewed: "2026-01-02T10:00:00+01:00"\n',
  );
  const r = parseSidecar(reviewed, 'x');
  assert.deepEqual(r.errors, []);
  assert.deepEqual([r.sidecar?.annotations[0]?.reviewer, r.sidecar?.annotations[0]?.reviewed], ['Ana Lima', '2026-01-02T10:00:00+01:00']);
  assert.deepEqual(parseSidecar(VALID.replace('status: open', 'status: suggested'), 'x').errors, []);

  const notTime = only(reviewed.replace('"2026-01-02T10:00:00+01:00"', '"yesterday"'));
  assert.match(notTime.message, /`reviewed` must be an ISO 8601 date-time such as 2026-01-01T09:30:00Z/);
  assert.deepEqual([notTime.line, notTime.column], [15, 15]);
  const unquoted = only(reviewed.replace('reviewed: "2026-01-02T10:00:00+01:00"', 'reviewed: 2026'));
  assert.match(unquoted.message, /`reviewed` must be a string, found the number 2026/);
  const listed = only(reviewed.replace('reviewer: Ana Lima', 'reviewer: [ana, ben]'));
  assert.match(listed.message, /`reviewer` must be a string/);
  assert.equal(listed.line, 14);
  // `created` keeps its own check, with its own name in the message.
  assert.match(
    only(VALID.replace('    status: open\n', '    status: open\n    created: "soon"\n')).message,
    /`created` must be an ISO 8601 date-time/,
  );
  // A misspelt review field is a typo, not an extension.
  assert.match(only(VALID.replace('    status: open\n', '    status: open\n    reviwer: ana\n')).message, /unknown field `reviwer`/);
});
