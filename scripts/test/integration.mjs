// Integration layer on machines without the internet: runs the mocha suites of
// test/integration inside code-server 4.100.3 (VS Code 1.100.3's real extension host),
// opened by Debian's Chromium through playwright-core. The suites are the same module
// that @vscode/test-electron loads (scripts/test/integration-electron.mjs).
//   node scripts/test/integration.mjs [--grep PATTERN] [--web]
import { chromium } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumArgs, chromiumPath } from '../vscode-host/browser.mjs';
import { startCodeServer } from '../vscode-host/code-server.mjs';
import { VSCODE_VERSION } from '../vscode-host/install.mjs';
import { buildForTests } from './build.mjs';
import { root, writeResult } from './results.mjs';

const { values: opts } = parseArgs({ options: { grep: { type: 'string' }, 'no-build': { type: 'boolean' }, timeout: { type: 'string' } } });
const timeoutMs = Number(opts.timeout ?? 300) * 1000;

if (!opts['no-build']) buildForTests();
const workspace = mkdtempSync(join(tmpdir(), 'marginalia-ws-'));
cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
const resultsFile = join(mkdtempSync(join(tmpdir(), 'marginalia-res-')), 'integration.json');

const started = Date.now();
const server = await startCodeServer({
  workspace,
  env: {
    MARGINALIA_TEST_RESULTS: resultsFile,
    MARGINALIA_EXPECT_VSCODE: VSCODE_VERSION,
    MARGINALIA_FIXTURES: join(root, 'test', 'fixtures'),
    MARGINALIA_SHARED: join(root, '..', 'shared'),
    ...(opts.grep ? { MARGINALIA_TEST_GREP: opts.grep } : {}),
  },
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
let status = 1;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (message) => {
    // The extension host's console reaches the page console; the suite marks its own lines.
    const text = message.text();
    const at = text.indexOf('[marginalia-test]');
    if (at >= 0) console.log(`  ${text.slice(at + '[marginalia-test]'.length + 1)}`);
    else if (message.type() === 'error' && /marginalia/i.test(text)) console.log(`  ! ${process.env.MARGINALIA_VERBOSE ? text : text.split('\n')[0]}`);
  });
  const payload = [
    ['extensionDevelopmentPath', server.remoteUri(root)],
    ['extensionTestsPath', server.remoteUri(join(root, 'out', 'test', 'integration', 'suite', 'index.js'))],
  ];
  const url = `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`integration: VS Code ${VSCODE_VERSION} (code-server) at ${server.url}, workspace ${workspace}`);
  await page.goto(url);
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(resultsFile)) {
    if (Date.now() > deadline) throw new Error(`no results after ${timeoutMs / 1000} s: the suites did not finish (see the output above)`);
    await new Promise((r) => setTimeout(r, 250));
  }
  // The last console lines may still be on their way from the extension host.
  await new Promise((r) => setTimeout(r, 1000));
  const result = JSON.parse(readFileSync(resultsFile, 'utf8'));
  for (const failure of result.failures) console.log(`\n  FAILED ${failure.title}\n${failure.error}`);
  writeResult('integration', { passed: result.passed, failed: result.failed, details: result.failures });
  console.log(`integration: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  status = result.failed === 0 && result.passed > 0 ? 0 : 1;
} catch (error) {
  console.error(`integration: ${error instanceof Error ? error.message : error}`);
  writeResult('integration', { passed: 0, failed: 1, details: [String(error)] });
} finally {
  await browser.close();
  server.stop();
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(status);
