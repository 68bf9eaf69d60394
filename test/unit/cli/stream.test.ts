// `detect` reading its input as it goes: paths from --files-from (a file or standard
// input), one document on standard input (`-`), JSON Lines documents (`--jsonl -`). One
// JSON line per document, in input order (with worker threads too), memory flat however
// long the stream, and the sharding example of docs/cli.md run as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { COMMANDS } from '../../../src/cli/commands';
import { main } from '../../../src/cli/main';
import { REPOSITORY } from '../../eval/shared';
import { run, tempDir } from './fixtures/helpers';
import { documentTexts, manyFiles } from './fixtures/manyFiles';

const CLI = path.join(REPOSITORY, 'out', 'src', 'cli.js');

/** Standard input made of these chunks, produced as they are read. */
function stdin(chunks: Iterable<string>): Readable {
  return Readable.from(chunks, { objectMode: false });
}

/** The corpus's texts as JSON Lines documents. */
function jsonl(texts: readonly string[]): string[] {
  return texts.map((text, i) => `${JSON.stringify({ id: `doc-${i}`, text })}\n`);
}

test('--files-from (a file, or - for standard input) gives what the same files named as PATHs give, a line per path', async () => {
  const { dir } = manyFiles();
  const files = fs
    .readdirSync(path.join(dir, 'samples'))
    .map((n) => path.join(dir, 'samples', n))
    .sort();
  const byArgs = await run(['detect', '--jsonl', '--jobs', '1', ...files]);
  assert.equal(byArgs.status, 0);
  const list = path.join(tempDir(), 'list.txt');
  // CRLF line ends and blank lines are fine.
  fs.writeFileSync(list, `${files.join('\r\n')}\r\n\r\n`);
  for (const jobs of ['1', '3']) {
    assert.deepEqual(await run(['detect', '--jsonl', '--jobs', jobs, '--files-from', list]), byArgs, `--files-from FILE --jobs ${jobs}`);
    const piped = await run(['detect', '--jsonl', '--jobs', jobs, '--files-from', '-'], { stdin: stdin([files.join('\n')]) });
    assert.deepEqual(piped, byArgs, `--files-from - --jobs ${jobs}`);
  }
  // A listed directory is walked; a listed path that cannot be read gives its error line, in its place.
  const missing = path.join(dir, 'missing.txt');
  const mixed = await run(['detect', '--jsonl', '--jobs', '3', '--files-from', '-'], {
    stdin: stdin([`${files[0] ?? ''}\n${missing}\n${path.join(dir, 'news')}\n`]),
  });
  assert.equal(mixed.status, 1);
  const lines = mixed.out.split('\n').map((l) => JSON.parse(l) as { file: string; error?: string });
  assert.equal(lines[0]?.file, files[0]);
  assert.deepEqual(lines[1], { file: missing, error: 'no such file or directory' });
  assert.ok(lines.length > 5 && lines.slice(2).every((l) => l.file.startsWith(path.join(dir, 'news'))));
  assert.deepEqual(mixed.err, [`marginalia: ${missing}: no such file or directory`]);
});

test('--jsonl - reads JSON Lines documents: one result line each, in input order, the same with workers', async () => {
  const texts = documentTexts();
  const input = jsonl(texts);
  const one = await run(['detect', '--jsonl', '--jobs', '1', '-'], { stdin: stdin(input) });
  assert.equal(one.status, 0, one.err.join('\n'));
  const results = one.out
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; annotations: { text: string; start: number; end: number }[] });
  assert.deepEqual(
    results.map((r) => r.id),
    texts.map((_, i) => `doc-${i}`),
  );
  for (const [i, r] of results.entries()) {
    const codePoints = Array.from(texts[i] ?? '');
    for (const a of r.annotations) assert.equal(codePoints.slice(a.start, a.end).join(''), a.text);
  }
  // Chunks that cut lines (and characters) anywhere read the same.
  const whole = input.join('');
  const cut: string[] = [];
  for (let i = 0; i < whole.length; i += 997) cut.push(whole.slice(i, i + 997));
  for (const jobs of ['2', '3'])
    assert.deepEqual(await run(['detect', '--jsonl', '--jobs', jobs, '-'], { stdin: stdin(cut) }), one, `--jobs ${jobs}`);
  // A document is the same whether it comes as a file, as standard input or as a JSON line.
  const file = path.join(tempDir(), 'doc.txt');
  fs.writeFileSync(file, texts[0] ?? '');
  const asFile = JSON.parse((await run(['detect', '--jsonl', file])).out) as { annotations: unknown };
  const asStdin = JSON.parse(
    (await run(['detect', '--jsonl', '-'], { stdin: stdin([`{"id": 0, "text": ${JSON.stringify(texts[0])}}`]) })).out,
  ) as {
    annotations: unknown;
  };
  const piped = JSON.parse((await run(['detect', '--json', '-'], { stdin: stdin([texts[0] ?? '']) })).out) as {
    file: string;
    annotations: unknown;
  }[];
  assert.deepEqual(asStdin.annotations, asFile.annotations);
  assert.deepEqual(piped, [{ file: '-', annotations: asFile.annotations }]);
});

