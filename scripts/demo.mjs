// `npm run demo`: builds and packages Marginalia, installs the VSIX into code-server
// (VS Code 1.100.3 in the browser) and opens the sample corpus on 127.0.0.1.
//   npm run demo                        prints the URL and serves until Ctrl+C
//   npm run demo -- --screenshot FILE   writes a PNG of the window and exits
//   npm run demo -- --reset             starts again from a fresh copy of the corpus
import { chromium } from 'playwright-core';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumArgs, chromiumPath } from './vscode-host/browser.mjs';
import { installVsix, startCodeServer } from './vscode-host/code-server.mjs';
import { packageVsix } from './vscode-host/package.mjs';
import { root } from './test/results.mjs';

const { values: opts } = parseArgs({ options: { screenshot: { type: 'string' }, reset: { type: 'boolean' }, file: { type: 'string' } } });

const vsix = packageVsix();
const demoDir = join(root, '.vscode-test', 'demo');
const extensionsDir = join(demoDir, 'extensions');
// The demo works on a copy, so annotations made while trying it never touch samples/.
const workspace = join(demoDir, 'corpus');
if (opts.reset) rmSync(demoDir, { recursive: true, force: true });
rmSync(extensionsDir, { recursive: true, force: true });
await installVsix(vsix, extensionsDir);
if (!existsSync(workspace)) cpSync(join(root, 'samples', 'corpus'), workspace, { recursive: true });

// The interactive demo greets a newcomer with the walkthrough; a screenshot shows the corpus.
const settings = { 'editor.wordWrap': 'on', ...(opts.screenshot ? { 'marginalia.openWalkthroughOnFirstUse': false } : {}) };
const server = await startCodeServer({ workspace, extensionsDir, settings });
const fileToOpen = opts.file ?? 'northwind-security-statement.txt';
const url = `${server.url}?folder=${encodeURIComponent(workspace)}`;

if (opts.screenshot) {
  const out = resolve(opts.screenshot);
  mkdirSync(dirname(out), { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
    // Extensions' contributions arrive after the workbench is drawn.
    await page.locator('.activitybar .action-item a[aria-label^="Marginalia"]').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(fileToOpen);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: fileToOpen }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: fileToOpen }).waitFor();
    await page.locator('.activitybar .action-item a[aria-label^="Marginalia"]').click();
    // The suggestions painted (decorations are the editor's `ced-` classes), then a moment for the views.
    await page.locator('.editor-instance .view-overlays [class*="ced-"]').first().waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: out });
    console.log(`demo: wrote ${out}`);
  } finally {
    await browser.close();
    server.stop();
  }
} else {
  console.log(`\nMarginalia demo: open ${url}\n(workspace ${workspace}; Ctrl+C to stop)`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => {});
}
