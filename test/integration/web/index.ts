// Entry point of the integration suites in VS Code's web-worker extension host (the host
// of vscode.dev and github.dev), where there is no Node: scripts/test/integration.mjs
// bundles this file with the same suites for the browser (mocha's browser build, a
// browser `assert`), and reads the results from the console, where `run` prints them,
// since a web worker cannot write a file.
import * as vscode from 'vscode';
import { prepareWindow } from '../suite/helpers';
import { collect, lineReporter, MARK, type Results } from '../suite/reporter';
import type Mocha from 'mocha';

/** What the launcher bakes into the bundle: the environment the Node entry reads from process.env. */
declare const MARGINALIA_WEB_TEST_ENV: Record<string, string>;

interface BrowserMocha extends Mocha {
  setup(options: Mocha.MochaOptions): BrowserMocha;
}

export async function run(loadSuites: () => void): Promise<void> {
  // The browser build sets globalThis.Mocha and exports its `mocha` instance (see scripts/test/web-suites.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mocha = (require('mocha/mocha.js') as { default: BrowserMocha }).default;
  const MochaClass = (globalThis as unknown as { Mocha: typeof Mocha }).Mocha;
  mocha.setup({ ui: 'tdd', timeout: 20_000, color: false, reporter: lineReporter(MochaClass.reporters.Base) });
  const grep = MARGINALIA_WEB_TEST_ENV.MARGINALIA_TEST_GREP;
  if (grep) mocha.grep(grep);
  if (grep && MARGINALIA_WEB_TEST_ENV.MARGINALIA_TEST_INVERT) mocha.invert();
  console.log(
    `${MARK} extension host: web worker (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web UI' : 'desktop UI'})`,
  );
  let results: Results;
  try {
    await prepareWindow();
    // The suites call suite() and test() as they load: after setup.
    loadSuites();
    results = await collect(mocha, 'web worker');
  } catch (error) {
    results = {
      passed: 0,
      failed: 1,
      failures: [{ title: 'loading the suites', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }],
      host: 'web worker',
    };
  }
  console.log(`${MARK} RESULT ${JSON.stringify(results)}`);
  if (results.failed > 0) throw new Error(`${results.failed} integration tests failed`);
}
