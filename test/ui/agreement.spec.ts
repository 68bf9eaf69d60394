import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CONTEXT_LENGTH, type Sidecar } from '../../src/core/sidecar/format';
import { serializeSidecar } from '../../src/core/sidecar/write';
import { explorerFolderAction, openWorkbench, runCommand, SCREENSHOTS, setTheme, workspaceFolder } from './workbench';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SOURCE = 'northwind-security-statement.txt';
const FOLDERS = ['coder-ada', 'coder-ben'];

function agreementPage(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Two coders' copies of one document. Ada reviewed every suggestion a scan stored; Ben's
 * copy differs from hers in three known ways: he left out a control, gave a date another
 * value and began a claim a word later.
 */
function twoCoders(root: string): { claimQuote: string; shortened: string } {
  const [ada, ben] = FOLDERS.map((f) => path.join(root, f)) as [string, string];
  for (const dir of [ada, ben]) {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(root, SOURCE), path.join(dir, SOURCE));
  }
  execFileSync(process.execPath, [CLI, 'detect', '--write', '--author', 'marginalia detect', ada]);
  const file = (dir: string): string => path.join(dir, `${SOURCE}.annotations.yaml`);
  const scanned = parse(fs.readFileSync(file(ada), 'utf8')) as Sidecar;
  const reviewed: Sidecar = {
    ...scanned,
    annotations: scanned.annotations.map((a) => ({ ...a, status: 'open', reviewer: 'ada', reviewed: '2026-12-06T09:00:00Z' })),
  };
  fs.writeFileSync(file(ada), serializeSidecar(reviewed));
  const text = Array.from(fs.readFileSync(path.join(ada, SOURCE), 'utf8').replace(/^\uFEFF/, ''));
  const control = reviewed.annotations.findIndex((a) => a.kind === 'control');
  const date = reviewed.annotations.findIndex((a) => a.kind === 'date');
  const claim = reviewed.annotations.findIndex((a) => a.kind === 'claim');
  const original = reviewed.annotations[claim];
  if (control < 0 || date < 0 || !original) throw new Error(`the scan of ${SOURCE} should find a control, a date and a claim`);
  const cut = original.quote.indexOf(' ') + 1;
  const shortened = original.quote.slice(cut);
  const annotations = reviewed.annotations
    .map((a, i) => {
      if (i === date) return { ...a, label: '1999-01-01', reviewer: 'ben' };
      if (i === claim) {
        const start = a.start + Array.from(original.quote.slice(0, cut)).length;
        return {
          ...a,
          start,
          quote: text.slice(start, a.end).join(''),
          prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start).join(''),
          reviewer: 'ben',
        };
      }
      return { ...a, reviewer: 'ben' };
    })
    .filter((_, i) => i !== control)
    // Ben's claims cannot link to a control he never marked.
    .map((a) => (a.about ? { ...a, about: a.about.filter((id) => id !== reviewed.annotations[control]?.id) } : a));
  fs.writeFileSync(file(ben), serializeSidecar({ ...reviewed, annotations }));
  return { claimQuote: original.quote, shortened };
}

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await openWorkbench(page);
  await setTheme(page, 'Dark Modern');
  await runCommand(page, 'View: Close All Editors');
  for (const name of FOLDERS) fs.rmSync(path.join(workspaceFolder(), name), { recursive: true, force: true });
  await page.close();
});

test("two coders' folders compared from the Explorer: the figures, exactly the three known disagreements, both versions side by side, the report as Markdown", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const root = workspaceFolder();
  const { shortened } = twoCoders(root);
  await openWorkbench(page);
  await setTheme(page, 'Light Modern');

  const picker = page.locator('.quick-input-widget');
  await explorerFolderAction(page, FOLDERS[0] ?? '', 'Compare Annotations of Folder With…', picker);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Another folder…' }).first().click();
  // VS Code's own folder dialog (a path box in the browser): the other coder's folder.
  const input = page.locator('.quick-input-widget input');
  const other = `${path.join(root, FOLDERS[1] ?? '')}/`;
  // The dialog fills in its starting folder itself: type over it once it has.
  await expect(page.locator('.quick-input-widget')).toContainText("The other coder's folder", { timeout: 10_000 });
  await expect(input).toHaveValue(/\/$/, { timeout: 10_000 });
  // The dialog may put its own folder back in the box while it lists a folder: type the
  // path again until it holds, and press the button only on the path typed.
  await expect(async () => {
    if ((await input.inputValue()) !== other) await input.fill(other);
    await expect(input).toHaveValue(other, { timeout: 1_000 });
    // Inside the folder, a folder dialog lists only the way up.
    await expect(page.locator('.quick-input-list .monaco-list-row', { hasText: FOLDERS[1] ?? '' })).toHaveCount(0, { timeout: 2_000 });
    await expect(input).toHaveValue(other, { timeout: 500 });
    await page.locator('.quick-input-widget').getByRole('button', { name: 'Compare With' }).click();
    await expect(page.locator('.quick-input-widget')).toBeHidden({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });

  const view = agreementPage(page);
  await expect(page.locator('.tab', { hasText: 'Agreement' }).first()).toBeVisible({ timeout: 30_000 });
  await expect(view.locator('h1')).toHaveText(`Agreement: ${FOLDERS[0]} × ${FOLDERS[1]}`, { timeout: 30_000 });
  await expect(view.locator('tr.disagreement')).toHaveCount(3);
  await expect(view.locator('tr.disagreement.only')).toContainText('only coder-ada');
  await expect(view.locator('tr.disagreement.label')).toContainText('1999-01-01');
  await expect(view.locator('tr.disagreement.span')).toContainText(shortened.slice(0, 40));
  // Every figure shown is a number or the dash of an undefined one.
  for (const cell of await view.locator('td.num').allTextContents()) expect(cell).toMatch(/^(-?\d\.\d{3}|—|)$/);
  await shot(page, 'agreement-report');

  // A row opens both versions beside the report, the span selected in each.
  await view.locator('tr.disagreement.span').click();
  await expect(page.locator('.editor-group-container')).toHaveCount(3, { timeout: 15_000 });
  await expect(page.locator('.statusbar')).toContainText(/\(\d+ selected\)/, { timeout: 15_000 });
  // Each coder's copy read cleanly: no problem reported for either sidecar.
  await expect(page.locator('[id="status.problems"]')).toHaveAttribute('aria-label', 'No Problems');
  await shot(page, 'agreement-both-versions');

  // The report as Markdown, to save or share.
  await page.locator('.tab', { hasText: 'Agreement' }).first().click();
  await view.getByRole('button', { name: 'Open as Markdown' }).click();
  await expect(page.locator('.editor-group-container.active .view-lines')).toContainText('# Agreement: coder-ada, coder-ben', {
    timeout: 15_000,
  });
  await shot(page, 'agreement-markdown');
  // An untitled report left behind would ask to be saved, and stay open for the next specs.
  await runCommand(page, 'View: Revert and Close Editor');
  await expect(page.locator('.tab', { hasText: 'Untitled' })).toHaveCount(0);
});
