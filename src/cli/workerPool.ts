// A pool of worker threads running the CLI's per-document tasks (cliWorker.ts), so a
// corpus of many files is spread over every core. Workers start when there is work for
// them (a run over two files starts two, not one per core), each takes up to `depth`
// tasks at a time (the next file is read while the current one is detected), and the
// rest wait in order. A worker that dies fails the pool: every task waiting or running
// is rejected with the reason, and so is any task asked for afterwards.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The worker's script, beside the module that starts it: `dist/cliWorker.js` beside the
 * bundled `dist/cli.js` (esbuild.js builds both), `out/src/cli/cliWorker.js` beside this
 * module compiled by tsc (the unit tests).
 */
export function workerScript(): string {
  return path.join(__dirname, 'cliWorker.js');
}

/** What the pool posts to a worker. */
export interface WorkerRequest<Task> {
  id: number;
  task: Task;
}

/** What a worker posts back: the task's value, or its error's stack. */
export type WorkerResponse<Result> = { id: number; ok: true; value: Result } | { id: number; ok: false; error: string };

interface Job<Task, Result> {
  task: Task;
  resolve: (value: Result) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks posted to it and not yet answered. */
  busy: number;
}

export class WorkerPool<Task, Result> {
  private readonly slots: Slot[] = [];
  private readonly queue: Job<Task, Result>[] = [];
  private readonly running = new Map<number, Job<Task, Result> & { slot: Slot }>();
  private nextId = 1;
  private failure: Error | undefined;
  private closing = false;

  constructor(
    /** Workers at most. */
    private readonly size: number,
    /** Given to every worker as its workerData (structured-cloned). */
    private readonly workerData: unknown,
    private readonly script: string = workerScript(),
    /** Tasks one worker holds at a time. */
    private readonly depth = 2,
  ) {}

  /** Workers started so far. */
  get started(): number {
    return this.slots.length;
  }

  run(task: Task): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; tasks still running are abandoned. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    for (;;) {
      if (this.queue.length === 0) return;
      const slot = this.pick();
      if (slot === undefined) return;
      const job = this.queue.shift() as Job<Task, Result>;
      const id = this.nextId++;
      this.running.set(id, { ...job, slot });
      slot.busy++;
      const request: WorkerRequest<Task> = { id, task: job.task };
      slot.worker.postMessage(request);
    }
  }

  /** An idle worker; else a new one while there is room; else the least busy under `depth`. */
  private pick(): Slot | undefined {
    const idle = this.slots.find((s) => s.busy === 0);
    if (idle !== undefined) return idle;
    if (this.slots.length < this.size) return this.spawn();
    let best: Slot | undefined;
    for (const s of this.slots) if (s.busy < this.depth && (best === undefined || s.busy < best.busy)) best = s;
    return best;
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: this.workerData });
    const slot: Slot = { worker, busy: 0 };
    this.slots.push(slot);
    worker.on('message', (response: WorkerResponse<Result>) => {
      const job = this.running.get(response.id);
      if (job === undefined) return;
      this.running.delete(response.id);
      slot.busy--;
      if (response.ok) job.resolve(response.value);
      else job.reject(new Error(response.error));
      this.dispatch();
    });
    worker.on('error', (error) => {
      this.fail(new Error(`a worker thread failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    });
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`a worker thread exited with code ${code} before its work was done`));
    });
    return slot;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of this.running.values()) job.reject(this.failure);
    this.running.clear();
    for (const job of this.queue.splice(0)) job.reject(this.failure);
  }
}
