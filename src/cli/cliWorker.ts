// The entry of the CLI's worker threads (bundled as dist/cliWorker.js beside dist/cli.js):
// runs the tasks the command posts (tasks.ts), one message each, and posts back each
// outcome or the error's stack. It prints nothing: the command prints every outcome, in
// input order.
import { parentPort, workerData } from 'node:worker_threads';
import { runCliTask, workerMatchers, type CliTask, type CliTaskResult, type WorkerInit } from './tasks';
import type { WorkerRequest, WorkerResponse } from './workerPool';

const port = parentPort;
if (port === null) throw new Error('cliWorker.js is a worker thread of the Marginalia CLI, not a program to run');
const matchers = workerMatchers(workerData as WorkerInit);

port.on('message', (request: WorkerRequest<CliTask>) => {
  runCliTask(request.task, matchers).then(
    (value) => {
      const response: WorkerResponse<CliTaskResult> = { id: request.id, ok: true, value };
      port.postMessage(response);
    },
    (error: unknown) => {
      const response: WorkerResponse<CliTaskResult> = {
        id: request.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
      port.postMessage(response);
    },
  );
});
