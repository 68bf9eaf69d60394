// Fault test of the atomic sidecar write: a child process writes two large versions of a
// sidecar in turn and is killed (SIGKILL) at random moments; after every kill the file
// must be one version or the other, whole. Stray temporary files a kill leaves behind are
// counted, must not be taken for sidecars, and are removed at the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/format';
import { makeAnnotationId } from '../../../src/core/sidecar/ids';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import { atomicWriteFile, findSidecars, saveSidecar, SidecarRefused, TEMP_FILE } from '../../../src/cli/sidecarFiles';
import { seededRng } from '../anchor/corpus';
import { read, tempDir, tempFiles, write } from './fixtures/helpers';

const WRITER = path.join(__dirname, 'fixtures', 'atomic-writer.js');

/** A valid sidecar of about `bytes` bytes; `tag` makes the versions differ everywhere. */
function bigSidecar(tag: string, bytes: number): string {
  const annotations: Annotation[] = [];
  const taken = new Set<string>();
  for (let i = 0; ; i++) {
    const quote = `${tag} claim number ${i}: the company will rotate every key within ninety days`;
    const id = makeAnnotationId('claim', quote, i * 100, taken);
    taken.add(id);
    annotations.push({
      id, kind: 'claim', label: 'commitment', quote, prefix: `context before ${i} ${tag}`, suffix: `context after ${i} ${tag}`,
      start: i * 100, end: i * 100 + quote.length, origin: 'detected', status: 'open', note: `${tag} note ${i}`,
    });
    // Serialising is quick; checking the size every 100 annotations keeps this simple.
    if (i % 100 === 99) {
      const text = serializeSidecar({ marginalia: 1, source: { file: 'doc.txt' }, annotations });
      if (text.length >= bytes) return text;
    }
  }
}

/** Kills so far over all lanes. */
const total = { kills: 0 };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface LaneResult {
  kills: number;
  sawA: number;
  sawB: number;
  stray: number;
}

/**
 * One writer after another over `target`, each killed at a random moment, up to `kills`
 * times or until `enough()`; the file is checked after every kill.
 */
async function killLoop(target: string, versions: { A: string; B: string; aPath: string; bPath: string }, kills: number, enough: () => boolean, maxDelay: number, rng: () => number, label: string): Promise<LaneResult> {
  const dir = path.dirname(target);
  const r: LaneResult = { kills: 0, sawA: 0, sawB: 0, stray: 0 };
  while (r.kills < kills && !enough()) {
    const child = spawn(process.execPath, [WRITER, target, versions.aPath, versions.bPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => { resolve(signal); }));
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => { resolve(); });
      child.once('exit', () => { reject(new Error(`writer exited before it was ready: ${stderr}`)); });
    });
    await sleep(rng() * maxDelay);
    child.kill('SIGKILL');
    const signal = await exited;
    r.kills++;
    total.kills++;
    assert.equal(signal, 'SIGKILL', `the writer failed on its own: ${stderr}`);
    const text = read(target);
    assert.ok(text === versions.A || text === versions.B, `${label}: after kill ${r.kills} the file is neither version: ${text.length} characters`);
    if (text === versions.A) r.sawA++;
    else r.sawB++;
    assert.deepEqual(parseSidecar(text, target).errors, []);
    // A stray temporary file is never taken for a sidecar.
    assert.deepEqual((await findSidecars([dir])).files, [target]);
  }
  r.stray = tempFiles(dir).length;
  assert.ok(tempFiles(dir).every((n) => TEMP_FILE.test(n)));
  return r;
}

