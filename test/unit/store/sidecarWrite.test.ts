// The one write step (src/core/store/sidecarWrite.ts): what every writer of a sidecar turns
// "the text I read, the text on disk now, what I want" into: the text to write, or a
// refusal with located errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchorAt } from '../../../src/core/anchor/context';
import { FORMAT_VERSION, normaliseSidecar, type Annotation, type Sidecar } from '../../../src/core/sidecar/format';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { sha256Hex } from '../../../src/core/sidecar/sha256';
import { serializeSidecar, updateSidecarText } from '../../../src/core/sidecar/write';
import { mergeOutsideChange, planSidecarWrite, type WriteInput, type WritePlan } from '../../../src/core/store/sidecarWrite';

// ASCII apart from one emoji early on, so code points and UTF-16 units differ after it.
const SOURCE = [
  'Published on June 10, 2024. 🔒 Security statement.',
  'We hold ISO 27001 and SOC 2 Type II reports, the company said last month.',
  'The vendor will complete FedRAMP Moderate by Q3 2025, a spokesperson said.',
  'Critics say the audit was too narrow. We never sold user data to advertisers.',
  'Every key is rotated within ninety days, and access is reviewed each quarter.',
].join('\n');
const SHA = sha256Hex(SOURCE);
const FILE = 'statement.txt.annotations.yaml';

/** An annotation on the `nth` occurrence of `quote` in `text`, with code-point offsets and its context. */
function on(text: string, quote: string, id: string, over: Partial<Annotation> = {}, nth = 0): Annotation {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `"${quote}" is not in the text`);
  const a = anchorAt(text, at, at + quote.length);
  const cp = (utf16: number): number => Array.from(text.slice(0, utf16)).length;
  return {
    id,
    kind: 'claim',
    quote,
    prefix: a.prefix,
    suffix: a.suffix,
    start: cp(at),
    end: cp(at + quote.length),
    origin: 'manual',
    status: 'open',
    ...over,
  };
}

function car(annotations: Annotation[], sha256 = SHA): Sidecar {
  return { marginalia: FORMAT_VERSION, source: { file: 'statement.txt', sha256 }, annotations };
}

const BASE = car([
  on(SOURCE, 'We hold ISO 27001', 'a1', { kind: 'claim', label: 'assertion', origin: 'detected', status: 'suggested' }),
  on(SOURCE, 'The vendor will complete FedRAMP Moderate', 'a2', { label: 'commitment', note: 'check the date' }),
  on(SOURCE, 'We never sold user data', 'a3', { label: 'denial' }),
]);
const BASE_TEXT = `# Reviewed by Ana.\n${serializeSidecar(BASE)}`;

function plan(over: Partial<WriteInput> & Pick<WriteInput, 'wanted'>): WritePlan {
  return planSidecarWrite({ fileName: FILE, lastRead: BASE_TEXT, onDisk: BASE_TEXT, sourceText: SOURCE, ...over });
}

/** A plan in a line, for assertion messages. */
function describe(p: WritePlan): string {
  return p.action === 'refused' ? `refused (${p.cause}): ${p.reason} ${JSON.stringify(p.errors)}` : `${p.action}, merged ${p.merged}`;
}

function written(p: WritePlan): { text: string; sidecar: Sidecar } {
  assert.ok(p.action !== 'refused', p.action === 'refused' ? `${p.reason} ${JSON.stringify(p.errors)}` : '');
  const r = parseSidecar(p.text, FILE, SOURCE);
  assert.deepEqual(r.errors, []);
  assert.ok(r.sidecar);
  assert.deepEqual(r.sidecar, p.sidecar, 'the plan says what the text holds');
  return { text: p.text, sidecar: r.sidecar };
}

/** Everything but the anchor (quote, context, offsets). */
function fieldsOf(a: Annotation): Partial<Annotation> {
  const copy: Partial<Annotation> = { ...a };
  delete copy.quote;
  delete copy.prefix;
  delete copy.suffix;
  delete copy.start;
  delete copy.end;
  delete copy.orphaned;
  return copy;
}

