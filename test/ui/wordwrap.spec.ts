import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openFile, openWorkbench, SCREENSHOTS, workspaceFolder } from './workbench';

// Articles saved from the web keep each paragraph on one line: with word wrap off, most
// suggestions are off screen. Marginalia offers to wrap such a document, once.
test('a document whose paragraphs are single long lines gets an offer to wrap them, which wraps them', async ({ page }) => {
  const folder = workspaceFolder();
  const settings = path.join(folder, '.vscode', 'settings.json');
  const paragraph =
    'The regulator said on Tuesday that the company had not notified affected customers within 72 hours, as GDPR requires, and that it would publish its findings by March 2026 after reviewing the SOC 2 report the company provided. ';
  fs.writeFileSync(path.join(folder, 'saved-article.txt'), `${paragraph.repeat(3)}\n\n${paragraph.repeat(2)}\n\n${paragraph.repeat(4)}\n`);
  try {
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({ 'editor.wordWrap': 'off' }, null, 2));
    await openWorkbench(page);
    await openFile(page, 'saved-article.txt');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'has long lines' });
    await expect(toast).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'word-wrap-offer.png') });
    const lines = page.locator('.editor-instance .view-lines .view-line');
    const before = await lines.count();
    await toast.getByRole('button', { name: 'Wrap Lines' }).click();
    // Five lines of text become many screen lines.
    await expect.poll(async () => lines.count(), { timeout: 10_000 }).toBeGreaterThan(before + 5);
  } finally {
    fs.rmSync(settings, { force: true });
    fs.rmSync(path.join(folder, 'saved-article.txt'), { force: true });
  }
});
