// The timeline as a static SVG figure, for the annotated edition (export/edition.ts): no
// script and no DOM, so it prints, reads offline and runs in the core. One lane per
// document; a day is a point and a longer period (month, quarter, year, range) a bar;
// the shape says why a mark is there (made, due, mentioned), the colour what it is (a
// claim's type, a date), and a hollow dashed mark is a suggestion no one reviewed, so
// the figure also reads in black and white.

import { scaleUtc } from 'd3-scale';
import type { ClaimType } from '../model';
import type { Timeline, TimelineItem, TimelineRole } from './types';
import { plural } from '../util/plural';

export interface TimelineSvgOptions {
  /** `YYYY-MM-DD`: drawn as a line, so what is overdue shows; the axis reaches it. */
  today?: string;
  /** Width in CSS pixels; the figure scales down with its container. */
  width?: number;
  /** Shown above the lanes and read as the figure's accessible name. */
  title?: string;
  /**
   * Where a mark leads (a fragment such as `#n1-abc`, the mark's note in the annotated
   * edition): the mark is then a link, which works without scripts.
   */
  href?: (item: TimelineItem) => string | undefined;
}

/**
 * Escapes text for XML and HTML alike, in content and in quoted attributes. A CR is
 * written as a reference too: HTML and XML parsers turn a literal CRLF into LF, and the
 * edition keeps a source's line ends as they are.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Characters XML 1.0 cannot hold at all, not even as references. */
// eslint-disable-next-line no-control-regex -- this pattern exists to find control characters
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for the SVG, which may be read as XML on its own: what XML cannot hold shown as U+FFFD. */
function xmlText(text: string): string {
  return escapeXml(text.replace(NOT_XML, '\uFFFD'));
}

/** Colours of claim types and dates, shared with the edition's highlights (Okabe–Ito, readable by most colour-blind readers). */
export const TIMELINE_COLOURS: Readonly<Record<ClaimType | 'date' | 'claim', string>> = {
  commitment: '#0072B2',
  assertion: '#007A5A',
  denial: '#C4450A',
  comparison: '#A4497F',
  claim: '#555555',
  date: '#A66F00',
};

const DAY_MS = 86_400_000;
const DEFAULT_WIDTH = 960;
const LABEL_WIDTH = 180;
const RIGHT_PAD = 24;
const ROW_HEIGHT = 18;
const LANE_PAD = 6;
const POINT_RADIUS = 5;
/** A bar is never drawn narrower than this, so a month on a decade's axis still shows. */
const MIN_BAR = 4;
/** Rough advance of one character of the 11px sans-serif labels; the SVG cannot measure text. */
const CHAR_WIDTH = 6.2;
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"';

/** Milliseconds of the first instant of a `YYYY-MM-DD` day; a day past the month's end (`-31` of a short month) is its last day. */
function dayStart(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) throw new Error(`timeline: '${day}' is not a YYYY-MM-DD day`);
  const [year, month] = [Number(m[1]), Number(m[2])];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Date.UTC(year, month - 1, Math.min(Number(m[3]), last));
}

