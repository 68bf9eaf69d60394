// The timeline as a static SVG (timeline/svg.ts): well-formed XML, one mark per item with
// its quote as a title, deadlines a different shape from claims made and dates mentioned,
// suggestions hollow and dashed, an accessible name and description, the axis from d3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { SaxesParser } from 'saxes';
import { buildTimeline } from '../../../src/core/timeline/items';
import { escapeXml, timelineSvg } from '../../../src/core/timeline/svg';
import type { Timeline, TimelineItem } from '../../../src/core/timeline/types';
import { FORMAT_VERSION, type Annotation } from '../../../src/core/sidecar/format';

function item(key: string, fields: Partial<TimelineItem>): TimelineItem {
  return {
    key,
    doc: 'a.txt',
    annotationId: key,
    kind: 'claim',
    claimType: 'commitment',
    role: 'made',
    status: 'open',
    value: '2025-06-10',
    from: '2025-06-10',
    to: '2025-06-10',
    precision: 'day',
    quote: `quote of ${key}`,
    dateText: 'on 10 June 2025',
    speaker: '',
    entity: '',
    controls: [],
    start: 0,
    end: 5,
    ...fields,
  };
}

const TIMELINE: Timeline = {
  items: [
    item('made', {}),
    item('due', { role: 'due', value: '2025-Q3', from: '2025-07-01', to: '2025-09-30', precision: 'quarter' }),
    item('dueDay', { role: 'due', value: '2026-01-31', from: '2026-01-31', to: '2026-01-31' }),
    item('mention', {
      kind: 'date',
      claimType: undefined,
      role: 'mentioned',
      value: '2024',
      from: '2024-01-01',
      to: '2024-12-31',
      precision: 'year',
    }),
    item('sugg', {
      doc: 'reports/<b>b</b> & "c".txt',
      status: 'suggested',
      claimType: 'denial',
      quote: 'We never <script>alert(1)</script> & "leaked" data',
      speaker: 'the firm',
      entity: 'Acme',
    }),
  ],
  undated: 2,
  documents: 3,
};

/** Parses strictly as XML (saxes throws on the first error) and as an SVG document (jsdom). */
function parseSvg(svg: string): Document {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(svg).close();
  const document = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
  assert.equal(document.getElementsByTagName('parsererror').length, 0);
  assert.equal(document.documentElement.localName, 'svg');
  return document;
}

const marks = (d: Document): Element[] => [...d.querySelectorAll('g.tl-mark')];

test('well-formed, one mark per item with its quote and date as a title, escaped', () => {
  const svg = timelineSvg(TIMELINE, { today: '2025-12-01', title: 'Timeline <&>' });
  const d = parseSvg(svg);
  assert.equal(marks(d).length, TIMELINE.items.length);
  assert.deepEqual(
    marks(d)
      .map((g) => g.getAttribute('data-id'))
      .sort(),
    ['due', 'dueDay', 'made', 'mention', 'sugg'],
  );
  const sugg = marks(d).find((g) => g.getAttribute('data-id') === 'sugg');
  assert.ok(sugg);
  const title = sugg.querySelector('title')?.textContent ?? '';
  assert.match(title, /We never <script>alert\(1\)<\/script> & "leaked" data/);
  assert.match(title, /denial by Acme/);
  assert.match(title, /suggestion/);
  assert.equal(sugg.getAttribute('data-doc'), 'reports/<b>b</b> & "c".txt');
  assert.equal(d.getElementsByTagName('script').length, 0);
  assert.doesNotMatch(svg, /<script|<b>/);
  assert.equal(d.querySelector('svg > title')?.textContent, 'Timeline <&>');
});

test('lanes by document; deadlines, claims made and dates mentioned have distinct shapes', () => {
  const d = parseSvg(timelineSvg(TIMELINE, {}));
  assert.deepEqual(
    [...d.querySelectorAll('text.tl-lane title')].map((t) => t.textContent),
    ['a.txt', 'reports/<b>b</b> & "c".txt'],
  );
  const symbolOf = (id: string): string => {
    const g = marks(d).find((m) => m.getAttribute('data-id') === id);
    return g?.querySelector('path')?.getAttribute('d') ?? '';
  };
  const shape = (path: string): string => path.replace(/[-\d.,\s]+/g, '');
  // Circle (two arcs), diamond (three lines), square (relative h/v).
  assert.equal(shape(symbolOf('made')), 'MaaZ');
  assert.equal(shape(symbolOf('dueDay')), 'MLLLZ');
  assert.equal(shape(symbolOf('mention')), 'MhvhZ');
  assert.equal(
    marks(d)
      .find((m) => m.getAttribute('data-id') === 'dueDay')
      ?.getAttribute('data-role'),
    'due',
  );
  // A day is a point; a quarter or a year is a bar as well.
  const bar = (id: string): number =>
    marks(d)
      .find((m) => m.getAttribute('data-id') === id)
      ?.querySelectorAll('rect').length ?? -1;
  assert.equal(bar('made'), 0);
  assert.equal(bar('due'), 1);
  assert.equal(bar('mention'), 1);
  // Colours by claim type and kind.
  const fill = (id: string): string | null =>
    marks(d)
      .find((m) => m.getAttribute('data-id') === id)
      ?.querySelector('path')
      ?.getAttribute('fill') ?? null;
  assert.notEqual(fill('made'), fill('mention'));
});

