// The fast reader (fast-parse.ts) must never read a meaning the full `yaml` parser would
// not: on every input it either declines (undefined, so the full parser is used) or
// returns exactly the full parser's tree, offsets included, since the validator points
// its errors at them. Differential tests over generated YAML (yaml-arbitraries.ts) and
// over the sidecars Marginalia itself writes, where it must not decline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CLAIM_TYPES, STATUSES } from '../../../src/core/model';
import { fastParseTree } from '../../../src/core/sidecar/fast-parse';
import { FORMAT_VERSION, type Annotation, type Sidecar } from '../../../src/core/sidecar/format';
import { parseSidecar } from '../../../src/core/sidecar/read';
import type { TreeNode } from '../../../src/core/sidecar/tree';
import { patchSidecarText, serializeSidecar, updateSidecarText } from '../../../src/core/sidecar/write';
import { parseYamlTree } from '../../../src/core/sidecar/yaml-tree';
import { annotation, sidecar } from './helpers';
import { deep, mutated, withLineEnds, yamlText } from './yaml-arbitraries';

/** Asserts the property on one text; true when the fast reader accepted it. */
function agrees(text: string): boolean {
  const fast = fastParseTree(text);
  if (fast === undefined) return false;
  const full = parseYamlTree(text);
  assert.deepEqual(full.errors, [], `the fast reader accepted what the full parser rejects: ${JSON.stringify(text)}`);
  assert.deepStrictEqual(fast, full.tree, `the readers disagree on ${JSON.stringify(text)}`);
  return true;
}

/**
 * Runs the property and checks that the fast reader accepted at least `minAccepted` of
 * the inputs, so the test cannot pass by the reader declining everything.
 */
function differential(arb: fc.Arbitrary<string>, numRuns: number, minAccepted: number): void {
  let accepted = 0;
  fc.assert(
    fc.property(arb, (text) => {
      if (agrees(text)) accepted++;
    }),
    { numRuns },
  );
  assert.ok(accepted >= minAccepted, `the fast reader accepted only ${accepted} of ${numRuns} inputs`);
}

test('fast and full readers agree, or fast declines: generated sidecar-like YAML', () => {
  differential(yamlText(false), 2000, 250);
});

test('fast and full readers agree, or fast declines: YAML with something odd almost everywhere', () => {
  differential(yamlText(true), 2000, 5);
});

test('fast and full readers agree, or fast declines: the same YAML with random damage', () => {
  differential(mutated(fc.oneof(yamlText(false), yamlText(true))), 2000, 10);
});

test('fast and full readers agree, or fast declines: deep nesting', () => {
  differential(withLineEnds(deep, false), 500, 15);
});

// Sidecars as Marginalia writes them. Text fields hold what sources hold: CRLF and lone
// CR line breaks, tabs, YAML specials, indicators, invisible and non-BMP characters.
const nasty = fc.oneof(
  fc.constantFrom(
    'yes',
    'No',
    'ON',
    '~',
    'null',
    'NULL',
    'True',
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
    '\r\n\r\n',
    '\r',
    '\n',
    '\t',
    '\u00a0',
    '\u2028',
    '\u0085',
    '\ufeff',
    '\x7f',
    '\0',
    '😀',
    '👩‍💻',
    ' ',
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
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const annotationArb = fc.record({
  kind: fc.constantFrom('claim', 'date', 'control', 'my-code', 'True'),
  label: maybe(fc.constantFrom(...CLAIM_TYPES)),
  quote: nonEmpty,
  prefix: text,
  suffix: text,
  start: fc.nat(100_000),
  length: fc.nat(500),
  origin: fc.constantFrom('detected', 'manual'),
  status: fc.constantFrom(...STATUSES),
  reviewer: maybe(nonEmpty),
  reviewed: maybe(isoDate),
  note: maybe(text),
  author: maybe(nonEmpty),
  created: maybe(isoDate),
  speaker: maybe(nonEmpty),
  entity: maybe(nonEmpty),
  tags: maybe(fc.array(nonEmpty, { maxLength: 4 })),
  orphaned: fc.boolean(),
});

const sidecarArb = fc
  .record({
    file: nonEmpty,
    sha: fc.boolean(),
    published: maybe(fc.constantFrom('2024-02-29', '2026-01-01')),
    list: fc.array(annotationArb, { maxLength: 6 }),
  })
  .map(({ file, sha, published, list }): Sidecar => ({
    marginalia: FORMAT_VERSION,
    source: { file, ...(sha ? { sha256: '0123456789abcdef'.repeat(4) } : {}), ...(published === undefined ? {} : { published }) },
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
      for (const k of ['label', 'reviewer', 'reviewed', 'note', 'author', 'created', 'speaker', 'entity', 'tags'] as const) {
        const v = a[k];
        if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
      }
      if (a.orphaned) out.orphaned = true;
      return out;
    }),
  }));

const crlf = (s: string): string => s.replace(/\n/g, '\r\n');

test('the fast reader takes every sidecar Marginalia writes, LF or CRLF, and reads it as the full parser does', () => {
  fc.assert(
    fc.property(sidecarArb, fc.boolean(), (s, windows) => {
      const written = windows ? crlf(serializeSidecar(s)) : serializeSidecar(s);
      assert.ok(agrees(written), `the fast reader declined a sidecar Marginalia wrote: ${JSON.stringify(written)}`);
    }),
    { numRuns: 500 },
  );
});

