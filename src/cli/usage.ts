/** A mistake in how the CLI was called: reported in one line, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What every CLI command provides; `run` resolves to the process exit status. */
export interface CliCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full usage text for `marginalia COMMAND --help`. */
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Output streams, injected so commands can be tested without a process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}
