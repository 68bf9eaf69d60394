import { expect, test } from './fixtures';
import * as path from 'node:path';
import { openFile, openWorkbench, SCREENSHOTS } from './workbench';

// scripts/test/ui.mjs colours the grammar's scopes #B000B5 through
// editor.tokenColorCustomizations, as a user would.
const CONTROL_COLOUR = 'rgb(176, 0, 181)';

async function colourOf(page: import('@playwright/test').Page, text: string): Promise<string | undefined> {
  return page.evaluate((wanted) => {
    const spans = Array.from(document.querySelectorAll('.editor-instance .view-lines .view-line span span'));
    const span = spans.find((s) => s.textContent.replace(/\u00a0/g, ' ').startsWith(wanted));
    return span ? getComputedStyle(span).color : undefined;
  }, text);
}

for (const [file, name, id] of [
  ['northwind-security-statement.txt', 'SOC 2 Type II', undefined],
  ['vendor-assessment-notes.md', 'SOC 2 Type II', 'CC6.1'],
] as const) {
  test(`control names${id ? ' and IDs' : ''} have a theme scope in ${path.extname(file)} documents`, async ({ page }) => {
    await openWorkbench(page);
    await openFile(page, file);
    await expect.poll(() => colourOf(page, name), { timeout: 20_000 }).toBe(CONTROL_COLOUR);
    if (id) await expect.poll(() => colourOf(page, id)).toBe(CONTROL_COLOUR);
    await page.screenshot({ path: path.join(SCREENSHOTS, `grammar${path.extname(file)}.png`) });
  });
}