function edit(s: Sidecar, id: string, over: Partial<Annotation>): Sidecar {
  return { ...s, annotations: s.annotations.map((a) => (a.id === id ? { ...a, ...over } : a)) };
}

function ids(s: Sidecar): string[] {
  return s.annotations.map((a) => a.id);
}

test('disk unchanged since it was read: the wanted sidecar is written, in place (comments kept), not merged', () => {
  const wanted = edit(BASE, 'a2', { status: 'verified', reviewer: 'ana', reviewed: '2026-01-02T10:00:00Z' });
  const p = plan({ wanted });
  assert.ok(p.action === 'write', describe(p));
  assert.equal(p.merged, false);
  assert.deepEqual(p.conflicts, []);
  assert.equal(p.text, updateSidecarText(BASE_TEXT, normaliseSidecar(wanted)));
  assert.ok(p.text.startsWith('# Reviewed by Ana.\n'));
  assert.deepEqual(written(p).sidecar, normaliseSidecar(wanted));
  // No file at all, before and now: the canonical layout, with the source's hash recorded.
  const fresh = planSidecarWrite({
    fileName: FILE,
    lastRead: undefined,
    onDisk: undefined,
    wanted: { ...wanted, source: { file: 'statement.txt' } },
    sourceText: SOURCE,
  });
  assert.ok(fresh.action === 'write', describe(fresh));
  assert.equal(fresh.text, serializeSidecar(normaliseSidecar(wanted)));
  assert.equal(fresh.sidecar.source.sha256, SHA);
});

test('nothing differs from the disk: `unchanged`, with the text on disk, even after merging an outside change', () => {
  const p = plan({ wanted: BASE });
  assert.ok(p.action === 'unchanged', describe(p));
  assert.equal(p.text, BASE_TEXT);
  assert.equal(p.merged, false);
  // The disk gained an annotation; the writer changed nothing: the merge is the disk.
  const disk = updateSidecarText(BASE_TEXT, car([...BASE.annotations, on(SOURCE, 'Critics say', 't1')]));
  const q = plan({ onDisk: disk, wanted: BASE });
  assert.ok(q.action === 'unchanged', describe(q));
  assert.equal(q.text, disk);
  assert.equal(q.merged, true);
});

test('disk changed: annotations added on both sides are all kept, with the comments made on disk', () => {
  const theirs = car([...BASE.annotations, on(SOURCE, 'Critics say', 't1', { kind: 'source-critique' })]);
  const disk = updateSidecarText(BASE_TEXT, theirs).replace('annotations:\n', 'annotations:\n  # Ben: first pass done.\n');
  const mine = car([...BASE.annotations, on(SOURCE, 'Every key is rotated', 'm1', { label: 'commitment' })]);
  const p = plan({ onDisk: disk, wanted: mine });
  assert.ok(p.action === 'write', describe(p));
  assert.equal(p.merged, true);
  assert.deepEqual(p.conflicts, []);
  const { text, sidecar } = written(p);
  assert.deepEqual(ids(sidecar), ['a1', 'a2', 't1', 'a3', 'm1']);
  assert.ok(text.startsWith('# Reviewed by Ana.\n'));
  assert.ok(text.includes('annotations:\n  # Ben: first pass done.\n'));
  // Written over the disk's text: every line of it is still there, in order.
  const lines = text.split('\n');
  let at = 0;
  for (const line of disk.split('\n')) {
    at = lines.indexOf(line, at);
    assert.ok(at >= 0, `lost: ${line}`);
  }
});

