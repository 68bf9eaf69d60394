// A Scan Workspace worker: a Node worker thread in the Node extension host, a Web Worker
// in the web-worker host (the same source, bundled twice by esbuild.js; host/port.ts has
// the one difference). It runs core's scanText on the documents it is sent, one at a
// time, and answers each with its result or the error it threw.

import type { ControlMatcher } from '../core/detect/controls';
import { matcherFor, scanText } from '../core/scan/scanText';
import { parentPort } from './host/port';
import type { FromWorker, ToWorker } from './protocol';

let matcher: ControlMatcher | undefined;

parentPort((message: ToWorker, reply: (answer: FromWorker) => void) => {
  if (message.type === 'setup') {
    matcher = matcherFor(message.catalog);
    return;
  }
  try {
    reply({ id: message.id, result: scanText(message.input, matcher) });
  } catch (error) {
    reply({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
