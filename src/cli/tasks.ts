// The work the CLI hands to worker threads, one task per document: `detect` for
// `marginalia detect`, `export-read` for the reading half of `marginalia export`. The
// same functions run in the CLI's own thread with --jobs 1, so a task's outcome, and
// what is printed from it, is the same either way.
import type { Catalog } from '../core/catalog/types';
import {
  detectDocument,
  matcherSource,
  type DetectInput,
  type DetectOutcome,
  type DetectSettings,
  type MatcherSource,
} from './detectDocument';
import { readForExport, type ExportReadOutcome } from './exportRead';
import { WorkerPool } from './workerPool';

export type CliTask = { kind: 'detect'; settings: DetectSettings; input: DetectInput } | { kind: 'export-read'; file: string };

export type CliTaskResult = DetectOutcome | ExportReadOutcome;

/** What every worker is started with. */
export interface WorkerInit {
  /** The built-in catalog merged with --catalog; absent: the built-in one. */
  catalog?: Catalog;
}

export type CliPool = WorkerPool<CliTask, CliTaskResult>;

export function startPool(size: number, init: WorkerInit): CliPool {
  return new WorkerPool<CliTask, CliTaskResult>(size, init);
}

/** The matchers a worker detects with, from its init. */
export function workerMatchers(init: WorkerInit): MatcherSource {
  return matcherSource(init.catalog);
}

export function runCliTask(task: CliTask, matchers: MatcherSource): Promise<CliTaskResult> {
  switch (task.kind) {
    case 'detect':
      return detectDocument(task.settings, task.input, matchers);
    case 'export-read':
      return readForExport(task.file);
  }
}

/** A detect task in the pool when there is one, else in this thread. */
export function runDetect(
  pool: CliPool | undefined,
  matchers: MatcherSource,
  settings: DetectSettings,
  input: DetectInput,
): Promise<DetectOutcome> {
  if (pool === undefined) return detectDocument(settings, input, matchers);
  // The pool answers a detect task with a detect outcome (cliWorker.ts runs runCliTask).
  return pool.run({ kind: 'detect', settings, input }) as Promise<DetectOutcome>;
}

/** An export-read task in the pool when there is one, else in this thread. */
export function runExportRead(pool: CliPool | undefined, file: string): Promise<ExportReadOutcome> {
  if (pool === undefined) return readForExport(file);
  return pool.run({ kind: 'export-read', file }) as Promise<ExportReadOutcome>;
}
