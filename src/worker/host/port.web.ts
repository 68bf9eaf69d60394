// The worker's side of its channel in a Web Worker (the web-worker extension host):
// replaces port.ts in the browser bundle (esbuild.js).

import type { FromWorker, ToWorker } from '../protocol';

interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

export function parentPort(handle: (message: ToWorker, reply: (answer: FromWorker) => void) => void): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.onmessage = (event) => {
    handle(event.data, (answer) => {
      scope.postMessage(answer);
    });
  };
}
