import { expect, test } from './fixtures';
import * as path from 'node:path';
import { clickOnText, expandView, openFile, openWorkbench, runCommand, SCREENSHOTS } from './workbench';

test('accepting a suggestion shows it in the Annotations tree, under its file and kind', async ({ page }) => {
  await openWorkbench(page);
  await openFile(page, 'wire-story-data-transfers.txt');
  // Wait for the suggestions to be painted before putting the cursor on one.
  await expect
    .poll(async () => page.locator('.editor-instance .view-overlays [class*="ced-"]').count(), { timeout: 20_000 })
    .toBeGreaterThan(10);
  await clickOnText(page, 'Standard Contractual Clauses');
  await runCommand(page, 'Marginalia: Accept Suggestion');
  await page.locator('.activitybar .action-item a[aria-label^="Marginalia"]').click();
  const tree = page.locator('.sidebar .monaco-list').first();
  await expect(tree.getByText('wire-story-data-transfers.txt')).toBeVisible();
  const controls = tree.locator('.monaco-list-row', { hasText: /^control/ }).first();
  await controls.click();
  // The row: the quote, then its line and label (the status is its icon).
  await expect(tree.locator('.monaco-list-row', { hasText: /L\d+ · sccs/ }).first()).toContainText('Standard Contractual Clauses');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'annotations-tree.png') });

  // The Controls view: who cites which control, and where.
  const controlsPane = await expandView(page, 'Controls');
  await expect(controlsPane.locator('.monaco-list-row', { hasText: 'sccs' }).first()).toBeVisible();
  await controlsPane.locator('.monaco-list-row', { hasText: 'sccs' }).first().click();
  await expect(controlsPane.locator('.monaco-list-row', { hasText: 'wire-story-data-transfers.txt' }).first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'controls-tree.png') });
});

test('Annotate Selection asks for a kind, a label and a note, and the annotation appears', async ({ page }) => {
  await openWorkbench(page);
  await openFile(page, 'hospital-breach-response.txt');
  // Start once the extension has taken the document in: its suggestions are painted.
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await expect.poll(async () => editor.locator('.view-overlays [class*="ced-"]').count(), { timeout: 20_000 }).toBeGreaterThan(10);
  await clickOnText(page, 'Riverbend');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await runCommand(page, 'Marginalia: Annotate Selection…');
  const input = page.locator('.quick-input-widget input');
  await expect(page.locator('.quick-input-widget')).toContainText('kind');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'annotate-selection-kind.png') });
  await input.fill('claim');
  await page.keyboard.press('Enter');
  await expect(page.locator('.quick-input-widget')).toContainText('label');
  await input.fill('assertion');
  await page.keyboard.press('Enter');
  await expect(page.locator('.quick-input-widget')).toContainText('note');
  await input.fill('Check against the HHS breach portal.');
  await page.keyboard.press('Enter');
  await page.locator('.activitybar .action-item a[aria-label^="Marginalia"]').click();
  const tree = page.locator('.sidebar .monaco-list').first();
  await expect(tree.getByText('hospital-breach-response.txt')).toBeVisible();
  await tree
    .locator('.monaco-list-row', { hasText: /^claim/ })
    .first()
    .click();
  await expect(tree.locator('.monaco-list-row', { hasText: /L\d+ · assertion/ }).first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'annotate-selection-done.png') });
});
