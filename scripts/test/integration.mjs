// Integration layer on machines without the internet: runs the mocha suites of
// test/integration inside code-server 4.100.3 (VS Code 1.100.3's real extension host),
// opened by Debian's Chromium through playwright-core. The suites are the same module
// that @vscode/test-electron loads (scripts/test/integration-electron.mjs).
// Two windows run in turn: one on a single folder (every suite but "Multi-root"), one
// on a two-folder .code-workspace (the "Multi-root" suites).
//   node scripts/test/integration.mjs [--grep PATTERN] [--no-build]
//   node scripts/test/integration.mjs --bench   (the editor benchmark instead of the tests)
import { chromium } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumArgs, chromiumPath } from '../vscode-host/browser.mjs';
import { startCodeServer } from '../vscode-host/code-server.mjs';
import { VSCODE_VERSION } from '../vscode-host/install.mjs';
import { buildForTests } from './build.mjs';
import { root, writeResult } from './results.mjs';

const { values: opts } = parseArgs({ options: { grep: { type: 'string' }, 'no-build': { type: 'boolean' }, timeout: { type: 'string' }, bench: { type: 'boolean' } } });
const timeoutMs = Number(opts.timeout ?? 300) * 1000;
const MULTI_ROOT = 'Multi-root';

/** Opens one window on `open` (a folder, or a .code-workspace file) and runs the suites the grep selects. */
async function runWindow({ label, open, isWorkspaceFile, grep, invert }) {
  const resultsFile = join(mkdtempSync(join(tmpdir(), 'marginalia-res-')), 'integration.json');
  const server = await startCodeServer({
    workspace: open,
    // Reviews record who made them; a test run is signed by this name instead of being asked for one.
    settings: { 'marginalia.author': 'Integration Tester' },
    env: {
      MARGINALIA_TEST_RESULTS: resultsFile,
      MARGINALIA_EXPECT_VSCODE: VSCODE_VERSION,
      MARGINALIA_FIXTURES: join(root, 'test', 'fixtures'),
      MARGINALIA_SHARED: join(root, '..', 'shared'),
      ...(grep ? { MARGINALIA_TEST_GREP: grep } : {}),
      ...(opts.bench ? { MARGINALIA_BENCH: '1' } : {}),
      ...(invert ? { MARGINALIA_TEST_INVERT: '1' } : {}),
    },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
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
    const target = `${isWorkspaceFile ? 'workspace' : 'folder'}=${encodeURIComponent(open)}`;
    console.log(`integration (${label}): VS Code ${VSCODE_VERSION} (code-server) at ${server.url}, ${open}`);
    await page.goto(`${server.url}?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(resultsFile)) {
      if (Date.now() > deadline) throw new Error(`no results after ${timeoutMs / 1000} s: the suites did not finish (see the output above)`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // The last console lines may still be on their way from the extension host.
    await new Promise((r) => setTimeout(r, 1000));
    return JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch (error) {
    console.error(`integration (${label}): ${error instanceof Error ? error.message : error}`);
    return { passed: 0, failed: 1, failures: [{ title: label, error: String(error) }] };
  } finally {
    await browser.close();
    server.stop();
  }
}

if (!opts['no-build']) buildForTests();
const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'marginalia-ws-'));
const single = join(scratch, 'single');
cpSync(join(root, 'test', 'fixtures', 'workspace'), single, { recursive: true });
const roots = ['alpha', 'beta'].map((name) => join(scratch, name));
for (const dir of roots) cpSync(join(root, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
const workspaceFile = join(scratch, 'two-folders.code-workspace');
writeFileSync(workspaceFile, JSON.stringify({ folders: roots.map((path) => ({ path })) }, null, 2));

const windows = opts.bench ? [{ label: 'editor benchmark', open: single, isWorkspaceFile: false }] : [
  { label: 'one folder', open: single, isWorkspaceFile: false, grep: opts.grep ?? MULTI_ROOT, invert: !opts.grep },
  ...(!opts.grep || opts.grep.includes(MULTI_ROOT) ? [{ label: 'two folders', open: workspaceFile, isWorkspaceFile: true, grep: MULTI_ROOT, invert: false }] : []),
];
let passed = 0;
let failed = 0;
const failures = [];
for (const w of windows) {
  const result = await runWindow(w);
  passed += result.passed;
  failed += result.failed;
  failures.push(...result.failures);
}
for (const failure of failures) console.log(`\n  FAILED ${failure.title}\n${failure.error}`);
if (!opts.bench) writeResult('integration', { passed, failed, details: failures });
console.log(`integration: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
rmSync(scratch, { recursive: true, force: true });
process.exit(failed === 0 && passed > 0 ? 0 : 1);
