import { expect, test } from './fixtures';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { SCREENSHOTS } from './workbench';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Stored {
  id: string;
  kind: string;
  status: string;
  orphaned?: boolean;
}

/**
 * The sample corpus, pre-annotated by the CLI, with a few claims reviewed by hand (one
 * note full of markup): what a researcher hands to a reader who has no editor.
 */
function annotatedCorpus(): { folder: string; sidecars: Map<string, Stored[]> } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-edition-'));
  fs.cpSync(path.join(ROOT, 'samples', 'corpus'), folder, { recursive: true });
  execFileSync(process.execPath, [CLI, 'detect', '--write', '--author', 'marginalia detect', folder]);
  const sidecars = new Map<string, Stored[]>();
  for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.annotations.yaml'))) {
    const file = path.join(folder, name);
    const doc = parseDocument(fs.readFileSync(file, 'utf8'));
    const list = doc.toJS() as { annotations: Stored[] };
    list.annotations.forEach((a, i) => {
      if (a.kind !== 'claim' || i % 3 !== 0) return;
      doc.setIn(['annotations', i, 'status'], i % 2 === 0 ? 'verified' : 'disputed');
      doc.setIn(['annotations', i, 'reviewer'], 'UI Tester');
      doc.setIn(['annotations', i, 'reviewed'], '2026-12-01T09:00:00Z');
      doc.setIn(['annotations', i, 'note'], 'Checked against the <b>filing</b> & its annex <script>alert(1)</script>');
    });
    fs.writeFileSync(file, doc.toString());
    sidecars.set(name.slice(0, -'.annotations.yaml'.length), (doc.toJS() as { annotations: Stored[] }).annotations);
  }
  return { folder, sidecars };
}

test('the annotated edition of the sample corpus reads without scripts: every annotation highlighted once with its note in the margin, and it prints', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { folder, sidecars } = annotatedCorpus();
  const out = path.join(folder, 'edition.html');
  execFileSync(process.execPath, [CLI, 'export', '--format', 'edition', '--include-suggestions', '--out', out, folder]);
  const html = fs.readFileSync(out, 'utf8');
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`file://${out}`);
  let total = 0;
  for (const [doc, annotations] of sidecars) {
    const shown = annotations.filter((a) => a.status !== 'dismissed' && a.orphaned !== true);
    total += shown.length;
    const ids = await page
      .locator(`mark[data-doc="${doc}"]`)
      .evaluateAll((marks) => [...new Set(marks.map((m) => m.getAttribute('data-id')))]);
    expect(ids.sort(), `highlighted annotations of ${doc}`).toEqual(shown.map((a) => a.id).sort());
    await expect(page.locator(`aside.note[data-doc="${doc}"]`)).toHaveCount(shown.length);
  }
  expect(total).toBeGreaterThan(30);
  // The note's markup is text, not markup.
  await expect(page.locator('aside.note', { hasText: '<script>alert(1)</script>' }).first()).toBeVisible();
  await expect(page.locator('aside.note b')).toHaveCount(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'edition.png') });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'edition-full.png'), fullPage: true });

  // Printed: as the print preview lays it out, and a PDF.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'edition-print.png') });
  const pdf = await page.pdf({ path: path.join(SCREENSHOTS, 'edition.pdf'), format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await context.close();
});
