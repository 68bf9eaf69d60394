import { expect, test } from './fixtures';
import * as path from 'node:path';
import { hoverOnText, hoverUntil, openFile, openWorkbench, SCREENSHOTS } from './workbench';

test('a corpus document shows suggestion underlines, and a control hover shows its catalog card', async ({ page }) => {
  await openWorkbench(page);
  await openFile(page, 'northwind-security-statement.txt');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  // Suggestions are painted as bordered inline decorations in the view lines.
  // Border-only decorations are painted in the overlay layer, one element per range and line.
  await expect.poll(async () => editor.locator('.view-overlays [class*="ced-"]').count(), { timeout: 20_000 }).toBeGreaterThan(10);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'suggestions.png') });

  await hoverOnText(page, 'ISO/IEC 27001:2022');
  const hover = page.locator('.monaco-hover:not(.hidden)');
  await expect(hover).toContainText('Information security management systems', { timeout: 15_000 });
  await expect(hover).toContainText('Current version');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'control-hover.png') });
});

test('a regulator is a control: its hover says where it sits and what it enforces', async ({ page }) => {
  await openWorkbench(page);
  await openFile(page, 'hospital-breach-response.txt');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  // Wait for the suggestions, then hover until the card is there.
  await expect.poll(async () => editor.locator('.view-overlays [class*="ced-"]').count(), { timeout: 20_000 }).toBeGreaterThan(10);
  // "(OCR)" after "the U.S. Department of Health and Human Services Office for Civil Rights".
  const hover = await hoverUntil(page, 'OCR', 'HHS Office for Civil Rights');
  await expect(hover).toContainText('United States (federal)');
  await expect(hover).toContainText('Enforces');
  await expect(hover).toContainText('HIPAA');
  // The hover fades in: a screenshot taken at once catches it half transparent.
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'regulator-hover.png') });
});
