// Integration layer in the web-worker extension host with @vscode/test-web, the
// ecosystem's standard launcher for web extensions: it downloads VS Code for the Web and
// a Chromium of its own, so it needs the internet. It is fetched on demand (npx), not a
// dependency: its browser download would break `npm ci` on machines without the internet,
// where scripts/test/integration.mjs runs the same suites in code-server's web worker.
//   node scripts/test/integration-web.mjs [--grep PATTERN]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildForTests } from './build.mjs';
import { root, writeResult } from './results.mjs';
import { browserOnlyCopy, buildWebSuites } from './web-suites.mjs';

const TEST_WEB = '@vscode/test-web@0.0.81';
const { values: opts } = parseArgs({ options: { grep: { type: 'string' } } });
buildForTests();
const workspace = mkdtempSync(join(tmpdir(), 'marginalia-ws-'));
cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
// The multi-root suites need a two-folder window; this launcher opens one folder.
await buildWebSuites({ MARGINALIA_TEST_GREP: opts.grep ?? 'Multi-root', ...(opts.grep ? {} : { MARGINALIA_TEST_INVERT: '1' }) });
const { dir, tests } = browserOnlyCopy();
const run = spawnSync(
  'npx',
  ['--yes', TEST_WEB, '--browserType=chromium', `--extensionDevelopmentPath=${dir}`, `--extensionTestsPath=${tests}`, workspace],
  { cwd: root, stdio: 'inherit' },
);
// The suites print their counts on the browser console; @vscode/test-web reports the outcome as its exit status.
const ok = run.status === 0;
writeResult('integration', { passed: ok ? 1 : 0, failed: ok ? 0 : 1, details: ok ? [] : [`@vscode/test-web exited with ${run.status}`] });
process.exit(ok ? 0 : 1);
