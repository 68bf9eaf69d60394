// The PDF viewer page: an original PDF's pages drawn by pdf.js, turned to the page of an
// annotation with its quote marked, so a researcher checks a citation against the
// document as published. Pages are drawn only when near the view; the PDF's bytes come
// from the extension (nothing is fetched), and pdf.js parses in this page's thread (its
// worker module is bundled and handed over), so no worker script has to be allowed.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { findQuote, type QuoteOnPage } from '../../core/sources/pdfFind';
import { isViewerMessage, type GotoRequest, type PdfVsCodeApi } from './protocol';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

declare function acquireVsCodeApi(): PdfVsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

const ZOOMS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3] as const;
/** Room around the pages when they are fitted to the width. */
const MARGIN = 32;

/** A mark in the page's own units (scale 1, top-left origin). */
interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface PageView {
  n: number;
  proxy: pdfjs.PDFPageProxy;
  /** Size at scale 1, in CSS pixels. */
  width: number;
  height: number;
  section: HTMLElement;
  canvas: HTMLCanvasElement;
  layer: HTMLElement;
  drawnScale: number | undefined;
  task: pdfjs.RenderTask | undefined;
  marks: Rect[];
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const nameEl = el('span', { class: 'name' });
const prev = el('button', { type: 'button', title: 'Previous page', 'aria-label': 'Previous page' }, '‹');
const next = el('button', { type: 'button', title: 'Next page', 'aria-label': 'Next page' }, '›');
const pageInput = el('input', { type: 'number', min: '1', value: '1', 'aria-label': 'Page number', class: 'page-number' });
const total = el('span', { class: 'total' }, '…');
const zoomOut = el('button', { type: 'button', title: 'Zoom out', 'aria-label': 'Zoom out' }, '−');
const zoomLabel = el('span', { class: 'zoom', 'aria-live': 'polite' }, '');
const zoomIn = el('button', { type: 'button', title: 'Zoom in', 'aria-label': 'Zoom in' }, '+');
const fit = el('button', { type: 'button', title: 'Fit the pages to the width', 'aria-pressed': 'true' }, 'Fit width');
const toolbar = el(
  'div',
  { class: 'toolbar', role: 'group', 'aria-label': 'PDF pages' },
  nameEl,
  el('span', { class: 'group' }, prev, el('label', {}, 'Page ', pageInput, ' of ', total), next),
  el('span', { class: 'group' }, zoomOut, zoomLabel, zoomIn, fit),
);
const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
const pagesEl = el('div', { class: 'pages', tabindex: '0', role: 'region', 'aria-label': 'Pages' });
app.append(toolbar, status, pagesEl);

let pages: PageView[] = [];
let scale = 1;
let fitted = true;
let doc: pdfjs.PDFDocumentProxy | undefined;
/** Whether a page failed to draw since the PDF was opened (the error is told once). */
let drawFailed = false;

function say(text: string): void {
  status.textContent = text;
}

function fail(message: string): void {
  say(message);
  status.classList.add('error');
  vscode.postMessage({ type: 'error', message });
}

function fitScale(): number {
  const widest = Math.max(1, ...pages.map((p) => p.width));
  return Math.max(ZOOMS[0], Math.min(ZOOMS[ZOOMS.length - 1] ?? 3, (pagesEl.clientWidth - MARGIN) / widest));
}

function placeMarks(p: PageView): void {
  p.layer.replaceChildren(
    ...p.marks.map((r) => {
      const mark = el('div', { class: 'mark' });
      mark.style.left = `${r.x * scale}px`;
      mark.style.top = `${r.y * scale}px`;
      mark.style.width = `${r.w * scale}px`;
      mark.style.height = `${r.h * scale}px`;
      return mark;
    }),
  );
}

function draw(p: PageView): void {
  if (p.drawnScale === scale) return;
  p.task?.cancel();
  const ratio = window.devicePixelRatio || 1;
  const viewport = p.proxy.getViewport({ scale: scale * ratio });
  p.canvas.width = Math.floor(viewport.width);
  p.canvas.height = Math.floor(viewport.height);
  const task = p.proxy.render({ canvas: p.canvas, viewport });
  p.task = task;
  p.drawnScale = scale;
  task.promise.then(
    () => {
      if (p.task === task) p.task = undefined;
    },
    (e: unknown) => {
      if (e instanceof pdfjs.RenderingCancelledException || !pages.includes(p)) return;
      p.drawnScale = undefined;
      const why = `Page ${p.n} could not be drawn: ${e instanceof Error ? e.message : String(e)}`;
      // Said once: a damaged PDF would fail page after page as it is scrolled.
      if (drawFailed) say(why);
      else fail(why);
      drawFailed = true;
    },
  );
}

/** A page far from the view gives its drawing back: a drawn page holds megabytes, a long report hundreds. */
function release(p: PageView): void {
  p.task?.cancel();
  p.task = undefined;
  p.drawnScale = undefined;
  p.canvas.width = 0;
  p.canvas.height = 0;
}

const nearView = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      const p = pages[Number((entry.target as HTMLElement).dataset['page']) - 1];
      if (!p) continue;
      if (entry.isIntersecting) draw(p);
      else release(p);
    }
  },
  { root: pagesEl, rootMargin: '100% 0px' },
);

