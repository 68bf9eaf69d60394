import { expect, type Locator, type Page } from '@playwright/test';
import * as path from 'node:path';

/** Where the UI tests save the screenshots a person looks at (git-ignored). */
export const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-results', 'ui');

/** Which code-server: the packaged VSIX in the Node extension host, or its browser-only copy in the web-worker host. */
export type Host = 'node' | 'web';

/** The folder the workbench of `host` has open (a copy of the sample corpus). */
export function workspaceFolder(host: Host = 'node'): string {
  const folder = host === 'web' ? process.env.MARGINALIA_UI_WEB_WORKSPACE : process.env.MARGINALIA_UI_WORKSPACE;
  if (!folder)
    throw new Error('MARGINALIA_UI_WORKSPACE and MARGINALIA_UI_WEB_WORKSPACE are set by scripts/test/ui.mjs; run the UI layer through it');
  return folder;
}

export function workbenchUrl(host: Host = 'node'): string {
  const url = host === 'web' ? process.env.MARGINALIA_UI_WEB_URL : process.env.MARGINALIA_UI_URL;
  if (!url) throw new Error('MARGINALIA_UI_URL and MARGINALIA_UI_WEB_URL are set by scripts/test/ui.mjs; run the UI layer through it');
  return `${url}?folder=${encodeURIComponent(workspaceFolder(host))}`;
}

/** Opens the workbench on the sample corpus and waits until it is interactive. */
export async function openWorkbench(page: Page, host: Host = 'node'): Promise<void> {
  await page.goto(workbenchUrl(host));
  await expect(page.locator('.monaco-workbench')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.activitybar')).toBeVisible();
  // Extensions' contributions (its commands in the palette) arrive after the workbench is
  // drawn; the Marginalia container in the activity bar says they have.
  await expect(page.locator('.activitybar .action-item a[aria-label^="Marginalia"]')).toBeVisible({ timeout: 30_000 });
}

/** Runs a command by its palette title, as a user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  // The palette can close as soon as it opens when a webview (the timeline) takes focus
  // back after a click: opening it and typing are tried again until the command's row
  // shows. The click is not retried: a command that ran may open a quick input of its
  // own (a file dialog), which a second attempt would type into.
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await expect(async () => {
    if (!(await input.isVisible())) await page.keyboard.press('F1');
    await expect(input).toBeVisible({ timeout: 5_000 });
    await input.fill(`>${title}`, { timeout: 5_000 });
    await expect(row).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await row.click();
}

/**
 * Opens a file as a user would, through Quick Open (Ctrl+P), and waits for its editor
 * tab. Quick Open's file search can come back empty on a busy machine: then the file is
 * opened from the Explorer instead.
 */
export async function openFile(page: Page, name: string): Promise<void> {
  const tab = page.locator('.tabs-container .tab.active', { hasText: name });
  // Quick Open can lose its input on a busy machine (focus taken back by a page that is
  // still opening, such as the walkthrough): the whole gesture is tried again.
  await expect(async () => {
    if (await tab.isVisible()) return;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await expect(input).toBeVisible({ timeout: 5_000 });
    await input.fill(name, { timeout: 5_000 });
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    try {
      await expect(row).toBeVisible({ timeout: 8_000 });
      await page.keyboard.press('Enter');
    } catch {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+E');
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().dblclick({ timeout: 5_000 });
    }
    await expect(tab).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.locator('.editor-instance .view-lines .view-line').first()).toBeVisible();
  // The window remembers scroll positions between runs: start from the top.
  await page.keyboard.press('Control+Home');
}

/** Expands a view of the side bar by its pane title, if it is collapsed. */
export async function expandView(page: Page, title: string): Promise<Locator> {
  const header = page.locator('.sidebar .pane-header', { hasText: title });
  await expect(header).toBeVisible();
  if ((await header.getAttribute('aria-expanded')) !== 'true') {
    await header.focus();
    await page.keyboard.press('Enter');
  }
  await expect(header).toHaveAttribute('aria-expanded', 'true');
  return page.locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) });
}

/** Collapses these views of the side bar (expanded ones only), so the others get the room. */
export async function collapseViews(page: Page, titles: readonly string[]): Promise<void> {
  for (const title of titles) {
    const header = page.locator('.sidebar .pane-header', { hasText: title }).first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') continue;
    await header.focus();
    await page.keyboard.press('Enter');
    await expect(header).toHaveAttribute('aria-expanded', 'false');
  }
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
      // The editor splits a line's text into several spans: search the whole line.
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const whole = nodes
        .map((n) => n.data)
        .join('')
        .replace(/\u00a0/g, ' ');
      const at = whole.indexOf(wanted);
      if (at < 0) continue;
      let offset = at;
      for (const node of nodes) {
        if (offset < node.data.length) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, Math.min(offset + 2, node.data.length));
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        offset -= node.data.length;
      }
    }
    return undefined;
  }, needle);
  if (!point) throw new Error(`"${needle}" is not in the visible editor lines`);
  await page.mouse.move(point.x, point.y);
}

/**
 * Hovers `needle` until the hover shows `expected`, and returns the hover. A hover asked
 * before the document is detected has nothing to show, and the editor does not ask again
 * while the mouse stays: the mouse moves away and back until it does.
 */
export async function hoverUntil(page: Page, needle: string, expected: string): Promise<Locator> {
  const hover = page.locator('.monaco-hover:not(.hidden)');
  await expect(async () => {
    await page.mouse.move(5, 5);
    await hoverOnText(page, needle);
    await expect(hover).toContainText(expected, { timeout: 4_000 });
  }).toPass({ timeout: 20_000 });
  return hover;
}

/** Clicks onto the first occurrence of `needle` in the visible editor lines. */
export async function clickOnText(page: Page, needle: string): Promise<void> {
  await hoverOnText(page, needle);
  await page.mouse.down();
  await page.mouse.up();
}

/**
 * Runs `item` from the Explorer's context menu of the folder `folder`, as a user would,
 * until `until` shows. A click on a context menu still fading in can be lost on a busy
 * machine: the whole gesture is tried again.
 */
export async function explorerFolderAction(page: Page, folder: string, item: string, until: Locator): Promise<void> {
  await page.keyboard.press('Control+Shift+E');
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${folder}$`) }).first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(async () => {
    await page.keyboard.press('Escape');
    await row.click({ button: 'right' });
    const action = page.locator('.context-view .action-label', { hasText: item });
    await expect(action).toBeVisible({ timeout: 5_000 });
    await page.waitForTimeout(200);
    await action.click();
    await expect(until).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
}

/** Picks a colour theme by name, as a user would (Preferences: Color Theme). */
export async function setTheme(page: Page, name: string): Promise<void> {
  // The picker can close under a webview taking focus back, like the palette: tried again.
  await expect(async () => {
    await runCommand(page, 'Preferences: Color Theme');
    const input = page.locator('.quick-input-widget input');
    await input.fill(name, { timeout: 5_000 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click({ timeout: 10_000 });
    await expect(page.locator('.quick-input-widget')).toBeHidden({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
}
