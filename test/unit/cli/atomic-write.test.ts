// Fault test of the atomic sidecar write: a child process writes two large versions of a
// sidecar in turn and is killed (SIGKILL) at random moments; after every kill the file
// must be one version or the other, whole. Stray temporary files a kill leaves behind are
// counted, must not be taken for sidecars, and are removed at the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORMAT_VERSION, type Annotation, type Sidecar } from '../../../src/core/sidecar/format';
import { lockFileName } from '../../../src/core/sidecar/lock';
import { makeAnnotationId } from '../../../src/core/sidecar/ids';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import { atomicWriteFile, findSidecars, saveSidecar, SidecarRefused, TEMP_FILE, withSidecarLock } from '../../../src/cli/sidecarFiles';
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
      id,
      kind: 'claim',
      label: 'commitment',
      quote,
      prefix: `context before ${i} ${tag}`,
      suffix: `context after ${i} ${tag}`,
      start: i * 100,
      end: i * 100 + quote.length,
      origin: 'detected',
      status: 'open',
      note: `${tag} note ${i}`,
    });
    // Serialising is quick; checking the size every 100 annotations keeps this simple.
    if (i % 100 === 99) {
      const text = serializeSidecar({ marginalia: FORMAT_VERSION, source: { file: 'doc.txt' }, annotations });
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
async function killLoop(
  target: string,
  versions: { A: string; B: string; aPath: string; bPath: string },
  kills: number,
  enough: () => boolean,
  maxDelay: number,
  rng: () => number,
  label: string,
): Promise<LaneResult> {
  const dir = path.dirname(target);
  const r: LaneResult = { kills: 0, sawA: 0, sawB: 0, stray: 0 };
  while (r.kills < kills && !enough()) {
    const child = spawn(process.execPath, [WRITER, target, versions.aPath, versions.bPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => {
        resolve(signal);
      }),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => {
        resolve();
      });
      child.once('exit', () => {
        reject(new Error(`writer exited before it was ready: ${stderr}`));
      });
    });
    await sleep(rng() * maxDelay);
    child.kill('SIGKILL');
    const signal = await exited;
    r.kills++;
    total.kills++;
    assert.equal(signal, 'SIGKILL', `the writer failed on its own: ${stderr}`);
    const text = read(target);
    assert.ok(
      text === versions.A || text === versions.B,
      `${label}: after kill ${r.kills} the file is neither version: ${text.length} characters`,
    );
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
  const lanes = await Promise.all(
    Array.from({ length: LANES }, (_, lane) => {
      const dir = tempDir();
      const target = path.join(dir, 'doc.txt.annotations.yaml');
      write(target, A);
      return killLoop(target, versions, 12, enough, maxDelay, rng, `lane ${lane} (seed ${seed})`).then((r) => {
        fs.rmSync(dir, { recursive: true, force: true });
        return r;
      });
    }),
  );
  const sum = (k: keyof LaneResult): number => lanes.reduce((n, r) => n + r[k], 0);
  t.diagnostic(
    `${sum('kills')} kills in ${Date.now() - started} ms over ${LANES} lanes (seed ${seed}, one write ≈ ${writeMs.toFixed(1)} ms, delays 0–${maxDelay.toFixed(0)} ms): file was A ${sum('sawA')}×, B ${sum('sawB')}×; ${sum('stray')} stray temporary files left by kills mid-write (ignored as sidecars, removed)`,
  );
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

const DOC = 'The vendor will rotate every key. Critics disagree.';

function manual(id: string, start: number, end: number, over: Partial<Annotation> = {}): Annotation {
  return {
    id,
    kind: 'claim',
    quote: Array.from(DOC).slice(start, end).join(''),
    prefix: '',
    suffix: '',
    start,
    end,
    origin: 'manual',
    status: 'open',
    ...over,
  };
}

test('saveSidecar never writes a sidecar that does not validate, and leaves no lock or temporary file', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'doc.txt.annotations.yaml');
  const bad: Sidecar = {
    marginalia: FORMAT_VERSION,
    source: { file: 'doc.txt' },
    annotations: [{ ...manual('a1', 0, 3), start: 5, end: 2 }],
  };
  await assert.rejects(saveSidecar(file, bad, { previousText: undefined, sourceText: DOC }), (e: unknown) => {
    assert.ok(e instanceof SidecarRefused);
    assert.match(e.errors[0]?.message ?? '', /end 2 is before start 5/);
    assert.match(e.message, /not written, because the result would not validate/);
    return true;
  });
  assert.equal(fs.existsSync(file), false);
  // Offsets past the end of the source: refused too.
  const past: Sidecar = { ...bad, annotations: [{ ...manual('a1', 0, 3), end: 500 }] };
  await assert.rejects(saveSidecar(file, past, { previousText: undefined, sourceText: DOC }), SidecarRefused);
  assert.equal(fs.existsSync(file), false);
  assert.equal(fs.existsSync(lockFileName(file)), false, 'the lock is released after a refusal');

  const good: Sidecar = { ...bad, annotations: [manual('a1', 0, 10)] };
  const written = await saveSidecar(file, good, { previousText: undefined, sourceText: DOC });
  assert.equal(written.action, 'write');
  assert.equal(written.merged, false);
  assert.equal(read(file), written.text);
  const again = await saveSidecar(file, good, { previousText: written.text, sourceText: DOC });
  assert.equal(again.action, 'unchanged', 'unchanged: nothing written');
  assert.equal(again.text, written.text);
  assert.deepEqual(tempFiles(dir), []);
  assert.equal(fs.existsSync(lockFileName(file)), false);
});

