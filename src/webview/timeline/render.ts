// The chart: a sticky time axis over lanes of marks, zoomed and panned on x by d3-zoom.
// Elements are created when the data or filters change and only moved when the view
// zooms: a zoom step rewrites positions (one frame at most), it never rebuilds marks.
// Each lane is its own <svg> in an HTML block with `content-visibility: auto`, so the
// browser skips style, paint and raster of the lanes scrolled out of view; the grid under
// the lanes and the today rule and keyboard cursor over them are two lane-high SVGs.

import { axisTop } from 'd3-axis';
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { Lane, LaneMark, LaneMode } from './model';
import { DAY_MS } from './model';
import {
  AXIS_HEIGHT,
  BAR_HEIGHT,
  barRadius,
  colourClass,
  DUE_FLAG_PATH,
  glyphOf,
  LABEL_WIDTH,
  MIN_BAR_WIDTH,
  MIN_SPAN_MS,
  POINT_PATHS,
  RIGHT_PAD,
  stackLanes,
  trackY,
  type LaneBox,
} from './layout';
import { formatDay, laneLabel } from './describe';
import { SVG_NS, svgEl } from './svg';

const CLIP_ID = 'timeline-plot-clip';
/** Bars reaching far off screen are cut here, so a decade-long bar at high zoom is not a million pixels wide. */
const OFFSCREEN = 40;
/** Lanes this far above or below the scrolled view are placed too, so a short scroll finds them ready. */
const SCROLL_MARGIN = 240;

export interface ChartEvents {
  reveal(key: string): void;
  /** The visible span changed (zoom, pan, fit): undefined when everything fits. */
  domainChanged(domain: [number, number] | undefined): void;
  /** Hover or keyboard cursor over a mark; undefined when it leaves. */
  pointAt(mark: LaneMark | undefined, anchor: DOMRect | undefined, lane: Lane | undefined, fromKeyboard: boolean): void;
}

interface MarkParts {
  shape: SVGPathElement | SVGRectElement;
  flag?: SVGPathElement;
  glyph?: SVGTextElement;
}

interface DrawnMark {
  node: SVGGElement;
  parts: MarkParts;
  mark: LaneMark;
  y: number;
  /** What was last written (x and bar width in pixels, y), NaN before: a write that changes nothing is skipped. */
  px: number;
  pw: number;
  py: number;
}

type Scale = ScaleTime<number, number>;

export class Chart {
  /** The focusable, vertically scrolling frame; d3-zoom listens here. */
  readonly frame: HTMLDivElement;
  readonly axisSvg: SVGSVGElement;
  /** The lanes: grid below, one block per lane, today rule and cursor above. */
  private readonly lanesBox: HTMLDivElement;
  private readonly laneList: HTMLDivElement;
  private readonly gridSvg: SVGSVGElement;
  private readonly overSvg: SVGSVGElement;
  private height = 1;
  private exportCopy: SVGSVGElement | undefined;
  private readonly axisG: SVGGElement;
  private readonly todayLabel: SVGTextElement;
  private readonly spanLabel: SVGTextElement;
  private readonly gridG: SVGGElement;
  private readonly todayLine: SVGLineElement;
  private readonly cursorRing: SVGRectElement;
  private readonly clipRect: SVGRectElement;
  private readonly zoomBehavior: ZoomBehavior<HTMLDivElement, unknown>;
  private readonly frameSel: Selection<HTMLDivElement, unknown, null, undefined>;

  private width = 800;
  private baseX: Scale = scaleUtc();
  private x: Scale = scaleUtc();
  private extent: [number, number] = [0, 1];
  private today: number | undefined;
  private lanes: Lane[] = [];
  private mode: LaneMode = 'document';
  private boxes: LaneBox[] = [];
  private drawn: DrawnMark[] = [];
  /** The drawn marks of each lane, in the order of `boxes`. */
  private drawnByLane: DrawnMark[][] = [];
  /** For each lane, the `scaleVersion` its marks were last placed at. */
  private placedAt: number[] = [];
  private scaleVersion = 0;
  private byId = new Map<string, DrawnMark>();
  private readonly parts = new WeakMap<SVGGElement, MarkParts>();
  private frameRequest = 0;
  private currentTransform: ZoomTransform = zoomIdentity;
  private cursorId: string | undefined;
  /** Set while a zoom is applied by code, so that it is not reported as the user's choice. */
  private silent = false;

