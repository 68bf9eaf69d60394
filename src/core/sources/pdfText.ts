// A PDF's text as a reader sees it, from the positioned pieces of text a PDF library
// returns for each page (pdf.js's getTextContent): lines in reading order (two columns
// read one after the other), a paragraph per line, words split at a line end joined,
// ligatures and odd spaces as a reader sees them, running headers, footers and page
// numbers left out (kept, with their page, for the record), and a map from the text's
// offsets to the pages. A PDF without a text layer (scanned) is said to be one.
import { OffsetMap } from '../text/offsets';

/** One piece of text on a page, as the PDF places it (PDF units, y growing upwards). */
export interface PdfTextItem {
  str: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size, about the height of a line. */
  height: number;
}

export interface PdfPageText {
  width: number;
  height: number;
  items: readonly PdfTextItem[];
}

/** Where a page's text is: code-point offsets into the text, start inclusive, end exclusive. */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

/** A line left out of the text: a running header or footer, or a page number. */
export interface LeftOut {
  page: number;
  role: 'header' | 'footer' | 'page number';
  text: string;
}

export interface PdfText {
  /** Paragraphs separated by a blank line; a page that ends a paragraph is followed by a form feed on its own line. */
  text: string;
  pages: PageSpan[];
  leftOut: LeftOut[];
  /** No text layer to speak of: a scanned PDF, whose text needs OCR first. */
  scanned: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
  /** Pieces set apart by gaps wider than any word space (a table row's cells): 1 for running text. */
  cells: number;
}

/** A gap between pieces of a line this many font sizes wide or wider parts a table's cells; no justified word space is as wide. */
const CELL_GAP = 2;

/** The page separator: a form feed on its own line (a paragraph break around it). */
export const PAGE_BREAK = '\n\f\n';

