// The progress line: only on a terminal (stderr a terminal, stdout not), a few times a
// second, cleared before a message and at the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { nodeIo } from '../../../src/cli/nodeIo';
import { Progress } from '../../../src/cli/progress';
import { run } from './fixtures/helpers';
import { manyFiles } from './fixtures/manyFiles';

test('the line says documents, MB and MB/s, at most five times a second, and is cleared at the end', () => {
  let now = 0;
  const shown: string[] = [];
  const progress = new Progress(
    (line) => shown.push(line),
    () => now,
  );
  for (let i = 0; i < 10; i++) {
    now += 50;
    progress.add(1_500_000);
  }
  assert.deepEqual(shown, [
    'marginalia: 1 document, 1.5 MB, 30.0 MB/s',
    'marginalia: 5 documents, 7.5 MB, 30.0 MB/s',
    'marginalia: 9 documents, 13.5 MB, 30.0 MB/s',
  ]);
  progress.done();
  assert.equal(shown.at(-1), '');
  assert.equal(progress.line(1000), 'marginalia: 10 documents, 15.0 MB, 15.0 MB/s');
});

function sink(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(stream, { isTTY, text: () => chunks.join('') });
}

test('a status line only when stderr is a terminal and stdout is not; a message clears it first', () => {
  for (const [errTTY, outTTY, expected] of [
    [true, false, true],
    [true, true, false],
    [false, false, false],
  ] as const) {
    const io = nodeIo({ stdin: new PassThrough(), stdout: sink(outTTY), stderr: sink(errTTY) });
    assert.equal(io.status !== undefined, expected, `stderr ${errTTY ? '' : 'not '}a terminal, stdout ${outTTY ? '' : 'not '}one`);
  }
  const stderr = sink(true);
  const io = nodeIo({ stdin: new PassThrough(), stdout: sink(false), stderr });
  io.status?.('marginalia: 3 documents');
  io.err('marginalia: a.txt: no such file or directory');
  io.err('next');
  assert.equal(stderr.text(), '\r\x1b[Kmarginalia: 3 documents\r\x1b[Kmarginalia: a.txt: no such file or directory\nnext\n');
});

test('without a terminal, a run prints no progress: stderr holds only its messages', async () => {
  const { dir } = manyFiles();
  const r = await run(['detect', '--jsonl', '--jobs', '2', dir]);
  assert.ok(r.err.every((l) => !l.includes('MB/s')));
});
