import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  clickOnText,
  explorerFolderAction,
  hoverUntil,
  openFile,
  openWorkbench,
  runCommand,
  SCREENSHOTS,
  workspaceFolder,
} from './workbench';

const PROMISE_DOC =
  'Published 12 March 2024\n\nAcme Payments said on Monday that card processing had been restored. The company said it will complete a SOC 2 Type II audit by the end of 2024.\n';
const LATER_DOC =
  'Published 20 February 2025\n\nAcme Payments said it completed its SOC 2 Type II audit in December 2024. Acme Payments said it remains committed to SOC 2 and will renew the audit every year.\n';

test('who "the company" is, and evidence found for a commitment and confirmed in one action', async ({ page }) => {
  // A folder of its own, so that scanning it leaves the sample corpus as the other specs expect.
  const folder = path.join(workspaceFolder(), 'acme');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'acme-2024.txt'), PROMISE_DOC);
  fs.writeFileSync(path.join(folder, 'acme-2025.txt'), LATER_DOC);
  await openWorkbench(page);

  // Scan the folder from the Explorer, as a user would.
  const dialog = page.locator('.monaco-dialog-box');
  await explorerFolderAction(page, 'acme', 'Scan Folder for Suggestions', dialog);
  await dialog.getByRole('button', { name: 'Scan and Store Suggestions' }).click();
  await expect(page.locator('.notifications-toasts')).toContainText(/Scanned 2 files/, { timeout: 60_000 });
  await page.keyboard.press('Escape');

  await openFile(page, 'acme-2024.txt');
  const hover = await hoverUntil(page, 'company said', 'the company → Acme Payments');
  await expect(hover).toContainText('Claim: commitment');
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'speaker-entity-hover.png') });

  await page.mouse.move(5, 5);
  await clickOnText(page, 'company said');
  await runCommand(page, 'Marginalia: Accept Suggestion');
  await hoverUntil(page, 'company said', 'Find Evidence…');
  await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Find Evidence…' }).click();
  const pick = page.locator('.quick-input-widget');
  await expect(pick).toContainText('Acme Payments said it completed its SOC 2 Type II audit');
  await expect(pick).toContainText('same speaker (Acme Payments)');
  await expect(pick).not.toContainText('remains committed');
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'find-evidence.png') });
  await page.keyboard.press('Enter');
  await expect(page.locator('.statusbar')).toContainText('Marked the commitment kept', { timeout: 10_000 });

  // Accepting the claim a scan stored accepted the parts its hover listed.
  const accepted = await hoverUntil(page, 'company said', 'Verdict');
  await expect(accepted).not.toContainText('not reviewed');
  const after = accepted;
  await expect(after).toContainText('kept');
  await expect(after).toContainText('acme-2025.txt#');
  await expect(after).toContainText('Open Evidence');
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'evidence-confirmed.png') });
  const sidecar = (): string => fs.readFileSync(path.join(folder, 'acme-2024.txt.annotations.yaml'), 'utf8');
  await expect.poll(sidecar, { timeout: 10_000 }).toMatch(/verdict: kept\n\s+evidence: \["?acme-2025\.txt#[a-z0-9]+"?\]/);
  expect(sidecar()).toMatch(/entity: Acme Payments\n/);
});