test('disk changed: a status reviewed on disk and a note changed in memory on the same annotation both stay', () => {
  const review = { status: 'verified' as const, reviewer: 'ben', reviewed: '2026-01-02T10:00:00Z' };
  const disk = updateSidecarText(BASE_TEXT, edit(BASE, 'a2', review));
  const p = plan({ onDisk: disk, wanted: edit(BASE, 'a2', { note: 'confirmed by the vendor' }) });
  assert.ok(p.action === 'write', describe(p));
  assert.deepEqual(p.conflicts, []);
  const a2 = written(p).sidecar.annotations.find((a) => a.id === 'a2');
  assert.deepEqual(a2, { ...BASE.annotations[1], ...review, note: 'confirmed by the vendor' });
  // The other way round: the review in memory, the note on disk.
  const q = plan({ onDisk: updateSidecarText(BASE_TEXT, edit(BASE, 'a2', { note: 'from disk' })), wanted: edit(BASE, 'a2', review) });
  assert.deepEqual(
    written(q).sidecar.annotations.find((a) => a.id === 'a2'),
    { ...BASE.annotations[1], ...review, note: 'from disk' },
  );
});

test("disk changed: both sides set the same field differently: the writer's value, listed as a conflict", () => {
  const disk = updateSidecarText(BASE_TEXT, edit(BASE, 'a3', { note: 'theirs' }));
  const p = plan({ onDisk: disk, wanted: edit(BASE, 'a3', { note: 'mine' }) });
  assert.ok(p.action === 'write', describe(p));
  assert.deepEqual(
    p.conflicts.map((c) => [c.id, c.field]),
    [['a3', 'note']],
  );
  assert.equal(written(p).sidecar.annotations.find((a) => a.id === 'a3')?.note, 'mine');
});

test('disk changed: a deletion on one side goes through; deleted on one side and edited on the other is kept and listed', () => {
  const without = (s: Sidecar, id: string): Sidecar => ({ ...s, annotations: s.annotations.filter((a) => a.id !== id) });
  // Deleted on disk, untouched here: gone. Deleted here, untouched on disk: gone.
  const p = plan({ onDisk: updateSidecarText(BASE_TEXT, without(BASE, 'a1')), wanted: without(BASE, 'a3') });
  assert.ok(p.action === 'write', describe(p));
  assert.deepEqual(p.conflicts, []);
  assert.deepEqual(ids(written(p).sidecar), ['a2']);
  // Deleted on disk, but its note changed here: kept, as here.
  const q = plan({ onDisk: updateSidecarText(BASE_TEXT, without(BASE, 'a2')), wanted: edit(BASE, 'a2', { note: 'still needed' }) });
  assert.ok(q.action === 'write', describe(q));
  assert.deepEqual(
    q.conflicts.map((c) => [c.id, c.field]),
    [['a2', 'deleted']],
  );
  assert.equal(written(q).sidecar.annotations.find((a) => a.id === 'a2')?.note, 'still needed');
  // Deleted here, reviewed on disk: kept, as on disk; that is all the disk holds already.
  const reviewedOnDisk = updateSidecarText(BASE_TEXT, edit(BASE, 'a1', { status: 'dismissed', reviewer: 'ben' }));
  const r = plan({ onDisk: reviewedOnDisk, wanted: without(BASE, 'a1') });
  assert.ok(r.action === 'unchanged', describe(r));
  assert.equal(r.text, reviewedOnDisk);
  assert.deepEqual(
    r.conflicts.map((c) => [c.id, c.field]),
    [['a1', 'deleted']],
  );
  assert.equal(written(r).sidecar.annotations.find((a) => a.id === 'a1')?.status, 'dismissed');
});

test('the file appeared since the writer found none (another writer created it): merged, nothing of either lost', () => {
  const theirs = car([on(SOURCE, 'Critics say', 't1'), on(SOURCE, 'We hold ISO 27001', 'same')]);
  const mine = car([on(SOURCE, 'Every key is rotated', 'm1'), on(SOURCE, 'We hold ISO 27001', 'same')]);
  const p = planSidecarWrite({ fileName: FILE, lastRead: undefined, onDisk: serializeSidecar(theirs), wanted: mine, sourceText: SOURCE });
  assert.ok(p.action === 'write', describe(p));
  assert.equal(p.merged, true);
  assert.deepEqual(p.conflicts, []);
  assert.deepEqual(ids(written(p).sidecar), ['same', 't1', 'm1']);
});

