// Scan Workspace's workers in the web-worker extension host (vscode.dev): Web Workers
// running dist/web/scanWorker.js, started from its text (the extension's files are read
// through workspace.fs, which knows where they are served from). Replaces scanPool.ts in
// the browser bundle (esbuild.js). Where a Web Worker cannot start, the scan runs in the
// extension host itself.

import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/types';
import type { FromWorker } from '../../worker/protocol';
import { WorkerPool, type WorkerLike } from '../workerPool';

interface WebWorker {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: FromWorker }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

interface WebWorkerScope {
  Worker?: new (url: string) => WebWorker;
  Blob: new (parts: unknown[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string; revokeObjectURL(url: string): void };
  navigator?: { hardwareConcurrency?: number };
}

const scope = globalThis as unknown as WebWorkerScope;

export function availableThreads(): number {
  return scope.navigator?.hardwareConcurrency ?? 1;
}

export async function startScanPool(
  extensionUri: vscode.Uri,
  catalog: Catalog | undefined,
  threads: number,
): Promise<WorkerPool | undefined> {
  const WorkerClass = scope.Worker;
  if (WorkerClass === undefined) return undefined;
  const source = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'scanWorker.js'));
  const url = scope.URL.createObjectURL(new scope.Blob([source], { type: 'text/javascript' }));
  const workers: WorkerLike[] = [];
  try {
    for (let i = 0; i < threads; i++) {
      const worker = new WorkerClass(url);
      workers.push({
        post: (message) => {
          worker.postMessage(message);
        },
        onMessage: (listener) => {
          worker.addEventListener('message', (event) => {
            listener(event.data);
          });
        },
        onError: (listener) => {
          worker.addEventListener('error', (event) => {
            listener(new Error(`scan worker failed: ${event.message ?? 'unknown error'}`));
          });
        },
        terminate: () => {
          worker.terminate();
        },
      });
    }
  } catch (error) {
    for (const w of workers) w.terminate();
    throw error;
  } finally {
    // A worker has fetched its script once started.
    setTimeout(() => {
      scope.URL.revokeObjectURL(url);
    }, 60_000);
  }
  return new WorkerPool(workers, catalog);
}
