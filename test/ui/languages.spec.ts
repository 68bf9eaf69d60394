import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openFile, openWorkbench, SCREENSHOTS, workspaceFolder } from './workbench';

const LATEX = '\\section{Security}\nThe provider holds ISO 27001 certification and will complete its SOC 2 audit by June 2025.\n';

/** Right-clicks in the editor and returns the context menu's entries. */
async function contextMenu(page: import('@playwright/test').Page): Promise<string[]> {
  await page
    .locator('.editor-instance .view-lines')
    .first()
    .click({ button: 'right', position: { x: 40, y: 30 } });
  const menu = page.locator('.context-view .monaco-menu');
  await expect(menu).toBeVisible();
  const items = await menu.locator('.action-label').allInnerTexts();
  await page.keyboard.press('Escape');
  return items.map((t) => t.trim()).filter(Boolean);
}

// The workspace's settings add LaTeX and leave Markdown out; menus and keybindings follow
// at once, without a reload. The settings file is removed at the end for the other specs.
test('a language added to marginalia.languages gets the context menu and keybindings; a removed one loses them', async ({ page }) => {
  test.setTimeout(90_000);
  const folder = workspaceFolder();
  const settings = path.join(folder, '.vscode', 'settings.json');
  fs.writeFileSync(path.join(folder, 'controls-appendix.tex'), LATEX);
  await openWorkbench(page);
  try {
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({ 'marginalia.languages': ['plaintext', 'latex'] }, null, 2));
    await openFile(page, 'controls-appendix.tex');
    await expect(page.locator('.statusbar')).toContainText(/LaTeX/i, { timeout: 15_000 });
    await expect
      .poll(async () => page.locator('.editor-instance .view-overlays [class*="ced-"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(1);
    const inLatex = await contextMenu(page);
    expect(inLatex).toEqual(expect.arrayContaining(['Accept Suggestion', 'Dismiss Suggestion', 'Edit Note…']));
    // The keybinding: Ctrl+Alt+] goes to the first suggestion and says which.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Alt+]');
    await expect(page.locator('.statusbar')).toContainText(/1 of \d+ · /);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'language-latex.png') });

    await openFile(page, 'vendor-assessment-notes.md');
    await page.waitForTimeout(1_000);
    const inMarkdown = await contextMenu(page);
    expect(inMarkdown).not.toContain('Accept Suggestion');
    expect(await page.locator('.editor-instance .view-overlays [class*="ced-"]').count()).toBe(0);
  } finally {
    fs.rmSync(settings, { force: true });
    fs.rmSync(path.join(folder, 'controls-appendix.tex'), { force: true });
  }
  // Markdown is back without a reload.
  await expect
    .poll(async () => page.locator('.editor-instance .view-overlays [class*="ced-"]').count(), { timeout: 20_000 })
    .toBeGreaterThan(5);
  expect(await contextMenu(page)).toContain('Accept Suggestion');
});
