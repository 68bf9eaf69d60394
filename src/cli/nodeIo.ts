// The CLI's input and output in a Node process: lines to standard output and error,
// standard input, waiting for a slow reader of standard output, and a status line (the
// progress of a long run) when standard error is a terminal and standard output is not.
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type { CliIo } from './usage';

/** Erases the terminal line the cursor is on and returns to its start. */
const CLEAR_LINE = '\r\x1b[K';

export interface NodeStreams {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
}

export function nodeIo(streams: NodeStreams): CliIo {
  const { stdout, stderr } = streams;
  const terminal = stderr.isTTY === true && stdout.isTTY !== true;
  /** Whether a status line is on the screen, to be cleared before a message takes its place. */
  let statusShown = false;
  return {
    out: (text) => {
      stdout.write(`${text}\n`);
    },
    err: (text) => {
      stderr.write(`${statusShown ? CLEAR_LINE : ''}${text}\n`);
      statusShown = false;
    },
    stdin: streams.stdin,
    // A pipe to a slow reader (not on Linux, where pipes are written synchronously) buffers
    // what is written; waiting here keeps a stream's memory bounded.
    drain: () => (stdout.writableNeedDrain ? once(stdout, 'drain').then(() => undefined) : Promise.resolve()),
    ...(terminal
      ? {
          status: (line: string) => {
            stderr.write(`${CLEAR_LINE}${line}`);
            statusShown = line !== '';
          },
        }
      : {}),
  };
}
