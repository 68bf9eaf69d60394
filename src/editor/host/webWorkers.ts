// Web Workers in the web-worker extension host (vscode.dev): started from a bundle's text
// (the extension's files are read through workspace.fs, which knows where they are served
// from) and wrapped as a WorkerLike. Used by the .web.ts twins of scanPool and sourceWorker.
import * as vscode from 'vscode';
import type { WorkerLike } from '../workerPool';

interface WebWorker {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
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

/** How many cores the browser says it has. */
export function hardwareConcurrency(): number {
  return scope.navigator?.hardwareConcurrency ?? 1;
}

/**
 * Starts `count` Web Workers running `dist/web/SCRIPT`; undefined where Web Workers cannot
 * start. `label` names them in an error ("scan worker failed: …").
 */
export async function startWebWorkers<In, Out>(
  extensionUri: vscode.Uri,
  script: string,
  count: number,
  label: string,
): Promise<WorkerLike<In, Out>[] | undefined> {
  const WorkerClass = scope.Worker;
  if (WorkerClass === undefined) return undefined;
  const source = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'web', script));
  const url = scope.URL.createObjectURL(new scope.Blob([source], { type: 'text/javascript' }));
  const workers: WorkerLike<In, Out>[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const worker = new WorkerClass(url);
      workers.push({
        post: (message) => {
          worker.postMessage(message);
        },
        onMessage: (listener) => {
          worker.addEventListener('message', (event) => {
            listener(event.data as Out);
          });
        },
        onError: (listener) => {
          worker.addEventListener('error', (event) => {
            listener(new Error(`${label} failed: ${event.message ?? 'unknown error'}`));
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
  return workers;
}
