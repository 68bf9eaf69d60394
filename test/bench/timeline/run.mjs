// `npm run bench -- timeline`: the timeline webview in Debian's Chromium, on 1,000 and
// 10,000 synthetic items: the data message to a painted chart, a zoom step, the text and
// kind filters, a data update, the table view and saving. Figures only, no assertions.
//   node test/bench/timeline/run.mjs [--shots DIR]   DIR: screenshots of the themes and views
/* global window, document, requestAnimationFrame, WheelEvent, KeyboardEvent */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/vscode-host/browser.mjs';
import { root } from '../../../scripts/test/results.mjs';
import { dataMessage, sidecarsOf, syntheticItems } from './data.mjs';

const require = createRequire(import.meta.url);
const harness = pathToFileURL(join(root, 'test', 'bench', 'timeline', 'harness.html')).href;
const shotsAt = process.argv.indexOf('--shots');
const shotsDir = shotsAt > 0 ? process.argv[shotsAt + 1] : undefined;

/** Builds only the timeline bundle, with esbuild.js's own options for it. */
async function buildBundle() {
  const esbuild = require('esbuild');
  const { common, targets } = require(join(root, 'esbuild.js'));
  const target = targets.find((t) => t.outfile === 'dist/webview/timeline.js');
  if (!target) throw new Error('esbuild.js has no timeline webview target');
  const options = { ...target };
  delete options.label;
  await esbuild.build({ ...common, ...options, minify: true, sourcemap: false, absWorkingDir: root });
}

// ---- page-side steps (run inside the page by page.evaluate) ----

async function timePost(page, message) {
  return page.evaluate(async (message) => {
    const before = Number(document.body.dataset.renders ?? 0);
    const t0 = performance.now();
    window.postMessage(message, '*');
    await window.__bench.afterRender(before);
    return performance.now() - t0;
  }, message);
}

/** Each wheel step: dispatch, then wait for the chart's redraw frame and the paint after it. */
async function timeZoomSteps(page, steps) {
  return page.evaluate(async (steps) => {
    const frame = document.querySelector('.chart-frame');
    const box = frame.getBoundingClientRect();
    const times = [];
    for (let i = 0; i < steps; i++) {
      const before = Number(document.body.dataset.zooms ?? 0);
      const t0 = performance.now();
      frame.dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: i < steps * 0.66 ? -120 : 120,
          clientX: box.left + box.width * 0.6,
          clientY: box.top + 60,
          bubbles: true,
          cancelable: true,
          view: window,
        }),
      );
      await new Promise((resolve) => {
        const wait = () => (Number(document.body.dataset.zooms ?? 0) > before ? setTimeout(resolve, 0) : requestAnimationFrame(wait));
        requestAnimationFrame(wait);
      });
      times.push(performance.now() - t0);
    }
    return times;
  }, steps);
}

/** Changes a control the way a user does (an input or change event) and times the render. */
async function timeControl(page, label, value, kind) {
  return page.evaluate(
    async ([label, value, kind]) => {
      const el = document.querySelector(`[aria-label="${label}"]`);
      const before = Number(document.body.dataset.renders ?? 0);
      const t0 = performance.now();
      el.value = value;
      if (kind === 'text') el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      else el.dispatchEvent(new Event('change', { bubbles: true }));
      await window.__bench.afterRender(before);
      return performance.now() - t0;
    },
    [label, value, kind],
  );
}

async function timeTable(page) {
  return page.evaluate(async () => {
    const afterRender = window.__bench.afterRender;
    const button = document.querySelector('[aria-label="Table"]');
    const before = Number(document.body.dataset.renders ?? 0);
    delete document.body.dataset.tableRows;
    const t0 = performance.now();
    button.click();
    await afterRender(before);
    const first = performance.now() - t0;
    const rows = document.querySelectorAll('.timeline-table tbody tr').length;
    // The next page of rows, as the "Show more" button adds it.
    const more = document.querySelector('[aria-label="Show more rows"]');
    const hadMore = !more.hidden;
    const t1 = performance.now();
    if (hadMore) more.click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const all = hadMore ? performance.now() - t1 : 'none';
    button.click();
    await afterRender(before + 1);
    return { first, all, rows };
  });
}

