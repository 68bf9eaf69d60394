import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { hoverOnText, openFile, openWorkbench, runCommand, SCREENSHOTS, setTheme } from './workbench';

/** The researcher's loop, as a user walks it, once per kind of theme. */
const THEMES = [
  { id: 'light', name: 'Light Modern' },
  { id: 'dark', name: 'Dark Modern' },
  { id: 'hc', name: 'Dark High Contrast' },
] as const;

function workspace(): string {
  const folder = process.env.MARGINALIA_UI_WORKSPACE;
  if (!folder) throw new Error('MARGINALIA_UI_WORKSPACE is set by scripts/test/ui.mjs');
  return folder;
}

interface StoredAnnotation {
  id: string;
  kind: string;
  label?: string;
  quote: string;
  status: string;
  reviewer?: string;
  tags?: string[];
}

function sidecar(name: string): StoredAnnotation[] {
  const file = path.join(workspace(), `${name}.annotations.yaml`);
  if (!fs.existsSync(file)) return [];
  return (parse(fs.readFileSync(file, 'utf8')) as { annotations: StoredAnnotation[] | null }).annotations ?? [];
}

async function shot(page: Page, theme: string, step: string): Promise<void> {
  // Hovers and notifications fade in: let them finish before the picture is taken.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `loop-${theme}-${step}.png`) });
}

// The theme is a user setting: put the one the other specs expect back afterwards.
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await openWorkbench(page);
  await setTheme(page, 'Dark Modern');
  await page.close();
});

for (const theme of THEMES) {
  test(`the researcher's loop in ${theme.name}: hover, accept from the hover, annotate with a typed label, undo, scan, export`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    // A fresh copy per theme, so each run starts from suggestions only.
    const name = `loop-${theme.id}.md`;
    fs.copyFileSync(path.join(workspace(), 'vendor-assessment-notes.md'), path.join(workspace(), name));
    await openWorkbench(page);
    await setTheme(page, theme.name);
    await openFile(page, name);
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await expect.poll(async () => editor.locator('.view-overlays [class*="ced-"]').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    await shot(page, theme.id, '1-suggestions');

    // Hover a control: its card, the legend, and Accept / Dismiss.
    await hoverOnText(page, 'FedRAMP Moderate');
    const hover = page.locator('.monaco-hover:not(.hidden)');
    await expect(hover).toContainText('Suggestion', { timeout: 15_000 });
    // The actions come right after the title, in view without scrolling the card.
    await expect(hover.locator('a', { hasText: 'Dismiss' }).first()).toBeInViewport();
    await expect(hover).toContainText('claims dotted, dates dashed, controls boxed');
    const accept = hover.locator('a', { hasText: 'Accept' }).first();
    await expect(accept).toBeVisible();
    await shot(page, theme.id, '2-hover');
    await accept.click();
    await expect.poll(() => sidecar(name).filter((a) => a.status === 'open').length, { timeout: 10_000 }).toBe(1);
    const accepted = sidecar(name).find((a) => a.status === 'open');
    expect(accepted?.kind).toBe('control');
    expect(accepted?.reviewer).toBe('UI Tester');
    await expect(page.locator('.statusbar')).toContainText('Accepted control');
    await page.mouse.move(5, 400);
    await shot(page, theme.id, '3-accepted');

    // Annotate a sentence as a claim with a label that is not a claim type: it is kept as a tag.
    await hoverOnText(page, 'Recommendation: proceed');
    await page.mouse.down();
    await page.mouse.up();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await runCommand(page, 'Marginalia: Annotate Selection…');
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('input');
    await expect(widget).toContainText('kind');
    await input.fill('claim');
    await page.keyboard.press('Enter');
    await expect(widget).toContainText('label');
    await input.fill('user-base figure');
    await expect(widget.locator('.monaco-list-row', { hasText: 'Tag “user-base figure”' })).toBeVisible();
    await shot(page, theme.id, '4-typed-label');
    await page.keyboard.press('Enter');
    await expect(widget).toContainText('note');
    await input.fill('Ask for the report.');
    await page.keyboard.press('Enter');
    await expect.poll(() => sidecar(name).find((a) => a.tags?.includes('user-base figure'))?.kind, { timeout: 10_000 }).toBe('claim');
    expect(sidecar(name).find((a) => a.tags?.includes('user-base figure'))?.label).toBeUndefined();
    await shot(page, theme.id, '5-annotated');

    // Ctrl+Z right after: the annotation goes, the text stays as it was.
    await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Z');
    await expect.poll(() => sidecar(name).some((a) => a.tags?.includes('user-base figure')), { timeout: 10_000 }).toBe(false);
    await expect(page.locator('.statusbar')).toContainText('Undid');
    await shot(page, theme.id, '6-undone');
    expect(fs.readFileSync(path.join(workspace(), name), 'utf8')).toBe(
      fs.readFileSync(path.join(workspace(), 'vendor-assessment-notes.md'), 'utf8'),
    );

    // Scan: asked first; the findings are stored as suggestions, still shown as suggestions.
    await runCommand(page, 'Marginalia: Scan Workspace');
    const dialog = page.locator('.monaco-dialog-box');
    await expect(dialog).toContainText('stored as suggestions');
    await shot(page, theme.id, '7-scan-asks');
    await dialog.getByRole('button', { name: 'Scan and Store Suggestions' }).click();
    await expect(page.locator('.notifications-toasts')).toContainText(/Scanned \d+ files?: \d+ new suggestions? stored/, {
      timeout: 60_000,
    });
    const stored = sidecar(name);
    expect(stored.filter((a) => a.status === 'suggested').length).toBeGreaterThan(3);
    expect(stored.filter((a) => a.status === 'open').length).toBe(1);
    await page.locator('.activitybar .action-item a[aria-label^="Marginalia"]').click();
    const tree = page.locator('.sidebar .monaco-list').first();
    await expect(tree.locator('.monaco-list-row', { hasText: name })).toContainText(/1 annotated · \d+ suggested/);
    await shot(page, theme.id, '8-scanned');

    // Export: reviewed annotations only, said so.
    await runCommand(page, 'Marginalia: Export Annotations…');
    await expect(widget).toContainText('format');
    await input.fill('Markdown');
    await page.keyboard.press('Enter');
    await expect(widget).toContainText('what to export');
    await widget.locator('.monaco-list-row', { hasText: 'This file' }).click();
    await expect(widget).toContainText('options');
    await expect(widget).toContainText('Include suggestions not reviewed yet');
    await shot(page, theme.id, '9-export-options');
    await page.keyboard.press('Enter');
    // The save dialog proposes a file beside the workspace folder, not among the documents.
    await expect(input).toHaveValue(/-annotations\.md$/, { timeout: 10_000 });
    expect(await input.inputValue()).not.toContain(`${path.basename(workspace())}/`);
    await input.fill(path.join(path.dirname(workspace()), `report-${theme.id}.md`));
    await page.keyboard.press('Enter');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Exported' });
    await expect(toast).toContainText(/Exported 1 reviewed annotation .*unreviewed suggestions? left out/, { timeout: 20_000 });
    await shot(page, theme.id, '10-exported');
    const report = fs.readFileSync(path.join(path.dirname(workspace()), `report-${theme.id}.md`), 'utf8');
    expect(report).toContain('<!-- Generated by Marginalia');
  });
}
