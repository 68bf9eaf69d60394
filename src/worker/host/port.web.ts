// The worker's side of its channel in a Web Worker (the web-worker extension host):
// replaces port.ts in the browser bundle (esbuild.js).

import type { FromWorker, ToWorker } from '../protocol';

interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

/** `In` and `Out` are the channel's messages (the scan's by default): each side's protocol names them. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- they type the caller's handler, as a protocol
export function parentPort<In = ToWorker, Out = FromWorker>(handle: (message: In, reply: (answer: Out) => void) => void): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.onmessage = (event) => {
    handle(event.data as In, (answer) => {
      scope.postMessage(answer);
    });
  };
}
