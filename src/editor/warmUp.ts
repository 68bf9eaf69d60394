// Compiling the control catalog's matcher and loading chrono's parsers take a few hundred
// milliseconds the first time; done once in an idle moment after activation, the first
// document a researcher opens is decorated without that wait. A large document whose
// sidecar was read before VS Code shows it warms them up at once (warmUpNow): the
// extension host has nothing else to do until the editor appears.

import * as vscode from 'vscode';
import { detectAll } from '../core/detect';
import { describeError } from './log';

const SAMPLE = 'Published on 3 March 2025\n\nWe will complete our SOC 2 Type II audit by Q3 2025, the company said.';

let warm = false;

/** Runs the detectors once over a sample, unless that was done already. */
export function warmUpNow(log: vscode.LogOutputChannel): void {
  if (warm) return;
  warm = true;
  const started = performance.now();
  try {
    detectAll(SAMPLE);
    log.trace(`Detectors warmed up in ${(performance.now() - started).toFixed(0)} ms`);
  } catch (error) {
    log.error(`Warming up the detectors failed: ${describeError(error)}`);
  }
}

export function warmUpDetectors(log: vscode.LogOutputChannel, delayMs = 1500): vscode.Disposable {
  const timer = setTimeout(() => {
    warmUpNow(log);
  }, delayMs);
  return new vscode.Disposable(() => {
    clearTimeout(timer);
  });
}
