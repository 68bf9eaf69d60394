// Scan Workspace's workers in the web-worker extension host (vscode.dev): Web Workers
// running dist/web/scanWorker.js, started from its text (the extension's files are read
// through workspace.fs, which knows where they are served from). Replaces scanPool.ts in
// the browser bundle (esbuild.js). Where a Web Worker cannot start, the scan runs in the
// extension host itself.

import type * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/types';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { WorkerPool } from '../workerPool';
import { hardwareConcurrency, startWebWorkers } from './webWorkers';

export function availableThreads(): number {
  return hardwareConcurrency();
}

export async function startScanPool(
  extensionUri: vscode.Uri,
  catalog: Catalog | undefined,
  threads: number,
): Promise<WorkerPool | undefined> {
  const workers = await startWebWorkers<ToWorker, FromWorker>(extensionUri, 'scanWorker.js', threads, 'scan worker');
  return workers === undefined ? undefined : new WorkerPool(workers, catalog);
}
