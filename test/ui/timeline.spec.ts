import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { documentReferenceDate } from '../../src/core/detect';
import { buildTimeline } from '../../src/core/timeline/items';
import type { Sidecar } from '../../src/core/sidecar/format';
import type { TimelineItem } from '../../src/core/timeline/types';
import { explorerFolderAction, openWorkbench, runCommand, SCREENSHOTS, setTheme, workspaceFolder, type Host } from './workbench';

const FOLDER = 'timeline';
const SOURCES = ['hospital-breach-response.txt', 'northwind-security-statement.txt', 'wire-story-data-transfers.txt'];

/** The page inside the timeline's webview (VS Code nests it in two frames). */
function timelinePage(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** The timeline as the sidecars on disk make it: what the view must draw for a folder no editor has open. */
function expectedItems(host: Host): TimelineItem[] {
  const docs = SOURCES.map((name) => {
    const file = path.join(workspaceFolder(host), FOLDER, name);
    const sidecar = parse(fs.readFileSync(`${file}.annotations.yaml`, 'utf8')) as Sidecar;
    // Claims are made on the document's date: its date line, as the view reads it.
    const date = sidecar.source.published ?? documentReferenceDate(fs.readFileSync(file, 'utf8'));
    return { path: `${FOLDER}/${name}`, sidecar, ...(date === undefined ? {} : { date }) };
  });
  return buildTimeline(docs).items;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function renders(view: FrameLocator): Promise<number> {
  return Number((await view.locator('body').getAttribute('data-renders')) ?? '0');
}

// The theme the other specs expect, and the workspace as they expect it: without this
// spec's folder and figures (the Annotations view would list three more documents).
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await openWorkbench(page);
  await setTheme(page, 'Dark Modern');
  await runCommand(page, 'View: Close All Editors');
  const root = workspaceFolder();
  for (const name of [FOLDER, 'timeline.svg', 'timeline.png']) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  await page.close();
});

