// Integration layer on machines without the internet: runs the mocha suites of
// test/integration inside code-server 4.100.3 (VS Code 1.100.3's real extension host),
// opened by Debian's Chromium through playwright-core. The suites are the same module
// that @vscode/test-electron loads (scripts/test/integration-electron.mjs).
// Three windows run in turn: one on a single folder (every suite but "Multi-root"), one
// on a two-folder .code-workspace (the "Multi-root" suites), both in the Node extension
// host, and one on a single folder in the web-worker extension host (as on vscode.dev):
// a copy of the extension whose manifest has only its `browser` entry, and the same
// suites bundled for the browser (scripts/test/web-suites.mjs).
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
import { browserOnlyCopy, buildWebSuites } from './web-suites.mjs';

const { values: opts } = parseArgs({
  options: {
    grep: { type: 'string' },
    'no-build': { type: 'boolean' },
    timeout: { type: 'string' },
    bench: { type: 'boolean' },
    host: { type: 'string' },
  },
});
const timeoutMs = Number(opts.timeout ?? 300) * 1000;
const MULTI_ROOT = 'Multi-root';

/** Opens one window on `open` (a folder, or a .code-workspace file) and runs the suites the grep selects. */
async function runWindow({ label, open, isWorkspaceFile, grep, invert, web }) {
  const resultsFile = join(mkdtempSync(join(tmpdir(), 'marginalia-res-')), 'integration.json');
  const env = {
    MARGINALIA_TEST_RESULTS: resultsFile,
    MARGINALIA_EXPECT_VSCODE: VSCODE_VERSION,
    MARGINALIA_FIXTURES: join(root, 'test', 'fixtures'),
    MARGINALIA_SHARED: join(root, '..', 'shared'),
    ...(grep ? { MARGINALIA_TEST_GREP: grep } : {}),
    ...(opts.bench ? { MARGINALIA_BENCH: '1' } : {}),
    ...(invert ? { MARGINALIA_TEST_INVERT: '1' } : {}),
  };
  let extension = root;
  let tests = join(root, 'out', 'test', 'integration', 'suite', 'index.js');
  let webResult;
  if (web) {
    // A web worker cannot read process.env or write a file: the environment is baked into
    // the bundle and the result comes back on the console.
    const count = await buildWebSuites(env);
    console.log(`integration (${label}): ${count} suite files bundled for the web worker`);
    // The tests module is served to the web worker from inside the extension under test.
    ({ dir: extension, tests } = browserOnlyCopy());
  }
  const server = await startCodeServer({
    workspace: open,
    // Reviews record who made them; a test run is signed by this name instead of being asked for one.
    settings: { 'marginalia.author': 'Integration Tester' },
    env,
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (message) => {
      // The extension host's console reaches the page console; the suite marks its own lines.
      const text = message.text();
      const at = text.indexOf('[marginalia-test]');
      const line = at >= 0 ? text.slice(at + '[marginalia-test]'.length + 1) : undefined;
      if (line?.startsWith('RESULT ')) webResult = JSON.parse(line.slice('RESULT '.length));
      else if (line !== undefined) console.log(`  ${line}`);
      else if (message.type() === 'error' && (process.env.MARGINALIA_VERBOSE === 'all' || /marginalia/i.test(text)))
        console.log(`  ! ${process.env.MARGINALIA_VERBOSE ? text : text.split('\n')[0]}`);
    });
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(extension)],
      ['extensionTestsPath', server.remoteUri(tests)],
      // Without it the tests module is loaded by the Node extension host.
      ...(web ? [['extensionDevelopmentKind', 'web']] : []),
    ];
    const target = `${isWorkspaceFile ? 'workspace' : 'folder'}=${encodeURIComponent(open)}`;
    console.log(
      `integration (${label}): VS Code ${VSCODE_VERSION} (code-server) at ${server.url}, ${web ? 'web-worker' : 'Node'} extension host, ${open}`,
    );
    await page.goto(`${server.url}?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const deadline = Date.now() + timeoutMs;
    while (web ? webResult === undefined : !existsSync(resultsFile)) {
      if (Date.now() > deadline)
        throw new Error(`no results after ${timeoutMs / 1000} s: the suites did not finish (see the output above)`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // The last console lines may still be on their way from the extension host.
    await new Promise((r) => setTimeout(r, 1000));
    return web ? webResult : JSON.parse(readFileSync(resultsFile, 'utf8'));
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
/** A workspace folder for the tests: the fixture workspace, and Add Source's originals (test/fixtures/sources) in `originals/`. */
function workspaceCopy(dir) {
  cpSync(join(root, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  cpSync(join(root, 'test', 'fixtures', 'sources'), join(dir, 'originals'), {
    recursive: true,
    // Not the expected texts, nor the real-producer PDFs the eval reads (test/fixtures/sources/real).
    filter: (file) => !file.endsWith('.expected.txt') && !/[\\/]real([\\/]|$)/.test(file),
  });
}
workspaceCopy(single);
const roots = ['alpha', 'beta'].map((name) => join(scratch, name));
for (const dir of roots) workspaceCopy(dir);
const workspaceFile = join(scratch, 'two-folders.code-workspace');
writeFileSync(workspaceFile, JSON.stringify({ folders: roots.map((path) => ({ path })) }, null, 2));

// The web-worker window gets a fresh copy of the fixtures: the Node windows' tests write into theirs.
const webFolder = join(scratch, 'web');
workspaceCopy(webFolder);
const hosts = opts.host ? opts.host.split(',') : ['node', 'web'];
const windows = opts.bench
  ? [{ label: 'editor benchmark', open: single, isWorkspaceFile: false, grep: opts.grep }]
  : [
      ...(hosts.includes('node')
        ? [
            { label: 'one folder', open: single, isWorkspaceFile: false, grep: opts.grep ?? MULTI_ROOT, invert: !opts.grep },
            ...(!opts.grep || opts.grep.includes(MULTI_ROOT)
              ? [{ label: 'two folders', open: workspaceFile, isWorkspaceFile: true, grep: MULTI_ROOT, invert: false }]
              : []),
          ]
        : []),
      ...(hosts.includes('web')
        ? [{ label: 'web worker', open: webFolder, isWorkspaceFile: false, grep: opts.grep ?? MULTI_ROOT, invert: !opts.grep, web: true }]
        : []),
    ];
let passed = 0;
let failed = 0;
const failures = [];
const byHost = [];
for (const w of windows) {
  const result = await runWindow(w);
  passed += result.passed;
  failed += result.failed;
  failures.push(...result.failures.map((f) => ({ ...f, title: `[${w.label}] ${f.title}` })));
  byHost.push(`${w.label} (${w.web ? 'web-worker' : 'Node'} extension host): ${result.passed} passed, ${result.failed} failed`);
}
for (const failure of failures) console.log(`\n  FAILED ${failure.title}\n${failure.error}`);
for (const line of byHost) console.log(`integration: ${line}`);
if (!opts.bench) writeResult('integration', { passed, failed, details: failures });
console.log(`integration: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
rmSync(scratch, { recursive: true, force: true });
process.exit(failed === 0 && passed > 0 ? 0 : 1);
