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

/**
 * A short made-up article with what real ones have (a dateline, a byline, quotes, a
 * denial, a comparison, a list of commitments, dates in several forms, standards,
 * control identifiers and regulators), so that most rules run once before a document
 * needs them: the first part of a real document then costs about 20 ms less.
 */
const SAMPLE = [
  '# Harbour Cloud security update',
  'Published 12 January 2024 | Updated 3 Mar 2025, 4 min read',
  'By Jane Doe, technology reporter',
  'LONDON, March 3, 2025 (Reuters) - Harbour Cloud said on Tuesday that it will complete its SOC 2 Type II audit by the end of 2025 and that it had notified the ICO within 72 hours, as GDPR Article 33 requires.',
  '"We did not pay a ransom, and no customer data was taken," a spokesperson told reporters last month. The company denied that its backups were affected.',
  'Its controls follow ISO/IEC 27001:2022 (A.5.15, A.8.24) and NIST SP 800-53 Rev. 5, including AC-2(1) and IA-2; the Texas Attorney General and the FTC opened inquiries on 2024-05-01 and 05/06/2024.',
  'Revenue in Q3 FY2024 was more than twice that of the first half, faster than any rival, according to the filing.',
  '- We will rotate all keys within 30 days.\n- Customers can enable MFA from next week.\n- The review is expected to finish in early 2026.',
].join('\n\n');

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
