import { expect, test } from './fixtures';
import * as path from 'node:path';
import { openFile, openWorkbench, runCommand, SCREENSHOTS } from './workbench';

// Each step of "Get started with Marginalia" completes on an event VS Code accepts
// (a context key, a command, a view): doing what a step says ticks it.
test("the walkthrough's steps are ticked as the user does what they say", async ({ page }) => {
  test.setTimeout(120_000);
  await openWorkbench(page);
  await runCommand(page, 'Marginalia: Get Started');
  const walkthrough = page.locator('.gettingStartedContainer');
  await expect(walkthrough).toContainText('Get started with Marginalia', { timeout: 15_000 });
  const steps = walkthrough.locator('.getting-started-step');
  await expect(steps).toHaveCount(5);

  // 1. An annotatable document in the editor.
  await openFile(page, 'hospital-breach-response.txt');
  await expect
    .poll(async () => page.locator('.editor-instance .view-overlays [class*="ced-"]').count(), { timeout: 20_000 })
    .toBeGreaterThan(3);
  // 2. Accept (the command counts, whether or not a suggestion was under the cursor).
  await page.keyboard.press('Control+Alt+]');
  await runCommand(page, 'Marginalia: Accept Suggestion');
  // 3. The views.
  await page.locator('.activitybar .action-item a[aria-label^="Marginalia"]').click();
  await expect(page.locator('.sidebar .pane-header', { hasText: 'Annotations' })).toBeVisible();
  await page.locator('.sidebar .pane-header', { hasText: 'Controls' }).click();
  // 4. Scan, stopped at its question.
  await runCommand(page, 'Marginalia: Scan Workspace');
  await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Cancel' }).click();
  // 5. Export, stopped at its first question.
  await runCommand(page, 'Marginalia: Export Annotations…');
  await expect(page.locator('.quick-input-widget')).toContainText('format');
  await page.keyboard.press('Escape');

  // Back to the walkthrough as a user would (its preview tab may have made way for a document's).
  await runCommand(page, 'Marginalia: Get Started');
  await expect(walkthrough).toContainText('Get started with Marginalia');
  // VS Code ticks a completed step's checkbox (`.complete`).
  await expect(walkthrough.locator('.getting-started-step .codicon.complete')).toHaveCount(5, { timeout: 15_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'walkthrough-completed.png') });
});
