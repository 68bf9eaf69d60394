import { expect, test } from './fixtures';
import * as path from 'node:path';
import { openFile, openWorkbench, runCommand, SCREENSHOTS } from './workbench';

test('the Marginalia container is in the activity bar and shows its Annotations view', async ({ page }) => {
  await openWorkbench(page);
  const container = page.locator('.activitybar .action-item a[aria-label^="Marginalia"]');
  await expect(container).toBeVisible();
  await container.click();
  const sidebar = page.locator('.sidebar');
  // With one view the container's title names it; with several, each has a pane header.
  await expect(sidebar.locator(':is(.composite.title h2, .pane-header:not(.hidden))', { hasText: 'Annotations' }).first()).toBeVisible();
  await expect(sidebar.getByText('No annotations yet')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'activity-bar.png') });
});

test('Marginalia: Show Log opens the extension log with its activation line', async ({ page }) => {
  await openWorkbench(page);
  await openFile(page, 'northwind-security-statement.txt');
  await runCommand(page, 'Marginalia: Show Log');
  const panel = page.locator('.part.panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('.view-lines')).toContainText('Marginalia 0.', { timeout: 20_000 });
  await expect(panel.locator('.view-lines')).toContainText('activated');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'show-log.png') });
});
