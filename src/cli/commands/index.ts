import type { CliCommand } from '../usage';
import { detectCommand } from './detect';

/** Every command the CLI offers, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [detectCommand];