test('the timeline of a scanned folder: every dated annotation a mark, filters, a click reveals the span, light and dark, a table, saved as SVG', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const root = workspaceFolder();
  fs.mkdirSync(path.join(root, FOLDER), { recursive: true });
  for (const name of SOURCES) fs.copyFileSync(path.join(root, name), path.join(root, FOLDER, name));
  await openWorkbench(page);
  const dialog = page.locator('.monaco-dialog-box');
  await explorerFolderAction(page, FOLDER, 'Scan Folder for Suggestions', dialog);
  await dialog.getByRole('button', { name: 'Scan and Store Suggestions' }).click();
  await expect(page.locator('.notifications-toasts')).toContainText(/Scanned 3 files/, { timeout: 60_000 });
  await page.keyboard.press('Escape');

  await setTheme(page, 'Dark Modern');
  const view = timelinePage(page);
  await explorerFolderAction(page, FOLDER, 'Show Timeline of Folder', page.locator('.tab', { hasText: 'Timeline' }).first());
  const items = expectedItems('node');
  expect(items.length).toBeGreaterThan(10);
  // One mark per dated annotation or suggestion (lanes by document: each item once).
  await expect(view.locator('.mark')).toHaveCount(items.length, { timeout: 30_000 });
  // Counted from the sidecars by hand too: one due mark per due link whose date has a value.
  const dueLinks = SOURCES.flatMap((name) => {
    const sidecar = parse(fs.readFileSync(path.join(root, FOLDER, `${name}.annotations.yaml`), 'utf8')) as Sidecar;
    const byId = new Map(sidecar.annotations.map((a) => [a.id, a]));
    return sidecar.annotations.flatMap((a) => (a.due ?? []).filter((id) => /^\d{4}/.test(byId.get(id)?.label ?? '')));
  });
  await expect(view.locator('.mark[data-role="due"]')).toHaveCount(dueLinks.length);
  // Nothing was reviewed: every mark says it is a suggestion.
  await expect(view.locator('.mark:not([data-status="suggested"])')).toHaveCount(0);
  await shot(page, 'timeline-dark');

  // Filters: dates only, then a word.
  await view.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('date');
  await expect(view.locator('.mark')).toHaveCount(items.filter((i) => i.kind === 'date').length);
  await view.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('all');
  await view.getByRole('searchbox', { name: 'Filter by text' }).fill('2025');
  const word = items.filter((i) =>
    [i.quote, i.dateText, i.speaker, i.entity, i.doc, i.value].some((s) => s.toLowerCase().includes('2025')),
  );
  await expect(view.locator('.mark')).toHaveCount(word.length);
  await shot(page, 'timeline-filtered');
  await view.getByRole('searchbox', { name: 'Filter by text' }).fill('');
  await expect(view.locator('.mark')).toHaveCount(items.length);

  // From the keyboard: the chart is one tab stop, arrows move between marks (announced), Enter reveals.
  await view.locator('.chart-frame').focus();
  await page.keyboard.press('ArrowRight');
  await expect(view.locator('#announcer')).not.toBeEmpty();
  await shot(page, 'timeline-keyboard');
  await page.keyboard.press('Enter');
  await expect(page.locator('.statusbar')).toContainText(/\(\d+ selected\)/, { timeout: 15_000 });
  await page.locator('.tab', { hasText: 'Timeline' }).first().click();

  // A click on a commitment's due mark reveals the claim in its editor, selected.
  const due = items.find((i) => i.role === 'due');
  expect(due).toBeDefined();
  if (!due) return;
  await view.locator(`.mark[data-key="${due.key}"]`).click({ force: true });
  const name = due.doc.split('/').pop() ?? '';
  await expect(page.locator('.tabs-container .tab.active', { hasText: name })).toBeVisible({ timeout: 15_000 });
  // Selected in the editor (the only text editor shown beside the panel). The status bar counts the
  // selection only while that editor has focus, which the click on the webview may keep for itself.
  await expect(page.locator('.monaco-editor .view-overlays .selected-text').first()).toBeVisible({ timeout: 10_000 });
  // Where the status bar counts a selection, it comes to count this one (the earlier reveal's may show first).
  await expect
    .poll(
      async () => {
        const status = (await page.locator('.statusbar').textContent()) ?? '';
        return !/selected\)/.test(status) || status.includes(`(${due.quote.length} selected)`);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  await shot(page, 'timeline-revealed');

  // The same in a light theme, and the table of the same data.
  await page.locator('.tab', { hasText: 'Timeline' }).first().click();
  await setTheme(page, 'Light Modern');
  await expect(view.locator('.mark')).toHaveCount(items.length, { timeout: 20_000 });
  await shot(page, 'timeline-light');
  await view.getByRole('button', { name: 'Table' }).click();
  await expect(view.locator('table tbody tr')).toHaveCount(items.length);
  await shot(page, 'timeline-table');
  await view.getByRole('button', { name: 'Table' }).click();

  // Save as SVG: VS Code's save dialog, then the file with every mark.
  const before = await renders(view);
  expect(before).toBeGreaterThan(0);
  await view.getByRole('button', { name: 'Save as SVG' }).click();
  const input = page.locator('.quick-input-widget input');
  await expect(input).toHaveValue(/timeline\.svg$/, { timeout: 10_000 });
  await page.keyboard.press('Enter');
  const saved = path.join(root, 'timeline.svg');
  await expect.poll(() => fs.existsSync(saved), { timeout: 15_000 }).toBe(true);
  const svg = fs.readFileSync(saved, 'utf8');
  expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
  expect(svg.match(/class="mark\b/g)?.length).toBe(items.length);
  expect(svg).not.toContain('var(--');

  // And as PNG.
  await view.getByRole('button', { name: 'Save as PNG' }).click();
  await expect(input).toHaveValue(/timeline\.png$/, { timeout: 10_000 });
  await page.keyboard.press('Enter');
  const png = path.join(root, 'timeline.png');
  await expect.poll(() => fs.existsSync(png) && fs.statSync(png).size > 1000, { timeout: 20_000 }).toBe(true);
  expect(fs.readFileSync(png).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
});
