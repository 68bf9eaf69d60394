import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hoverUntil, openWorkbench, runCommand, SCREENSHOTS, workspaceFolder } from './workbench';

const ROOT = path.join(__dirname, '..', '..');
const FOLDER = 'pdf-sources';

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await openWorkbench(page);
  await runCommand(page, 'View: Close All Editors');
  await page.close();
  fs.rmSync(path.join(workspaceFolder(), FOLDER), { recursive: true, force: true });
});

test('Add Source… makes a PDF a text to annotate: underlined suggestions, one accepted from a hover that names the page, and the original opened at it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const folder = path.join(workspaceFolder(), FOLDER);
  fs.mkdirSync(folder, { recursive: true });
  // The repository's own fixture (scripts/fixtures/make-pdfs.mjs): a three-page report with a running header and page numbers.
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'sources', 'report.pdf'), path.join(folder, 'report.pdf'));
  await openWorkbench(page);
  await runCommand(page, 'Marginalia: Add Source…');
  // VS Code's own file dialog (the simple one in a browser): the path typed, then Enter.
  const input = page.locator('.quick-input-widget input');
  await expect(input).toBeVisible();
  // The dialog writes its starting folder into the input once it has listed it, which can
  // come after a path typed (or even accepted) too early: wait for it, and while the dialog
  // is still open, type the path and accept it again.
  await expect(input).toHaveValue(/[\\/]$/, { timeout: 15_000 });
  const target = path.join(folder, 'report.pdf');
  await expect(async () => {
    if (await input.isVisible()) {
      await input.fill(target);
      await expect(input).toHaveValue(target, { timeout: 2_000 });
      await expect(page.locator('.quick-input-list .monaco-list-row', { hasText: 'report.pdf' }).first()).toBeVisible({ timeout: 5_000 });
      await input.press('Enter');
    }
    await expect(page.locator('.tabs-container .tab.active')).toContainText('report.pdf.txt', { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.locator('.notifications-toasts')).toContainText('added pdf-sources/report.pdf (3 pages)', { timeout: 15_000 });
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await expect(editor).toContainText('Transparency Report 2025');
  await expect(editor).not.toContainText('Page 1 of 3');
  await expect.poll(async () => editor.locator('.view-overlays [class*="ced-"]').count(), { timeout: 20_000 }).toBeGreaterThan(5);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'pdf-source-added.png') });

  // Annotated as any text: the regulator's suggestion accepted from its hover.
  const suggested = await hoverUntil(page, 'Irish Data Protection', 'Page 2 of report.pdf');
  await expect(suggested).toContainText('Suggestion, not reviewed yet');
  // The regulator's Accept comes first: the innermost suggestion leads the hover (the claim around it follows).
  await suggested.getByText('Accept', { exact: true }).first().click();
  await expect
    .poll(() => fs.readFileSync(path.join(folder, 'report.pdf.txt.annotations.yaml'), 'utf8'), { timeout: 15_000 })
    .toContain('quote: "Irish Data Protection Commission"');
  await page.mouse.move(5, 5);
  const hover = await hoverUntil(page, 'Irish Data Protection', 'Page 2 of report.pdf');
  await expect(hover).toContainText('Irish Data Protection Commission');
  await expect(hover).toContainText('Annotation · control: ie-dpc · open');
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'pdf-source-hover.png') });

  // The page link opens the original in Marginalia's own PDF viewer beside the text, at page 2, the name marked there.
  await hover.getByText('Page 2 of report.pdf').click();
  await expect(page.locator('.tabs-container .tab', { hasText: 'report.pdf' }).filter({ hasNotText: '.txt' })).toBeVisible({
    timeout: 15_000,
  });
  const viewer = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await expect(viewer.locator('.status')).toHaveText('Page 2 of 3: the annotation is marked.', { timeout: 20_000 });
  await expect(viewer.locator('.page-number')).toHaveValue('2');
  await expect(viewer.locator('.page[data-page="2"] .mark').first()).toBeVisible();
  // The mark lies on the page where its words are printed: inside page 2's box.
  const pageBox = await viewer.locator('.page[data-page="2"]').boundingBox();
  const markBox = await viewer.locator('.page[data-page="2"] .mark').first().boundingBox();
  expect(pageBox && markBox && markBox.y > pageBox.y && markBox.y + markBox.height < pageBox.y + pageBox.height).toBe(true);
  // The text it was made from stays in view beside the viewer.
  await expect(page.locator('.editor-instance .monaco-editor').first()).toContainText('Irish Data Protection');
  await page.mouse.move(5, 5);
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'pdf-source-original.png') });
  // Its toolbar: the next page, then zoom in.
  await viewer.getByRole('button', { name: 'Next page' }).click();
  await expect(viewer.locator('.page-number')).toHaveValue('3');
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await expect(viewer.locator('.zoom')).not.toHaveText('');
  // The sidecar says where the text came from.
  const sidecar = fs.readFileSync(path.join(folder, 'report.pdf.txt.annotations.yaml'), 'utf8');
  expect(sidecar).toContain('original: report.pdf');
  expect(sidecar).toContain('pages: [0, 309, 574]');
});
