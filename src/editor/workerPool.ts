// Hands documents to Scan Workspace's workers (host/scanPool.ts makes them: worker threads
// or Web Workers) and gives each caller its answer: a document goes to a worker with
// nothing to do, or waits for one. A worker that fails fails the documents it had.

import type { Catalog } from '../core/catalog/types';
import type { ScanInput, ScanTextResult } from '../core/scan/scanText';
import type { FromWorker, ToWorker } from '../worker/protocol';

/** What the pool needs of a worker, whichever kind it is. */
export interface WorkerLike<In = ToWorker, Out = FromWorker> {
  post(message: In): void;
  onMessage(listener: (message: Out) => void): void;
  onError(listener: (error: Error) => void): void;
  terminate(): void;
}

interface Job {
  id: number;
  input: ScanInput;
  resolve: (result: ScanTextResult) => void;
  reject: (error: Error) => void;
}

export class WorkerPool {
  private readonly idle: WorkerLike[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<WorkerLike, Job>();
  private nextId = 0;

  constructor(
    private readonly workers: readonly WorkerLike[],
    catalog: Catalog | undefined,
  ) {
    for (const worker of workers) {
      worker.post({ type: 'setup', catalog });
      worker.onMessage((message) => {
        const job = this.running.get(worker);
        if (job?.id !== message.id) return;
        this.running.delete(worker);
        if ('error' in message) job.reject(new Error(`scan worker: ${message.error}`));
        else job.resolve(message.result);
        this.idle.push(worker);
        this.next();
      });
      worker.onError((error) => {
        const job = this.running.get(worker);
        this.running.delete(worker);
        job?.reject(error);
      });
      this.idle.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  scan(input: ScanInput): Promise<ScanTextResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as WorkerLike;
      const job = this.queue.shift() as Job;
      this.running.set(worker, job);
      worker.post({ type: 'scan', id: job.id, input: job.input });
    }
  }

  dispose(): void {
    for (const worker of this.workers) worker.terminate();
    const stopped = new Error('the scan stopped');
    for (const job of [...this.queue, ...this.running.values()]) job.reject(stopped);
    this.queue.length = 0;
    this.running.clear();
  }
}
