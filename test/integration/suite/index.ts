// Entry point of the integration suites inside the VS Code extension host. Both
// launchers load it: @vscode/test-electron (desktop VS Code) and the code-server
// launcher used on machines without the internet. It runs every *.test.js next to it
// with mocha and writes the counts to MARGINALIA_TEST_RESULTS, because a code-server
// window does not close or exit when its tests end.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Failure {
  title: string;
  error: string;
}

function writeResults(file: string | undefined, passed: number, failed: number, failures: Failure[]): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ passed, failed, failures }, null, 2));
}

/** Marks the lines the launchers print from the window's console, amid the workbench's own logging. */
const MARK = '[marginalia-test]';

/**
 * A spec-like reporter that logs whole lines: the code-server launcher sees this
 * host's console through the browser, where printf-style arguments arrive unformatted.
 */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let depth = 0;
    const say = (text: string): void => { console.log(`${MARK} ${'  '.repeat(depth)}${text}`); };
    runner.on('suite', (suite) => { if (suite.title) say(suite.title); depth++; });
    runner.on('suite end', () => { depth--; });
    runner.on('pass', (test) => { say(`✔ ${test.title} (${test.duration ?? 0} ms)`); });
    runner.on('fail', (test, error: unknown) => { say(`✘ ${test.title}: ${error instanceof Error ? error.message : String(error)}`); });
    runner.on('pending', (test) => { say(`- ${test.title} (pending)`); });
  }
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: LineReporter });
  const filter = process.env.MARGINALIA_TEST_GREP;
  if (filter) mocha.grep(filter);
  if (filter && process.env.MARGINALIA_TEST_INVERT) mocha.invert();
  // The benchmark is a suite of its own, run only when asked for (npm run bench).
  const suffix = process.env.MARGINALIA_BENCH ? '.bench.js' : '.test.js';
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith(suffix)).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  const resultsFile = process.env.MARGINALIA_TEST_RESULTS;

  await new Promise<void>((resolve, reject) => {
    const failures: Failure[] = [];
    let passed = 0;
    try {
      const runner = mocha.run((failedCount) => {
        writeResults(resultsFile, passed, failedCount, failures);
        if (failedCount > 0) reject(new Error(`${failedCount} integration tests failed`));
        else resolve();
      });
      runner.on('pass', () => { passed++; });
      runner.on('fail', (test, error: unknown) => {
        failures.push({ title: test.fullTitle(), error: error instanceof Error ? error.stack ?? error.message : String(error) });
      });
    } catch (error) {
      writeResults(resultsFile, passed, 1, [{ title: 'loading the suites', error: String(error) }]);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
