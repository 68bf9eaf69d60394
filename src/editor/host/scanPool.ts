// Scan Workspace's workers in the Node extension host: worker threads running
// dist/scanWorker.js (esbuild.js), one per core. The web-worker build replaces this module
// with scanPool.web.ts (Web Workers). Both answer through WorkerPool (workerPool.ts).

import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/types';
import { WorkerPool, type WorkerLike } from '../workerPool';

/** How many workers a scan can use here: one per core. */
export function availableThreads(): number {
  return os.availableParallelism();
}

/** A pool of `threads` workers matching controls with `catalog`; undefined when workers cannot start here. */
export function startScanPool(extensionUri: vscode.Uri, catalog: Catalog | undefined, threads: number): Promise<WorkerPool | undefined> {
  const script = `${extensionUri.fsPath}/dist/scanWorker.js`;
  const workers: WorkerLike[] = [];
  for (let i = 0; i < threads; i++) {
    const worker = new Worker(script);
    workers.push({
      post: (message) => {
        worker.postMessage(message);
      },
      onMessage: (listener) => worker.on('message', listener),
      onError: (listener) => worker.on('error', listener),
      terminate: () => void worker.terminate(),
    });
  }
  return Promise.resolve(new WorkerPool(workers, catalog));
}