test('saveSidecar merges a change made on disk since the file was read instead of losing it (or refusing)', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'doc.txt.annotations.yaml');
  const base: Sidecar = {
    marginalia: FORMAT_VERSION,
    source: { file: 'doc.txt' },
    annotations: [manual('a1', 0, 10), manual('a2', 11, 15)],
  };
  const first = await saveSidecar(file, base, { previousText: undefined, sourceText: DOC });
  // Someone else, meanwhile: a comment, a status changed, an annotation added.
  const theirs = first.text
    .replace('marginalia: 2\n', '# edited meanwhile\nmarginalia: 2\n')
    .replace(/(id: a2\n(?: {4}.*\n)*? {4}status: )open/, '$1disputed')
    .concat('  - id: t1\n    kind: claim\n    quote: "Critics"\n    start: 34\n    end: 41\n    origin: manual\n    status: open\n');
  assert.deepEqual(parseSidecar(theirs, file, DOC).errors, []);
  write(file, theirs);
  // Mine, made from what was read first: a note on a1, an annotation added.
  const mine: Sidecar = { ...base, annotations: [{ ...manual('a1', 0, 10), note: 'mine' }, manual('a2', 11, 15), manual('m1', 16, 22)] };
  const saved = await saveSidecar(file, mine, { previousText: first.text, sourceText: DOC });
  assert.equal(saved.action, 'write');
  assert.equal(saved.merged, true);
  assert.deepEqual(saved.conflicts, []);
  const text = read(file);
  assert.equal(text, saved.text);
  assert.ok(text.startsWith('# edited meanwhile\n'), 'the comment made on disk is kept');
  const now = parseSidecar(text, file, DOC);
  assert.deepEqual(now.errors, []);
  assert.deepEqual(
    now.sidecar?.annotations.map((a) => [a.id, a.status, a.note]),
    [
      ['a1', 'open', 'mine'],
      ['a2', 'disputed', undefined],
      ['m1', 'open', undefined],
      ['t1', 'open', undefined],
    ],
  );
  assert.deepEqual(tempFiles(dir), []);
});