const LIGATURES: Record<string, string> = { ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl', ﬃ: 'ffi', ﬄ: 'ffl', ﬅ: 'st', ﬆ: 'st' };

/** What a reader sees: ligatures as their letters, every kind of space as a space, invisible characters gone. */
export function readerText(s: string): string {
  return s
    .replace(/[ﬀ-ﬆ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/** The pieces with text, by baseline (within a third of the font size), top to bottom. */
function baselineRows(items: readonly PdfTextItem[]): PdfTextItem[][] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (row && first && Math.abs(first.y - item.y) <= Math.max(1, Math.min(first.height, item.height) / 3)) row.push(item);
    else rows.push([item]);
  }
  return rows;
}

/**
 * A superscript (a footnote mark, "1") sits a little above its line's baseline in a smaller
 * font, so it forms a row of its own; it belongs to the line just below it.
 */
function raisedMarksJoined(rows: PdfTextItem[][]): PdfTextItem[][] {
  const out: PdfTextItem[][] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as PdfTextItem[];
    const below = rows[k + 1];
    const size = Math.max(...row.map((i) => i.height));
    const belowSize = below ? Math.max(...below.map((i) => i.height)) : 0;
    const rise = below ? (row[0] as PdfTextItem).y - (below[0] as PdfTextItem).y : Infinity;
    const mark = row.every((i) => /^\s*[\d*†‡§]{1,3}\s*$/.test(i.str));
    if (below && mark && size < belowSize * 0.85 && rise > 0 && rise <= belowSize * 0.6) below.push(...row);
    else out.push(row);
  }
  return out;
}

/** Pieces on one baseline (within a third of the font size), left to right, spaced where the PDF leaves a gap. */
function linesOf(items: readonly PdfTextItem[]): Line[] {
  return raisedMarksJoined(baselineRows(items)).map((row) => {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let right = -Infinity;
    let cells = 1;
    for (const item of row) {
      const gap = item.x - right;
      if (text !== '' && gap > item.height * 0.15 && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
      // The gap after a list's bullet or number is not between cells.
      if (text.trim() !== '' && !LIST_MARK.test(text.trim()) && gap >= item.height * CELL_GAP) cells++;
      text += item.str;
      right = Math.max(right, item.x + item.width);
    }
    const first = row[0] as PdfTextItem;
    return {
      text: readerText(text).replace(/ {2,}/g, ' ').trim(),
      x: first.x,
      y: first.y,
      right,
      size: Math.max(...row.map((i) => i.height)),
      cells,
    };
  });
}

/** Pieces of one baseline that touch or nearly touch (less than 0.8 of the font size apart): a word, a phrase, a column's line. */
interface Run {
  items: PdfTextItem[];
  x: number;
  right: number;
  y: number;
  size: number;
}

/**
 * The runs of a page. Producers cut text into pieces of any size (Chrome at every soft
 * hyphen and ligature, "Par" | "lia" | "ment"); a column gutter is a gap between runs,
 * never inside one, whatever the pieces.
 */
function runsOf(items: readonly PdfTextItem[]): Run[] {
  const runs: Run[] = [];
  for (const row of baselineRows(items)) {
    row.sort((a, b) => a.x - b.x);
    let run: Run | undefined;
    for (const item of row) {
      if (run && item.x - run.right < 0.8 * Math.max(run.size, item.height)) {
        run.items.push(item);
        run.right = Math.max(run.right, item.x + item.width);
        run.size = Math.max(run.size, item.height);
      } else {
        run = { items: [item], x: item.x, right: item.x + item.width, y: item.y, size: item.height };
        runs.push(run);
      }
    }
  }
  return runs;
}

/**
 * Reading order on a page with two columns: where a vertical gutter near the middle
 * separates several lines on each side, the lines that cross it (a title, a full-width
 * paragraph) split the page into bands, and each band is read left column first. A piece
 * on the baseline of a crossing line belongs to that line, so nothing falls between bands.
 */
function readingOrder(items: readonly PdfTextItem[], width: number): Line[] {
  const runs = runsOf(items);
  const gutter = findGutter(runs, width);
  if (gutter === undefined) return linesOf(items);
  const crossingRuns = runs.filter((r) => r.x < gutter && r.right > gutter);
  const onWideBaseline = (r: Run): boolean => crossingRuns.some((c) => Math.abs(c.y - r.y) <= Math.max(1, Math.min(c.size, r.size) / 3));
  const wideRuns = runs.filter(onWideBaseline);
  const wide = linesOf(wideRuns.flatMap((r) => r.items));
  const rest = runs.filter((r) => !onWideBaseline(r));
  const out: Line[] = [];
  // Bands between full-width lines, top to bottom.
  const edges = [Infinity, ...wide.map((l) => l.y), -Infinity];
  for (let b = 0; b + 1 < edges.length; b++) {
    const top = edges[b] as number;
    const bottom = edges[b + 1] as number;
    const band = rest.filter((r) => r.y < top && r.y > bottom);
    const left = band.filter((r) => r.x < gutter).flatMap((r) => r.items);
    const right = band.filter((r) => r.x >= gutter).flatMap((r) => r.items);
    out.push(...linesOf(left), ...linesOf(right));
    const line = wide[b];
    if (line) out.push(line);
  }
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The x of a gutter in the middle of the page: a vertical strip that most runs leave
 * empty, with runs on both sides over the same stretch of the page (at least three lines
 * each, baselines aligned or not: a column may be shifted by its paragraph spacing), the
 * two sides about as wide as each other or filled by their lines. A table's narrow
 * column of short labels beside its cells is neither, so a table is not read as columns.
 */
function findGutter(runs: readonly Run[], width: number): number | undefined {
  if (runs.length < 6) return undefined;
  const from = width * 0.3;
  const to = width * 0.7;
  const step = Math.max(1, width / 200);
  let best: { x: number; crossing: number } | undefined;
  for (let x = from; x <= to; x += step) {
    const crossing = runs.filter((r) => r.x < x && r.right > x).length;
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  // A heading or a closing paragraph may cross the gutter; most lines must not.
  if (!best || best.crossing > runs.length * 0.35) return undefined;
  const x = best.x;
  const left = runs.filter((r) => r.right <= x);
  const right = runs.filter((r) => r.x >= x);
  if (left.length < 3 || right.length < 3) return undefined;
  const span = (side: readonly Run[]): [number, number] => [Math.min(...side.map((r) => r.y)), Math.max(...side.map((r) => r.y))];
  const [rightLow, rightHigh] = span(right);
  const [leftLow, leftHigh] = span(left);
  const leftBeside = left.filter((r) => r.y >= rightLow && r.y <= rightHigh).length;
  const rightBeside = right.filter((r) => r.y >= leftLow && r.y <= leftHigh).length;
  if (leftBeside < 3 || rightBeside < 3) return undefined;
  // Columns of text are about as wide as each other, or their lines reach across them; a
  // table's label column is narrow beside the cells and its labels short.
  const ratio = extent(left) / extent(right);
  const balanced = ratio >= 2 / 3 && ratio <= 1.5;
  const filled = ratio >= 0.4 && ratio <= 2.5 && Math.min(fill(left), fill(right)) >= COLUMN_FILL;
  return balanced || filled ? x : undefined;
}

/** Lines that fill at least this median share of their side's width are a column's, even beside a narrower or wider one. */
const COLUMN_FILL = 0.75;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** The lines on one side of a gutter: its runs on one baseline taken together. */
function sideLines(side: readonly Run[]): { x: number; right: number }[] {
  const lines = new Map<number, { x: number; right: number }>();
  for (const r of side) {
    const key = Math.round(r.y);
    const line = lines.get(key);
    if (line) {
      line.x = Math.min(line.x, r.x);
      line.right = Math.max(line.right, r.right);
    } else lines.set(key, { x: r.x, right: r.right });
  }
  return [...lines.values()];
}

/** How wide one side is: from where most of its lines start to where most end (a stray page number does not widen it). */
function extent(side: readonly Run[]): number {
  const lines = sideLines(side);
  const start = percentile(
    lines.map((l) => l.x),
    0.1,
  );
  const end = percentile(
    lines.map((l) => l.right),
    0.9,
  );
  return Math.max(0, end - start);
}

/** How far the lines on one side reach across it: their median width over the side's extent. */
function fill(side: readonly Run[]): number {
  const width = extent(side);
  return width > 0 ? median(sideLines(side).map((l) => l.right - l.x)) / width : 0;
}

const PAGE_NUMBER =
  /^(?:(?:page|p\.|seite|página|pagina)\s*)?(?:\d{1,4}|[ivxlcdm]{1,6})(?:\s*(?:of|\/|de|von|sur)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

/** A line with its digits blurred: "Report 2025 — page 3" and "… page 4" are one running line. */
function shape(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/** The lines of each page without its running headers and footers and page numbers. */
function bodies(pages: readonly Line[][], heights: readonly number[]): { body: Line[][]; leftOut: LeftOut[] } {
  const leftOut: LeftOut[] = [];
  const EDGE_LINES = 2;
  // The edges by height on the page, not by reading order: with two columns, a footer on
  // the left column's last baseline is read before the right column.
  const edgesOf = (lines: readonly Line[]): { top: Set<Line>; bottom: Set<Line> } => {
    const ys = [...new Set(lines.map((l) => Math.round(l.y)))].sort((a, b) => b - a);
    const topYs = new Set(ys.slice(0, EDGE_LINES));
    const bottomYs = new Set(ys.slice(-EDGE_LINES));
    return {
      top: new Set(lines.filter((l) => topYs.has(Math.round(l.y)))),
      bottom: new Set(lines.filter((l) => bottomYs.has(Math.round(l.y)))),
    };
  };
  const edges = pages.map(edgesOf);
  // A line at the top or bottom edge whose shape repeats at that edge on at least half the pages (and two).
  const counts = { header: new Map<string, number>(), footer: new Map<string, number>() };
  edges.forEach(({ top, bottom }) => {
    for (const [role, edge] of [
      ['header', top],
      ['footer', bottom],
    ] as const) {
      for (const s of new Set([...edge].map((l) => shape(l.text)))) counts[role].set(s, (counts[role].get(s) ?? 0) + 1);
    }
  });
  const running = (role: 'header' | 'footer', line: Line): boolean => {
    const n = counts[role].get(shape(line.text)) ?? 0;
    return pages.length >= 2 && n >= 2 && n >= pages.length / 2;
  };
  const body = pages.map((lines, p) => {
    const height = heights[p] ?? 0;
    const { top: topEdge, bottom: bottomEdge } = edges[p] as { top: Set<Line>; bottom: Set<Line> };
    const keep = lines.map(() => true);
    lines.forEach((line, k) => {
      const top = topEdge.has(line);
      const bottom = bottomEdge.has(line);
      if (!top && !bottom) return;
      const nearEdge = height === 0 || line.y > height * 0.85 || line.y < height * 0.15;
      let role: LeftOut['role'] | undefined;
      if (nearEdge && PAGE_NUMBER.test(line.text)) role = 'page number';
      else if (nearEdge && top && running('header', line)) role = 'header';
      else if (nearEdge && bottom && running('footer', line)) role = 'footer';
      if (role) {
        keep[k] = false;
        leftOut.push({ page: p + 1, role, text: line.text });
      }
    });
    return lines.filter((_, k) => keep[k]);
  });
  return { body, leftOut };
}

/** The usual distance between the baselines of consecutive lines of a paragraph on this page. */
function lineSpacing(lines: readonly Line[]): number {
  const gaps: number[] = [];
  for (let k = 1; k < lines.length; k++) {
    const gap = (lines[k - 1] as Line).y - (lines[k] as Line).y;
    if (gap > 0) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 0;
}

/** Joins the next line to a paragraph: a word split by a hyphen at the line end is one word again. */
function join(paragraph: string, next: string): string {
  if (paragraph.endsWith('\u00ad')) return paragraph.slice(0, -1) + next;
  // A hyphen (or U+2010, Chrome's) after a letter, before a lower-case letter, or between two
  // capitalised halves of a word in capitals ("MANU-" + "FACTURING").
  if (
    /\p{L}[-\u2010]$/u.test(paragraph) &&
    (/^\p{Ll}/u.test(next) || (/\p{Lu}{3}[-\u2010]$/u.test(paragraph) && /^\p{Lu}{3,}\b/u.test(next)))
  )
    return paragraph.slice(0, -1) + next;
  return `${paragraph} ${next}`;
}

/** The paragraphs of a page: a new one after a wider gap than the page's line spacing, a change of size, or a column jump. */
function paragraphsOf(lines: readonly Line[]): string[] {
  const spacing = lineSpacing(lines);
  // A row of a table: cells set apart on this line and on the one before or after it (one
  // loosely justified line alone is not a table).
  const row = (k: number): boolean => (lines[k]?.cells ?? 1) > 1 && ((lines[k - 1]?.cells ?? 1) > 1 || (lines[k + 1]?.cells ?? 1) > 1);
  const out: string[] = [];
  let current: string | undefined;
  lines.forEach((line, k) => {
    const previous = lines[k - 1];
    const gap = previous ? previous.y - line.y : 0;
    const continues =
      current !== undefined &&
      previous !== undefined &&
      gap > 0 &&
      // Lines of a paragraph are about 1.2–1.5 font sizes apart; a page with few lines has no
      // reliable spacing of its own, so the font size caps it.
      gap <= Math.min(Math.max(spacing, line.size), line.size * 1.6) * 1.4 &&
      Math.abs(previous.size - line.size) < 1.5 &&
      // A table's rows, and the items of a list, are paragraphs of their own.
      !row(k - 1) &&
      !row(k) &&
      !LIST_ITEM.test(line.text);
    if (continues && current !== undefined) current = join(current, line.text);
    else {
      if (current !== undefined) out.push(current.replace(/\u00ad/g, ''));
      current = line.text;
    }
  });
  if (current !== undefined) out.push(current.replace(/\u00ad/g, ''));
  return out;
}

/** A list item's mark alone: a bullet, or a number or letter with a full stop or bracket. */
const LIST_MARK = /^(?:[•◦▪▫‣●○■□►–-]|(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|\((?:\d{1,2}|[a-z]|[ivx]{1,4})\))$/;

/** A line that starts a list item: a bullet, or a number or letter with a full stop or bracket ("1.", "a)", "(iv)"). */
const LIST_ITEM = /^(?:[•◦▪▫‣●○■□►–]\s|(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s|\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s)/;

/** A paragraph at least this long that ends a page without a sentence end is cut by the page, not a heading. */
const RUN_ON_AFTER = 60;

/** Below this many letters or digits per page on average, a PDF has no text layer to speak of. */
const SCANNED_BELOW = 20;

export function pdfText(pages: readonly PdfPageText[]): PdfText {
  const letters = pages.reduce((n, p) => n + p.items.reduce((m, i) => m + (i.str.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0), 0);
  if (pages.length === 0 || letters < SCANNED_BELOW * pages.length) return { text: '', pages: [], leftOut: [], scanned: true };
  const { body, leftOut } = bodies(
    pages.map((p) => readingOrder(p.items, p.width)),
    pages.map((p) => p.height),
  );
  let text = '';
  const starts: number[] = [];
  body.forEach((lines, p) => {
    const paragraphs = paragraphsOf(lines);
    const first = paragraphs[0];
    // A paragraph that runs on from the previous page (no sentence end there; a lower-case
    // start here, or a capital after a paragraph too long to be a heading) stays one
    // paragraph: the page boundary is in the map, not in the sentence.
    const lastParagraph = text.slice(text.lastIndexOf('\n') + 1);
    const runsOn =
      p > 0 &&
      first !== undefined &&
      /[^.!?:;"”’)\]]$/.test(text) &&
      (/^\p{Ll}/u.test(first) || (lastParagraph.length >= RUN_ON_AFTER && /^[\p{Lu}\p{N}]/u.test(first)));
    if (runsOn) {
      const joined = join(text, first);
      starts.push(joined.length - first.length);
      text = joined;
      paragraphs.shift();
      if (paragraphs.length > 0) text += `\n\n${paragraphs.join('\n\n')}`;
    } else {
      if (p > 0) text += PAGE_BREAK;
      starts.push(text.length);
      text += paragraphs.join('\n\n');
    }
  });
  text += '\n';
  const offsets = new OffsetMap(text);
  const spans = starts.map((start, p) => ({
    page: p + 1,
    start: offsets.toCodePoint(start),
    end: offsets.toCodePoint(p + 1 < starts.length ? (starts[p + 1] as number) : text.length),
  }));
  return { text, pages: spans, leftOut, scanned: false };
}

/** The page a code-point offset is on (1-based), or undefined outside the map. */
export function pageAt(pages: readonly PageSpan[], offset: number): number | undefined {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pages[mid] as PageSpan;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return p.page;
  }
  return undefined;
}
