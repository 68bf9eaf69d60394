// The page script of `Marginalia: Show Timeline`: builds the page inside #app, draws the
// timeline the extension posts, and keeps the user's filters, lanes and zoom across data
// updates and across the panel being hidden (vscode.setState).

import { announce, summarize } from './describe';
import { compileFilter, isFilterActive, NO_FILTER, type FilterState } from './filters';
import { drawLegend } from './legend';
import { colourClass } from './layout';
import { controlsOf, corpusOf, extentOf, groupLanes, parseDay, speakerOf, valuesWithCounts, type Corpus, type Lane } from './model';
import { NAVIGATION_KEYS, navigate, type NavigationKey } from './navigation';
import { readExtensionMessage, restoreState, type PageMessage, type PersistedState, type SaveFormat } from './protocol';
import { Chart } from './render';
import { figureSvg, pngOf } from './save';
import { svgEl } from './svg';
import { TableView } from './table';
import { Toolbar } from './toolbar';
import { Tooltip } from './tooltip';

const EMPTY_MESSAGE = 'No dated annotations or suggestions yet: accept a date, or run Marginalia: Scan Workspace.';
const ZOOM_STEP = 1.6;

const vscode = acquireVsCodeApi();
let state: PersistedState = restoreState(vscode.getState());

interface Shown {
  corpus: Corpus;
  title: string;
  today: number | undefined;
}
let data: Shown | undefined;

const app = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
app.classList.add('timeline-app');

const heading = document.createElement('h1');
heading.className = 'title';
heading.textContent = 'Timeline';

const toolbar = new Toolbar(app, {
  filter: (change) => {
    setState({ filter: { ...state.filter, ...change } });
    render();
  },
  lanes: (mode) => {
    setState({ lanes: mode });
    render();
  },
  zoom: (action) => {
    if (action === 'fit') chart.fit();
    else chart.zoomBy(action === 'in' ? ZOOM_STEP : 1 / ZOOM_STEP);
  },
  view: (mode) => {
    setState({ view: mode });
    render();
  },
  save: (format) => {
    void save(format);
  },
});
app.insertBefore(heading, toolbar.element);

const summary = document.createElement('p');
summary.id = 'summary';
const hint = document.createElement('p');
hint.className = 'hint';
hint.textContent =
  'Wheel or +/− to zoom, drag to pan; Shift+wheel or the wheel over lane names scrolls the lanes. Click a mark or press Enter to reveal it.';
const legendSvg = svgEl('svg', { class: 'legend', role: 'img', 'aria-label': 'Legend' });
const empty = document.createElement('div');
empty.className = 'empty';
empty.hidden = true;
app.append(summary, legendSvg, empty);

const tooltip = new Tooltip(document.body);
const announcer = document.createElement('div');
announcer.className = 'sr-only';
announcer.setAttribute('aria-live', 'polite');
announcer.id = 'announcer';

const chart = new Chart(app, {
  reveal: (key) => {
    post({ type: 'reveal', key });
  },
  domainChanged: (domain) => {
    state = { ...state, domain };
    if (domain === undefined) delete state.domain;
    saveStateSoon();
  },
  pointAt: (mark, anchor, lane, fromKeyboard) => {
    if (!mark || !anchor) {
      tooltip.hide();
      return;
    }
    tooltip.show(mark.placed, anchor);
    if (fromKeyboard && lane) announcer.textContent = announce(mark.placed, lane.key, lane.marks.indexOf(mark) + 1, lane.marks.length);
  },
});
const table = new TableView(app, {
  reveal: (key) => {
    post({ type: 'reveal', key });
  },
  sort: (sort) => {
    setState({ sort });
    render();
  },
});
app.append(hint, announcer);

let lanes: Lane[] = [];

chart.frame.addEventListener('keydown', (e) => {
  if ((NAVIGATION_KEYS as readonly string[]).includes(e.key)) {
    e.preventDefault();
    const at = chart.cursorPosition();
    const next = at ? navigate(lanes, at, e.key as NavigationKey) : chart.firstVisibleMark();
    const mark = next ? chart.markAt(next) : undefined;
    if (mark) chart.setCursor(mark.id, true);
    return;
  }
  switch (e.key) {
    case 'Enter':
    case ' ': {
      const mark = chart.cursorMark();
      if (mark) {
        e.preventDefault();
        post({ type: 'reveal', key: mark.placed.item.key });
      }
      return;
    }
    case '+':
    case '=':
      e.preventDefault();
      chart.zoomBy(ZOOM_STEP, true);
      return;
    case '-':
    case '_':
      e.preventDefault();
      chart.zoomBy(1 / ZOOM_STEP, true);
      return;
    case '0':
      e.preventDefault();
      chart.fit();
      return;
    case 'Escape':
      tooltip.hide();
      return;
  }
});
chart.frame.addEventListener('focus', () => {
  // From the keyboard only: a click focuses the chart too, and must not move the view.
  if (!chart.frame.matches(':focus-visible')) return;
  const at = chart.cursorMark() ? chart.cursorPosition() : chart.firstVisibleMark();
  const mark = at ? chart.markAt(at) : undefined;
  if (mark) chart.setCursor(mark.id, true);
});
chart.frame.addEventListener('blur', () => {
  tooltip.hide();
});