test('a suggestion stored meanwhile by another writer and already reviewed, or annotated by a person, is not put back as a suggestion', () => {
  // Two detectors store the same finding (the same id) at once: one creates the file, a
  // person reviews the finding, or annotates that very span (ids come from kind, quote and
  // start, so theirs has the same id) with a note; then the other detector, which found no
  // file, saves its suggestion. The person's work must stand.
  const suggestion = on(SOURCE, 'We hold ISO 27001', 'x1', { origin: 'detected', status: 'suggested', label: 'assertion' });
  const detector = car([suggestion, on(SOURCE, 'Critics say', 'x2', { origin: 'detected', status: 'suggested' })]);
  const reviewed = {
    ...suggestion,
    status: 'verified' as const,
    reviewer: 'ana',
    reviewed: '2026-01-02T10:00:00Z',
    note: 'seen the certificate',
  };
  const manual: Annotation = { ...suggestion, origin: 'manual', status: 'open', label: 'commitment', note: 'typed by Ben', author: 'ben' };
  for (const theirs of [reviewed, manual]) {
    const disk = serializeSidecar(car([theirs]));
    const p = planSidecarWrite({ fileName: FILE, lastRead: undefined, onDisk: disk, wanted: detector, sourceText: SOURCE });
    assert.ok(p.action === 'write', describe(p));
    const got = written(p).sidecar.annotations;
    assert.deepEqual(
      got.find((a) => a.id === 'x1'),
      theirs,
      `${theirs.origin}: the disk's version stands`,
    );
    assert.equal(got.find((a) => a.id === 'x2')?.status, 'suggested', "the detector's other finding is stored");
    assert.deepEqual(p.conflicts, []);
  }
  // The same with a file the detector did read, without the finding.
  const lastRead = serializeSidecar(car([on(SOURCE, 'Every key is rotated', 'k1')]));
  const disk = serializeSidecar(car([on(SOURCE, 'Every key is rotated', 'k1'), reviewed]));
  const q = planSidecarWrite({
    fileName: FILE,
    lastRead,
    onDisk: disk,
    wanted: car([on(SOURCE, 'Every key is rotated', 'k1'), suggestion]),
    sourceText: SOURCE,
  });
  assert.ok(q.action === 'unchanged', describe(q));
  assert.deepEqual(
    written(q).sidecar.annotations.find((a) => a.id === 'x1'),
    reviewed,
  );
  // A person's own addition still wins over the disk's suggestion of the same finding (the editor accepting it).
  const accepted = { ...suggestion, status: 'open' as const, reviewer: 'ana', reviewed: '2026-01-02T10:00:00Z' };
  const r = planSidecarWrite({
    fileName: FILE,
    lastRead: undefined,
    onDisk: serializeSidecar(car([suggestion])),
    wanted: car([accepted]),
    sourceText: SOURCE,
  });
  assert.ok(r.action === 'write', describe(r));
  assert.deepEqual(written(r).sidecar.annotations, [accepted]);
});

test('a disk file that changed and does not validate is refused (cause `disk`), with errors located in it; nothing to write', () => {
  const disk = updateSidecarText(BASE_TEXT, edit(BASE, 'a3', { note: 'theirs' })).replace(
    '    label: denial\n',
    '    label: denial\n    stauts: verified\n',
  );
  const p = plan({ onDisk: disk, wanted: edit(BASE, 'a2', { note: 'mine' }) });
  assert.ok(p.action === 'refused', describe(p));
  assert.equal(p.cause, 'disk');
  assert.match(p.reason, /statement\.txt\.annotations\.yaml changed on disk and does not validate/);
  assert.equal(p.errors.length, 1);
  const e = p.errors[0];
  assert.ok(e);
  assert.equal(e.file, FILE);
  assert.equal(e.line, disk.split('\n').indexOf('    stauts: verified') + 1);
  assert.equal(e.column, 5);
  assert.match(e.message, /unknown field `stauts`/);
  // Not YAML at all: located too.
  const broken = plan({ onDisk: `${BASE_TEXT}  - id: [unclosed\n`, wanted: BASE });
  assert.ok(broken.action === 'refused', describe(broken));
  assert.equal(broken.cause, 'disk');
  assert.ok(broken.errors.length > 0 && broken.errors.every((x) => x.line > 1 && x.file === FILE));
});

