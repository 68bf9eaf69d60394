// The PDF worker in the Node extension host: a worker thread running dist/sourceWorker.js
// (esbuild.js). The web-worker build replaces this module with sourceWorker.web.ts.
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { SourceAnswer, SourceRequest } from '../../worker/sourceProtocol';
import type { WorkerLike } from '../workerPool';

export function startSourceWorker(extensionUri: vscode.Uri): Promise<WorkerLike<SourceRequest, SourceAnswer> | undefined> {
  const worker = new Worker(`${extensionUri.fsPath}/dist/sourceWorker.js`);
  return Promise.resolve({
    post: (message) => {
      worker.postMessage(message);
    },
    onMessage: (listener) => worker.on('message', listener),
    onError: (listener) => worker.on('error', listener),
    terminate: () => void worker.terminate(),
  });
}
