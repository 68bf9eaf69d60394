// UI layer: packages the VSIX, installs it into a fresh code-server as a user would,
// opens the sample corpus, and runs the Playwright specs of test/ui against it. A second
// code-server gets the same VSIX with its manifest reduced to the `browser` entry, so it
// runs in the web-worker extension host as on vscode.dev (web.spec.ts), with the
// walkthrough left to open on first use. Screenshots land in test-results/ui/.
//   node scripts/test/ui.mjs [-- extra playwright args]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installVsix, startCodeServer } from '../vscode-host/code-server.mjs';
import { browserOnlyVsix, packageVsix } from '../vscode-host/package.mjs';
import { root, resultsDir, writeResult } from './results.mjs';

const extra = process.argv.slice(2).filter((a) => a !== '--');
const vsix = packageVsix();
const scratch = mkdtempSync(join(tmpdir(), 'marginalia-ui-'));
const extensionsDir = join(scratch, 'extensions');
await installVsix(vsix, extensionsDir);
console.log(`ui: installed ${vsix} into ${extensionsDir}`);
const workspace = join(scratch, 'corpus');
cpSync(join(root, 'samples', 'corpus'), workspace, { recursive: true });
const webVsix = browserOnlyVsix(vsix);
const webExtensionsDir = join(scratch, 'web-extensions');
await installVsix(webVsix, webExtensionsDir);
const webWorkspace = join(scratch, 'web-corpus');
cpSync(join(root, 'samples', 'corpus'), webWorkspace, { recursive: true });
const webServer = await startCodeServer({
  workspace: webWorkspace,
  extensionsDir: webExtensionsDir,
  settings: { 'editor.wordWrap': 'on', 'marginalia.author': 'UI Tester' },
});
console.log(`ui: browser-only copy ${webVsix} in a second code-server at ${webServer.url}, workspace ${webWorkspace}`);
const server = await startCodeServer({
  workspace,
  extensionsDir,
  settings: {
    'editor.wordWrap': 'on',
    'marginalia.openWalkthroughOnFirstUse': false,
    'marginalia.author': 'UI Tester',
    'editor.tokenColorCustomizations': {
      textMateRules: [
        {
          scope: ['entity.name.type.control.marginalia', 'constant.other.control-id.marginalia'],
          settings: { foreground: '#B000B5', fontStyle: 'bold' },
        },
      ],
    },
  },
});
console.log(`ui: code-server at ${server.url}, workspace ${workspace}`);

const uiResults = join(resultsDir, 'ui');
mkdirSync(uiResults, { recursive: true });
const report = join(uiResults, 'report.json');
rmSync(report, { force: true });
let status;
try {
  const run = spawnSync('npx', ['playwright', 'test', '-c', 'test/ui/playwright.config.ts', ...extra], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      MARGINALIA_UI_URL: server.url,
      MARGINALIA_UI_WORKSPACE: workspace,
      MARGINALIA_VSIX: vsix,
      MARGINALIA_UI_WEB_URL: webServer.url,
      MARGINALIA_UI_WEB_WORKSPACE: webWorkspace,
    },
  });
  const stats = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')).stats : undefined;
  const passed = stats ? stats.expected + stats.flaky : 0;
  const failed = stats ? stats.unexpected : 1;
  writeResult('ui', { passed, failed });
  console.log(`ui: screenshots in ${uiResults}`);
  status = run.status === 0 && failed === 0 && passed > 0 ? 0 : 1;
} finally {
  server.stop();
  webServer.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(status);
