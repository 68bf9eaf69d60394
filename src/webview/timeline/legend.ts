// The legend, drawn in SVG with the marks' own shapes and classes so it cannot disagree
// with the chart, and so the saved figure can carry it.

import type { TimelineRole } from '../../core/timeline/types';
import { BAR_HEIGHT, barRadius, DUE_FLAG_PATH, POINT_PATHS } from './layout';
import { svgEl } from './svg';

const ROW_HEIGHT = 22;
const ICON_WIDTH = 52;
const ENTRY_GAP = 18;

interface Entry {
  label: string;
  icon: (g: SVGGElement) => void;
}

const COLOURS: [string, string][] = [
  ['c-date', 'date'],
  ['c-commitment', 'commitment'],
  ['c-assertion', 'assertion'],
  ['c-denial', 'denial'],
  ['c-comparison', 'comparison'],
  ['c-claim', 'claim (no type)'],
];

function swatch(colour: string, status: 'reviewed' | 'suggested'): (g: SVGGElement) => void {
  return (g) => {
    const icon = svgEl('g', { class: `mk ${colour} ${status} point`, transform: 'translate(10,0)' });
    icon.append(svgEl('path', { class: 'shape', d: POINT_PATHS.made }));
    const bar = svgEl('g', { class: `mk ${colour} ${status} bar`, transform: 'translate(20,0)' });
    bar.append(
      svgEl('rect', { class: 'shape', y: -5, height: 10, width: 18, rx: barRadius(status === 'suggested' ? 'suggested' : 'open') }),
    );
    g.append(icon, bar);
  };
}

function roleIcon(role: TimelineRole): (g: SVGGElement) => void {
  return (g) => {
    const point = svgEl('g', { class: `mk c-neutral reviewed point r-${role}`, transform: 'translate(8,0)' });
    point.append(svgEl('path', { class: 'shape', d: POINT_PATHS[role] }));
    const bar = svgEl('g', { class: `mk c-neutral reviewed bar r-${role}`, transform: 'translate(18,0)' });
    const h = BAR_HEIGHT[role];
    bar.append(svgEl('rect', { class: 'shape', y: -h / 2, height: h, width: 18, rx: 1.5 }));
    if (role === 'due') bar.append(svgEl('path', { class: 'flag', d: DUE_FLAG_PATH, transform: 'translate(18,0)' }));
    g.append(point, bar);
  };
}

function glyphIcon(glyph: string): (g: SVGGElement) => void {
  return (g) => {
    const text = svgEl('text', { class: 'legend-glyph', x: 12, y: 4, 'text-anchor': 'middle' });
    text.textContent = glyph;
    g.append(text);
  };
}

function entries(colours: ReadonlySet<string>): [string, Entry[]][] {
  return [
    ['Colour', COLOURS.filter(([c]) => c !== 'c-claim' || colours.has(c)).map(([c, label]) => ({ label, icon: swatch(c, 'reviewed') }))],
    [
      'Shape',
      [
        { label: 'due (deadline or target)', icon: roleIcon('due') },
        { label: 'made', icon: roleIcon('made') },
        { label: 'mentioned', icon: roleIcon('mentioned') },
      ],
    ],
    [
      'Review',
      [
        { label: 'reviewed by a person', icon: swatch('c-neutral', 'reviewed') },
        { label: 'suggested: machine finding, not reviewed', icon: swatch('c-neutral', 'suggested') },
        { label: 'kept', icon: glyphIcon('✓') },
        { label: 'broken', icon: glyphIcon('✗') },
        { label: 'disputed', icon: glyphIcon('?') },
        {
          label: 'today',
          icon: (g) => {
            g.append(svgEl('line', { class: 'today', x1: 12, x2: 12, y1: -8, y2: 8 }));
          },
        },
      ],
    ],
  ];
}

/** Draws the legend to fit `width`, wrapping entries onto rows; returns its height. */
export function drawLegend(svg: SVGSVGElement, width: number, colours: ReadonlySet<string>): number {
  svg.replaceChildren();
  svg.setAttribute('width', String(width));
  let x = 0;
  let y = ROW_HEIGHT / 2;
  const place = (w: number): [number, number] => {
    if (x > 0 && x + w > width) {
      x = 0;
      y += ROW_HEIGHT;
    }
    const at: [number, number] = [x, y];
    x += w;
    return at;
  };
  for (const [heading, list] of entries(colours)) {
    const title = svgEl('text', { class: 'legend-heading', y: 4 });
    title.textContent = `${heading}:`;
    const headingWidth = textWidth(svg, title) + 8;
    // A heading stays on the row of its first entry.
    const first = list[0];
    const firstWidth = first ? ICON_WIDTH + textWidthOf(svg, first.label) + ENTRY_GAP : 0;
    const [hx, hy] = place(headingWidth + firstWidth);
    x = hx + headingWidth;
    title.setAttribute('transform', `translate(${hx},${hy})`);
    svg.append(title);
    list.forEach((entry, i) => {
      const w = ICON_WIDTH + textWidthOf(svg, entry.label) + ENTRY_GAP;
      const [ex, ey] = i === 0 ? [x, hy] : place(w);
      if (i === 0) x += w;
      const g = svgEl('g', { class: 'legend-entry', transform: `translate(${ex},${ey})` });
      entry.icon(g);
      const label = svgEl('text', { class: 'legend-label', x: ICON_WIDTH, y: 4 });
      label.textContent = entry.label;
      g.append(label);
      svg.append(g);
    });
    x += 12;
  }
  const height = y + ROW_HEIGHT / 2 + 4;
  svg.setAttribute('height', String(height));
  return height;
}

function textWidthOf(svg: SVGSVGElement, text: string): number {
  const probe = svgEl('text', { class: 'legend-label' });
  probe.textContent = text;
  return textWidth(svg, probe);
}

/** Measured when the legend is laid out; estimated when it is hidden (the table view). */
function textWidth(svg: SVGSVGElement, el: SVGTextElement): number {
  svg.append(el);
  const measured = el.getComputedTextLength();
  el.remove();
  return measured > 0 ? measured : el.textContent.length * 6.8;
}
