// The PDF worker in the web-worker extension host (vscode.dev): a Web Worker running
// dist/web/sourceWorker.js, started from its text (read through workspace.fs, which knows
// where the extension is served from). Replaces sourceWorker.ts in the browser bundle.
import * as vscode from 'vscode';
import type { SourceAnswer, SourceRequest } from '../../worker/sourceProtocol';
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
}

const scope = globalThis as unknown as WebWorkerScope;

/** Undefined where a Web Worker cannot start. */
export async function startSourceWorker(extensionUri: vscode.Uri): Promise<WorkerLike<SourceRequest, SourceAnswer> | undefined> {
  const WorkerClass = scope.Worker;
  if (WorkerClass === undefined) return undefined;
  const source = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'sourceWorker.js'));
  const url = scope.URL.createObjectURL(new scope.Blob([source], { type: 'text/javascript' }));
  try {
    const worker = new WorkerClass(url);
    return {
      post: (message) => {
        worker.postMessage(message);
      },
      onMessage: (listener) => {
        worker.addEventListener('message', (event) => {
          listener(event.data as SourceAnswer);
        });
      },
      onError: (listener) => {
        worker.addEventListener('error', (event) => {
          listener(new Error(`PDF worker failed: ${event.message ?? 'unknown error'}`));
        });
      },
      terminate: () => {
        worker.terminate();
      },
    };
  } finally {
    // A worker has fetched its script once started.
    setTimeout(() => {
      scope.URL.revokeObjectURL(url);
    }, 60_000);
  }
}