  constructor(
    parent: HTMLElement,
    private readonly events: ChartEvents,
  ) {
    this.frame = document.createElement('div');
    this.frame.className = 'chart-frame';
    this.frame.tabIndex = 0;
    this.frame.setAttribute('role', 'group');
    this.frame.setAttribute('aria-roledescription', 'timeline');
    this.frame.setAttribute(
      'aria-label',
      'Timeline chart. Arrow keys move between marks, Enter reveals, plus and minus zoom, Home and End go to the ends of a lane.',
    );
    parent.append(this.frame);

    this.axisSvg = svgEl('svg', { class: 'axis-svg', role: 'presentation' });
    this.axisG = svgEl('g', { class: 'axis' });
    this.todayLabel = svgEl('text', { class: 'today-label', y: 10, 'text-anchor': 'middle' });
    this.todayLabel.textContent = 'today';
    // The ticks name a month without its year when zoomed in: the span shown says it in full.
    this.spanLabel = svgEl('text', { class: 'span-label', x: 8, y: AXIS_HEIGHT - 8 });
    this.axisSvg.append(this.axisG, this.todayLabel, this.spanLabel);

    this.lanesBox = document.createElement('div');
    this.lanesBox.className = 'lanes-box';
    this.laneList = document.createElement('div');
    this.laneList.className = 'lane-list';
    this.gridSvg = svgEl('svg', { class: 'grid-svg', role: 'presentation' });
    this.overSvg = svgEl('svg', { class: 'over-svg', role: 'presentation' });
    const defs = svgEl('defs', {});
    const clip = svgEl('clipPath', { id: CLIP_ID });
    this.clipRect = svgEl('rect', { y: -100000, height: 1000000 });
    clip.append(this.clipRect);
    defs.append(clip);
    this.gridG = svgEl('g', { class: 'grid', 'clip-path': `url(#${CLIP_ID})` });
    this.todayLine = svgEl('line', { class: 'today', 'clip-path': `url(#${CLIP_ID})` });
    this.cursorRing = svgEl('rect', { class: 'cursor-ring', rx: 3, 'data-export': 'omit' });
    this.cursorRing.setAttribute('visibility', 'hidden');
    // The lanes' marks are clipped by this clipPath too (a reference across SVGs of the page).
    this.gridSvg.append(defs, this.gridG);
    this.overSvg.append(this.todayLine, this.cursorRing);
    this.lanesBox.append(this.gridSvg, this.laneList, this.overSvg);
    this.frame.append(this.axisSvg, this.lanesBox);

    this.frameSel = select(this.frame);
    this.zoomBehavior = zoom<HTMLDivElement, unknown>()
      .filter((event: Event) => this.zoomFilter(event))
      .on('zoom', (event: D3ZoomEvent<HTMLDivElement, unknown>) => {
        this.onZoom(event.transform);
      });
    this.frameSel.call(this.zoomBehavior).on('dblclick.zoom', null);
    this.frame.addEventListener('scroll', () => {
      this.onScroll();
    });
    this.frame.addEventListener('wheel', (e) => {
      this.onWheelNotZoom(e);
    });
    this.lanesBox.addEventListener('click', (e) => {
      const mark = this.markAtEvent(e);
      if (mark) {
        this.setCursor(mark.mark.id, false);
        this.events.reveal(mark.mark.placed.item.key);
      }
    });
    this.lanesBox.addEventListener('pointerover', (e) => {
      const mark = this.markAtEvent(e);
      if (mark) this.events.pointAt(mark.mark, mark.node.getBoundingClientRect(), this.laneOf(mark.mark), false);
    });
    this.lanesBox.addEventListener('pointerout', (e) => {
      if (this.markAtEvent(e)) this.events.pointAt(undefined, undefined, undefined, false);
    });
  }

