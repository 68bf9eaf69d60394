// The worker's side of its channel in a Node worker thread (the Node extension host).
// The web-worker build replaces this module with port.web.ts (esbuild.js).

import { parentPort as port } from 'node:worker_threads';
import type { FromWorker, ToWorker } from '../protocol';

export function parentPort(handle: (message: ToWorker, reply: (answer: FromWorker) => void) => void): void {
  if (port === null) throw new Error('scanWorker.js runs only as a worker thread');
  const channel = port;
  channel.on('message', (message: ToWorker) => {
    handle(message, (answer) => {
      channel.postMessage(answer);
    });
  });
}
