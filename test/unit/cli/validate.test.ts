import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { read, run, SOURCE, tempDir, write } from './fixtures/helpers';

const HEAD = 'marginalia: 2\nsource:\n  file: statement.txt\nannotations:\n';
const ONE = '  - id: a1\n    kind: claim\n    quote: "We hold"\n    start: 3\n    end: 10\n    origin: manual\n    status: open\n';

/** A folder with a valid sidecar and the three kinds of broken ones, each beside its source. */
function setUp(): { dir: string; files: Record<string, string> } {
  const dir = tempDir();
  const files: Record<string, string> = {
    'good.txt': `${HEAD}${ONE}`,
    'yaml.txt': `${HEAD}  - id: [unclosed\n    kind: claim\n`,
    'version.txt': 'marginalia: 3\nsource:\n  file: version.txt\nannotations: []\n',
    'past.txt': `${HEAD}${ONE.replace('end: 10', 'end: 4000')}`,
  };
  for (const [name, yaml] of Object.entries(files)) {
    write(path.join(dir, name), SOURCE);
    write(path.join(dir, `${name}.annotations.yaml`), yaml);
  }
  fs.mkdirSync(path.join(dir, 'sub'));
  write(path.join(dir, 'sub', 'ok.md'), 'Short.\n');
  write(path.join(dir, 'sub', 'ok.md.annotations.yaml'), 'marginalia: 2\nsource:\n  file: ok.md\n');
  // An interrupted write's leftover is not a sidecar.
  write(path.join(dir, '.good.txt.annotations.yaml.tmp-123-abcdef'), 'marginalia: 2\nsource: [');
  return { dir, files };
}

test('validate a folder: every error as file:line:column, a summary, exit 1; nothing is written', async () => {
  const { dir, files } = setUp();
  const r = await run(['validate', dir]);
  assert.equal(r.status, 1);
  const f = (name: string): string => path.join(dir, `${name}.annotations.yaml`).replace(/[.\\]/g, (c) => `\\${c}`);
  assert.match(r.out, new RegExp(`^${f('yaml.txt')}:[56]:\\d+: YAML syntax: `, 'm'));
  assert.match(
    r.out,
    new RegExp(
      `^${f('version.txt')}:1:13: unsupported format version 3: this Marginalia reads versions 1 and 2; update the extension`,
      'm',
    ),
  );
  assert.doesNotMatch(r.out, /format version 1/, 'no migration note for version-2 files');
  assert.match(r.out, new RegExp(`^${f('past.txt')}:9:10: end 4000 is past the end of the source \\(\\d+ characters\\)`, 'm'));
  assert.doesNotMatch(r.out, /good\.txt\.annotations\.yaml:|tmp-123/);
  assert.match(r.out, /^2 files ok, 3 files with errors$/m);
  for (const [name, yaml] of Object.entries(files)) assert.equal(read(path.join(dir, `${name}.annotations.yaml`)), yaml);
});

test('validate a source or a sidecar by name; a valid one exits 0', async () => {
  const { dir } = setUp();
  const bySource = await run(['validate', path.join(dir, 'good.txt')]);
  assert.equal(bySource.status, 0);
  assert.equal(bySource.out, '1 file ok');
  const both = await run(['validate', path.join(dir, 'good.txt'), path.join(dir, 'good.txt.annotations.yaml')]);
  assert.equal(both.out, '1 file ok', 'named twice, checked once');
});

test('validate checks offsets against the source only while the sidecar matches it', async () => {
  const { dir } = setUp();
  // Recorded hash of another text: the source changed since; 4000 is the old text's offset.
  const sidecar = path.join(dir, 'past.txt.annotations.yaml');
  write(sidecar, read(sidecar).replace('  file: statement.txt\n', `  file: past.txt\n  sha256: "${'0'.repeat(64)}"\n`));
  const r = await run(['validate', sidecar]);
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /changed since the sidecar was saved; run 'marginalia reanchor --write /);
  assert.match(r.out, /^1 file ok$/m);
});

test('validate without the source checks the shape and says so', async () => {
  const { dir } = setUp();
  fs.rmSync(path.join(dir, 'past.txt'));
  const r = await run(['validate', path.join(dir, 'past.txt.annotations.yaml')]);
  assert.equal(r.status, 0);
  assert.match(r.out, /note: its source .*past\.txt is not there; offsets not checked against it/);
});

test('validate: a source without a sidecar is noted, a missing path exits 1, no PATH is bad usage', async () => {
  const dir = tempDir();
  write(path.join(dir, 'lonely.txt'), 'Text.\n');
  const lonely = await run(['validate', path.join(dir, 'lonely.txt')]);
  assert.equal(lonely.status, 0);
  assert.match(lonely.out, /no sidecar/);
  assert.match(lonely.out, /0 files ok/);
  const missing = await run(['validate', path.join(dir, 'nope.txt')]);
  assert.equal(missing.status, 1);
  assert.match(missing.err.join('\n'), /nope\.txt: no such file or directory/);
  assert.equal((await run(['validate'])).status, 2);
  assert.equal((await run(['validate', '--frob', dir])).status, 2);
  const help = await run(['validate', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.out, /^Usage: marginalia validate PATH/);
});

test('validate accepts a version-1 sidecar and says what reading it as version 2 changes; the file is not touched', async () => {
  const dir = tempDir();
  write(path.join(dir, 'old.txt'), SOURCE);
  const v1 =
    'marginalia: 1\nsource:\n  file: old.txt\nannotations:\n' +
    // Stored by a scan: a suggestion now.
    '  - id: a1\n    kind: claim\n    quote: "We hold"\n    start: 3\n    end: 10\n    origin: detected\n    status: open\n' +
    // Accepted in the editor (it recorded the time): reviewed then.
    '  - id: a2\n    kind: control\n    quote: "ISO 27001"\n    start: 11\n    end: 20\n    origin: detected\n    status: open\n    author: ana\n    created: "2026-01-01T09:30:00Z"\n';
  const file = path.join(dir, 'old.txt.annotations.yaml');
  write(file, v1);
  const r = await run(['validate', file]);
  assert.equal(r.status, 0, r.out);
  assert.match(
    r.out,
    /old\.txt\.annotations\.yaml: note: in format version 1; read as version 2, where 1 stored detection no one accepted is a suggestion and 1 accepted one records when it was reviewed\. Marginalia writes it as version 2 the next time it changes it/,
  );
  assert.match(r.out, /^1 file ok$/m);
  assert.equal(read(file), v1);
});

test('validate prints a dangling link as a warning and still counts the file ok', async () => {
  const dir = tempDir();
  write(path.join(dir, 'linked.txt'), SOURCE);
  const yaml = `${HEAD}${ONE.replace('    quote:', '    due: [gone]\n    quote:')}`;
  write(path.join(dir, 'linked.txt.annotations.yaml'), yaml);
  const r = await run(['validate', dir]);
  assert.equal(r.status, 0);
  assert.match(
    r.out,
    /linked\.txt\.annotations\.yaml:7:10: warning: claim `a1` links \(`due`\) to `gone`, which no annotation of this file has/,
  );
  assert.match(r.out, /^1 file ok$/m);
  assert.equal(read(path.join(dir, 'linked.txt.annotations.yaml')), yaml);
});
