// The ordered, bounded concurrent map behind --jobs and the worker pool it feeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mapInOrder } from '../../../src/cli/inOrder';
import { WorkerPool } from '../../../src/cli/workerPool';
import { seededRandom } from '../../bench/article';
import { tempDir } from './fixtures/helpers';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

test('results come back in input order whatever order the tasks finish in, with at most `window` taken ahead', async () => {
  const random = seededRandom(3);
  let taken = 0;
  let handedBack = 0;
  let most = 0;
  async function* source(): AsyncGenerator<number> {
    for (let i = 0; i < 200; i++) {
      taken++;
      most = Math.max(most, taken - handedBack);
      if (i % 7 === 0) await sleep(1);
      yield i;
    }
  }
  const results: number[] = [];
  for await (const r of mapInOrder(source(), async (i) => (await sleep(Math.floor(random() * 6)), i * 2), { window: 8 })) {
    results.push(r);
    handedBack++;
  }
  assert.deepEqual(
    results,
    Array.from({ length: 200 }, (_, i) => i * 2),
  );
  assert.ok(most <= 8, `${most} taken ahead`);
  assert.ok(most >= 4, 'tasks do run side by side');
});

test('tasks with the same key never overlap and run in input order; others run beside them', async () => {
  const running = new Set<string>();
  const started: string[] = [];
  let overlapOfOthers = false;
  const items = ['a', 'b', 'a', 'c', 'a', 'b'].map((key, i) => ({ key, i }));
  const out = await collect(
    mapInOrder(
      items,
      async (item) => {
        assert.ok(!running.has(item.key), `${item.key} runs twice at once`);
        if (running.size > 0) overlapOfOthers = true;
        running.add(item.key);
        started.push(`${item.key}${item.i}`);
        await sleep(item.key === 'a' ? 15 : 2);
        running.delete(item.key);
        return item.i;
      },
      { window: 6, key: (item) => item.key },
    ),
  );
  assert.deepEqual(out, [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(
    started.filter((s) => s.startsWith('a')),
    ['a0', 'a2', 'a4'],
  );
  assert.ok(overlapOfOthers);
});

test('a failed task fails the stream when its turn comes; the results before it are handed back', async () => {
  const got: number[] = [];
  await assert.rejects(async () => {
    for await (const r of mapInOrder(
      [1, 2, 3, 4],
      async (i) => {
        await sleep(i === 3 ? 0 : 5);
        if (i === 3) throw new Error('document 3 broke');
        return i;
      },
      { window: 4 },
    ))
      got.push(r);
  }, /document 3 broke/);
  assert.deepEqual(got, [1, 2]);
});

test('stopping early returns the source', async () => {
  let closed = false;
  function* source(): Generator<number> {
    try {
      for (let i = 0; ; i++) yield i;
    } finally {
      closed = true;
    }
  }
  for await (const r of mapInOrder(source(), (i) => Promise.resolve(i), { window: 3 })) if (r === 5) break;
  assert.ok(closed);
});

test('the worker pool runs tasks in workers, starts no more than asked, and a crashed worker fails its tasks with the reason', async () => {
  const dir = tempDir();
  const script = path.join(dir, 'worker.js');
  fs.writeFileSync(
    script,
    `const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', ({ id, task }) => {
  if (task === 'crash') throw new Error('the worker fell over');
  if (task === 'fail') return parentPort.postMessage({ id, ok: false, error: 'Error: this task failed' });
  parentPort.postMessage({ id, ok: true, value: { task, threadId } });
});`,
  );
  const pool = new WorkerPool<string, { task: string; threadId: number }>(2, {}, script);
  try {
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((t) => pool.run(t)));
    assert.deepEqual(
      results.map((r) => r.task),
      ['a', 'b', 'c', 'd', 'e'],
    );
    assert.ok(results.every((r) => r.threadId > 0));
    assert.equal(pool.started, 2);
    await assert.rejects(pool.run('fail'), /this task failed/);
    await assert.rejects(pool.run('crash'), /a worker thread failed: .*the worker fell over/s);
    await assert.rejects(pool.run('a'), /the worker fell over/);
  } finally {
    await pool.close();
  }
});