function colourOf(item: TimelineItem): string {
  if (item.kind === 'date') return TIMELINE_COLOURS.date;
  return TIMELINE_COLOURS[item.claimType ?? 'claim'];
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The path of a mark's symbol centred on (x, y): the shape tells the roles apart without colour. */
function symbol(role: TimelineRole, x: number, y: number): string {
  const r = POINT_RADIUS;
  switch (role) {
    // A diamond: a deadline.
    case 'due':
      return `M${round(x)},${round(y - r - 1)}L${round(x + r + 1)},${round(y)}L${round(x)},${round(y + r + 1)}L${round(x - r - 1)},${round(y)}Z`;
    // A square: a date the text mentions.
    case 'mentioned':
      return `M${round(x - r + 1)},${round(y - r + 1)}h${round(2 * r - 2)}v${round(2 * r - 2)}h${round(-(2 * r - 2))}Z`;
    // A circle: when a claim was made.
    case 'made':
      return `M${round(x - r)},${round(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
  }
}

/** The paint of a mark: filled when reviewed, hollow and dashed when a suggestion. */
function paint(colour: string, suggested: boolean): string {
  return suggested
    ? `fill="#ffffff" fill-opacity="0.9" stroke="${colour}" stroke-width="1.5" stroke-dasharray="3 2"`
    : `fill="${colour}" stroke="${colour}" stroke-width="1"`;
}

const ROLE_WORDS: Readonly<Record<TimelineRole, string>> = { due: 'due', made: 'made', mentioned: 'mentioned' };

/** What a reader sees on hovering a mark, and what a screen reader reads for it. */
function markTitle(item: TimelineItem): string {
  const what = item.kind === 'claim' ? (item.claimType ?? 'claim') : 'date';
  const when = item.documentDate === true ? `${item.value} (the document's date)` : `${item.value} (“${item.dateText}”)`;
  const who = item.entity !== '' ? item.entity : item.speaker;
  const parts = [
    `${ROLE_WORDS[item.role]} ${when}`,
    `${what}${who === '' ? '' : ` by ${who}`}: “${item.quote}”`,
    ...(item.verdict === undefined ? [] : [`verdict: ${item.verdict}`]),
    ...(item.controls.length === 0 ? [] : [`about: ${item.controls.join(', ')}`]),
    item.status === 'suggested' ? 'suggestion: a machine finding no one has reviewed' : `status: ${item.status}`,
    item.doc,
  ];
  return parts.join('\n');
}

interface Placed {
  item: TimelineItem;
  x0: number;
  x1: number;
  /** Extent the mark covers, symbol included, for packing rows. */
  left: number;
  right: number;
  row: number;
}

/** The shapes of a mark, inside a link when it leads somewhere. */
function linked(href: string | undefined, shapes: string): string {
  return href === undefined ? shapes : `<a href="${xmlText(href)}">${shapes}</a>`;
}

/**
 * Rows a lane grows to at most. A document's claims made on its date all stand on one
 * day: beyond this they overlap (each keeps its own title) instead of stretching the
 * figure over pages, as in the timeline view.
 */
const MAX_ROWS = 6;

/** Packs a lane's marks into rows: each goes in the first row with room, else (rows full) the one that ends first. */
function pack(marks: Omit<Placed, 'row'>[]): { placed: Placed[]; rows: number } {
  const ends: number[] = [];
  const placed = [...marks]
    .sort((a, b) => a.left - b.left || a.right - b.right)
    .map((m) => {
      let row = ends.findIndex((end) => end + 2 <= m.left);
      if (row < 0 && ends.length < MAX_ROWS) row = ends.push(m.right) - 1;
      else {
        if (row < 0) row = ends.indexOf(Math.min(...ends));
        ends[row] = Math.max(ends[row] ?? m.right, m.right);
      }
      return { ...m, row };
    });
  return { placed, rows: Math.max(1, ends.length) };
}

/** A label that fits `width` pixels: its start and its end kept (a folder, a file's name and extension), the middle elided. */
function fit(label: string, width: number): string {
  const chars = Array.from(label);
  const max = Math.max(5, Math.floor(width / CHAR_WIDTH));
  if (chars.length <= max) return label;
  const tail = Math.ceil((max - 1) * 0.6);
  return `${chars.slice(0, max - 1 - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/** The figure's description: what a reader who cannot see it needs to know of it. */
function summary(timeline: Timeline, lanes: number, first: string, last: string): string {
  const count = (role: TimelineRole): number => timeline.items.filter((i) => i.role === role).length;
  const suggested = timeline.items.filter((i) => i.status === 'suggested').length;
  const parts = [
    timeline.items.length === 0
      ? `No dated marks in ${plural(timeline.documents, 'document')}.`
      : `${plural(timeline.items.length, 'dated mark')} in ${plural(lanes, 'document')} from ${first} to ${last}: ` +
        `${plural(count('made'), 'claim made', 'claims made')} (circles), ${plural(count('due'), 'deadline')} (diamonds), ` +
        `${plural(count('mentioned'), 'other date')} (squares).`,
  ];
  if (suggested > 0)
    parts.push(`${plural(suggested, 'mark is a suggestion', 'marks are suggestions')} no one has reviewed (hollow, dashed).`);
  if (timeline.undated > 0)
    parts.push(`${plural(timeline.undated, 'date')} without a resolved value ${timeline.undated === 1 ? 'is' : 'are'} not drawn.`);
  return parts.join(' ');
}

interface LegendEntry {
  /** The symbol's markup, drawn with its centre at (0, 0). */
  glyph: string;
  text: string;
}

function legendEntries(): LegendEntry[] {
  const grey = '#444444';
  const entries: LegendEntry[] = [
    { glyph: `<path d="${symbol('made', 0, 0)}" ${paint(grey, false)}/>`, text: 'made' },
    { glyph: `<path d="${symbol('due', 0, 0)}" ${paint(grey, false)}/>`, text: 'due (deadline)' },
    { glyph: `<path d="${symbol('mentioned', 0, 0)}" ${paint(grey, false)}/>`, text: 'date mentioned' },
    { glyph: `<rect x="-9" y="-3" width="18" height="6" rx="1.5" ${paint(grey, false)}/>`, text: 'a month, quarter, year or range' },
    { glyph: `<path d="${symbol('made', 0, 0)}" ${paint(grey, true)}/>`, text: 'suggestion (not reviewed)' },
  ];
  const swatches: [string, string][] = [
    ['commitment', TIMELINE_COLOURS.commitment],
    ['assertion', TIMELINE_COLOURS.assertion],
    ['denial', TIMELINE_COLOURS.denial],
    ['comparison', TIMELINE_COLOURS.comparison],
    ['date', TIMELINE_COLOURS.date],
  ];
  for (const [text, colour] of swatches) entries.push({ glyph: `<rect x="-5" y="-5" width="10" height="10" fill="${colour}"/>`, text });
  return entries;
}

/** The legend's markup from `top`, wrapped to the width; returns its height too. */
function legend(top: number, width: number): { markup: string; height: number } {
  const line = 18;
  let x = 12;
  let y = top + 10;
  const out: string[] = [];
  for (const e of legendEntries()) {
    const w = 26 + Array.from(e.text).length * CHAR_WIDTH + 16;
    if (x + w > width && x > 12) {
      x = 12;
      y += line;
    }
    out.push(
      `<g transform="translate(${round(x + 9)},${round(y)})">${e.glyph}<text x="14" y="4" font-size="11" fill="#222222">${escapeXml(e.text)}</text></g>`,
    );
    x += w;
  }
  return { markup: `<g class="tl-legend">${out.join('')}</g>`, height: y - top + line };
}

/**
 * The timeline as an SVG element (a string): lanes by document in the order they first
 * appear, an axis of UTC dates, a legend. Each mark is a `g.tl-mark` with a `<title>`
 * (its quote and date) and `data-role`, `data-doc`, `data-id` for the annotation.
 */
export function timelineSvg(timeline: Timeline, options: TimelineSvgOptions = {}): string {
  const width = Math.max(480, options.width ?? DEFAULT_WIDTH);
  const items = timeline.items;
  const todayMs = options.today === undefined ? undefined : dayStart(options.today);
  const titleText = options.title ?? 'Timeline';
  const titleHeight = options.title === undefined ? 8 : 30;

  // A loop, not Math.min(...list): a corpus can have more marks than a call takes arguments.
  let itemsStart = Infinity;
  let itemsEnd = -Infinity;
  for (const i of items) {
    const from = dayStart(i.from);
    itemsStart = Math.min(itemsStart, from);
    itemsEnd = Math.max(itemsEnd, Math.max(dayStart(i.to), from) + DAY_MS);
  }
  const domainStart = Math.min(itemsStart, todayMs ?? Infinity);
  const domainEnd = Math.max(itemsEnd, todayMs === undefined ? -Infinity : todayMs + DAY_MS);
  const hasDomain = Number.isFinite(domainStart) && Number.isFinite(domainEnd);
  // A lone day would make an empty domain: give the axis a month either side.
  const [lo, hi] = hasDomain ? [domainStart - 15 * DAY_MS, domainEnd + 15 * DAY_MS] : [0, 0];
  const x = scaleUtc()
    .domain([new Date(lo), new Date(hi)])
    .range([LABEL_WIDTH, width - RIGHT_PAD])
    .nice();

  const docs: string[] = [];
  for (const i of items) if (!docs.includes(i.doc)) docs.push(i.doc);

  const backgrounds: string[] = [];
  const body: string[] = [];
  let y = titleHeight;
  const laneTop = y;
  docs.forEach((doc, laneIndex) => {
    const marks = items
      .filter((i) => i.doc === doc)
      .map((item) => {
        const from = dayStart(item.from);
        const to = Math.max(dayStart(item.to), from) + DAY_MS;
        const point = item.to <= item.from;
        const x0 = x(new Date(from));
        const x1 = point ? x0 : Math.max(x(new Date(to)), x0 + MIN_BAR);
        const cx = point ? x0 : item.role === 'due' ? x1 : x0;
        return { item, x0, x1, left: Math.min(x0, cx - POINT_RADIUS - 1), right: Math.max(x1, cx + POINT_RADIUS + 1) };
      });
    const { placed, rows } = pack(marks);
    const height = rows * ROW_HEIGHT + 2 * LANE_PAD;
    if (laneIndex % 2 === 1) backgrounds.push(`<rect x="0" y="${y}" width="${width}" height="${height}" fill="#f3f3f3"/>`);
    body.push(
      `<text class="tl-lane" x="8" y="${round(y + LANE_PAD + ROW_HEIGHT / 2 + 4)}" font-size="11" fill="#222222"><title>${xmlText(doc)}</title>${xmlText(fit(doc, LABEL_WIDTH - 16))}</text>`,
    );
    for (const p of placed) {
      const cy = y + LANE_PAD + p.row * ROW_HEIGHT + ROW_HEIGHT / 2;
      const { item } = p;
      const colour = colourOf(item);
      const suggested = item.status === 'suggested';
      const shapes: string[] = [];
      if (p.x1 > p.x0) {
        // A period: a bar; a mentioned one thinner, as it is context rather than a claim.
        const h = item.role === 'mentioned' ? 6 : 8;
        shapes.push(
          `<rect x="${round(p.x0)}" y="${round(cy - h / 2)}" width="${round(p.x1 - p.x0)}" height="${h}" rx="1.5" ${paint(colour, suggested)}${suggested ? '' : ' fill-opacity="0.55"'}/>`,
        );
      }
      // The symbol: at a day's point, at a deadline's end, at the start of a made or mentioned period.
      const cx = p.x1 > p.x0 && item.role === 'due' ? p.x1 : p.x0;
      shapes.push(`<path d="${symbol(item.role, cx, cy)}" ${paint(colour, suggested)}/>`);
      const classes = [
        'tl-mark',
        `tl-${item.role}`,
        `tl-${item.kind}`,
        ...(item.claimType ? [`tl-${item.claimType}`] : []),
        ...(suggested ? ['tl-suggested'] : []),
      ];
      body.push(
        `<g class="${classes.join(' ')}" data-role="${item.role}" data-doc="${xmlText(item.doc)}" data-id="${xmlText(item.annotationId)}" data-status="${item.status}"><title>${xmlText(markTitle(item))}</title>${linked(options.href?.(item), shapes.join(''))}</g>`,
      );
    }
    y += height;
  });
  const laneBottom = y;

  const grid: string[] = [];
  const axis: string[] = [];
  if (items.length > 0) {
    const count = Math.max(2, Math.floor((width - LABEL_WIDTH) / 90));
    const ticks = x.ticks(count);
    const format = x.tickFormat(count);
    for (const t of ticks) {
      const tx = round(x(t));
      grid.push(`<line x1="${tx}" x2="${tx}" y1="${laneTop}" y2="${laneBottom + 4}" stroke="#d0d0d0" stroke-width="1"/>`);
      axis.push(`<text x="${tx}" y="${laneBottom + 16}" font-size="11" fill="#333333" text-anchor="middle">${escapeXml(format(t))}</text>`);
    }
    axis.push(
      `<line x1="${LABEL_WIDTH}" x2="${width - RIGHT_PAD}" y1="${laneBottom}" y2="${laneBottom}" stroke="#666666" stroke-width="1"/>`,
    );
    if (todayMs !== undefined && options.today !== undefined) {
      const at = x(new Date(todayMs));
      const tx = round(at);
      // Near the right edge the label ends at the line rather than running off the figure.
      const anchor = at > width - RIGHT_PAD - 60 ? 'end' : 'middle';
      axis.push(
        `<g class="tl-today"><line x1="${tx}" x2="${tx}" y1="${laneTop - 4}" y2="${laneBottom}" stroke="#B00020" stroke-width="1.5" stroke-dasharray="5 3"/>` +
          `<text x="${tx}" y="${laneTop - 6}" font-size="10" fill="#B00020" text-anchor="${anchor}">today ${escapeXml(options.today)}</text></g>`,
      );
    }
  } else {
    axis.push(`<text x="12" y="${laneTop + 16}" font-size="12" fill="#333333">No dated annotations to show.</text>`);
    y += 24;
  }
  const axisBottom = items.length > 0 ? laneBottom + 26 : y;
  const { markup: legendMarkup, height: legendHeight } = legend(axisBottom, width);
  const height = Math.ceil(axisBottom + legendHeight + 6);

  const first = items.length > 0 ? new Date(itemsStart).toISOString().slice(0, 10) : '';
  const last = items.length > 0 ? new Date(itemsEnd - DAY_MS).toISOString().slice(0, 10) : '';
  const heading =
    options.title === undefined
      ? ''
      : `<text x="8" y="20" font-size="14" font-weight="600" fill="#111111">${xmlText(options.title)}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-labelledby="tl-title tl-desc" ${FONT}>` +
    `<title id="tl-title">${xmlText(titleText)}</title>` +
    `<desc id="tl-desc">${xmlText(summary(timeline, docs.length, first, last))}</desc>` +
    heading +
    backgrounds.join('') +
    grid.join('') +
    body.join('') +
    axis.join('') +
    legendMarkup +
    `</svg>`
  );
}
