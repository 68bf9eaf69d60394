import { expect, test } from './fixtures';
import * as path from 'node:path';
import { collapseViews, openWorkbench, runCommand, SCREENSHOTS } from './workbench';

// Runs after the other specs (file order): scanning stores the corpus's suggestions in sidecars.
test("Scan Workspace asks, then stores every document's suggestions, and the filtered Annotations view shows what matches", async ({
  page,
}) => {
  await openWorkbench(page);
  // The palette lists contributed commands once the extensions are known: the container's icon says they are.
  const container = page.locator('.activitybar .action-item a[aria-label^="Marginalia"]');
  await expect(container).toBeVisible();
  await runCommand(page, 'Marginalia: Scan Workspace');
  await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Scan and Store Suggestions' }).click();
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Scanned' });
  await expect(toast).toContainText(/Scanned \d+ files: \d+ new suggestions stored in \d+ files, to review; 0 skipped/, {
    timeout: 60_000,
  });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'scan-workspace.png') });

  await container.click();
  // The Annotations view gets the side bar's height: the corpus and the other specs' documents make a long list.
  await collapseViews(page, ['Controls', 'Commitments', 'Claims across Documents']);
  const tree = page.locator('.sidebar .monaco-list').first();
  // Documents that are not open are listed from their sidecars.
  await expect(tree.getByText('tricky-cases.txt')).toBeVisible();

  await runCommand(page, 'Marginalia: Filter Annotations…');
  const quickInput = page.locator('.quick-input-widget');
  await expect(quickInput).toContainText('kinds and statuses');
  await quickInput
    .locator('.quick-input-list .monaco-list-row', { hasText: /^control$/ })
    .first()
    .click();
  await page.keyboard.press('Enter');
  await expect(quickInput).toContainText('text');
  await quickInput.locator('input').fill('SOC 2');
  await page.keyboard.press('Enter');

  const header = page.locator('.sidebar .pane-header', { hasText: 'Annotations' });
  await expect(header).toContainText('control · “SOC 2”');
  // An open document's row starts expanded, another's collapsed; a click toggles, so only click collapsed ones.
  const file = tree.locator('.monaco-list-row[aria-expanded="false"]', { hasText: 'northwind-security-statement.txt' });
  if ((await file.count()) > 0) await file.first().click();
  await tree
    .locator('.monaco-list-row[aria-expanded="false"]', { hasText: /^control/ })
    .first()
    .click();
  await expect(tree.locator('.monaco-list-row', { hasText: 'soc-2' }).first()).toBeVisible();
  await expect(tree.locator('.monaco-list-row', { hasText: 'iso-27001' })).toHaveCount(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'annotations-filtered.png') });

  await runCommand(page, 'Marginalia: Clear Annotation Filter');
  await expect(header).not.toContainText('SOC 2');
});