  /**
   * Draws `lanes` on an axis spanning `extent`, keeping the visible span `domain` (the
   * user's zoom) when given. Marks that stay keep their elements.
   */
  update(lanes: Lane[], mode: LaneMode, extent: [number, number], today: number | undefined, domain: [number, number] | undefined): number {
    this.lanes = lanes;
    this.mode = mode;
    this.extent = padExtent(extent);
    this.today = today;
    const { boxes, height } = stackLanes(lanes);
    this.boxes = boxes;
    this.measure();
    this.height = Math.max(height, 1);
    this.lanesBox.style.setProperty('height', `${this.height}px`);
    for (const svg of [this.gridSvg, this.overSvg]) svg.setAttribute('height', String(this.height));
    this.joinLanes();
    this.collectDrawn();
    this.applyDomain(domain);
    if (this.cursorId !== undefined && !this.byId.has(this.cursorId)) this.cursorId = undefined;
    this.positionAll();
    return this.drawn.length;
  }

  /** Width changed (the panel was resized): same visible span on the new width. */
  resize(): void {
    const domain = this.currentDomain();
    this.measure();
    this.applyDomain(domain);
    this.joinLanes();
    // The plot's pixel window changed: marks left off screen may now be in it.
    this.positionAll(true);
  }

  /**
   * The lanes as one SVG, for saving the figure: the grid, each lane's drawing moved to
   * its place, the today rule. Built when asked (copies of the lanes' elements, in the
   * frame but not displayed, so that the stylesheet's computed values can be read from
   * it) and dropped once the task that asked for it is done.
   */
  get lanesSvg(): SVGSVGElement {
    if (this.exportCopy) return this.exportCopy;
    const copy = svgEl('svg', { class: 'lanes-svg export-copy', role: 'presentation', width: this.width, height: this.height });
    for (const child of Array.from(this.gridSvg.children)) copy.append(child.cloneNode(true));
    this.boxes.forEach((box, i) => {
      const lane = this.laneList.children[i]?.firstElementChild;
      if (!lane) return;
      const g = svgEl('g', { class: lane.getAttribute('class') ?? 'lane', transform: `translate(0,${box.top})` });
      g.setAttribute('data-lane', box.lane.key);
      for (const child of Array.from(lane.children)) g.append(child.cloneNode(true));
      copy.append(g);
    });
    for (const child of Array.from(this.overSvg.children)) copy.append(child.cloneNode(true));
    this.frame.append(copy);
    this.exportCopy = copy;
    queueMicrotask(() => {
      copy.remove();
      this.exportCopy = undefined;
    });
    return copy;
  }

  zoomBy(factor: number, aroundCursor = false): void {
    const cursor = aroundCursor && this.cursorId !== undefined ? this.byId.get(this.cursorId) : undefined;
    const point: [number, number] | undefined = cursor ? [this.x(centreOf(cursor.mark)), 0] : undefined;
    if (point) this.zoomBehavior.scaleBy(this.frameSel, factor, point);
    else this.zoomBehavior.scaleBy(this.frameSel, factor);
  }

  fit(): void {
    this.zoomBehavior.transform(this.frameSel, zoomIdentity);
  }

  /** The visible span, or undefined when it is the whole extent. */
  currentDomain(): [number, number] | undefined {
    if (this.currentTransform.k === 1 && this.currentTransform.x === 0) return undefined;
    const [a, b] = this.x.domain();
    return a && b ? [a.getTime(), b.getTime()] : undefined;
  }

  // ---- keyboard cursor ----

  cursorMark(): LaneMark | undefined {
    return this.cursorId === undefined ? undefined : this.byId.get(this.cursorId)?.mark;
  }

  /** Index of the cursor's lane and mark in `lanes`, for navigation. */
  cursorPosition(): { lane: number; mark: number } | undefined {
    const mark = this.cursorMark();
    if (!mark) return undefined;
    for (let l = 0; l < this.lanes.length; l++) {
      const m = this.lanes[l]?.marks.indexOf(mark) ?? -1;
      if (m >= 0) return { lane: l, mark: m };
    }
    return undefined;
  }

  /** The first mark in view in the first lane in view: where the keyboard starts. */
  firstVisibleMark(): { lane: number; mark: number } | undefined {
    const top = this.frame.scrollTop;
    const laneIndex = Math.max(
      0,
      this.boxes.findIndex((b) => b.top + b.height > top),
    );
    const lane = this.lanes[laneIndex];
    if (!lane) return undefined;
    const [from] = this.x.domain();
    const start = from ? from.getTime() : -Infinity;
    const mark = lane.marks.findIndex((m) => m.placed.end > start);
    return { lane: laneIndex, mark: mark === -1 ? 0 : mark };
  }

