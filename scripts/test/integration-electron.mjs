// Integration layer with @vscode/test-electron, the ecosystem's standard launcher: it
// downloads desktop VS Code (into .vscode-test/) and runs the same suites as the
// code-server launcher. Needs the internet; on machines without it use
// scripts/test/integration.mjs.
//   node scripts/test/integration-electron.mjs [--vscode-version 1.100.3]
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VSCODE_VERSION } from '../vscode-host/install.mjs';
import { buildForTests } from './build.mjs';
import { root, writeResult } from './results.mjs';

const { values: opts } = parseArgs({ options: { 'vscode-version': { type: 'string' }, grep: { type: 'string' } } });
const version = opts['vscode-version'] ?? VSCODE_VERSION;
buildForTests();
const workspace = mkdtempSync(join(tmpdir(), 'marginalia-ws-'));
cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
const resultsFile = join(mkdtempSync(join(tmpdir(), 'marginalia-res-')), 'integration.json');
try {
  await runTests({
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'integration', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: {
      MARGINALIA_TEST_RESULTS: resultsFile,
      MARGINALIA_EXPECT_VSCODE: version,
      MARGINALIA_FIXTURES: join(root, 'test', 'fixtures'),
      MARGINALIA_SHARED: join(root, '..', 'shared'),
      ...(opts.grep ? { MARGINALIA_TEST_GREP: opts.grep } : {}),
    },
  });
} catch (error) {
  console.error(`integration (electron): ${error instanceof Error ? error.message : error}`);
}
const result = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { passed: 0, failed: 1, failures: [] };
writeResult('integration', { passed: result.passed, failed: result.failed, details: result.failures });
process.exit(result.failed === 0 && result.passed > 0 ? 0 : 1);
