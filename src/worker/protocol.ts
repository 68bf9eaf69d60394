// Messages between Scan Workspace (src/editor/scanWorkspace.ts) and its workers
// (scanWorker.ts): plain data, copied by structured clone.

import type { Catalog } from '../core/catalog/types';
import type { ScanInput, ScanTextResult } from '../core/scan/scanText';

/** The first message to a worker: the catalog to match controls with (undefined: the built-in one). */
export interface WorkerSetup {
  type: 'setup';
  catalog: Catalog | undefined;
}

export interface ScanRequest {
  type: 'scan';
  id: number;
  input: ScanInput;
}

export type ToWorker = WorkerSetup | ScanRequest;

export type FromWorker = { id: number; result: ScanTextResult } | { id: number; error: string };