test('SIGKILLed at random points while writing, the sidecar is always version A or B, whole', { timeout: 60_000 }, async (t) => {
  const versionsDir = tempDir();
  const A = bigSidecar('alpha', 200_000);
  const B = bigSidecar('bravo', 200_000);
  assert.ok(A.length >= 200_000 && B.length >= 200_000);
  for (const v of [A, B]) assert.deepEqual(parseSidecar(v, 'v.yaml').errors, []);
  const versions = { A, B, aPath: path.join(versionsDir, 'a.yaml'), bPath: path.join(versionsDir, 'b.yaml') };
  write(versions.aPath, A);
  write(versions.bPath, B);

  // Kill points spread over the first few writes: up to about four times one write's
  // duration (a slow disk's fsync is capped, or the test would take minutes).
  await atomicWriteFile(path.join(versionsDir, 'warm.yaml'), A);
  const t0 = performance.now();
  await atomicWriteFile(path.join(versionsDir, 'probe.yaml'), B);
  const writeMs = performance.now() - t0;
  const maxDelay = Math.min(150, Math.max(20, 4 * writeMs));
  const seed = Date.now() >>> 0;
  const rng = seededRng(seed);

  // Each writer process takes a few hundred milliseconds to start, so several lanes (each
  // its own folder and sidecar) run side by side to fit 60 kills in a few seconds. On a
  // machine too busy for that, the lanes stop after 50 kills once 12 s have passed.
  const LANES = 5;
  const started = Date.now();
  const enough = (): boolean => total.kills >= 50 && Date.now() - started > 12_000;
  const lanes = await Promise.all(Array.from({ length: LANES }, (_, lane) => {
    const dir = tempDir();
    const target = path.join(dir, 'doc.txt.annotations.yaml');
    write(target, A);
    return killLoop(target, versions, 12, enough, maxDelay, rng, `lane ${lane} (seed ${seed})`).then((r) => {
      fs.rmSync(dir, { recursive: true, force: true });
      return r;
    });
  }));
  const sum = (k: keyof LaneResult): number => lanes.reduce((n, r) => n + r[k], 0);
  t.diagnostic(`${sum('kills')} kills in ${Date.now() - started} ms over ${LANES} lanes (seed ${seed}, one write ≈ ${writeMs.toFixed(1)} ms, delays 0–${maxDelay.toFixed(0)} ms): file was A ${sum('sawA')}×, B ${sum('sawB')}×; ${sum('stray')} stray temporary files left by kills mid-write (ignored as sidecars, removed)`);
  assert.ok(sum('kills') >= 50);
  assert.ok(sum('sawB') + sum('stray') > 0, 'the writers never got as far as writing');
  fs.rmSync(versionsDir, { recursive: true, force: true });
});

test('atomicWriteFile replaces the file, keeps its permissions, writes through a link, leaves no temporary file', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'x.txt.annotations.yaml');
  write(file, 'old');
  fs.chmodSync(file, 0o640);
  await atomicWriteFile(file, 'new text');
  assert.equal(read(file), 'new text');
  if (process.platform !== 'win32') assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  const link = path.join(dir, 'link.yaml');
  fs.symlinkSync(file, link);
  await atomicWriteFile(link, 'through the link');
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  assert.equal(read(file), 'through the link');
  assert.deepEqual(tempFiles(dir), []);
});

test('a failed write removes its temporary file and leaves the target alone', async () => {
  const dir = tempDir();
  const target = path.join(dir, 'busy.yaml');
  fs.mkdirSync(target);
  write(path.join(target, 'inside'), 'x');
  await assert.rejects(atomicWriteFile(target, 'text'));
  assert.deepEqual(tempFiles(dir), []);
  assert.ok(fs.statSync(target).isDirectory());
  await assert.rejects(atomicWriteFile(path.join(dir, 'no', 'such', 'folder.yaml'), 'text'));
});

test('saveSidecar never writes a sidecar that does not validate, nor over a file changed since it was read', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'doc.txt.annotations.yaml');
  const bad: Sidecar = {
    marginalia: 1, source: { file: 'doc.txt' },
    annotations: [{ id: 'a1', kind: 'claim', quote: 'x', prefix: '', suffix: '', start: 5, end: 2, origin: 'manual', status: 'open' }],
  };
  await assert.rejects(saveSidecar(file, bad, { previousText: undefined }), (e: unknown) => {
    assert.ok(e instanceof SidecarRefused);
    assert.match(e.errors[0]?.message ?? '', /end 2 is before start 5/);
    return true;
  });
  assert.equal(fs.existsSync(file), false);
  // Offsets past the end of the source given: refused too.
  const past: Sidecar = { ...bad, annotations: [{ ...(bad.annotations[0] as Annotation), start: 0, end: 50 }] };
  await assert.rejects(saveSidecar(file, past, { previousText: undefined, sourceText: 'short' }), SidecarRefused);
  assert.equal(fs.existsSync(file), false);

  const good: Sidecar = { ...bad, annotations: [] };
  const written = await saveSidecar(file, good, { previousText: undefined });
  assert.equal(read(file), written);
  assert.equal(await saveSidecar(file, good, { previousText: written }), undefined, 'unchanged: nothing written');
  write(file, `# edited meanwhile\n${written ?? ''}`);
  await assert.rejects(saveSidecar(file, past, { previousText: written }), /changed on disk/);
  assert.equal(read(file), `# edited meanwhile\n${written ?? ''}`);
  assert.deepEqual(tempFiles(dir), []);
});
