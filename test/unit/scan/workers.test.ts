// Scan Workspace's workers give what scanning in one thread gives: the worker script (as
// compiled by tsc, the same source esbuild bundles into dist/scanWorker.js) run in Node
// worker threads through the extension's WorkerPool, against core's scanText in this
// thread, on generated articles, real documents, sidecars with decisions and broken ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { builtinCatalog } from '../../../src/core/catalog/builtin';
import { scanText, type ScanInput } from '../../../src/core/scan/scanText';
import { WorkerPool, type WorkerLike } from '../../../src/editor/workerPool';
import { generateArticleText } from '../../bench/article';
import { realTexts } from '../text/edits';

function nodeWorkers(n: number): WorkerLike[] {
  const script = path.join(__dirname, '..', '..', '..', 'src', 'worker', 'scanWorker.js');
  return Array.from({ length: n }, () => {
    const worker = new Worker(script);
    return {
      post: (message) => {
        worker.postMessage(message);
      },
      onMessage: (listener) => worker.on('message', listener),
      onError: (listener) => worker.on('error', listener),
      terminate: () => void worker.terminate(),
    };
  });
}

const input = (text: string, yaml?: string): ScanInput => ({
  text,
  yaml,
  sidecarName: 'doc.txt.annotations.yaml',
  sourceName: 'doc.txt',
  kinds: ['claim', 'date', 'control'],
  claimSensitivity: 'medium',
});

test('documents scanned in worker threads come back as scanning them here gives', async () => {
  const here = scanText(input('We hold ISO 27001 and will complete SOC 2 by June 2026.\n'));
  assert.ok(!('invalid' in here) && here.added > 0);
  // A person's decision in the sidecar is kept, and what it covers not suggested again.
  const decided = 'marginalia: 1\nsource:\n  file: doc.txt\nannotations: []\n';
  const inputs = [
    ...realTexts()
      .slice(0, 6)
      .map((t) => input(t)),
    input(generateArticleText(80_000, 4)),
    input('We hold ISO 27001 and will complete SOC 2 by June 2026.\n', decided),
    input('Nothing here.\n', 'marginalia: [broken\n'),
    input(''),
  ];
  // With the workspace catalog handed over as data (compiled again in each worker) and without.
  for (const catalog of [undefined, builtinCatalog()]) {
    const pool = new WorkerPool(nodeWorkers(2), catalog);
    try {
      const results = await Promise.all(inputs.map((i) => pool.scan(i)));
      assert.deepEqual(
        results,
        inputs.map((i) => scanText(i)),
      );
    } finally {
      pool.dispose();
    }
  }
});

test("a worker that throws fails that document only, with the worker's error", async () => {
  const pool = new WorkerPool(nodeWorkers(1), undefined);
  try {
    const bad = { ...input('text'), text: 42 } as unknown as ScanInput;
    await assert.rejects(pool.scan(bad), /scan worker: .*TypeError/s);
    const good = await pool.scan(input('We hold ISO 27001.\n'));
    assert.deepEqual(good, scanText(input('We hold ISO 27001.\n')));
  } finally {
    pool.dispose();
  }
});

test('the workspace entities go with each document to the workers: the stored claims name them alike', async () => {
  const text = 'Quokka Money said its systems were restored. The company said it will complete a SOC 2 Type II audit by June 2026.\n';
  const withEntities: ScanInput = {
    ...input(text),
    entities: [{ id: 'quokka', name: 'Quokka Money Pty Ltd', type: 'organisation', aliases: ['Quokka Money'] }],
  };
  const here = scanText(withEntities);
  assert.ok(!('invalid' in here) && here.write?.action === 'write');
  assert.match(here.write.text, /speaker: the company\n {4}entity: Quokka Money Pty Ltd\n/);
  const pool = new WorkerPool(nodeWorkers(1), undefined);
  try {
    assert.deepEqual(await pool.scan(withEntities), here);
  } finally {
    pool.dispose();
  }
});
