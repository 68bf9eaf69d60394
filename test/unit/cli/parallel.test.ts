// `detect` and `export` spread over worker threads (--jobs N) print what one process
// prints, byte for byte and in the same order, on a corpus of many files: the shared
// corpus, the samples, generated articles, and files that are skipped or reported. With
// --write, the sidecars written are the same bytes, and two spellings of one file never
// write its sidecar at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { needsShared } from '../../eval/shared';
import { run, tempDir, type RunResult } from './fixtures/helpers';
import { manyFiles } from './fixtures/manyFiles';

/** Every file below `dir`, by relative path, with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), fs.readFileSync(full).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

function same(a: RunResult, b: RunResult, what: string): void {
  assert.equal(b.status, a.status, `${what}: exit status`);
  assert.equal(b.out, a.out, `${what}: standard output`);
  assert.deepEqual(b.err, a.err, `${what}: standard error`);
}

test('the corpus for these tests includes the shared corpus', needsShared('corpus', 'the shared corpus among the files compared'), () => {
  assert.ok(manyFiles().shared);
});

test('detect over many files: --jobs 2 and 3 print what --jobs 1 prints, byte for byte (table, --json, --jsonl)', async () => {
  const { dir, documents, shared } = manyFiles();
  // Three of them are the shared corpus's, when ../shared is there.
  assert.ok(documents >= (shared ? 45 : 42), `${documents} documents`);
  for (const output of [
    [],
    ['--json'],
    ['--jsonl'],
    ['--json', '--kinds', 'date', '--ref-date', '2030-01-01', '--claim-sensitivity', 'low'],
  ]) {
    const one = await run(['detect', ...output, '--jobs', '1', dir]);
    // Not UTF-8: reported, exit 1, the others still processed.
    assert.equal(one.status, 1);
    assert.ok(one.err.some((l) => l.includes('broken.txt: not valid UTF-8 text')));
    assert.ok(one.err.some((l) => /summary\.md: skipped, a Marginalia export \(markdown\)/.test(l)) || output.length === 0);
    for (const jobs of ['2', '3']) same(one, await run(['detect', ...output, '--jobs', jobs, dir]), `${output.join(' ')} --jobs ${jobs}`);
  }
});

test('--json over many files is the JSON array one process printed whole, element by element', async () => {
  const { dir, documents } = manyFiles();
  const r = await run(['detect', '--json', '--jobs', '3', dir]);
  const parsed = JSON.parse(r.out) as { file: string }[];
  assert.equal(parsed.length, documents);
  assert.equal(r.out, JSON.stringify(parsed, null, 2));
  // Nothing to detect in: an empty array, as before.
  const empty = tempDir();
  assert.equal((await run(['detect', '--json', '--jobs', '3', empty])).out, '[]');
});

test('detect --catalog with workers: the merged catalog reaches every worker, its errors are reported once', async () => {
  const { dir } = manyFiles();
  const catalog = path.join(tempDir(), 'controls.yaml');
  fs.writeFileSync(
    catalog,
    [
      'entries:',
      '  - id: acme-baseline',
      '    title: ACME Baseline',
      '    aliases: [Quarterly reviews]',
      'patterns:',
      '  - id: bad',
      "    regex: '(a+)+$'",
      '',
    ].join('\n'),
  );
  const one = await run(['detect', '--jsonl', '--kinds', 'control', '--catalog', catalog, '--jobs', '1', dir]);
  assert.ok(one.out.includes('"id":"acme-baseline"'), 'the user catalog is used');
  assert.equal(one.err.filter((l) => l.startsWith(`marginalia: ${catalog}:`)).length, 1);
  same(one, await run(['detect', '--jsonl', '--kinds', 'control', '--catalog', catalog, '--jobs', '3', dir]), '--catalog --jobs 3');
});

test('detect --write with workers writes the same sidecars and says the same, run after run; a file named twice is written once at a time', async () => {
  const a = manyFiles();
  const b = manyFiles();
  const normal = (r: RunResult, dir: string): RunResult => ({
    status: r.status,
    out: r.out.split(dir).join('DIR'),
    err: r.err.map((l) => l.split(dir).join('DIR')),
  });
  // The same file three times (the walk, a relative spelling, a spelling through '..'),
  // and an invalid sidecar, which is reported and left as it is.
  const args = (dir: string, jobs: string): string[] => [
    'detect',
    '--write',
    '--jobs',
    jobs,
    dir,
    `${dir}${path.sep}.${path.sep}statement.txt`,
    `${dir}${path.sep}news${path.sep}..${path.sep}statement.txt`,
  ];
  for (const { dir } of [a, b])
    fs.writeFileSync(path.join(dir, 'samples', 'tricky-cases.txt.annotations.yaml'), 'marginalia: 2\nannotations: [\n');
  for (let pass = 1; pass <= 2; pass++) {
    const one = normal(await run(args(a.dir, '1')), a.dir);
    const three = normal(await run(args(b.dir, '3')), b.dir);
    same(one, three, `pass ${pass}`);
    assert.equal(one.status, 1, 'the invalid sidecar is reported');
    assert.deepEqual(snapshot(b.dir), snapshot(a.dir), `pass ${pass}: the files, sidecars included`);
  }
  const written = [...snapshot(a.dir).keys()].filter((f) => f.endsWith('.annotations.yaml'));
  assert.ok(written.length >= 40, `${written.length} sidecars`);
  assert.ok(![...snapshot(a.dir).keys()].some((f) => f.endsWith('.lock') || /\.tmp-/.test(f)), 'no lock or temporary file left');
});

test('export over many sidecars: --jobs 3 exports what --jobs 1 exports, byte for byte, in every format', async () => {
  const { dir } = manyFiles();
  assert.equal((await run(['detect', '--write', '--jobs', '3', dir])).status, 1);
  // The export's time is the only thing that may differ.
  const timeless = (r: RunResult): RunResult => ({ ...r, out: r.out.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, 'TIME') });
  for (const format of ['csv', 'json', 'markdown']) {
    const args = ['export', '--format', format, '--include-suggestions', dir];
    const one = timeless(await run([...args, '--jobs', '1']));
    assert.equal(one.status, 0, one.err.join('\n'));
    assert.ok(one.out.length > 10_000);
    same(one, timeless(await run([...args, '--jobs', '3'])), `export ${format}`);
  }
  // W3C to standard output; brat (a folder) and REFI-QDA (a zip) written with --out: the
  // same files, the same bytes but for the time of the export.
  const w3c = ['export', '--format', 'w3c', '--include-suggestions', dir];
  same(timeless(await run([...w3c, '--jobs', '1'])), timeless(await run([...w3c, '--jobs', '3'])), 'export w3c');
  const out = tempDir();
  for (const jobs of ['1', '3']) {
    for (const [format, name] of [
      ['brat', `brat-${jobs}`],
      ['refi-qda', `project-${jobs}.qdpx`],
    ] as const) {
      const r = await run(['export', '--format', format, '--include-suggestions', '--out', path.join(out, name), '--jobs', jobs, dir]);
      assert.equal(r.status, 0, r.err.join('\n'));
    }
  }
  assert.deepEqual(snapshot(path.join(out, 'brat-3')), snapshot(path.join(out, 'brat-1')), 'export brat');
  const entries = (file: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries(unzipSync(fs.readFileSync(path.join(out, file)))).map(([name, bytes]) => [
        name,
        Buffer.from(bytes)
          .toString('utf8')
          .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, 'TIME'),
      ]),
    );
  const qdpx = entries('project-1.qdpx');
  assert.ok(Object.keys(qdpx).length >= 2, 'a project and its sources');
  assert.deepEqual(entries('project-3.qdpx'), qdpx, 'export refi-qda');
});

test('--jobs takes a whole number of 1 or more', async () => {
  for (const bad of ['0', 'two', '1.5', '-1']) {
    const r = await run(['detect', `--jobs=${bad}`, '.']);
    assert.equal(r.status, 2, bad);
    assert.match(r.err[0] ?? '', /--jobs takes a whole number/);
  }
});
