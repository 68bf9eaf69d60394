import { CliCommand } from '../usage';

/** Every command the CLI offers, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [];