  markAt(position: { lane: number; mark: number }): LaneMark | undefined {
    return this.lanes[position.lane]?.marks[position.mark];
  }

  /** Moves the highlighted cursor, bringing its mark into view; `fromKeyboard` also reports it. */
  setCursor(id: string | undefined, fromKeyboard: boolean): void {
    this.cursorId = id;
    const drawn = id === undefined ? undefined : this.byId.get(id);
    if (drawn && fromKeyboard) this.bringIntoView(drawn);
    this.positionCursor();
    if (fromKeyboard) {
      this.events.pointAt(
        drawn?.mark,
        drawn ? this.cursorRing.getBoundingClientRect() : undefined,
        drawn ? this.laneOf(drawn.mark) : undefined,
        true,
      );
    }
  }

  laneOf(mark: LaneMark): Lane | undefined {
    return this.lanes.find((l) => l.marks.includes(mark));
  }

  // ---- drawing ----

  private measure(): void {
    this.width = Math.max(LABEL_WIDTH + RIGHT_PAD + 200, this.frame.clientWidth);
    const right = this.width - RIGHT_PAD;
    this.baseX = scaleUtc().domain(this.extent).range([LABEL_WIDTH, right]);
    this.axisSvg.setAttribute('width', String(this.width));
    this.axisSvg.setAttribute('height', String(AXIS_HEIGHT));
    for (const svg of [this.gridSvg, this.overSvg]) svg.setAttribute('width', String(this.width));
    this.clipRect.setAttribute('x', String(LABEL_WIDTH));
    this.clipRect.setAttribute('width', String(right - LABEL_WIDTH));
    const span = this.extent[1] - this.extent[0];
    this.zoomBehavior
      .extent([
        [LABEL_WIDTH, 0],
        [right, 1],
      ])
      .translateExtent([
        [LABEL_WIDTH, 0],
        [right, 1],
      ])
      .scaleExtent([1, Math.max(1, span / MIN_SPAN_MS)]);
  }

  /** Sets the zoom so that `domain` is visible, without reporting it as a user's change. */
  private applyDomain(domain: [number, number] | undefined): void {
    let transform = zoomIdentity;
    if (domain) {
      const a = this.baseX(domain[0]);
      const b = this.baseX(domain[1]);
      const [r0, r1] = this.baseX.range() as [number, number];
      if (b > a) {
        const k = (r1 - r0) / (b - a);
        transform = zoomIdentity.translate(r0 - k * a, 0).scale(k);
      }
    }
    this.silent = true;
    this.zoomBehavior.transform(this.frameSel, transform);
    this.silent = false;
    // The behaviour may have clamped it; read back what it kept.
    this.currentTransform = zoomTransform(this.frame);
    this.x = this.currentTransform.rescaleX(this.baseX);
  }

  private joinLanes(): void {
    const width = this.width;
    const blocks = select(this.laneList)
      .selectAll<HTMLDivElement, LaneBox>('div.lane-box')
      .data(this.boxes, (b) => b.lane.key)
      .join((enter) => {
        const div = enter.append('div').attr('class', 'lane-box');
        const g = div.append('svg').attr('class', 'lane').attr('role', 'presentation');
        g.append('rect').attr('class', 'band');
        g.append('line').attr('class', 'lane-rule');
        const label = g.append('text').attr('class', 'lane-label');
        label.append('tspan').attr('class', 'lane-name');
        label.append('tspan').attr('class', 'lane-count');
        label.append('title');
        g.append('g').attr('class', 'lane-marks').attr('clip-path', `url(#${CLIP_ID})`);
        return div;
      })
      // CSSOM, not a style attribute in markup: the page's CSP allows this.
      .style('height', (b) => `${b.height}px`);
    const lanesSel = blocks
      .select<SVGSVGElement>('svg.lane')
      .attr('width', width)
      .attr('height', (b) => b.height)
      .attr('data-lane', (b) => b.lane.key)
      .classed('odd', (_, i) => i % 2 === 1);
    lanesSel
      .select('rect.band')
      .attr('width', width)
      .attr('height', (b) => b.height);
    lanesSel
      .select('line.lane-rule')
      .attr('x1', 0)
      .attr('x2', width)
      .attr('y1', (b) => b.height - 0.5)
      .attr('y2', (b) => b.height - 0.5);
    const label = lanesSel
      .select('text.lane-label')
      .attr('x', 8)
      .attr('y', (b) => Math.min(b.height / 2, 6 + 9));
    label.select('tspan.lane-name').text((b) => laneLabel(b.lane.key, this.mode));
    label.select('tspan.lane-count').text((b) => ` ${b.lane.marks.length}`);
    label.select('title').text((b) => `${b.lane.key}: ${b.lane.marks.length} marks`);

    lanesSel
      .select<SVGGElement>('g.lane-marks')
      .selectAll<SVGGElement, LaneMark>('g.mark')
      .data(
        (b) => b.lane.marks,
        (m) => m.id,
      )
      .join(
        (enter) => enter.append((m) => this.createMark(m)),
        (update) =>
          update.each((m, i, nodes) => {
            const node = nodes[i];
            if (node && node.dataset.sig !== signature(m)) this.fillMark(node, m);
          }),
      );
  }

