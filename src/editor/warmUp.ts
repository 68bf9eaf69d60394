// Compiling the control catalog's matcher and loading chrono's parsers take a few hundred
// milliseconds the first time, and compiling the catalog's context tests a few hundred
// more; done in idle moments after activation (the contexts a few at a time, so nothing
// waits long behind them), the first document a researcher opens is decorated without
// that wait. A large document whose
// sidecar was read before VS Code shows it warms them up at once (warmUpNow): the
// extension host has nothing else to do until the editor appears.

import * as vscode from 'vscode';
import { builtinMatcher, detectAll } from '../core/detect';
import { warmUpMatcher } from '../core/detect/controls';
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  let steps: Generator<void, number, void> | undefined;
  let busy = 0;
  const step = (): void => {
    timer = undefined;
    const started = performance.now();
    try {
      steps ??= warmUpMatcher(builtinMatcher());
      const r = steps.next();
      busy += performance.now() - started;
      if (r.done) log.trace(`${r.value} context tests of the catalog compiled in ${busy.toFixed(0)} ms, a few at a time`);
      else timer = setTimeout(step, 0);
    } catch (error) {
      log.error(`Compiling the catalog's context tests failed: ${describeError(error)}`);
    }
  };
  timer = setTimeout(() => {
    warmUpNow(log);
    step();
  }, delayMs);
  return new vscode.Disposable(() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  });
}
