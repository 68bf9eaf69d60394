import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collapseViews, expandView, hoverUntil, openWorkbench, runCommand, SCREENSHOTS, setTheme, workspaceFolder } from './workbench';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FOLDER = 'across';

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await openWorkbench(page);
  await setTheme(page, 'Dark Modern');
  await runCommand(page, 'View: Close All Editors');
  fs.rmSync(path.join(workspaceFolder(), FOLDER), { recursive: true, force: true });
  // The side bar as the other specs expect it: the first three views open, this one closed.
  await page.locator('.activitybar .action-item a[aria-label^="Marginalia"]').click();
  for (const title of ['Annotations', 'Controls', 'Commitments']) await expandView(page, title);
  await collapseViews(page, ['Claims across Documents']);
  await page.close();
});

test('a repost, a wire story and a follow-up: the Claims across Documents view groups each statement, earliest source first; a hover names the other versions; the comparison shows the changed figure', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const root = workspaceFolder();
  // The repository's own fixtures (written for the tests): an original statement, its repost, a wire story, a follow-up and an unrelated article.
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'match', 'dev'), path.join(root, FOLDER), { recursive: true });
  fs.rmSync(path.join(root, FOLDER, 'key.yaml'));
  execFileSync(process.execPath, [CLI, 'detect', '--write', '--author', 'marginalia detect', path.join(root, FOLDER)]);
  const expected = JSON.parse(execFileSync(process.execPath, [CLI, 'match', '--json', path.join(root, FOLDER)], { encoding: 'utf8' })) as {
    groups: { members: number[]; documents: number }[];
    claims: { document: string; text: string }[];
  };
  expect(expected.groups.length).toBeGreaterThan(5);
  await openWorkbench(page);
  await setTheme(page, 'Dark Modern');
  await page.locator('.activitybar .action-item a[aria-label^="Marginalia"]').click();
  await collapseViews(page, ['Annotations', 'Controls', 'Commitments']);
  const pane = await expandView(page, 'Claims across Documents');
  const groups = pane.locator('.monaco-list-row[aria-level="1"]');
  await expect(groups).toHaveCount(expected.groups.length, { timeout: 30_000 });
  // The groups as the CLI gives them, largest first; the unrelated article in none.
  await expect(pane).not.toContainText('unrelated.txt');
  const phishing = groups.filter({ hasText: 'phishing' }).first();
  await phishing.click();
  const versions = pane.locator('.monaco-list-row[aria-level="2"]');
  await expect(versions.first()).toContainText('across/original.txt');
  await expect(versions.filter({ hasText: '4.2 million → 42 million' })).toHaveCount(1);
  // The group row's tooltip would cover its versions: the pointer moves away first.
  await page.mouse.move(800, 600);
  await page.keyboard.press('Escape');
  await shot(page, 'claims-across-view');

  // Compare with the earliest version: VS Code's diff editor, the changed figure marked.
  const changed = versions.filter({ hasText: '4.2 million → 42 million' }).first();
  await changed.hover();
  await changed.locator('.action-label[aria-label="Compare with the Earliest Version"]').click();
  await expect(page.locator('.tab.active', { hasText: 'Claim: across/original.txt ↔ across/repost.txt' })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.monaco-diff-editor')).toBeVisible();
  await expect(page.locator('.monaco-diff-editor .char-delete, .monaco-diff-editor .char-insert').first()).toBeVisible({ timeout: 10_000 });
  await shot(page, 'claims-across-diff');

  // The earliest version, opened from the view: its hover names the documents that repeat it.
  await versions.first().click();
  await expect(page.locator('.tab.active', { hasText: 'original.txt' })).toBeVisible({ timeout: 15_000 });
  const hover = await hoverUntil(page, 'phishing attempts', 'Also in');
  await expect(hover).toContainText('across/repost.txt');
  await expect(hover).toContainText('4.2 million → 42 million');
  await shot(page, 'claims-across-hover');

  // Find in Corpus: every "phishing" with its context, by document; two hits annotated in one go.
  await page.mouse.move(5, 5);
  await runCommand(page, 'Marginalia: Find in Corpus…');
  const input = page.locator('.quick-input-widget input');
  await input.fill('phishing attempts');
  await page.keyboard.press('Enter');
  const list = page.locator('.quick-input-widget');
  await expect(list).toContainText(/Find in Corpus: “phishing attempts”: \d+ hits in \d+ documents/, { timeout: 30_000 });
  const rows = list.locator('.quick-input-list .monaco-list-row', { hasText: '⟦phishing attempts⟧' });
  await expect(rows.first()).toBeVisible();
  await expect(list).toContainText('across/original.txt');
  await expect(list).toContainText('across/repost.txt');
  await shot(page, 'find-in-corpus');
  for (const n of [0, 1]) {
    const box = rows.nth(n).locator('.monaco-checkbox, input[type="checkbox"]').first();
    // A click that lands while the list draws its row's toolbar is lost: tick until it holds.
    await expect(async () => {
      if (!(await box.isChecked())) await box.click();
      expect(await box.isChecked()).toBe(true);
    }).toPass({ timeout: 15_000 });
  }
  await expect(list).toContainText('2 Selected');
  await input.focus();
  await page.keyboard.press('Enter');
  // Typed, as from the keyboard: a click can land on a row the list has just moved.
  await expect(page.locator('.quick-input-widget')).toContainText('kind');
  await input.fill('claim');
  await page.keyboard.press('Enter');
  await expect(page.locator('.quick-input-widget')).toContainText('label');
  await input.fill('assertion');
  await expect(page.locator('.quick-input-list .monaco-list-row.focused')).toContainText('assertion');
  await page.keyboard.press('Enter');
  await expect(page.locator('.notifications-toasts')).toContainText(
    /annotated 2 hits of “phishing attempts” in \d documents? as claim: assertion/,
    { timeout: 20_000 },
  );
  await shot(page, 'find-in-corpus-annotated');
});
