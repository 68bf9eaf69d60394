import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { FORMAT_VERSION, LINK_ROLES, normaliseSidecar, type Annotation, type Sidecar } from '../../../src/core/sidecar/format';
import { STATUSES, VERDICTS } from '../../../src/core/model';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { patchSidecarText, serializeSidecar } from '../../../src/core/sidecar/write';

// Text that tends to break YAML writers: specials, indicators, quotes, line breaks.
const nasty = fc.oneof(
  fc.constantFrom(
    'yes',
    'no',
    'on',
    'off',
    'y',
    'n',
    '~',
    'null',
    'true',
    '2020-06-10',
    '0x1F',
    '012',
    '1:20',
    '.inf',
    '- ',
    '# ',
    ': ',
    '"',
    "'",
    '\\',
    '\r\n',
    '\n',
    '\t',
    '\u00a0',
    '\u2028',
    '\u0085',
    '\ufeff',
    '😀',
    '👩‍💻',
    ' ',
    '  ',
    '{',
    '[',
    ',',
    '&a',
    '*a',
    '!',
    '|',
    '>',
    '%',
    '@',
    '`',
  ),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const text = fc.array(nasty, { maxLength: 6 }).map((parts) => parts.join(''));
const nonEmpty = text.filter((s) => s.length > 0);

const annotationArb = fc.record({
  kind: fc.constantFrom('claim', 'date', 'control', 'my-code'),
  quote: nonEmpty,
  prefix: text,
  suffix: text,
  start: fc.nat(100_000),
  length: fc.nat(500),
  origin: fc.constantFrom('detected', 'manual'),
  status: fc.constantFrom(...STATUSES),
  reviewer: fc.option(nonEmpty, { nil: undefined }),
  reviewed: fc.option(
    fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    { nil: undefined },
  ),
  note: fc.option(text, { nil: undefined }),
  author: fc.option(nonEmpty, { nil: undefined }),
  speaker: fc.option(nonEmpty, { nil: undefined }),
  entity: fc.option(nonEmpty, { nil: undefined }),
  tags: fc.option(fc.array(nonEmpty, { maxLength: 4 }), { nil: undefined }),
  orphaned: fc.boolean(),
  verdict: fc.option(fc.constantFrom(...VERDICTS), { nil: undefined }),
  // A claim's links, as indices of other annotations of the sidecar (ids made below).
  links: fc.record({
    about: fc.uniqueArray(fc.nat(5), { maxLength: 3 }),
    due: fc.uniqueArray(fc.nat(5), { maxLength: 3 }),
    when: fc.uniqueArray(fc.nat(5), { maxLength: 2 }),
  }),
});

const sidecarArb = fc.array(annotationArb, { maxLength: 6 }).map((list): Sidecar => ({
  marginalia: FORMAT_VERSION,
  source: { file: 'dir/report 1.txt', sha256: '0123456789abcdef'.repeat(4) },
  annotations: list.map((a, i): Annotation => {
    const out: Annotation = {
      id: `id${i}`,
      kind: a.kind,
      quote: a.quote,
      prefix: a.prefix,
      suffix: a.suffix,
      start: a.start,
      end: a.start + a.length,
      origin: a.origin,
      status: a.status,
    };
    if (a.reviewer !== undefined) out.reviewer = a.reviewer;
    if (a.reviewed !== undefined) out.reviewed = a.reviewed;
    if (a.note !== undefined) out.note = a.note;
    if (a.author !== undefined) out.author = a.author;
    if (a.speaker !== undefined) out.speaker = a.speaker;
    if (a.entity !== undefined) out.entity = a.entity;
    if (a.tags !== undefined) out.tags = a.tags;
    if (a.orphaned) out.orphaned = true;
    if (a.kind === 'claim') {
      if (a.verdict !== undefined) out.verdict = a.verdict;
      if (a.verdict !== undefined) out.evidence = [`../later/doc ${i}.txt#id${i}`];
      if (i % 2 === 1) out.rejected = [`#id${i}`, 'other.txt#k3x9m2pq'];
      for (const role of LINK_ROLES) {
        // Ids that look like numbers or booleans must come back as strings.
        const ids = a.links[role].filter((n) => n !== i).map((n) => (n % 2 === 0 ? `id${n}` : n === 1 ? '12345678' : 'true'));
        if (ids.length > 0) out[role] = [...new Set(ids)];
      }
    }
    return out;
  }),
}));

test('parse → write → parse keeps everything, and YAML 1.1 readers agree', () => {
  fc.assert(
    fc.property(sidecarArb, (s) => {
      const written = serializeSidecar(s);
      const back = parseSidecar(written, 'p.yaml');
      assert.deepEqual(back.errors, []);
      assert.deepEqual(back.sidecar, normaliseSidecar(s));
      assert.deepEqual(parse(written, { version: '1.1' }), parse(written));
    }),
    { numRuns: 400 },
  );
});

test('an in-place update from any sidecar to any other reads back as the new one', () => {
  fc.assert(
    fc.property(sidecarArb, sidecarArb, (a, b) => {
      const out = patchSidecarText(`# notes\n${serializeSidecar(a)}`, b);
      assert.ok(out !== undefined, 'the patcher must handle its own layout');
      assert.ok(out.startsWith('# notes\n'));
      assert.deepEqual(parseSidecar(out, 'p.yaml').sidecar, normaliseSidecar(b));
    }),
    { numRuns: 200 },
  );
});