test('the fast reader takes in-place updates of LF and CRLF sidecars and reads them as the full parser does', () => {
  fc.assert(
    fc.property(sidecarArb, sidecarArb, fc.boolean(), (a, b, windows) => {
      const before = `# notes${windows ? '\r\n' : '\n'}${windows ? crlf(serializeSidecar(a)) : serializeSidecar(a)}`;
      const after = patchSidecarText(before, b);
      // Undefined when the patcher falls back to a fresh serialisation. It does for some
      // CRLF files today: an annotation block it moves gets "\r\r\n" line ends (write.ts).
      if (after === undefined) return;
      if (windows) assert.ok(!/(?<!\r)\n/.test(after), 'the in-place writer keeps CRLF line ends');
      assert.ok(agrees(after), `the fast reader declined an in-place update: ${JSON.stringify(after)}`);
    }),
    { numRuns: 200 },
  );
});

test('cases the fuzzing found: the fast reader declines or agrees', () => {
  const long = 'k'.repeat(1025);
  for (const t of [
    'true: 1\n',
    'True: 1\n',
    'null: 1\n',
    'Null: 1\nNULL: 2\n',
    'FALSE: 1\n',
    'a:\n  true: 1\n',
    '- null: 1\n',
    `${long}: 1\n`,
    `a:\n  ${long}: 1\n`,
    `- ${long}: 1\n`,
    'a: 1\r',
    'a: 1\r\n',
    'a: "x"\r',
    'a: 1\rb: 2\n',
    '# c\rb: 2\n',
    'a: 1 # c\rb: 2\n',
    'a:\r  b: 1\n',
    // Empty values: the full parser places them after the spaces that follow the colon.
    'a: \n',
    'a:  # c\nb: 1\n',
    '- a:   \r\n  b:\n',
    // Deeper than the full parser's limit (MAX_NESTING).
    Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
  ])
    agrees(t);
  assert.equal(fastParseTree('true: 1\n'), undefined);
  assert.equal(fastParseTree(`${long}: 1\n`), undefined);
  assert.equal(fastParseTree('a: 1\r'), undefined);
  // CRLF line ends and escaped CRs in quotes (a CRLF source's text) stay on the fast path.
  const windows: TreeNode | undefined = fastParseTree('a: "x\\r\\ny"\r\nb: [c, "d\\r"]\r\n');
  assert.ok(windows !== undefined);
  assert.ok(agrees('a: "x\\r\\ny"\r\nb: [c, "d\\r"]\r\n'));
});

test('a sidecar ending in a lone CR is read as the full parser reads it, and an update in place does not throw', () => {
  // The last line is `    author: Ana`: with a CR after it, the author is "Ana\r".
  const withAuthor = serializeSidecar(sidecar([annotation({ id: 'a1', start: 1, end: 2, author: 'Ana' })])).replace(/\n$/, '\r');
  assert.equal(fastParseTree(withAuthor), undefined);
  const r = parseSidecar(withAuthor, 'cr.yaml');
  assert.deepEqual(r.errors, []);
  const first = r.sidecar?.annotations[0];
  assert.ok(r.sidecar !== undefined && first !== undefined);
  assert.equal(first.author, 'Ana\r');
  const updated = updateSidecarText(withAuthor, { ...r.sidecar, annotations: [{ ...first, status: 'disputed' }] });
  assert.deepEqual(parseSidecar(updated, 'cr.yaml').sidecar?.annotations[0], { ...first, status: 'disputed' });
  // The last line is `    status: open`: `open\r` is not a status, and the file is not writable.
  const withStatus = serializeSidecar(sidecar([annotation({ id: 'a1', start: 1, end: 2 })])).replace(/\n$/, '\r');
  const bad = parseSidecar(withStatus, 'cr.yaml');
  assert.equal(bad.writable, false);
  assert.match(bad.errors[0]?.message ?? '', /`status` must be one of/);
  // The last line is `    tags: [t]`: the full parser finds a syntax error, where the fast
  // reader used to read the file as valid, and the next in-place update threw on it.
  const withTags = serializeSidecar(sidecar([annotation({ id: 'a1', start: 1, end: 2, tags: ['t'] })])).replace(/\n$/, '\r');
  const broken = parseSidecar(withTags, 'cr.yaml');
  assert.equal(broken.writable, false);
  assert.deepEqual(
    broken.errors.map((e) => [e.line, e.column, e.message]),
    [[13, 14, 'YAML syntax: Unexpected scalar at node end']],
  );
});

test('parseSidecar never throws on deep nesting: it returns a located error', () => {
  const depth = 3000;
  const cases = [
    Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n',
    `a:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}-`).join('\n')} x\n`,
    `a:\n${'- '.repeat(depth)}x\n`,
    `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    `a: ${'{b: '.repeat(5_000)}1${'}'.repeat(5_000)}\n`,
    `a: &x ${'['.repeat(50)}1${']'.repeat(50)}\nb: ${'['.repeat(30)}*x${']'.repeat(30)}\n`,
  ];
  for (const yaml of cases) {
    const r = parseSidecar(yaml, 'deep.yaml');
    assert.equal(r.writable, false);
    assert.equal(r.sidecar, undefined);
    const e = r.errors[0];
    assert.ok(e !== undefined);
    assert.match(e.message, /nested more than 64 levels/);
    assert.ok(e.line >= 1 && e.column >= 1);
  }
  // The error points at the first list past the limit: the top-level map is level 1, so
  // the 64th bracket is level 65.
  const at = parseSidecar(`marginalia: 2\nx-deep: ${'['.repeat(70)}${']'.repeat(70)}\n`, 'deep.yaml').errors;
  assert.deepEqual(
    at.map((e) => [e.line, e.column]),
    [[2, 9 + 63]],
  );
  // 64 levels are still read.
  const ok = parseSidecar(`marginalia: 2\nsource: {file: a.txt}\nx-deep: ${'['.repeat(63)}1${']'.repeat(63)}\n`, 'ok.yaml');
  assert.deepEqual(ok.errors, []);
});