  private createMark(m: LaneMark): SVGGElement {
    const node = document.createElementNS(SVG_NS, 'g');
    this.fillMark(node, m);
    return node;
  }

  /** (Re)builds a mark's element for its item: shape by role and length, colour and style by classes. */
  private fillMark(node: SVGGElement, m: LaneMark): void {
    const p = m.placed;
    const item = p.item;
    node.replaceChildren();
    node.setAttribute(
      'class',
      `mark mk ${colourClass(item)} r-${item.role} s-${item.status}${item.status === 'suggested' ? ' suggested' : ' reviewed'}${p.point ? ' point' : ' bar'}`,
    );
    node.dataset.key = item.key;
    node.dataset.kind = item.kind;
    node.dataset.role = item.role;
    node.dataset.status = item.status;
    node.dataset.sig = signature(m);
    const parts: MarkParts = p.point
      ? { shape: svgEl('path', { class: 'shape', d: POINT_PATHS[item.role] }) }
      : {
          shape: svgEl('rect', {
            class: 'shape',
            y: -BAR_HEIGHT[item.role] / 2,
            height: BAR_HEIGHT[item.role],
            rx: barRadius(item.status),
          }),
        };
    node.append(parts.shape);
    if (!p.point && item.role === 'due') {
      parts.flag = svgEl('path', { class: 'flag', d: DUE_FLAG_PATH });
      node.append(parts.flag);
    }
    const glyph = glyphOf(item);
    if (glyph) {
      parts.glyph = svgEl('text', { class: 'glyph', x: p.point ? 7 : 0, y: -5 });
      parts.glyph.textContent = glyph;
      node.append(parts.glyph);
    }
    this.parts.set(node, parts);
  }

  private collectDrawn(): void {
    const drawn: DrawnMark[] = [];
    const byLane: DrawnMark[][] = [];
    const byId = new Map<string, DrawnMark>();
    const previous = this.byId;
    for (const block of Array.from(this.laneList.children)) {
      const marksG = block.firstElementChild?.lastElementChild;
      const list: DrawnMark[] = [];
      byLane.push(list);
      if (!marksG) continue;
      for (const child of Array.from(marksG.children)) {
        const node = child as SVGGElement;
        const parts = this.parts.get(node);
        const mark = select<SVGGElement, LaneMark>(node).datum();
        if (!parts) continue;
        const before = previous.get(mark.id);
        const kept = before?.node === node && before.parts === parts;
        const entry: DrawnMark = {
          node,
          parts,
          mark,
          y: trackY(mark.track),
          px: kept ? before.px : NaN,
          pw: kept ? before.pw : NaN,
          py: kept ? before.py : NaN,
        };
        drawn.push(entry);
        list.push(entry);
        byId.set(mark.id, entry);
      }
    }
    this.drawn = drawn;
    this.drawnByLane = byLane;
    this.byId = byId;
    this.placedAt = [];
  }

  private onZoom(transform: ZoomTransform): void {
    this.currentTransform = transform;
    this.x = transform.rescaleX(this.baseX);
    if (!this.silent) {
      this.events.domainChanged(this.currentDomain());
      this.events.pointAt(undefined, undefined, undefined, false);
    }
    // One redraw per frame however many wheel events arrive in it.
    if (this.frameRequest === 0) {
      this.frameRequest = requestAnimationFrame(() => {
        this.frameRequest = 0;
        this.positionAll();
        document.body.dataset.zooms = String(Number(document.body.dataset.zooms ?? '0') + 1);
      });
    }
  }