async function timeSave(page, format) {
  return page.evaluate(async (format) => {
    const posted = window.__bench.posted;
    const count = posted.length;
    const t0 = performance.now();
    document.querySelector(`[aria-label="Save as ${format.toUpperCase()}"]`).click();
    await new Promise((resolve) => {
      const wait = () => (posted.length > count ? resolve() : setTimeout(wait, 5));
      wait();
    });
    const message = posted[posted.length - 1];
    return { ms: performance.now() - t0, bytes: message.data.length };
  }, format);
}

// ---- figures ----

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

function printRow(what, a, b, aim = '') {
  const cell = (v) => (typeof v === 'number' ? `${v.toFixed(1)} ms` : v).padStart(14);
  console.log(`${what.padEnd(44)}${cell(a)}${cell(b)}   ${aim}`);
}

async function openPage(browser, theme) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${harness}?theme=${theme}`);
  await page.waitForFunction(() => window.__bench.posted.some((m) => m.type === 'ready'));
  return { page, errors };
}

async function measure(browser, count) {
  const { page, errors } = await openPage(browser, 'light');
  const message = dataMessage(count);
  const render = await timePost(page, message);
  const marks = await page.evaluate(() => [document.querySelectorAll('.mark').length, Number(document.body.dataset.rendered)]);
  const update = await timePost(page, message);
  const zoom = await timeZoomSteps(page, 30);
  await page.click('[aria-label="Fit"]');
  const text = await timeControl(page, 'Filter by text', 'audit', 'text');
  const textShown = await page.evaluate(() => document.querySelectorAll('.mark').length);
  await timeControl(page, 'Filter by text', '', 'text');
  const kind = await timeControl(page, 'Kind', 'date', 'select');
  await timeControl(page, 'Kind', 'all', 'select');
  const lanes = await timeControl(page, 'Lanes', 'control', 'select');
  const controlMarks = await page.evaluate(() => document.querySelectorAll('.mark').length);
  await timeControl(page, 'Lanes', 'document', 'select');
  const table = await timeTable(page);
  const svg = await timeSave(page, 'svg');
  const png = await timeSave(page, 'png');
  const violations = await page.evaluate(() => window.__bench.violations);
  await page.close();
  return { render, marks, update, zoom, text, textShown, kind, lanes, controlMarks, table, svg, png, violations, errors };
}

async function screenshots(browser, dir) {
  mkdirSync(dir, { recursive: true });
  for (const theme of ['light', 'dark', 'hc']) {
    const { page, errors } = await openPage(browser, theme);
    await timePost(page, dataMessage(240, 7));
    await page.screenshot({ path: join(dir, `${theme}-chart.png`) });
    const mark = page.locator('.mark.r-due.point').nth(3);
    await mark.hover();
    await page.screenshot({ path: join(dir, `${theme}-tooltip.png`) });
    if (theme === 'light') {
      await page.mouse.move(5, 5);
      await page.focus('.chart-frame');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      await page.screenshot({ path: join(dir, 'light-keyboard.png') });
      for (let i = 0; i < 6; i++) await page.keyboard.press('+');
      await page.screenshot({ path: join(dir, 'light-zoomed.png') });
      await page.selectOption('[aria-label="Lanes"]', 'control');
      await page.click('[aria-label="Fit"]');
      await page.screenshot({ path: join(dir, 'light-control-lanes.png') });
      await page.selectOption('[aria-label="Status"]', 'suggested');
      await page.screenshot({ path: join(dir, 'light-suggested-only.png') });
      await page.selectOption('[aria-label="Status"]', 'all');
      await page.click('[aria-label="Table"]');
      await page.screenshot({ path: join(dir, 'light-table.png') });
      await page.click('[aria-label="Table"]');
      const png = await timeSave(page, 'png');
      const data = await page.evaluate(() => window.__bench.posted.at(-1).data);
      writeFileSync(join(dir, 'light-export.png'), Buffer.from(data, 'base64'));
      await timeSave(page, 'svg');
      writeFileSync(join(dir, 'light-export.svg'), await page.evaluate(() => window.__bench.posted.at(-1).data));
      console.log(`  saved PNG: ${(png.bytes / 1024).toFixed(0)} KiB of base64`);
      await timePost(page, {
        type: 'data',
        timeline: { items: [], undated: 3, documents: 4 },
        title: 'Timeline: empty',
        today: '2025-06-15',
      });
      await page.screenshot({ path: join(dir, 'light-empty.png') });
    }
    if (theme === 'dark') {
      await timePost(page, dataMessage(10000));
      await page.screenshot({ path: join(dir, 'dark-10k.png') });
      await page.click('[aria-label="Table"]');
      await page.screenshot({ path: join(dir, 'dark-table.png') });
    }
    const violations = await page.evaluate(() => window.__bench.violations);
    if (errors.length || violations.length) console.log(`  ${theme}: errors ${JSON.stringify(errors)} CSP ${JSON.stringify(violations)}`);
    await page.close();
  }
  console.log(`  screenshots in ${dir}`);
}

/**
 * The extension's side: buildTimeline (core, compiled by `npm run bench`) over the
 * sidecars the synthetic items come from; median of 7 runs after a warm-up.
 */
function coreBuild(count) {
  const { buildTimeline } = require(join(root, 'out', 'src', 'core', 'timeline', 'items.js'));
  const docs = sidecarsOf(syntheticItems(count));
  const times = [];
  let marks = 0;
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    marks = buildTimeline(docs).items.length;
    if (i > 0) times.push(performance.now() - t0);
  }
  return { ms: median(times), marks };
}

async function main() {
  await buildBundle();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
  try {
    if (shotsDir) {
      await screenshots(browser, shotsDir);
      return;
    }
    const small = await measure(browser, 1000);
    const large = await measure(browser, 10000);
    console.log('\ntimeline webview (Chromium, 1400×900; times include the frame that paints the result)');
    printRow('', '1,000 items', '10,000 items', 'aim (10,000)');
    const [coreSmall, coreLarge] = [coreBuild(1000), coreBuild(10000)];
    printRow('marks built from sidecars (core, Node)', coreSmall.ms, coreLarge.ms);
    printRow('data message → chart painted', small.render, large.render, '< 1000 ms');
    printRow('data update (same filters and zoom)', small.update, large.update);
    printRow('zoom step, median of 30 wheel steps', median(small.zoom), median(large.zoom), '< 50 ms');
    printRow('zoom step, p95', p95(small.zoom), p95(large.zoom), '< 50 ms');
    printRow('text filter "audit"', small.text, large.text, 'responsive');
    printRow('kind filter: dates', small.kind, large.kind, 'responsive');
    printRow('lanes by control', small.lanes, large.lanes);
    printRow('table view (first 500 rows) painted', small.table.first, large.table.first);
    printRow('table: "Show more" (500 rows) painted', small.table.all, large.table.all);
    printRow('save as SVG', small.svg.ms, large.svg.ms);
    printRow('save as PNG', small.png.ms, large.png.ms);
    printRow('marks drawn / data-rendered', `${small.marks[0]}/${small.marks[1]}`, `${large.marks[0]}/${large.marks[1]}`);
    printRow('marks built from the sidecars', String(coreSmall.marks), String(coreLarge.marks));
    printRow(
      'marks after "audit" / in control lanes',
      `${small.textShown}/${small.controlMarks}`,
      `${large.textShown}/${large.controlMarks}`,
    );
    printRow('table rows in the first page', String(small.table.rows), String(large.table.rows));
    printRow('SVG size', `${(small.svg.bytes / 1024).toFixed(0)} KiB`, `${(large.svg.bytes / 1024).toFixed(0)} KiB`);
    for (const [n, r] of [
      ['1,000', small],
      ['10,000', large],
    ]) {
      if (r.errors.length) console.log(`page errors (${n}): ${r.errors.join('; ')}`);
      if (r.violations.length) console.log(`CSP violations (${n}): ${r.violations.join('; ')}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
