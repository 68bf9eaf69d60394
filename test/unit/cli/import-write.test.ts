// `import --write` through the one write path: sidecars created or edited in place
// (comments kept), updates instead of copies, version-1 sidecars migrated, invalid ones
// left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { sha256Hex } from '../../../src/core/sidecar/sha256';
import type { Sidecar } from '../../../src/core/sidecar/format';
import { codePointSlice, plain, read, run, SOURCE, tempDir, tempFiles, write } from './fixtures/helpers';

/** A brat text-bound line for the first occurrence of `quote` in the source (code points). */
function entity(n: number, kind: string, quote: string): string {
  const cps = Array.from(plain(SOURCE));
  const text = plain(SOURCE);
  const at = Array.from(text.slice(0, text.indexOf(quote))).length;
  assert.ok(text.includes(quote), quote);
  assert.equal(cps.slice(at, at + Array.from(quote).length).join(''), quote);
  return `T${n}\t${kind} ${at} ${at + Array.from(quote).length}\t${quote}`;
}

function setUp(): { dir: string; source: string; sidecar: string; ann: string } {
  const dir = tempDir();
  const docs = path.join(dir, 'docs');
  fs.mkdirSync(docs);
  const source = path.join(docs, 'statement.txt');
  write(source, SOURCE);
  fs.mkdirSync(path.join(dir, 'brat'));
  return { dir, source, sidecar: `${source}.annotations.yaml`, ann: path.join(dir, 'brat', 'statement.ann') };
}

function load(file: string): Sidecar {
  const r = parseSidecar(read(file), file, plain(SOURCE));
  assert.deepEqual(r.errors, []);
  assert.ok(r.sidecar);
  return r.sidecar;
}

test('import --write creates the sidecar: manual annotations placed in code points, with their notes and statuses', async () => {
  const { dir, source, sidecar, ann } = setUp();
  write(
    ann,
    [
      entity(1, 'evidence', 'ISO 27001'),
      entity(2, 'vendor-promise', 'complete FedRAMP Moderate by Q3 2025'),
      '#1\tAnnotatorNotes T2\tCheck the FedRAMP marketplace',
      'A1\tStatus T2 disputed',
      '',
    ].join('\n'),
  );
  const r = await run(['import', '--format', 'brat', '--root', path.join(dir, 'docs'), '--write', ann]);
  assert.equal(r.status, 0, `${r.out}\n${r.err.join('\n')}`);
  assert.match(r.out, new RegExp(`${source.replace(/[.\\]/g, '\\$&')}: 2 added, 0 updated, 0 unchanged, 0 not placed; written$`));
  const s = load(sidecar);
  assert.equal(s.source.sha256, sha256Hex(plain(SOURCE)));
  assert.match(read(sidecar), /^marginalia: 2\r?\n/);
  assert.deepEqual(
    s.annotations.map((a) => [a.kind, a.quote, a.origin, a.status, a.note]),
    [
      ['evidence', 'ISO 27001', 'manual', 'open', undefined],
      ['vendor-promise', 'complete FedRAMP Moderate by Q3 2025', 'manual', 'disputed', 'Check the FedRAMP marketplace'],
    ],
  );
  for (const a of s.annotations) assert.equal(codePointSlice(SOURCE, a.start, a.end), a.quote);
  assert.deepEqual(tempFiles(path.dirname(sidecar)), []);
  assert.equal(fs.existsSync(`${sidecar}.lock`), false);
});

test("import --write again with a changed note updates in place: the person's comments and suggestions stay; nothing is doubled", async () => {
  const { dir, source, sidecar, ann } = setUp();
  // Suggestions first, then a person's comment in the file.
  assert.equal((await run(['detect', '--write', '--kinds', 'control', source])).status, 0);
  write(sidecar, `# Ana: controls checked.\n${read(sidecar)}`);
  const suggestions = load(sidecar).annotations.length;
  write(ann, `${entity(1, 'evidence', 'ISO 27001')}\n`);
  assert.equal((await run(['import', '--format', 'brat', '--root', path.join(dir, 'docs'), '--write', ann])).status, 0);
  const before = read(sidecar);
  write(ann, `${entity(1, 'evidence', 'ISO 27001')}\n#1\tAnnotatorNotes T1\tAudit report seen\n`);
  const r = await run(['import', '--format', 'brat', '--root', path.join(dir, 'docs'), '--write', ann]);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.match(r.out, /: 0 added, 1 updated, 0 unchanged, 0 not placed; written$/);
  const after = read(sidecar);
  assert.ok(after.startsWith('# Ana: controls checked.\n'));
  const s = load(sidecar);
  assert.equal(s.annotations.length, suggestions + 1);
  assert.equal(s.annotations.filter((a) => a.kind === 'evidence').length, 1);
  assert.equal(s.annotations.find((a) => a.kind === 'evidence')?.note, 'Audit report seen');
  assert.ok(s.annotations.filter((a) => a.kind === 'control').every((a) => a.status === 'suggested'));
  // One line added (the note), nothing else touched.
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(b.length, a.length + 1);
  assert.deepEqual(
    b.filter((line) => !a.includes(line)).map((line) => line.replace(/\r$/, '')),
    ['    note: "Audit report seen"'],
  );
  // Importing the same again: unchanged, nothing written.
  const same = await run(['import', '--format', 'brat', '--root', path.join(dir, 'docs'), '--write', ann]);
  assert.match(same.out, /: 0 added, 0 updated, 1 unchanged, 0 not placed$/);
  assert.equal(read(sidecar), after);
});

test('import --write into a version-1 sidecar migrates it; into an invalid one it writes nothing and exits 1', async () => {
  const { dir, source, sidecar, ann } = setUp();
  assert.equal((await run(['detect', '--write', '--kinds', 'date', source])).status, 0);
  write(
    sidecar,
    read(sidecar)
      .replace('marginalia: 2', 'marginalia: 1')
      .replace(/status: suggested/g, 'status: open'),
  );
  write(ann, `${entity(1, 'evidence', 'SOC\u00A02 Type II')}\n`);
  const r = await run(['import', '--format', 'brat', '--root', path.join(dir, 'docs'), '--write', ann]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const s = load(sidecar);
  assert.match(read(sidecar), /^marginalia: 2\r?\n/);
  assert.ok(
    s.annotations.filter((a) => a.kind === 'date').every((a) => a.status === 'suggested'),
    'stored detections read as suggestions',
  );
  assert.equal(s.annotations.filter((a) => a.kind === 'evidence').length, 1);

  const broken = read(sidecar).replace(/status: suggested/, 'status: accepted');
  write(sidecar, broken);
  write(ann, `${entity(1, 'evidence', 'ISO 27001')}\n`);
  const bad = await run(['import', '--format', 'brat', '--root', path.join(dir, 'docs'), '--write', ann]);
  assert.equal(bad.status, 1);
  assert.match(bad.out, /statement\.txt\.annotations\.yaml:\d+:\d+: `status` must be one of/);
  assert.match(bad.err.join('\n'), /invalid sidecar, left as it is; nothing imported into it/);
  assert.equal(read(sidecar), broken);
});