  /** Puts the axis, grid, today rule, marks and cursor where the current scale says. */
  private positionAll(everywhere = false): void {
    if (this.frameRequest !== 0) {
      cancelAnimationFrame(this.frameRequest);
      this.frameRequest = 0;
    }
    const x = this.x;
    const ticks = Math.max(2, Math.floor((this.width - LABEL_WIDTH) / 110));
    select(this.axisG)
      .attr('transform', `translate(0,${AXIS_HEIGHT - 1})`)
      .call(axisTop(x).ticks(ticks).tickSizeOuter(0));
    const height = this.height;
    select(this.gridG)
      .selectAll<SVGLineElement, Date>('line')
      .data(x.ticks(ticks), (d) => d.getTime())
      .join('line')
      .attr('x1', (d) => x(d))
      .attr('x2', (d) => x(d))
      .attr('y1', 0)
      .attr('y2', height);
    this.positionToday(height);
    const [first, last] = x.domain();
    if (first && last) this.spanLabel.textContent = `${formatDay(first.getTime())} – ${formatDay(last.getTime())}`;

    this.scaleVersion++;
    this.placeMarks(everywhere);
    this.positionCursor();
  }

  /**
   * Moves the marks to the current scale, lane by lane, skipping what cannot be seen:
   * lanes scrolled far out of view (placed when scrolled to), and marks off screen both
   * before and after (the plot's pixel window does not move, so a mark left off screen
   * stays off screen). Zooming then costs what is visible, not what exists.
   */
  private placeMarks(everywhere: boolean): void {
    const x = this.x;
    // Linear in time, so the scale is two numbers: cheaper than calling it 10,000 times.
    const [d0, d1] = x.domain().map((d) => d.getTime()) as [number, number];
    const [r0, r1] = x.range() as [number, number];
    const k = (r1 - r0) / (d1 - d0);
    const b = r0 - k * d0;
    const lo = LABEL_WIDTH - OFFSCREEN;
    const hi = this.width + OFFSCREEN;
    const view = this.frame.clientHeight || 800;
    const top = this.frame.scrollTop - AXIS_HEIGHT - SCROLL_MARGIN;
    const bottom = this.frame.scrollTop + view + SCROLL_MARGIN;
    const version = this.scaleVersion;
    this.boxes.forEach((box, laneIndex) => {
      if (this.placedAt[laneIndex] === version) return;
      if (!everywhere && (box.top + box.height < top || box.top > bottom)) return;
      this.placedAt[laneIndex] = version;
      for (const d of this.drawnByLane[laneIndex] ?? []) {
        const p = d.mark.placed;
        let nx: number;
        let nw: number;
        if (p.point) {
          nx = Math.round((k * (p.start + DAY_MS / 2) + b) * 10) / 10;
          nw = 0;
        } else {
          nx = Math.round(Math.min(hi, Math.max(lo, k * p.start + b)) * 10) / 10;
          const e = Math.min(hi, Math.max(lo, k * p.end + b));
          nw = Math.round(Math.max(MIN_BAR_WIDTH, e - nx) * 10) / 10;
        }
        if (nx === d.px && nw === d.pw && d.y === d.py) continue;
        const wasVisible = d.px + d.pw >= lo && d.px <= hi;
        const isVisible = nx + nw >= lo && nx <= hi;
        if (!everywhere && !wasVisible && !isVisible && d.y === d.py) continue;
        d.node.setAttribute('transform', `translate(${nx},${d.y})`);
        if (!p.point && nw !== d.pw) {
          d.parts.shape.setAttribute('width', String(nw));
          d.parts.flag?.setAttribute('transform', `translate(${nw},0)`);
        }
        d.px = nx;
        d.pw = nw;
        d.py = d.y;
      }
    });
  }

  /**
   * Lanes scrolled into view get the marks they skipped while out of it: at once, since
   * scroll events come once a frame, before it is painted.
   */
  private onScroll(): void {
    this.placeMarks(false);
  }