let resizeFrame = 0;
new ResizeObserver(() => {
  if (resizeFrame !== 0) return;
  resizeFrame = requestAnimationFrame(() => {
    resizeFrame = 0;
    if (!data || state.view !== 'chart') return;
    chart.resize();
    drawLegend(legendSvg, legendWidth(), coloursPresent(data.corpus));
  });
}).observe(app);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = readExtensionMessage(event.data);
  if (!message) return;
  if (message.type === 'save') {
    void save(message.format);
    return;
  }
  data = { corpus: corpusOf(message.timeline), title: message.title, today: parseDay(message.today) };
  heading.textContent = message.title;
  document.title = message.title;
  render();
});

function render(): void {
  if (!data) return;
  const { corpus, today } = data;
  const matches = compileFilter(state.filter);
  const shown = corpus.placed.filter(matches);
  lanes = groupLanes(shown, state.lanes);
  const extent = extentOf(corpus.placed);
  const tableView = state.view === 'table';

  toolbar.setChoices(
    valuesWithCounts(corpus.placed, (i) => [speakerOf(i)]),
    valuesWithCounts(corpus.placed, controlsOf),
    state.filter,
  );
  toolbar.show(state.filter, state.lanes, state.view);
  app.classList.toggle('table-mode', tableView);
  app.classList.toggle('no-data', corpus.placed.length === 0);

  chart.frame.hidden = tableView || corpus.placed.length === 0;
  table.element.hidden = !tableView || corpus.placed.length === 0;
  legendSvg.classList.toggle('hidden', corpus.placed.length === 0);
  showEmpty(corpus, shown.length);

  const marks = extent
    ? chart.update(lanes, state.lanes, extent, today, state.domain)
    : chart.update([], state.lanes, [0, 1], undefined, undefined);
  if (!tableView) drawLegend(legendSvg, legendWidth(), coloursPresent(corpus));
  if (tableView) table.render(shown, state.sort);

  summary.textContent = summarize({
    shown: shown.length,
    total: corpus.total,
    documents: new Set(shown.map((p) => p.item.doc)).size,
    undated: corpus.undated,
    invalid: corpus.invalid,
    mode: state.lanes,
    marks,
  });
  document.body.dataset.rendered = String(marks);
  document.body.dataset.renders = String(Number(document.body.dataset.renders ?? '0') + 1);
}

function showEmpty(corpus: Corpus, shown: number): void {
  empty.replaceChildren();
  if (corpus.placed.length === 0) {
    empty.textContent = EMPTY_MESSAGE;
    empty.hidden = false;
  } else if (shown === 0) {
    const text = document.createElement('span');
    text.textContent = 'No marks match the filters. ';
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = 'Clear filters';
    clear.setAttribute('aria-label', 'Clear filters');
    clear.addEventListener('click', () => {
      setState({ filter: NO_FILTER });
      toolbar.text.value = '';
      render();
    });
    empty.append(text, clear);
    empty.hidden = false;
  } else {
    empty.hidden = true;
  }
  empty.classList.toggle('filtered', isFilterActive(state.filter));
}

function coloursPresent(corpus: Corpus): Set<string> {
  return new Set(corpus.placed.map((p) => colourClass(p.item)));
}

function legendWidth(): number {
  return Math.max(320, app.clientWidth - 8);
}

async function save(format: SaveFormat): Promise<void> {
  if (!data) return;
  const figure = figureSvg({
    title: data.title,
    summary: describeFigure(),
    width: Number(chart.lanesSvg.getAttribute('width') ?? '800'),
    pieces: [chart.axisSvg, chart.lanesSvg, legendSvg],
  });
  if (format === 'svg') post({ type: 'save', format: 'svg', data: figure.svg });
  else post({ type: 'save', format: 'png', data: await pngOf(figure.svg, figure.width, figure.height) });
}

/** The summary line, with the filters that made it, so a saved figure says what it leaves out. */
function describeFigure(): string {
  const f: FilterState = state.filter;
  const parts = [summary.textContent];
  const filters = [
    f.text.trim() ? `text “${f.text.trim()}”` : '',
    f.kind !== 'all' ? `kind ${f.kind.replace('claim:', 'claim: ')}` : '',
    f.role !== 'all' ? `role ${f.role}` : '',
    f.status !== 'all' ? `status ${f.status}` : '',
    f.speaker ? `speaker ${f.speaker}` : '',
    f.control ? `control ${f.control}` : '',
  ].filter((s) => s !== '');
  if (filters.length > 0) parts.push(`filtered by ${filters.join(', ')}`);
  parts.push(`lanes by ${state.lanes}`);
  return parts.join(' · ');
}

function setState(change: Partial<PersistedState>): void {
  state = { ...state, ...change };
  vscode.setState(state);
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function saveStateSoon(): void {
  if (saveTimer !== undefined) return;
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    vscode.setState(state);
  }, 200);
}

function post(message: PageMessage): void {
  vscode.postMessage(message);
}

post({ type: 'ready' });
