// Entry point of the integration suites inside the VS Code extension host. Both
// launchers load it: @vscode/test-electron (desktop VS Code) and the code-server
// launcher used on machines without the internet. It runs every *.test.js next to it
// with mocha and writes the counts to MARGINALIA_TEST_RESULTS, because a code-server
// window does not close or exit when its tests end.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { prepareWindow } from './helpers';
import { collect, lineReporter, MARK, type Results } from './reporter';

function writeResults(file: string | undefined, results: Results): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: lineReporter(Mocha.reporters.Base) });
  const filter = process.env.MARGINALIA_TEST_GREP;
  if (filter) mocha.grep(filter);
  if (filter && process.env.MARGINALIA_TEST_INVERT) mocha.invert();
  // The benchmark is a suite of its own, run only when asked for (npm run bench).
  const suffix = process.env.MARGINALIA_BENCH ? '.bench.js' : '.test.js';
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(suffix))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  const resultsFile = process.env.MARGINALIA_TEST_RESULTS;
  console.log(`${MARK} extension host: node (VS Code ${vscode.version})`);
  let results: Results;
  try {
    await prepareWindow();
    results = await collect(mocha, 'node');
  } catch (error) {
    results = { passed: 0, failed: 1, failures: [{ title: 'loading the suites', error: String(error) }], host: 'node' };
  }
  writeResults(resultsFile, results);
  if (results.failed > 0) throw new Error(`${results.failed} integration tests failed`);
}