  private positionToday(height: number): void {
    const visible = this.today !== undefined && this.x(this.today) >= LABEL_WIDTH && this.x(this.today) <= this.width - RIGHT_PAD;
    const t = this.today === undefined ? 0 : this.x(this.today + DAY_MS / 2);
    for (const el of [this.todayLine, this.todayLabel]) el.setAttribute('visibility', visible ? 'visible' : 'hidden');
    this.todayLine.setAttribute('x1', t.toFixed(1));
    this.todayLine.setAttribute('x2', t.toFixed(1));
    this.todayLine.setAttribute('y1', '0');
    this.todayLine.setAttribute('y2', String(height));
    this.todayLabel.setAttribute('x', t.toFixed(1));
  }

  private positionCursor(): void {
    const drawn = this.cursorId === undefined ? undefined : this.byId.get(this.cursorId);
    const box = drawn ? this.boxes.find((b) => b.lane.marks.includes(drawn.mark)) : undefined;
    if (!drawn || !box) {
      this.cursorRing.setAttribute('visibility', 'hidden');
      return;
    }
    const p = drawn.mark.placed;
    const x0 = p.point ? this.x(p.start + DAY_MS / 2) - 8 : Math.max(LABEL_WIDTH - 4, this.x(p.start) - 4);
    const x1 = p.point ? x0 + 16 : Math.min(this.width, Math.max(this.x(p.start) + MIN_BAR_WIDTH, this.x(p.end)) + 4);
    const y = box.top + drawn.y - 9;
    this.cursorRing.setAttribute('x', x0.toFixed(1));
    this.cursorRing.setAttribute('y', String(y));
    this.cursorRing.setAttribute('width', Math.max(8, x1 - x0).toFixed(1));
    this.cursorRing.setAttribute('height', '18');
    this.cursorRing.setAttribute('visibility', 'visible');
  }

  private bringIntoView(drawn: DrawnMark): void {
    const box = this.boxes.find((b) => b.lane.marks.includes(drawn.mark));
    if (box) {
      const top = box.top + AXIS_HEIGHT;
      const view = this.frame.clientHeight;
      if (box.top < this.frame.scrollTop) this.frame.scrollTop = box.top;
      else if (top + box.height > this.frame.scrollTop + view) this.frame.scrollTop = top + box.height - view;
    }
    const p = drawn.mark.placed;
    const [from, to] = this.x.domain().map((d) => d.getTime()) as [number, number];
    const inView = p.end > from && p.start < to;
    if (!inView) this.zoomBehavior.translateTo(this.frameSel, this.baseX(centreOf(drawn.mark)), 0.5);
  }

  private markAtEvent(e: Event): DrawnMark | undefined {
    const target = e.target instanceof Element ? e.target.closest('g.mark') : null;
    if (!target) return undefined;
    const mark = select<Element, LaneMark | undefined>(target).datum();
    return mark ? this.byId.get(mark.id) : undefined;
  }

  /**
   * The wheel zooms over the plot; over the lane names, or with Shift, it scrolls the
   * lanes (the only way to reach lanes below when many); a sideways swipe pans.
   */
  private zoomFilter(event: Event): boolean {
    if (event instanceof WheelEvent) {
      if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) return false;
      return this.offsetX(event) >= LABEL_WIDTH;
    }
    if (event instanceof MouseEvent) return !event.ctrlKey && event.button === 0;
    return true;
  }

  private onWheelNotZoom(e: WheelEvent): void {
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY) && !e.shiftKey) {
      e.preventDefault();
      this.zoomBehavior.translateBy(this.frameSel, -e.deltaX / this.currentTransform.k, 0);
    } else if (e.shiftKey) {
      e.preventDefault();
      this.frame.scrollTop += e.deltaY || e.deltaX;
    }
  }

  private offsetX(event: MouseEvent): number {
    return event.clientX - this.frame.getBoundingClientRect().left;
  }
}

function centreOf(mark: LaneMark): number {
  return (mark.placed.start + mark.placed.end) / 2;
}

/** What decides a mark's look: when it changes for the same key, the element is rebuilt. */
function signature(m: LaneMark): string {
  const i = m.placed.item;
  return `${i.kind}|${i.claimType ?? ''}|${i.role}|${i.status}|${i.verdict ?? ''}|${m.placed.point ? 'p' : 'b'}`;
}

/** A little room either side, so marks at the ends are not cut by the plot's edge. */
function padExtent([a, b]: [number, number]): [number, number] {
  const span = Math.max(b - a, 30 * DAY_MS);
  const pad = span * 0.03;
  return [a - pad, b + pad];
}
