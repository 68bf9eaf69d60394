import { COMMANDS } from './cli/commands';
import { main } from './cli/main';
import { nodeIo } from './cli/nodeIo';

// A reader that stops early (`| head`) closes the pipe: stop quietly, as `cat` does.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2), COMMANDS, nodeIo({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`marginalia: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