test('--jsonl -: ref_date per document, and a bad line gives an error line in its place, the others still done', async () => {
  const input = [
    '{"id": 1, "text": "We moved the data last month.", "ref_date": "2024-06-10"}\n',
    '\n',
    'not json\n',
    '{"id": "x", "text": 5}\n',
    '{"id": 2, "text": "We moved the data last month.", "ref_date": "2024-13-01"}\n',
    '{"text": "no id"}\n',
    '{"id": 3, "text": "We moved the data last month.", "extra": {"source": "kept out"}}',
  ];
  for (const jobs of ['1', '2']) {
    const r = await run(['detect', '--jsonl', '--kinds', 'date', '--ref-date', '2030-01-15', '--jobs', jobs, '-'], { stdin: stdin(input) });
    assert.equal(r.status, 1);
    const lines = r.out.split('\n').map((l) => JSON.parse(l) as { id?: unknown; error?: string; annotations?: { value?: string }[] });
    assert.equal(lines.length, 6, 'one line per document, blank lines skipped');
    assert.equal(lines[0]?.annotations?.[0]?.value, '2024-05', 'its own ref_date');
    assert.equal(lines[5]?.annotations?.[0]?.value, '2029-12', '--ref-date');
    assert.deepEqual(
      lines.slice(1, 5).map((l) => [l.id, typeof l.error]),
      [
        [undefined, 'string'],
        ['x', 'string'],
        [2, 'string'],
        [undefined, 'string'],
      ],
    );
    assert.deepEqual(
      r.err.map((l) => l.slice(0, l.indexOf(':', 'marginalia: stdin:'.length))),
      ['marginalia: stdin:3', 'marginalia: stdin:4', 'marginalia: stdin:5', 'marginalia: stdin:6'],
    );
  }
});

test('standard input: usage errors', async () => {
  for (const [argv, message] of [
    [['detect', '-', 'a.txt'], /goes alone/],
    [['detect', '--files-from', '-', '-'], /goes alone/],
    [['detect', '--write', '-'], /--write/],
    [['detect', '--json', '--jsonl', 'a.txt'], /choose one/],
    [['detect', '--files-from', '/no/such/list'], /--files-from \/no\/such\/list: no such file/],
  ] as const) {
    const r = await run([...argv], { stdin: stdin(['']) });
    assert.equal(r.status, 2, argv.join(' '));
    assert.match(r.err[0] ?? '', message);
  }
  const r = await run(['detect', '--jsonl', '-']);
  assert.equal(r.status, 2);
  assert.match(r.err[0] ?? '', /no standard input/);
});