test('a disk file that does not validate is refused even when the writer read it so: what it holds is never dropped', () => {
  // A claim label typed by hand (issue 10): the reader leaves that annotation out; writing
  // what was read would silently lose it and its note.
  const invalid = BASE_TEXT.replace('    label: denial\n', '    label: user-base figure\n');
  const r = parseSidecar(invalid, FILE, SOURCE);
  assert.equal(r.writable, false);
  const p = plan({ lastRead: invalid, onDisk: invalid, wanted: car([on(SOURCE, 'Critics say', 'm1')]) });
  assert.ok(p.action === 'refused', describe(p));
  assert.equal(p.cause, 'disk');
  const [first] = p.errors;
  assert.ok(first && p.errors.length === 1);
  assert.equal(first.line, invalid.split('\n').indexOf('    label: user-base figure') + 1);
  assert.match(first.message, /claim label/);
});

test('a wanted annotation that would not validate (a claim labelled "user-base figure") is refused with cause `result`', () => {
  const wanted = car([...BASE.annotations, on(SOURCE, 'Critics say', 'm1', { label: 'user-base figure', note: 'typed by a person' })]);
  for (const [lastRead, onDisk] of [
    [BASE_TEXT, BASE_TEXT],
    [undefined, undefined],
    [BASE_TEXT, `# meanwhile\n${BASE_TEXT}`],
  ] as const) {
    const p = plan({ lastRead, onDisk, wanted });
    assert.ok(p.action === 'refused', describe(p));
    assert.equal(p.cause, 'result');
    assert.match(p.reason, /^statement\.txt\.annotations\.yaml: not written, because the result would not validate \(claim label/);
    const [first] = p.errors;
    assert.ok(first && p.errors.length === 1);
    assert.match(first.message, /must be one of commitment, assertion, denial, comparison/);
    assert.equal(first.file, FILE);
    assert.ok(first.line > 5, 'located in the text that would have been written');
  }
  // Offsets past the end of the source: refused the same way.
  const past = plan({ wanted: edit(BASE, 'a3', { end: 10_000 }) });
  assert.ok(past.action === 'refused', describe(past));
  assert.equal(past.cause, 'result');
  assert.match(past.errors[0]?.message ?? '', /end 10000 is past the end of the source/);
});

test('the source changed since the disk version was saved: its offsets are re-anchored before the merge', () => {
  // Someone saved the sidecar against the old text (another annotation added); the writer
  // holds a new text with a paragraph inserted at the top, and its own annotations moved.
  const inserted = "Editor's note: updated on 2 July 2024 to add this paragraph. 😀\n";
  const newSource = inserted + SOURCE;
  const shift = Array.from(inserted).length;
  const theirs = car([...BASE.annotations, on(SOURCE, 'Critics say', 't1')]);
  const disk = updateSidecarText(BASE_TEXT, theirs);
  const mine = car(
    [...BASE.annotations.map((a) => on(newSource, a.quote, a.id, fieldsOf(a))), on(newSource, 'Every key is rotated', 'm1')],
    sha256Hex(newSource),
  );
  const p = planSidecarWrite({ fileName: FILE, lastRead: BASE_TEXT, onDisk: disk, wanted: mine, sourceText: newSource });
  assert.ok(p.action === 'write', p.action === 'refused' ? p.reason : '');
  assert.deepEqual(p.conflicts, [], 'annotations neither side touched compare equal once both are re-anchored');
  const r = parseSidecar(p.text, FILE, newSource);
  assert.deepEqual(r.errors, []);
  const byId = new Map(r.sidecar?.annotations.map((a) => [a.id, a]));
  assert.deepEqual([...byId.keys()].sort(), ['a1', 'a2', 'a3', 'm1', 't1']);
  assert.equal(r.sidecar?.source.sha256, sha256Hex(newSource));
  for (const [id, a] of byId) {
    assert.equal(Array.from(newSource).slice(a.start, a.end).join(''), a.quote, id);
    assert.equal(a.orphaned, undefined, id);
  }
  const t1 = theirs.annotations.find((a) => a.id === 't1');
  assert.equal(byId.get('t1')?.start, (t1?.start ?? 0) + shift);
});

test('mergeOutsideChange: the merged sidecar, or a refusal when the disk does not validate', () => {
  const disk = updateSidecarText(BASE_TEXT, edit(BASE, 'a1', { status: 'open', reviewer: 'ben' }));
  const m = mergeOutsideChange({
    fileName: FILE,
    lastRead: BASE_TEXT,
    onDisk: disk,
    mine: edit(BASE, 'a3', { note: 'x' }),
    sourceText: SOURCE,
  });
  assert.ok(m.ok);
  assert.deepEqual(m.conflicts, []);
  assert.deepEqual(
    m.sidecar.annotations.map((a) => [a.id, a.status, a.note]),
    [
      ['a1', 'open', undefined],
      ['a2', 'open', 'check the date'],
      ['a3', 'open', 'x'],
    ],
  );
  const bad = mergeOutsideChange({
    fileName: FILE,
    lastRead: BASE_TEXT,
    onDisk: disk.replace('status: open', 'status: accepted'),
    mine: BASE,
    sourceText: SOURCE,
  });
  assert.equal(bad.ok, false);
  assert.ok(!bad.ok);
  assert.match(bad.reason, /does not validate/);
  assert.match(bad.errors[0]?.message ?? '', /`status` must be one of suggested, open, verified, disputed, dismissed, found `accepted`/);
  // The base no longer validates (a rule came later): merged against nothing, every annotation of both kept.
  const oldBase = BASE_TEXT.replace('status: suggested', 'status: pending');
  const n = mergeOutsideChange({
    fileName: FILE,
    lastRead: oldBase,
    onDisk: disk,
    mine: car([on(SOURCE, 'Critics say', 'm1')]),
    sourceText: SOURCE,
  });
  assert.ok(n.ok);
  assert.deepEqual(ids(n.sidecar), ['a1', 'a2', 'm1', 'a3']);
});

// ---- property: random edits on both sides of a three-way merge ----

const SPANS = [
  'We hold ISO 27001',
  'SOC 2 Type II',
  'last month',
  'The vendor will complete',
  'FedRAMP Moderate',
  'Q3 2025',
  'a spokesperson said',
  'Critics say',
  'the audit was too narrow',
  'We never sold user data',
  'to advertisers',
  'Every key is rotated',
  'ninety days',
  'access is reviewed',
  'each quarter',
  'Security statement',
  'June 10, 2024',
];

interface Edit {
  remove: boolean[];
  notes: (string | undefined)[];
  statuses: ('suggested' | 'open' | 'verified' | 'disputed' | 'dismissed' | undefined)[];
  added: number[];
}

const editArb = (n: number): fc.Arbitrary<Edit> =>
  fc.record({
    remove: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    notes: fc.array(fc.option(fc.constantFrom('checked', 'see the report', 'line\nbreak', 'yes'), { nil: undefined }), {
      minLength: n,
      maxLength: n,
    }),
    statuses: fc.array(
      fc.option(fc.constantFrom('open' as const, 'verified' as const, 'disputed' as const, 'dismissed' as const), {
        nil: undefined,
        freq: 2,
      }),
      { minLength: n, maxLength: n },
    ),
    added: fc.uniqueArray(fc.nat(SPANS.length - 1), { maxLength: 5 }),
  });

function applyEdit(base: Sidecar, e: Edit, side: string, kind: string): { sidecar: Sidecar; added: string[] } {
  const annotations: Annotation[] = [];
  base.annotations.forEach((a, i) => {
    if (e.remove[i] === true) return;
    const next = { ...a };
    const note = e.notes[i];
    if (note !== undefined) next.note = `${side}: ${note}`;
    const status = e.statuses[i];
    if (status !== undefined) Object.assign(next, { status, reviewer: side, reviewed: '2026-03-01T12:00:00Z' });
    annotations.push(next);
  });
  const added = e.added.map((k) => `${side}${k}`);
  e.added.forEach((k, j) => annotations.push(on(SOURCE, SPANS[k] as string, added[j] as string, { kind })));
  return { sidecar: car(annotations), added };
}

test('property: for random edits on both sides, every annotation added on either side is there exactly once, and the result validates', () => {
  const baseArb = fc.uniqueArray(fc.nat(SPANS.length - 1), { minLength: 1, maxLength: 8 }).map((ks) =>
    car(
      ks.map((k, i) =>
        on(SOURCE, SPANS[k] as string, `b${i}`, {
          origin: i % 2 === 0 ? 'detected' : 'manual',
          status: i % 2 === 0 ? 'suggested' : 'open',
        }),
      ),
    ),
  );
  const caseArb = baseArb.chain((base) =>
    fc.tuple(fc.constant(base), editArb(base.annotations.length), editArb(base.annotations.length), fc.boolean()),
  );
  fc.assert(
    fc.property(caseArb, ([base, e1, e2, commentOnDisk]) => {
      const lastRead = serializeSidecar(base);
      const mine = applyEdit(base, e1, 'm', 'mine-code');
      const theirs = applyEdit(base, e2, 't', 'their-code');
      let onDisk = updateSidecarText(lastRead, theirs.sidecar);
      if (commentOnDisk) onDisk = `# theirs\n${onDisk}`;
      const p = planSidecarWrite({ fileName: FILE, lastRead, onDisk, wanted: mine.sidecar, sourceText: SOURCE });
      assert.ok(p.action !== 'refused', p.action === 'refused' ? p.reason : '');
      const r = parseSidecar(p.text, FILE, SOURCE);
      assert.deepEqual(r.errors, []);
      const result = r.sidecar;
      assert.ok(result);
      const count = (id: string): number => result.annotations.filter((a) => a.id === id).length;
      for (const id of [...mine.added, ...theirs.added]) assert.equal(count(id), 1, `added ${id}`);
      if (commentOnDisk) assert.ok(p.text.startsWith('# theirs\n'));
      base.annotations.forEach((b, i) => {
        const inMine = mine.sidecar.annotations.find((a) => a.id === b.id);
        const inTheirs = theirs.sidecar.annotations.find((a) => a.id === b.id);
        const got = result.annotations.find((a) => a.id === b.id);
        const changedMine = inMine !== undefined && (e1.notes[i] !== undefined || e1.statuses[i] !== undefined);
        const changedTheirs = inTheirs !== undefined && (e2.notes[i] !== undefined || e2.statuses[i] !== undefined);
        // Present unless deleted on a side while the other left it alone.
        const deleted = (inMine === undefined && !changedTheirs) || (inTheirs === undefined && !changedMine);
        assert.equal(got === undefined, deleted, `${b.id}: deleted ${deleted}`);
        if (got === undefined || inMine === undefined || inTheirs === undefined) return;
        // Each field takes the side that changed it; the writer's when both did.
        const note = e1.notes[i] !== undefined ? inMine.note : inTheirs.note;
        assert.equal(got.note, note, `${b.id} note`);
        const review = e1.statuses[i] !== undefined ? inMine : inTheirs;
        assert.deepEqual([got.status, got.reviewer, got.reviewed], [review.status, review.reviewer, review.reviewed], `${b.id} review`);
      });
      // Nothing but those: no annotation appears from nowhere.
      const known = new Set([...base.annotations.map((a) => a.id), ...mine.added, ...theirs.added]);
      for (const a of result.annotations) assert.ok(known.has(a.id), a.id);
    }),
    { numRuns: 250 },
  );
});
