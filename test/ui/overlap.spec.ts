import { expect, test } from './fixtures';
import * as path from 'node:path';
import { clickOnText, openFile, openWorkbench, SCREENSHOTS } from './workbench';

// A control inside a claim sentence: with the cursor on it, Accept asks which is meant
// instead of picking one silently.
test('accepting where suggestions overlap asks which one, and accepts the one picked', async ({ page }) => {
  await openWorkbench(page);
  await openFile(page, 'northwind-security-statement.txt');
  await expect
    .poll(async () => page.locator('.editor-instance .view-overlays [class*="ced-"]').count(), { timeout: 20_000 })
    .toBeGreaterThan(10);
  await clickOnText(page, 'SOC 2 Type II');
  await page.keyboard.press('Control+Alt+Enter');
  const widget = page.locator('.quick-input-widget');
  await expect(widget).toContainText('Accept which suggestion?');
  const rows = widget.locator('.quick-input-list .monaco-list-row');
  await expect(rows.filter({ hasText: 'control: soc-2' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: 'claim: assertion' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: /All \d+ here/ })).toHaveCount(1);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'overlap-choice.png') });
  // The innermost is first: Enter takes it, as a keyboard user would.
  await page.keyboard.press('Enter');
  await expect(page.locator('.statusbar')).toContainText('Accepted control “SOC 2 Type II”');
});
