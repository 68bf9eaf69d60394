import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { sha256Hex } from '../../../src/core/sidecar/sha256';
import type { Sidecar } from '../../../src/core/sidecar/format';
import { codePointSlice, plain, read, run, SOURCE, tempDir, tempFiles, write } from './fixtures/helpers';

function setUp(): { dir: string; source: string; sidecar: string } {
  const dir = tempDir();
  const source = path.join(dir, 'statement.txt');
  write(source, SOURCE);
  return { dir, source, sidecar: `${source}.annotations.yaml` };
}

function load(file: string, sourceText: string): Sidecar {
  const r = parseSidecar(read(file), file, plain(sourceText));
  assert.deepEqual(r.errors, []);
  assert.ok(r.sidecar);
  return r.sidecar;
}

/** The file's text without the annotation blocks of these ids (canonical blocks: `  - id:` then 4-space lines). */
function withoutBlocks(text: string, ids: ReadonlySet<string>): string {
  const lines = text.split(/(?<=\n)/);
  const out: string[] = [];
  let skipping = false;
  for (const line of lines) {
    const m = /^ {2}- id: (\S+)\r?\n$/.exec(line);
    if (m) skipping = ids.has(m[1] ?? '');
    else if (!line.startsWith('    ')) skipping = false;
    if (!skipping) out.push(line);
  }
  return out.join('');
}

