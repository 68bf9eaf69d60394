import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Sidecar } from '../../../src/core/sidecar/format';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { sha256Hex } from '../../../src/core/sidecar/sha256';
import { codePointSlice, plain, read, run, SOURCE, tempDir, tempFiles, write } from './fixtures/helpers';

const INSERTED = "Editor's note: this statement was updated on 2 July 2024 to add a paragraph. 😀\r\n\r\n";

async function annotated(): Promise<{ dir: string; source: string; sidecar: string; before: Sidecar }> {
  const dir = tempDir();
  const source = path.join(dir, 'statement.txt');
  write(source, SOURCE);
  const r = await run(['detect', '--write', source]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const sidecar = `${source}.annotations.yaml`;
  // Hand-written comments a person added while reviewing.
  write(sidecar, `# Keep me: reviewed 2026-01-02.\n${read(sidecar).replace(/(\n {4}status: suggested)\n/, '$1 # check with legal\n')}`);
  return { dir, source, sidecar, before: load(sidecar, SOURCE) };
}

function load(file: string, sourceText: string): Sidecar {
  const r = parseSidecar(read(file), file, plain(sourceText));
  assert.deepEqual(r.errors, []);
  assert.ok(r.sidecar);
  return r.sidecar;
}

test('reanchor after a paragraph inserted at the top: reports the moves, writes nothing without --write', async () => {
  const { source, sidecar, before } = await annotated();
  const text = read(sidecar);
  write(source, SOURCE.replace('\uFEFF', `\uFEFF${INSERTED}`));
  const r = await run(['reanchor', source]);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.equal(r.out, `${sidecar}: 0 unchanged, ${before.annotations.length} moved, 0 fuzzy, 0 orphaned; not written (use --write)`);
  assert.equal(read(sidecar), text);
});

test('reanchor --write moves everything by the inserted text and keeps comments byte for byte', async () => {
  const { dir, source, sidecar, before } = await annotated();
  const oldText = read(sidecar);
  const edited = SOURCE.replace('\uFEFF', `\uFEFF${INSERTED}`);
  write(source, edited);
  const r = await run(['reanchor', '--write', dir]);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.match(r.out, /moved, 0 fuzzy, 0 orphaned; written$/);
  const after = load(sidecar, edited);
  const shift = Array.from(INSERTED).length;
  assert.equal(after.source.sha256, sha256Hex(plain(edited)));
  for (const a of before.annotations) {
    const now = after.annotations.find((b) => b.id === a.id);
    assert.ok(now);
    assert.equal(now.start, a.start + shift);
    assert.equal(now.end, a.end + shift);
    assert.equal(codePointSlice(edited, now.start, now.end), a.quote);
  }
  // Same lines, and only the values of the changed fields differ.
  const oldLines = oldText.split('\n');
  const newLines = read(sidecar).split('\n');
  assert.equal(newLines.length, oldLines.length);
  oldLines.forEach((line, i) => {
    const now = newLines[i] as string;
    if (now !== line) assert.match(line, /^ {2,4}(start|end|prefix|suffix|sha256): /, `line ${i + 1} changed: ${line} → ${now}`);
  });
  assert.ok(newLines.includes('# Keep me: reviewed 2026-01-02.'));
  assert.ok(newLines.includes('    status: suggested # check with legal'));
  assert.deepEqual(tempFiles(dir), []);
  // Done: a second run finds the source unchanged and writes nothing.
  const again = await run(['reanchor', '--write', sidecar]);
  assert.match(again.out, /source unchanged since the sidecar was saved/);
});

test('reanchor lists orphans and fuzzy matches, and keeps the orphans in the file', async () => {
  const { source, sidecar, before } = await annotated();
  const edited = SOURCE.replace(' We never sold user data to advertisers.', '').replace('a spokesperson said', 'a spokeswoman said');
  write(source, edited);
  const r = await run(['reanchor', '--write', source]);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.match(r.out, /^ {2}orphaned \w+ {2}"We never sold user data to advertisers\."$/m);
  const after = load(sidecar, edited);
  assert.equal(after.annotations.length, before.annotations.length);
  assert.equal(after.annotations.find((a) => a.quote === 'We never sold user data to advertisers.')?.orphaned, true);
  assert.match(
    r.out,
    /^ {2}fuzzy {4}\w+ {2}"The vendor will complete FedRAMP Moderate by Q3 2025, a spokesperson said\." → "The vendor will complete FedRAMP Moderate by Q3 2025, a spokeswoman said\."$/m,
  );
  assert.match(r.out, /: \d+ unchanged, \d+ moved, 1 fuzzy, 1 orphaned; written$/m);
});

test('reanchor refuses an invalid sidecar and leaves it byte-identical', async () => {
  const dir = tempDir();
  const source = path.join(dir, 'a.txt');
  write(source, SOURCE);
  const cases = [
    'marginalia: 1\nsource:\n  file: a.txt\nannotations:\n  - id: [unclosed\n',
    'marginalia: 3\nsource:\n  file: a.txt\n',
    'marginalia: 1\nsource:\n  file: a.txt\nannotations:\n  - id: a1\n    kind: claim\n    quote: "x"\n    start: 0\n    end: 9999\n    origin: manual\n    status: open\n',
  ];
  for (const broken of cases) {
    write(`${source}.annotations.yaml`, broken);
    const r = await run(['reanchor', '--write', source]);
    assert.equal(r.status, 1, broken);
    assert.match(r.out, /a\.txt\.annotations\.yaml:\d+:\d+: /);
    assert.match(r.err.join('\n'), /invalid sidecar, left as it is/);
    assert.equal(read(`${source}.annotations.yaml`), broken);
  }
});

test('reanchor: an orphan past the end of a shortened source is not an error once the hash differs', async () => {
  const { source, sidecar } = await annotated();
  const short = '\uFEFFPublished on June 10, 2024\r\n';
  write(source, short);
  const r = await run(['reanchor', '--write', source]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const after = load(sidecar, short);
  assert.ok(after.annotations.some((a) => a.orphaned));
  assert.ok(after.annotations.some((a) => !a.orphaned && a.quote === 'on June 10, 2024'));
  const v = await run(['validate', sidecar]);
  assert.equal(v.status, 0, v.out);
});

test('reanchor: no sidecar is noted; a missing source exits 1; bad usage exits 2', async () => {
  const dir = tempDir();
  const source = path.join(dir, 'a.txt');
  write(source, 'Text.\n');
  assert.match((await run(['reanchor', source])).out, /no sidecar/);
  write(path.join(dir, 'gone.txt.annotations.yaml'), 'marginalia: 1\nsource:\n  file: gone.txt\n');
  const gone = await run(['reanchor', dir]);
  assert.equal(gone.status, 1);
  assert.match(gone.err.join('\n'), /gone\.txt: no such file or directory; the annotations of .* cannot be re-anchored without it/);
  assert.equal((await run(['reanchor'])).status, 2);
  assert.equal((await run(['reanchor', '--force', dir])).status, 2);
  assert.match((await run(['reanchor', '--help'])).out, /^Usage: marginalia reanchor PATH\.\.\. \[--write\]/);
});
