// How many documents the CLI works on at once (--jobs): by default one per core the
// process may use. 1 runs everything in the CLI's own thread, as before worker threads.
import { availableParallelism } from 'node:os';
import { UsageError } from './usage';

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export function parseJobs(value: string | undefined): number {
  if (value === undefined) return defaultJobs();
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--jobs takes a whole number, 1 or more; got '${value}'`);
  return n;
}