/** Sizes every page for the scale; pages near the view are drawn again by the observer. */
function layout(): void {
  for (const p of pages) {
    p.section.style.width = `${p.width * scale}px`;
    p.section.style.height = `${p.height * scale}px`;
    p.canvas.style.width = `${p.width * scale}px`;
    p.canvas.style.height = `${p.height * scale}px`;
    placeMarks(p);
    nearView.unobserve(p.section);
    nearView.observe(p.section);
  }
  zoomLabel.textContent = `${Math.round(scale * 100)}%`;
  fit.setAttribute('aria-pressed', String(fitted));
}

/** The page at the top of the view (the one the page number shows). */
function currentPage(): number {
  const top = pagesEl.scrollTop + pagesEl.clientHeight / 3;
  let current = 1;
  for (const p of pages) if (p.section.offsetTop <= top) current = p.n;
  return current;
}

function showPageNumber(): void {
  pageInput.value = String(currentPage());
}

function rescale(to: number, isFit: boolean): void {
  const keep = currentPage();
  const section = pages[keep - 1]?.section;
  const within = section ? (pagesEl.scrollTop - section.offsetTop) / Math.max(1, section.offsetHeight) : 0;
  scale = to;
  fitted = isFit;
  layout();
  if (section) pagesEl.scrollTop = section.offsetTop + within * section.offsetHeight;
}

function turnTo(n: number): PageView | undefined {
  const p = pages[Math.min(pages.length, Math.max(1, n)) - 1];
  if (!p) return undefined;
  pagesEl.scrollTop = p.section.offsetTop - 8;
  pageInput.value = String(p.n);
  return p;
}

/** The quote's marks on a page, in the page's units at scale 1. */
async function marksOn(p: PageView, quote: string, occurrence = 0): Promise<{ rects: Rect[]; found: QuoteOnPage | undefined }> {
  const content = await p.proxy.getTextContent();
  const items = content.items.filter((i): i is TextItem => 'str' in i);
  const found = findQuote(
    items.map((i) => i.str),
    quote,
    occurrence,
  );
  if (!found) return { rects: [], found };
  const viewport = p.proxy.getViewport({ scale: 1 });
  const rects = found.spans.flatMap((span): Rect[] => {
    const item = items[span.item];
    if (!item || item.str.length === 0) return [];
    const [a = 1, b = 0, c = 0, d = -1, e = 0, f = 0] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
    // The run's direction along its baseline (a, b) and its glyphs' upward one (c, d), on the
    // page as shown: a rotated page or vertical text turns both.
    const along = Math.hypot(a, b) || 1;
    const up = Math.hypot(c, d) || 1;
    const size = up || item.height;
    const share = item.width / item.str.length;
    const [ux, uy, vx, vy] = [a / along, b / along, c / up, d / up];
    const corners: [number, number][] = [];
    // Proportional within a piece: exact enough to mark words; a baseline's ascent above and descent below.
    for (const x of [share * span.from, share * span.to])
      for (const h of [-0.26 * size, 0.92 * size]) corners.push([e + ux * x + vx * h, f + uy * x + vy * h]);
    const xs = corners.map(([x]) => x);
    const ys = corners.map(([, y]) => y);
    const left = Math.min(...xs);
    const top = Math.min(...ys);
    return [{ x: left, y: top, w: Math.max(...xs) - left, h: Math.max(...ys) - top }];
  });
  return { rects, found };
}

