import { expect, test } from './fixtures';
import * as path from 'node:path';
import { clickOnText, expandView, hoverUntil, openFile, openWorkbench, runCommand, SCREENSHOTS } from './workbench';

test('a commitment’s hover shows the control and deadline it links to, before and after it is accepted', async ({ page }) => {
  await openWorkbench(page);
  await openFile(page, 'northwind-security-statement.txt');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await expect.poll(async () => editor.locator('.view-overlays [class*="ced-"]').count(), { timeout: 20_000 }).toBeGreaterThan(10);
  const hover = await hoverUntil(page, 'phishing-resistant', 'Accepting it also accepts');
  await expect(hover).toContainText('Due: “by the end of the year”');
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'claim-links-suggested.png') });

  await page.mouse.move(5, 5);
  await clickOnText(page, 'phishing-resistant');
  await runCommand(page, 'Marginalia: Accept Suggestion');
  await hoverUntil(page, 'phishing-resistant', 'Link to…');
  await expect(hover).toContainText('Due: “by the end of the year” (2025)');
  await expect(hover).toContainText('Set Verdict…');
  await expect(hover).toContainText('Unlink…');
  // The hover fades in: a screenshot taken at once catches it half transparent.
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'claim-links-accepted.png') });

  // The Commitments view: the accepted commitment, overdue since the end of 2025.
  await page.mouse.move(5, 5);
  await page.locator('.activitybar .action-item a[aria-label^="Marginalia"]').click();
  const pane = await expandView(page, 'Commitments');
  const row = pane.locator('.monaco-list-row', { hasText: 'We will enable phishing-resistant' }).first();
  await expect(row).toContainText('overdue · due 2025');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'commitments-view.png') });
});
