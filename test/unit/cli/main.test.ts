import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../../src/cli/main';
import { CliCommand, UsageError } from '../../../src/cli/usage';

function capture(): { io: { out: (t: string) => void; err: (t: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t) }, out, err };
}

const echo: CliCommand = {
  name: 'echo',
  summary: 'print its arguments',
  usage: 'Usage: marginalia echo WORD...',
  run: (args, io) => {
    if (args.includes('--bad')) return Promise.reject(new UsageError("unknown option '--bad'"));
    if (args.includes('--boom')) return Promise.reject(new Error('disk on fire'));
    io.out(args.join(' '));
    return Promise.resolve(0);
  },
};

test('--help lists every command with its summary and exits 0', async () => {
  const { io, out } = capture();
  assert.equal(await main(['--help'], [echo], io), 0);
  assert.match(out.join('\n'), /echo\s+print its arguments/);
});

test('no arguments prints the help', async () => {
  const { io, out } = capture();
  assert.equal(await main([], [echo], io), 0);
  assert.match(out.join('\n'), /Usage: marginalia COMMAND/);
});

test('an unknown command or option exits 2 with a one-line reason', async () => {
  for (const argv of [['frobnicate'], ['--frobnicate'], ['echo', '--bad']]) {
    const { io, err } = capture();
    assert.equal(await main(argv, [echo], io), 2, argv.join(' '));
    assert.equal(err.length, 1);
    assert.doesNotMatch(err[0] ?? '', /\n/);
    assert.match(err[0] ?? '', /^marginalia: unknown (command|option)/);
  }
});

test('a command failure exits 1 with its message, never a stack', async () => {
  const { io, err } = capture();
  assert.equal(await main(['echo', '--boom'], [echo], io), 1);
  assert.deepEqual(err, ['marginalia: disk on fire']);
});

test("COMMAND --help prints that command's usage", async () => {
  const { io, out } = capture();
  assert.equal(await main(['echo', '--help'], [echo], io), 0);
  assert.deepEqual(out, ['Usage: marginalia echo WORD...']);
});
