import { expect, Page } from '@playwright/test';
import * as path from 'node:path';

/** Where the UI tests save the screenshots a person looks at (git-ignored). */
export const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-results', 'ui');

export function workbenchUrl(): string {
  const url = process.env.MARGINALIA_UI_URL;
  const folder = process.env.MARGINALIA_UI_WORKSPACE;
  if (!url || !folder) throw new Error('MARGINALIA_UI_URL and MARGINALIA_UI_WORKSPACE are set by scripts/test/ui.mjs; run the UI layer through it');
  return `${url}?folder=${encodeURIComponent(folder)}`;
}

/** Opens the workbench on the sample corpus and waits until it is interactive. */
export async function openWorkbench(page: Page): Promise<void> {
  await page.goto(workbenchUrl());
  await expect(page.locator('.monaco-workbench')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.activitybar')).toBeVisible();
}

/** Runs a command by its palette title, as a user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await expect(input).toBeVisible();
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await expect(row).toBeVisible();
  await row.click();
}

/** Opens a file through Quick Open and waits for its editor tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await expect(input).toBeVisible();
  await input.fill(name);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await expect(row).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('.tabs-container .tab', { hasText: name })).toBeVisible();
}

/**
 * Moves the mouse onto the first occurrence of `needle` in the visible editor lines.
 * Border-only decorations are painted in an overlay layer, so the text itself is found
 * through a DOM Range over the line's text nodes (which write spaces as U+00A0).
 */
export async function hoverOnText(page: Page, needle: string): Promise<void> {
  const point = await page.evaluate((wanted) => {
    const lines = Array.from(document.querySelectorAll('.editor-instance .view-lines .view-line'));
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').replace(/\u00a0/g, ' ');
        const at = text.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, Math.min(at + 3, text.length));
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return undefined;
  }, needle);
  if (!point) throw new Error(`"${needle}" is not in the visible editor lines`);
  await page.mouse.move(point.x, point.y);
}
