// The worker's side of its channel in a Node worker thread (the Node extension host).
// The web-worker build replaces this module with port.web.ts (esbuild.js).

import { parentPort as port } from 'node:worker_threads';
import type { FromWorker, ToWorker } from '../protocol';

/** `In` and `Out` are the channel's messages (the scan's by default): each side's protocol names them. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- they type the caller's handler, as a protocol
export function parentPort<In = ToWorker, Out = FromWorker>(handle: (message: In, reply: (answer: Out) => void) => void): void {
  if (port === null) throw new Error('Marginalia’s workers run only as worker threads');
  const channel = port;
  channel.on('message', (message: In) => {
    handle(message, (answer) => {
      channel.postMessage(answer);
    });
  });
}