async function goto(request: GotoRequest): Promise<void> {
  for (const p of pages) {
    if (p.marks.length > 0) {
      p.marks = [];
      placeMarks(p);
    }
  }
  const p = turnTo(request.page);
  if (!p) {
    // Nothing to show (the PDF could not be opened): answered all the same, so no one waits.
    vscode.postMessage({ type: 'shown', seq: request.seq, page: 0, marks: 0, pages: pages.length });
    return;
  }
  let count = 0;
  if (request.quote !== undefined && request.quote.trim() !== '') {
    const here = await marksOn(p, request.quote, request.occurrence);
    p.marks = here.rects;
    placeMarks(p);
    count += here.rects.length;
    // A quote over a page turn is marked on both pages.
    const other = here.found?.part === 'start' ? pages[p.n] : here.found?.part === 'end' ? pages[p.n - 2] : undefined;
    if (other) {
      const there = await marksOn(other, request.quote);
      other.marks = there.rects;
      placeMarks(other);
      count += there.rects.length;
    }
    const first = p.layer.firstElementChild as HTMLElement | null;
    if (first) pagesEl.scrollTop = p.section.offsetTop + first.offsetTop - pagesEl.clientHeight / 3;
  }
  say(
    `Page ${p.n} of ${pages.length}` +
      (request.quote === undefined
        ? ''
        : count > 0
          ? ': the annotation is marked.'
          : ': the annotation’s text was not found on this page.'),
  );
  showPageNumber();
  vscode.postMessage({ type: 'shown', seq: request.seq, page: p.n, marks: count, pages: pages.length });
}

async function open(name: string, data: Uint8Array | ArrayBuffer, request: GotoRequest | undefined): Promise<void> {
  nameEl.textContent = name;
  document.title = name;
  // The same PDF again (corrected on disk): stay at the page being read.
  const keep = pages.length > 0 ? currentPage() : undefined;
  say(`Opening ${name}…`);
  // The old pages stop drawing before their document goes.
  for (const p of pages) nearView.unobserve(p.section);
  const old = pages;
  pages = [];
  for (const p of old) p.task?.cancel();
  pagesEl.replaceChildren();
  drawFailed = false;
  await doc?.destroy();
  doc = undefined;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, verbosity: 0 }).promise;
  } catch (e) {
    const why = e instanceof Error && e.name === 'PasswordException' ? 'it needs a password' : e instanceof Error ? e.message : String(e);
    fail(`${name} could not be opened: ${why}.`);
    total.textContent = '0';
    if (request) await goto(request);
    return;
  }
  for (let n = 1; n <= doc.numPages; n++) {
    const proxy = await doc.getPage(n);
    const { width, height } = proxy.getViewport({ scale: 1 });
    const canvas = el('canvas', { 'aria-hidden': 'true' });
    const layer = el('div', { class: 'marks' });
    const section = el('div', { class: 'page', role: 'group', 'data-page': String(n), 'aria-label': `Page ${n}` }, canvas, layer);
    pages.push({ n, proxy, width, height, section, canvas, layer, drawnScale: undefined, task: undefined, marks: [] });
    pagesEl.append(section);
  }
  total.textContent = String(pages.length);
  pageInput.max = String(pages.length);
  scale = fitScale();
  layout();
  say(`${name}: ${pages.length} page${pages.length === 1 ? '' : 's'}`);
  vscode.postMessage({ type: 'opened', pages: pages.length });
  if (request) await goto(request);
  else if (keep !== undefined) turnTo(keep);
}

function zoomStep(direction: 1 | -1): void {
  const steps = direction > 0 ? ZOOMS.filter((z) => z > scale + 0.001) : ZOOMS.filter((z) => z < scale - 0.001).reverse();
  const to = steps[0];
  if (to !== undefined) rescale(to, false);
}

prev.addEventListener('click', () => turnTo(currentPage() - 1));
next.addEventListener('click', () => turnTo(currentPage() + 1));
pageInput.addEventListener('change', () => turnTo(Number(pageInput.value)));
zoomIn.addEventListener('click', () => {
  zoomStep(1);
});
zoomOut.addEventListener('click', () => {
  zoomStep(-1);
});
fit.addEventListener('click', () => {
  rescale(fitScale(), true);
});
pagesEl.addEventListener('scroll', showPageNumber, { passive: true });
let resizing: number | undefined;
new ResizeObserver(() => {
  window.clearTimeout(resizing);
  resizing = window.setTimeout(() => {
    if (fitted && pages.length > 0) rescale(fitScale(), true);
  }, 100);
}).observe(pagesEl);

let queue: Promise<void> = Promise.resolve();
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const m = event.data;
  if (!isViewerMessage(m)) return;
  // One at a time: a goto waits for the document it turns in.
  queue = queue
    .then(() => (m.type === 'open' ? open(m.name, m.data, m.goto) : goto(m)))
    .catch((e: unknown) => {
      fail(e instanceof Error ? e.message : String(e));
    });
});
vscode.postMessage({ type: 'ready' });
