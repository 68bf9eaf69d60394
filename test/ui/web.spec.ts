import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hoverOnText, openFile, openWorkbench, runCommand, SCREENSHOTS, workspaceFolder } from './workbench';

// The second code-server has the browser-only copy of the packaged VSIX: VS Code runs it
// in the web-worker extension host, as vscode.dev and github.dev do. Its window is fresh,
// so this is also Marginalia's first use there.
test('in the web-worker host, as on vscode.dev: the first document opened stays in front, decorated, with hovers; accepting writes its sidecar', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openWorkbench(page, 'web');
  await openFile(page, 'northwind-security-statement.txt');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await expect.poll(async () => editor.locator('.view-overlays [class*="ced-"]').count(), { timeout: 30_000 }).toBeGreaterThan(10);
  // First use: the walkthrough opens behind the document the user asked for (both open
  // as previews, so the document's may even replace it); the document stays in front.
  await page.waitForTimeout(3_000);
  await expect(page.getByRole('tab', { name: 'northwind-security-statement.txt' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: /^(Walkthrough: Marginalia|Welcome)/, selected: true })).toHaveCount(0);

  await hoverOnText(page, 'ISO/IEC 27001:2022');
  const hover = page.locator('.monaco-hover:not(.hidden)');
  await expect(hover).toContainText('Information security management systems', { timeout: 15_000 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'web-host.png') });

  // Accept from the hover: the sidecar is written through workspace.fs.
  await hover.locator('a', { hasText: 'Accept' }).first().click();
  const sidecar = path.join(workspaceFolder('web'), 'northwind-security-statement.txt.annotations.yaml');
  await expect.poll(() => fs.existsSync(sidecar) && fs.readFileSync(sidecar, 'utf8'), { timeout: 15_000 }).toContain('reviewer: UI Tester');

  await runCommand(page, 'Marginalia: Show Log');
  await expect(page.locator('.part.panel .view-lines')).toContainText('web-worker extension host', { timeout: 20_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'web-host-log.png') });
});

// After the test above: the first use of this window is over.
test('in the web-worker host: the timeline draws the open document, reveals a mark beside it, and follows accepted suggestions', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openWorkbench(page, 'web');
  await openFile(page, 'hospital-breach-response.txt');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await expect.poll(async () => editor.locator('.view-overlays [class*="ced-"]').count(), { timeout: 30_000 }).toBeGreaterThan(10);
  await runCommand(page, 'Marginalia: Show Timeline');
  const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const own = view.locator('.mark[data-key^="hospital-breach-response.txt#"]');
  await expect.poll(async () => own.count(), { timeout: 30_000 }).toBeGreaterThan(3);
  await expect(view.locator('.mark[data-key^="hospital-breach-response.txt#"][data-status="suggested"]')).toHaveCount(await own.count());

  // A click opens the document beside the timeline, the mark's span selected.
  await own.first().click({ force: true });
  await expect(page.locator('.statusbar')).toContainText(/\(\d+ selected\)/, { timeout: 15_000 });
  await runCommand(page, 'Marginalia: Accept All Suggestions in File');
  await expect(page.locator('.notifications-toasts')).toContainText(/accepted \d+ suggestion/, { timeout: 15_000 });
  // The timeline, still shown beside, follows: the marks are annotations now.
  await expect
    .poll(async () => view.locator('.mark[data-key^="hospital-breach-response.txt#"][data-status="open"]').count(), {
      timeout: 20_000,
    })
    .toBeGreaterThan(3);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'timeline-web.png') });
});
