import { expect, test } from './fixtures';
import * as path from 'node:path';
import { openFile, openWorkbench, runCommand, SCREENSHOTS } from './workbench';

test('Export Annotations… asks for a format, a scope and a file, and writes a Markdown report', async ({ page }) => {
  await openWorkbench(page);
  await openFile(page, 'tricky-cases.txt');
  await expect
    .poll(async () => page.locator('.editor-instance .view-overlays [class*="ced-"]').count(), { timeout: 20_000 })
    .toBeGreaterThan(5);
  await runCommand(page, 'Marginalia: Accept All Suggestions in File');
  await expect(page.locator('.notifications-toasts')).toContainText(/accepted \d+ suggestion/, { timeout: 10_000 });

  await runCommand(page, 'Marginalia: Export Annotations…');
  const widget = page.locator('.quick-input-widget');
  await expect(widget).toContainText('format');
  await expect(widget.locator('.monaco-list-row', { hasText: 'REFI-QDA project' })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'export-format.png') });
  await widget.locator('input').fill('Markdown');
  await page.keyboard.press('Enter');
  await expect(widget).toContainText('what to export');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'export-scope.png') });
  await widget.locator('.monaco-list-row', { hasText: 'The whole workspace' }).click();
  // Reviewed annotations only unless asked: the accepted suggestions are.
  await expect(widget).toContainText('options');
  await page.keyboard.press('Enter');
  // The save dialog (VS Code's own, in the browser): the suggested file beside the workspace folder is fine.
  await expect(widget.locator('input')).toHaveValue(/-annotations\.md$/, { timeout: 10_000 });
  await page.keyboard.press('Enter');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Exported' });
  await expect(toast).toBeVisible({ timeout: 20_000 });
  await toast.getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('.tabs-container .tab', { hasText: '-annotations.md' })).toBeVisible();
  await expect(page.locator('.editor-instance .view-lines')).toContainText('Controls cited');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'export-report.png') });
});

test('Marginalia: Get Started opens the walkthrough', async ({ page }) => {
  await openWorkbench(page);
  await runCommand(page, 'Marginalia: Get Started');
  await expect(page.locator('.gettingStartedContainer')).toContainText('Get started with Marginalia', { timeout: 15_000 });
  await expect(page.locator('.gettingStartedContainer')).toContainText('Accept, dismiss, annotate');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'walkthrough.png') });
});