test('saveSidecar refuses, and leaves the file alone, when the file changed on disk and does not validate', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'doc.txt.annotations.yaml');
  const base: Sidecar = { marginalia: FORMAT_VERSION, source: { file: 'doc.txt' }, annotations: [manual('a1', 0, 10)] };
  const first = await saveSidecar(file, base, { previousText: undefined, sourceText: DOC });
  const broken = first.text.replace('status: open', 'status: done');
  write(file, broken);
  await assert.rejects(
    saveSidecar(file, { ...base, annotations: [manual('a1', 0, 10, { note: 'x' })] }, { previousText: first.text, sourceText: DOC }),
    (e: unknown) => {
      assert.ok(e instanceof SidecarRefused);
      assert.match(e.message, /changed on disk and does not validate/);
      assert.equal(e.errors.length, 1);
      const [first] = e.errors;
      assert.ok(first);
      assert.equal(first.line, broken.split('\n').findIndex((l) => l.includes('status: done')) + 1);
      assert.match(first.message, /`status` must be one of/);
      return true;
    },
  );
  assert.equal(read(file), broken);
});

test('withSidecarLock: one holder at a time; a waiting writer goes on when the lock is released; a stale lock is removed', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'doc.txt.annotations.yaml');
  const lock = lockFileName(file);
  const order: string[] = [];
  let release: () => void = () => undefined;
  const held = withSidecarLock(file, async () => {
    order.push('first in');
    assert.ok(fs.existsSync(lock));
    assert.match(read(lock), /Marginalia is writing the sidecar beside this file \(marginalia CLI, process \d+, /);
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    order.push('first out');
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const second = withSidecarLock(file, () => {
    order.push('second');
    return Promise.resolve();
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual(order, ['first in'], 'the second waits while the first holds the lock');
  release();
  await Promise.all([held, second]);
  assert.deepEqual(order, ['first in', 'first out', 'second']);
  assert.equal(fs.existsSync(lock), false);

  // A lock left by a writer that died long ago: removed, and the write goes on at once.
  write(lock, 'left over\n');
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(lock, old, old);
  const t0 = Date.now();
  const saved = await saveSidecar(
    file,
    { marginalia: FORMAT_VERSION, source: { file: 'doc.txt' }, annotations: [] },
    { previousText: undefined, sourceText: DOC },
  );
  assert.equal(saved.action, 'write');
  assert.ok(Date.now() - t0 < 1000);
  assert.equal(fs.existsSync(lock), false);
  // The lock is released when the work throws.
  await assert.rejects(
    withSidecarLock(file, () => Promise.reject(new Error('boom'))),
    /boom/,
  );
  assert.equal(fs.existsSync(lock), false);
});

test('a stale lock found by several writers at once is removed once: never two holders, even on a slow file system', async () => {
  // Every removal takes a random moment, as on a busy or network disk. Removing the stale
  // lock without the lock-breaker, a writer would remove the lock another had just taken
  // in its place, and both would write: in every round.
  const fsp = fs.promises;
  const rm = fsp.rm.bind(fsp);
  fsp.rm = async (...args: Parameters<typeof fsp.rm>): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
    await rm(...args);
  };
  try {
    const dir = tempDir();
    let overlaps = 0;
    for (let round = 0; round < 8; round++) {
      const file = path.join(dir, `r${round}.txt.annotations.yaml`);
      const lock = lockFileName(file);
      write(lock, 'left over by a writer that died\n');
      const old = new Date(Date.now() - 60_000);
      fs.utimesSync(lock, old, old);
      let inside = 0;
      await Promise.all(
        Array.from({ length: 3 }, () =>
          withSidecarLock(file, async () => {
            inside++;
            if (inside > 1) overlaps++;
            await new Promise((resolve) => setTimeout(resolve, 12));
            inside--;
          }),
        ),
      );
      assert.equal(fs.existsSync(lock), false);
      assert.equal(fs.existsSync(`${lock}.break`), false);
    }
    assert.equal(overlaps, 0, 'two writers held the lock at once');
  } finally {
    fsp.rm = rm;
  }
});