test('a suggestion is hollow and dashed; a reviewed mark is filled', () => {
  const d = parseSvg(timelineSvg(TIMELINE, {}));
  const paintOf = (id: string): Element | null | undefined =>
    marks(d)
      .find((m) => m.getAttribute('data-id') === id)
      ?.querySelector('path');
  assert.equal(paintOf('sugg')?.getAttribute('fill'), '#ffffff');
  assert.ok(paintOf('sugg')?.hasAttribute('stroke-dasharray'));
  assert.notEqual(paintOf('made')?.getAttribute('fill'), '#ffffff');
  assert.equal(paintOf('made')?.hasAttribute('stroke-dasharray'), false);
  assert.match(
    marks(d)
      .find((m) => m.getAttribute('data-id') === 'sugg')
      ?.getAttribute('class') ?? '',
    /\btl-suggested\b/,
  );
});

test('an image with a name and a description; a legend; axis ticks; today drawn', () => {
  const d = parseSvg(timelineSvg(TIMELINE, { today: '2025-12-01', width: 800 }));
  const svg = d.documentElement;
  assert.equal(svg.getAttribute('role'), 'img');
  assert.equal(svg.getAttribute('aria-labelledby'), 'tl-title tl-desc');
  assert.equal(svg.getAttribute('viewBox')?.split(' ')[2], '800');
  const desc = d.getElementById('tl-desc')?.textContent ?? '';
  assert.match(desc, /5 dated marks in 2 documents from 2024-01-01 to 2026-01-31/);
  assert.match(desc, /2 claims made \(circles\), 2 deadlines \(diamonds\), 1 other date \(squares\)/);
  assert.match(desc, /1 mark is a suggestion/);
  assert.match(desc, /2 dates without a resolved value are not drawn/);
  assert.match(d.querySelector('.tl-today')?.textContent ?? '', /today 2025-12-01/);
  const legend = d.querySelector('.tl-legend')?.textContent ?? '';
  for (const word of ['made', 'due', 'mentioned', 'suggestion', 'commitment', 'denial', 'date']) assert.match(legend, new RegExp(word));
  const labels = [...d.querySelectorAll('text')].map((t) => t.textContent);
  assert.ok(labels.includes('2025'), `year ticks: ${labels.join(', ')}`);
});

test('an empty timeline is still a well-formed figure that says so', () => {
  const d = parseSvg(timelineSvg({ items: [], undated: 0, documents: 1 }, { today: '2025-01-01' }));
  assert.equal(marks(d).length, 0);
  assert.match(d.documentElement.textContent, /No dated annotations to show/);
  assert.match(d.getElementById('tl-desc')?.textContent ?? '', /No dated marks in 1 document/);
});

test('from buildTimeline: a claim made and due, a mentioned date', () => {
  const text = 'Acme will finish by 2026. It was said in May 2025. Also 2024.';
  const cp = (quote: string): { start: number; end: number; quote: string } => {
    const start = text.indexOf(quote);
    return { start, end: start + quote.length, quote };
  };
  const a = (id: string, kind: string, quote: string, extra: Partial<Annotation>): Annotation => ({
    id,
    kind,
    ...cp(quote),
    prefix: '',
    suffix: '',
    origin: 'detected',
    status: 'open',
    ...extra,
  });
  const timeline = buildTimeline([
    {
      path: 'x.txt',
      sidecar: {
        marginalia: FORMAT_VERSION,
        source: { file: 'x.txt' },
        annotations: [
          a('c', 'claim', 'Acme will finish by 2026.', { label: 'commitment', due: ['d'], when: ['w'] }),
          a('d', 'date', 'by 2026', { label: '2026' }),
          a('w', 'date', 'May 2025', { label: '2025-05' }),
          a('m', 'date', '2024', { label: '2024', status: 'suggested' }),
        ],
      },
    },
  ]);
  const d = parseSvg(timelineSvg(timeline, {}));
  assert.deepEqual(
    marks(d)
      .map((g) => g.getAttribute('data-role'))
      .sort(),
    ['due', 'made', 'mentioned'],
  );
});

test('escapeXml escapes markup, quotes and CR', () => {
  assert.equal(escapeXml(`<a href="x">'&'</a>\r\n`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;&#13;\n');
});

test('claims made on one day stack at most six rows high, each mark still drawn; long lane names keep both ends', () => {
  const many = Array.from({ length: 24 }, (_, i) => item(`m${i}`, { doc: 'reports/2024/a-very-long-document-name-of-a-regulator.txt' }));
  const svg = timelineSvg({ items: many, undated: 0, documents: 1 }, {});
  const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
  assert.equal(doc.querySelectorAll('.tl-mark').length, 24);
  const rows = new Set(
    Array.from(doc.querySelectorAll('.tl-mark path'), (p) => /M[\d.]+[ ,]([\d.]+)/.exec(p.getAttribute('d') ?? '')?.[1]),
  );
  assert.ok(rows.size >= 2 && rows.size <= 6, `${rows.size} rows`);
  const label = doc.querySelector('.tl-lane')?.textContent ?? '';
  assert.ok(label.startsWith('reports/') && label.endsWith('.txt') && label.includes('…'), label);
});