test('memory stays flat over a long JSON Lines stream, with and without workers', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const base = documentTexts().join('\n\n').slice(0, 20_000);
  const count = 3_000; // 60 MB of documents
  for (const jobs of ['1', '2']) {
    let lines = 0;
    /** The heap after a collection: before the run, then every 500 documents printed. */
    const heap = (): number => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    let most = before;
    const input = Readable.from(
      (function* () {
        for (let i = 0; i < count; i++) yield `${JSON.stringify({ id: i, text: `${i} ${base}` })}\n`;
      })(),
    );
    const status = await main(['detect', '--jsonl', '--kinds', 'control', '--jobs', jobs, '-'], COMMANDS, {
      out: () => {
        if (++lines % 500 === 0) most = Math.max(most, heap());
      },
      err: (t) => assert.fail(t),
      stdin: input,
    });
    assert.equal(status, 0);
    assert.equal(lines, count);
    const grew = (most - before) / 1e6;
    const total = (count * base.length) / 1e6;
    assert.ok(grew < 20, `--jobs ${jobs}: the heap grew ${grew.toFixed(1)} MB over ${total.toFixed(0)} MB of documents`);
    if (process.env['MARGINALIA_SHOW_HEAP'])
      console.log(`--jobs ${jobs}: heap grew at most ${grew.toFixed(1)} MB over ${total.toFixed(0)} MB`);
  }
});

test(
  'the sharding example of docs/cli.md (split, xargs -P) gives what one process gives, byte for byte',
  { skip: process.platform === 'win32' ? 'needs sh, split and xargs' : false },
  () => {
    const doc = fs.readFileSync(path.join(REPOSITORY, 'docs', 'cli.md'), 'utf8');
    const block = /<!-- example: sharding -->\s*```sh\n([\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(block, 'docs/cli.md has the example');
    const dir = tempDir();
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    // `marginalia` as an installed CLI would be: here, the compiled one.
    fs.writeFileSync(path.join(bin, 'marginalia'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
    // Short documents, enough of them for three shards of 1,000 lines.
    const sentences = documentTexts()
      .join(' ')
      .split(/(?<=[.!?])\s+/)
      .filter((s) => s.length > 20);
    const input = Array.from({ length: 2_600 }, (_, i) =>
      JSON.stringify({ id: i, text: `${sentences[i % sentences.length] ?? ''} (${i})` }),
    );
    fs.writeFileSync(path.join(dir, 'corpus.jsonl'), `${input.join('\n')}\n`);
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}` };
    const sharded = spawnSync('sh', ['-e', '-c', block], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(sharded.status, 0, sharded.stderr);
    assert.ok(fs.readdirSync(dir).filter((n) => /^shard-[a-z]{4}$/.test(n)).length === 3, 'three shards');
    const one = execFileSync(process.execPath, [CLI, 'detect', '--jsonl', '-'], {
      input: fs.readFileSync(path.join(dir, 'corpus.jsonl')),
      maxBuffer: 1 << 28,
    });
    const results = fs.readFileSync(path.join(dir, 'results.jsonl'));
    assert.equal(results.toString('utf8').split('\n').length, input.length + 1);
    assert.ok(results.equals(one), 'results.jsonl is what one process prints');
  },
);

test('--jsonl -: a record that is not UTF-8 gets an error line in its place, the records before and after it are done', async () => {
  const good = (id: number): Buffer =>
    Buffer.from(`${JSON.stringify({ id, text: 'We will complete a SOC 2 Type II audit by March 2026.' })}\n`);
  // A record with a lone continuation byte, cut across chunks with the records around it.
  const bad = Buffer.concat([Buffer.from('{"id": 2, "text": "caf'), Buffer.from([0xe9, 0x80]), Buffer.from('"}\n')]);
  const all = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good(1), bad, good(3)]);
  const chunks = [all.subarray(0, 40), all.subarray(40, 75), all.subarray(75)];
  for (const jobs of ['1', '2']) {
    const r = await run(['detect', '--jsonl', '--jobs', jobs, '-'], { stdin: Readable.from(chunks, { objectMode: false }) });
    assert.equal(r.status, 1, 'a bad record is a problem');
    const lines = r.out.split('\n').map((l) => JSON.parse(l) as { id?: number; error?: string; annotations?: unknown[] });
    assert.deepEqual(
      lines.map((l) => [l.id, l.error]),
      [
        [1, undefined],
        [undefined, 'not valid UTF-8 text'],
        [3, undefined],
      ],
    );
    assert.ok((lines[0]?.annotations?.length ?? 0) > 0 && (lines[2]?.annotations?.length ?? 0) > 0, 'the good records were detected');
    assert.deepEqual(r.err, ['marginalia: stdin:2: not valid UTF-8 text']);
  }
});
