import { CliCommand, CliIo, UsageError } from './usage';

declare const MARGINALIA_VERSION: string | undefined;

export function version(): string {
  return typeof MARGINALIA_VERSION === 'string' ? MARGINALIA_VERSION : '0.0.0-dev';
}

export function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Marginalia: tag claims, dates and named controls in documents; keep and export the annotations.',
    '',
    'Usage: marginalia COMMAND [options] [PATH...]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    "  -h, --help     show this help, or a command's help after its name",
    '  -v, --version  print the version',
    '',
    'Offsets in machine-readable output are Unicode code points, end exclusive.',
    'Exit status: 0 success, 1 a file could not be read or checked, 2 bad usage.',
  ].join('\n');
}

/** Runs the CLI and resolves to the exit status; never throws. */
export async function main(argv: string[], commands: readonly CliCommand[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? topic.usage : helpText(commands));
    return 0;
  }
  if (first === '-v' || first === '--version') {
    io.out(version());
    return 0;
  }
  const command = commands.find((c) => c.name === first);
  try {
    if (!command) {
      throw new UsageError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`);
    }
    if (rest.includes('-h') || rest.includes('--help')) {
      io.out(command.usage);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`marginalia: ${error.message} (see 'marginalia --help')`);
      return 2;
    }
    io.err(`marginalia: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