test('detect --write creates a version-2 sidecar of suggestions with source.file, sha256 and code-point offsets (BOM, CRLF, emoji, NBSP)', async () => {
  const { dir, source, sidecar } = setUp();
  const r = await run(['detect', '--write', dir]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const s = load(sidecar, SOURCE);
  assert.equal(s.source.file, 'statement.txt');
  assert.equal(s.source.sha256, sha256Hex(plain(SOURCE)));
  assert.ok(s.annotations.length >= 6);
  for (const a of s.annotations) {
    assert.equal(codePointSlice(SOURCE, a.start, a.end), a.quote);
    assert.equal(a.origin, 'detected');
    // Machine output until a person reviews it: a suggestion, with no reviewer and no time.
    assert.equal(a.status, 'suggested');
    assert.equal(a.reviewer, undefined);
    assert.equal(a.reviewed, undefined);
    assert.equal(a.created, undefined);
  }
  assert.match(read(sidecar), /^marginalia: 2\r?\n/);
  assert.ok(s.annotations.some((a) => a.quote === 'SOC\u00A02 Type II'));
  assert.match(r.out, new RegExp(`statement\\.txt: ${s.annotations.length} suggestions stored, 0 already there; created `));
  assert.match(read(sidecar), /\\u00A0|\\xA0/, 'NBSP written as an escape');
  assert.deepEqual(tempFiles(dir), []);
  // The source itself is never touched.
  assert.equal(read(source), SOURCE);
});

test('detect --write again adds nothing and leaves the file byte for byte', async () => {
  const { source, sidecar } = setUp();
  assert.equal((await run(['detect', '--write', source])).status, 0);
  const before = read(sidecar);
  const r = await run(['detect', '--write', source]);
  assert.equal(r.status, 0);
  assert.match(r.out, /: 0 suggestions stored, \d+ already there; nothing to write/);
  assert.equal(read(sidecar), before);
});

test('detect --write keeps hand-written comments byte for byte and only adds the new blocks; dismissed ones stay out', async () => {
  const { source, sidecar } = setUp();
  assert.equal((await run(['detect', '--write', '--kinds', 'date', source])).status, 0);
  // A person reviews the file: comments, an extension key, a dismissal.
  let text = read(sidecar);
  text = `# Reviewed by Ana. Keep this comment.\n${text}`;
  text = text.replace('annotations:\n', 'annotations:\n  # dates first pass\n');
  text = text.replace(
    /(label: "2024-05"\n(?: {4}.*\n)*? {4}status: )suggested\n/,
    '$1dismissed # not a real date claim\n    x-reviewer: ana\n',
  );
  assert.match(text, /dismissed # not a real date claim/);
  write(sidecar, text);
  const dismissed = load(sidecar, SOURCE).annotations.filter((a) => a.status === 'dismissed');
  assert.equal(dismissed.length, 1);

  const r = await run(['detect', '--write', '--author', 'bot', source]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const after = read(sidecar);
  const s = load(sidecar, SOURCE);
  const added = s.annotations.filter((a) => a.author === 'bot');
  assert.ok(added.length > 0);
  assert.ok(
    added.every((a) => a.kind !== 'date'),
    'dates were all there already, the dismissed one included',
  );
  assert.ok(added.every((a) => a.status === 'suggested'));
  assert.match(r.out, new RegExp(`: ${added.length} suggestions? stored, \\d+ already there; written to `));
  assert.deepEqual(
    s.annotations.filter((a) => a.status === 'dismissed').map((a) => a.id),
    dismissed.map((a) => a.id),
  );
  // Outside the new annotations, the file is exactly what the person left.
  assert.equal(withoutBlocks(after, new Set(added.map((a) => a.id))), text);
});

test('detect --write after the source changed re-anchors first and does not re-add dismissed detections', async () => {
  const { source, sidecar } = setUp();
  await run(['detect', '--write', source]);
  const first = load(sidecar, SOURCE);
  write(sidecar, read(sidecar).replace(/status: suggested/g, 'status: dismissed'));
  const edited = SOURCE.replace('\uFEFF', '\uFEFFUpdate: nothing new here.\r\n\r\n');
  write(source, edited);
  const r = await run(['detect', '--write', source]);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.match(r.out, new RegExp(`re-anchored first: ${first.annotations.length} moved, 0 fuzzy, 0 orphaned`));
  const s = load(sidecar, edited);
  assert.equal(s.source.sha256, sha256Hex(plain(edited)));
  const shift = Array.from('Update: nothing new here.\r\n\r\n').length;
  for (const a of first.annotations) {
    const now = s.annotations.find((b) => b.id === a.id);
    assert.equal(now?.start, a.start + shift);
    assert.equal(now.status, 'dismissed');
  }
  assert.ok(s.annotations.filter((a) => a.status === 'suggested').every((a) => a.end <= shift));
});

test('detect --write with --kinds and --ref-date; --json keeps stdout JSON and reports on stderr', async () => {
  const { source, sidecar } = setUp();
  const r = await run(['detect', '--write', '--json', '--kinds', 'date', '--ref-date', '2030-03-15', source]);
  assert.equal(r.status, 0);
  assert.ok(Array.isArray(JSON.parse(r.out)));
  assert.match(r.err.join('\n'), /suggestions stored, 0 already there; created/);
  const s = load(sidecar, SOURCE);
  assert.ok(s.annotations.every((a) => a.kind === 'date'));
  assert.equal(s.annotations.find((a) => a.quote === 'last month')?.label, '2030-02');
});

test('detect --write leaves an invalid sidecar byte-identical and exits 1; the other files are still written', async () => {
  const { dir, source, sidecar } = setUp();
  const broken =
    'marginalia: 1\nsource:\n  file: statement.txt\nannotations:\n  - id: a1\n    kind: claim\n    quote: "x"\n    start: 0\n    end: 9999\n    origin: manual\n    status: open\n';
  write(sidecar, broken);
  const other = path.join(dir, 'other.md');
  write(other, 'The vendor will complete FedRAMP Moderate by Q3 2025.\n');
  const r = await run(['detect', '--write', source, other]);
  assert.equal(r.status, 1);
  assert.match(r.out, new RegExp(`statement\\.txt\\.annotations\\.yaml:9:10: end 9999 is past the end of the source`));
  assert.match(r.err.join('\n'), /statement\.txt\.annotations\.yaml: invalid sidecar, left as it is/);
  assert.equal(read(sidecar), broken);
  assert.ok(fs.existsSync(`${other}.annotations.yaml`));
});

test('--author without --write is bad usage', async () => {
  const r = await run(['detect', '--author', 'x', 'a.txt']);
  assert.equal(r.status, 2);
});

test("detect --write resolves relative dates against the sidecar's source.published; --ref-date overrides it", async () => {
  // Without a recorded date, the document's own ("Published on June 10, 2024") is used.
  const plainRun = setUp();
  assert.equal((await run(['detect', '--write', '--kinds', 'date', plainRun.source])).status, 0);
  assert.equal(load(plainRun.sidecar, SOURCE).annotations.find((a) => a.quote === 'last month')?.label, '2024-05');

  const { source, sidecar } = setUp();
  const recorded =
    '# The article was first published in 2020; the 2024 line is an update.\nmarginalia: 2\nsource:\n  file: statement.txt\n  published: "2020-06-10"\nannotations: []\n';
  write(sidecar, recorded);
  const r = await run(['detect', '--write', '--json', '--kinds', 'date', source]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const s = load(sidecar, SOURCE);
  assert.equal(s.source.published, '2020-06-10', 'the recorded date stays');
  assert.equal(s.annotations.find((a) => a.quote === 'last month')?.label, '2020-05');
  // An absolute date does not depend on it.
  assert.equal(s.annotations.find((a) => a.quote === 'on June 10, 2024')?.label, '2024-06-10');
  // What is printed is what was stored.
  const printed = JSON.parse(r.out) as { annotations: { text: string; value?: string }[] }[];
  assert.equal(printed[0]?.annotations.find((a) => a.text === 'last month')?.value, '2020-05');
  assert.ok(read(sidecar).startsWith('# The article was first published in 2020'));

  // --ref-date wins over the recorded date (a fresh sidecar with the same date recorded).
  const other = setUp();
  write(other.sidecar, recorded);
  assert.equal((await run(['detect', '--write', '--kinds', 'date', '--ref-date', '2030-03-15', other.source])).status, 0);
  assert.equal(load(other.sidecar, SOURCE).annotations.find((a) => a.quote === 'last month')?.label, '2030-02');
});

test('detect --write on a version-1 sidecar migrates it: stored detections become suggestions, the file is rewritten as version 2 in place', async () => {
  const { source, sidecar } = setUp();
  assert.equal((await run(['detect', '--write', source])).status, 0);
  const v2 = `# kept\n${read(sidecar)}`;
  // The same file as version 1 wrote it: detections stored as open, no review fields.
  const v1 = v2.replace('marginalia: 2', 'marginalia: 1').replace(/status: suggested/g, 'status: open');
  assert.notEqual(v1, v2);
  write(sidecar, v1);
  const r = await run(['detect', '--write', source]);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.match(r.out, /: 0 suggestions stored, \d+ already there; written to /);
  assert.equal(read(sidecar), v2, 'only the version and the statuses changed, comments kept');
  // Done: a second run writes nothing.
  assert.match((await run(['detect', '--write', source])).out, /nothing to write/);
});
