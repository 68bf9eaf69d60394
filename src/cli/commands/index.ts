import type { CliCommand } from '../usage';
import { addSourceCommand } from './addSource';
import { agreeCommand } from './agree';
import { detectCommand } from './detect';
import { exportCommand } from './export';
import { importCommand } from './import';
import { matchCommand } from './match';
import { reanchorCommand } from './reanchor';
import { validateCommand } from './validate';

/** Every command the CLI offers, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  detectCommand,
  validateCommand,
  reanchorCommand,
  exportCommand,
  importCommand,
  matchCommand,
  agreeCommand,
  addSourceCommand,
];
