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

/** Input and output streams, injected so commands can be tested without a process. */
export interface CliIo {
  /** One line to standard output. */
  out(text: string): void;
  /** One line to standard error. */
  err(text: string): void;
  /** Standard input, for the commands that read documents or paths from it; absent: there is none. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Resolves when what `out` wrote has been taken by its reader, so a long stream does not pile up in memory. */
  drain?(): Promise<void>;
  /** Rewrites a status line in place ('' clears it); given only when there is a terminal to show one. */
  status?(line: string): void;
}
