// The PDF and web page worker in the web-worker extension host (vscode.dev): a Web Worker
// running dist/web/sourceWorker.js. Replaces sourceWorker.ts in the browser bundle.
import type * as vscode from 'vscode';
import type { SourceAnswer, SourceRequest } from '../../worker/sourceProtocol';
import type { WorkerLike } from '../workerPool';
import { startWebWorkers } from './webWorkers';

/** Undefined where a Web Worker cannot start. */
export async function startSourceWorker(extensionUri: vscode.Uri): Promise<WorkerLike<SourceRequest, SourceAnswer> | undefined> {
  const [worker] = (await startWebWorkers<SourceRequest, SourceAnswer>(extensionUri, 'sourceWorker.js', 1, 'source worker')) ?? [];
  return worker;
}
