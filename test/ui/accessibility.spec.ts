import { expect, test } from './fixtures';
import * as path from 'node:path';
import { openFile, openWorkbench, runCommand, SCREENSHOTS } from './workbench';

// What a screen reader gets: tree rows named with kind, status, label and line; hovers
// readable in the Accessible View; Next/Previous that land on each item in turn.
test('a screen reader reaches suggestions and annotations: named view rows, hovers in the Accessible View', async ({ page }) => {
  test.setTimeout(90_000);
  await openWorkbench(page);
  await openFile(page, 'wire-story-data-transfers.txt');
  await expect
    .poll(async () => page.locator('.editor-instance .view-overlays [class*="ced-"]').count(), { timeout: 20_000 })
    .toBeGreaterThan(5);

  // From the keyboard: the next suggestion is selected, and its hover opens in the Accessible View.
  await page
    .locator('.editor-instance .view-lines')
    .first()
    .click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+Alt+]');
  await expect(page.locator('.statusbar')).toContainText(/1 of \d+ · /);
  // Ctrl+K Ctrl+I shows the hover, a second time focuses it; Alt+F2 opens it in the Accessible View.
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await expect(page.locator('.monaco-hover:not(.hidden)')).toContainText('not reviewed yet', { timeout: 10_000 });
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.keyboard.press('Alt+F2');
  const accessible = page.locator('.accessible-view');
  await expect(accessible).toBeVisible({ timeout: 10_000 });
  await expect(accessible).toContainText('Suggestion');
  await expect(accessible).toContainText('Accept');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'accessible-view.png') });
  // Escape closes the Accessible View, then the hover; focus is back in the editor.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  const status = page.locator('.statusbar-item', { has: page.locator('.codicon-lightbulb') }).first();
  console.log(`status bar item: ${(await status.getAttribute('aria-label')) ?? ''}`);

  // Accept one (a claim also accepts the dates and controls its hover listed as its parts),
  // then read the Annotations view as an accessibility tree.
  await runCommand(page, 'Marginalia: Accept Suggestion');
  await page.locator('.activitybar .action-item a[aria-label^="Marginalia"]').click();
  const tree = page.locator('.sidebar .monaco-list').first();
  await expect(tree.getByRole('treeitem', { name: /wire-story-data-transfers\.txt: \d+ annotations?, \d+ suggestions/ })).toBeVisible({
    timeout: 15_000,
  });
  const file = tree.getByRole('treeitem', { name: /^wire-story-data-transfers\.txt/ });
  if ((await file.getAttribute('aria-expanded')) !== 'true') await file.click();
  // The kind with the accepted annotation, one level below the file.
  await tree
    .locator('[role="treeitem"][aria-level="2"]', { hasText: /annotated/ })
    .first()
    .click();
  await expect(tree.getByRole('treeitem', { name: /annotation, open, .*line \d+: / }).first()).toBeVisible();
  const snapshot = await tree.ariaSnapshot();
  expect(snapshot).toMatch(/treeitem ".* (suggestion|annotation)(, [^,]+)*, line \d+: /);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'accessibility-tree.png') });
});
