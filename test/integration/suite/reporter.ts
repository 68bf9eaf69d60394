// The reporter both entries of the integration suites use (the Node extension host's
// index.ts and the web worker's web/index.ts): whole lines, marked, because the
// launchers see the extension host's console only through the browser page, where
// printf-style arguments arrive unformatted.
import type Mocha from 'mocha';

/** Marks the lines the launchers print from the window's console, amid the workbench's own logging. */
export const MARK = '[marginalia-test]';

export interface Failure {
  title: string;
  error: string;
}

export interface Results {
  passed: number;
  failed: number;
  failures: Failure[];
  /** Which extension host ran the suites: "node" or "web worker". */
  host: string;
}

type Base = typeof Mocha.reporters.Base;

/** A spec-like reporter class built on the given Mocha's Base (Node's mocha, or the browser build). */
export function lineReporter(base: Base): Base {
  return class LineReporter extends base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      let depth = 0;
      const say = (text: string): void => {
        console.log(`${MARK} ${'  '.repeat(depth)}${text}`);
      };
      runner.on('suite', (suite) => {
        if (suite.title) say(suite.title);
        depth++;
      });
      runner.on('suite end', () => {
        depth--;
      });
      runner.on('pass', (test) => {
        say(`✔ ${test.title} (${test.duration ?? 0} ms)`);
      });
      runner.on('fail', (test, error: unknown) => {
        say(`✘ ${test.title}: ${error instanceof Error ? error.message : String(error)}`);
      });
      runner.on('pending', (test) => {
        say(`- ${test.title} (pending)`);
      });
    }
  };
}

/** Runs a prepared Mocha and collects the results; resolves whatever the outcome. */
export function collect(mocha: Mocha, host: string): Promise<Results> {
  return new Promise<Results>((resolve) => {
    const failures: Failure[] = [];
    let passed = 0;
    const runner = mocha.run((failed) => {
      resolve({ passed, failed, failures, host });
    });
    runner.on('pass', () => {
      passed++;
    });
    runner.on('fail', (test, error: unknown) => {
      failures.push({ title: test.fullTitle(), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    });
  });
}
