// The controls above the chart: filters, lanes, zoom, table toggle and saving. Each has
// an accessible name (the UI tests find them by it) and reports through `ToolbarEvents`.

import type { ClaimType } from '../../core/model';
import type { FilterState, KindFilter, RoleFilter, StatusFilter } from './filters';
import { KIND_FILTERS, ROLE_FILTERS, STATUS_FILTERS } from './filters';
import type { LaneMode } from './model';
import { LANE_MODES } from './model';
import type { SaveFormat, ViewMode } from './protocol';

export interface ToolbarEvents {
  filter(change: Partial<FilterState>): void;
  lanes(mode: LaneMode): void;
  zoom(action: 'in' | 'out' | 'fit'): void;
  view(mode: ViewMode): void;
  save(format: SaveFormat): void;
}

const LANE_WORDS: Record<LaneMode, string> = { document: 'Document', speaker: 'Speaker', control: 'Control' };
const ROLE_WORDS: Record<RoleFilter, string> = { all: 'All roles', due: 'Due', made: 'Made', mentioned: 'Mentioned' };
const STATUS_WORDS: Record<StatusFilter, string> = {
  all: 'All statuses',
  suggested: 'Suggested (not reviewed)',
  reviewed: 'Reviewed (any)',
  open: 'Reviewed: open',
  verified: 'Reviewed: verified',
  disputed: 'Reviewed: disputed',
};

function kindWords(kind: KindFilter): string {
  if (kind === 'all') return 'All kinds';
  if (kind === 'claim') return 'Claims (all types)';
  if (kind === 'date') return 'Dates';
  const type = kind.slice('claim:'.length) as ClaimType;
  return `Claims: ${type}s`;
}

/** Debounce for the text box: with 10,000 items, filtering on every key would queue work. */
const TEXT_DELAY_MS = 120;

export class Toolbar {
  readonly element: HTMLDivElement;
  readonly text: HTMLInputElement;
  readonly lanes: HTMLSelectElement;
  readonly kind: HTMLSelectElement;
  readonly role: HTMLSelectElement;
  readonly status: HTMLSelectElement;
  readonly speaker: HTMLSelectElement;
  readonly control: HTMLSelectElement;
  readonly tableButton: HTMLButtonElement;
  private readonly zoomButtons: HTMLButtonElement[];
  private textTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(parent: HTMLElement, events: ToolbarEvents) {
    this.element = document.createElement('div');
    this.element.className = 'toolbar';
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-label', 'Timeline filters and view');

    const filters = group('filters');
    this.text = document.createElement('input');
    this.text.type = 'search';
    this.text.className = 'text-filter';
    this.text.placeholder = 'Filter: quote, speaker, document…';
    this.text.setAttribute('aria-label', 'Filter by text');
    this.text.addEventListener('input', () => {
      if (this.textTimer !== undefined) clearTimeout(this.textTimer);
      this.textTimer = setTimeout(() => {
        this.textTimer = undefined;
        events.filter({ text: this.text.value });
      }, TEXT_DELAY_MS);
    });
    this.text.addEventListener('keydown', (e) => {
      // Enter applies at once, without waiting for the debounce.
      if (e.key === 'Enter') {
        if (this.textTimer !== undefined) clearTimeout(this.textTimer);
        this.textTimer = undefined;
        events.filter({ text: this.text.value });
      }
    });
    this.lanes = choice(
      'Lanes',
      LANE_MODES,
      (m) => `Lanes: ${LANE_WORDS[m]}`,
      (mode) => {
        events.lanes(mode);
      },
    );
    this.kind = choice('Kind', KIND_FILTERS, kindWords, (kind) => {
      events.filter({ kind });
    });
    this.role = choice(
      'Role',
      ROLE_FILTERS,
      (r) => ROLE_WORDS[r],
      (role) => {
        events.filter({ role });
      },
    );
    this.status = choice(
      'Status',
      STATUS_FILTERS,
      (st) => STATUS_WORDS[st],
      (status) => {
        events.filter({ status });
      },
    );
    this.speaker = select('Speaker', [['', 'All speakers']]);
    this.speaker.addEventListener('change', () => {
      events.filter({ speaker: this.speaker.value });
    });
    this.control = select('Control', [['', 'All controls']]);
    this.control.addEventListener('change', () => {
      events.filter({ control: this.control.value });
    });
    filters.append(this.text, this.lanes, this.kind, this.role, this.status, this.speaker, this.control);

    const view = group('view');
    const zoomIn = button('+', 'Zoom in', 'Zoom in (+)');
    const zoomOut = button('−', 'Zoom out', 'Zoom out (-)');
    const fit = button('Fit', 'Fit', 'Show the whole time span');
    zoomIn.addEventListener('click', () => {
      events.zoom('in');
    });
    zoomOut.addEventListener('click', () => {
      events.zoom('out');
    });
    fit.addEventListener('click', () => {
      events.zoom('fit');
    });
    this.zoomButtons = [zoomIn, zoomOut, fit];
    this.tableButton = button('Table', 'Table', 'Show the marks as a table');
    this.tableButton.setAttribute('aria-pressed', 'false');
    this.tableButton.addEventListener('click', () => {
      events.view(this.tableButton.getAttribute('aria-pressed') === 'true' ? 'chart' : 'table');
    });
    const svg = button('SVG', 'Save as SVG', 'Save the chart as shown as an SVG file');
    const png = button('PNG', 'Save as PNG', 'Save the chart as shown as a PNG image');
    svg.addEventListener('click', () => {
      events.save('svg');
    });
    png.addEventListener('click', () => {
      events.save('png');
    });
    view.append(zoomIn, zoomOut, fit, separator(), this.tableButton, separator(), svg, png);
    this.element.append(filters, view);
    parent.append(this.element);
  }

  /** Shows the state (after a restore, or a change made elsewhere, e.g. a cleared filter). */
  show(filter: FilterState, lanes: LaneMode, view: ViewMode): void {
    if (this.text.value !== filter.text && document.activeElement !== this.text) this.text.value = filter.text;
    this.lanes.value = lanes;
    this.kind.value = filter.kind;
    this.role.value = filter.role;
    this.status.value = filter.status;
    this.speaker.value = filter.speaker;
    this.control.value = filter.control;
    const table = view === 'table';
    this.tableButton.setAttribute('aria-pressed', String(table));
    this.tableButton.classList.toggle('pressed', table);
    // Zoom belongs to the chart; in the table it would act on something unseen.
    for (const b of this.zoomButtons) b.disabled = table;
  }

  /**
   * The speakers and controls present. A chosen value no longer present stays listed
   * (marked as such), so that a data update never silently drops the user's filter.
   */
  setChoices(speakers: [string, number][], controls: [string, number][], filter: FilterState): void {
    fillOptions(this.speaker, 'All speakers', speakers, filter.speaker);
    fillOptions(this.control, 'All controls', controls, filter.control);
  }
}

function group(name: string): HTMLDivElement {
  const div = document.createElement('div');
  div.className = `toolbar-group ${name}`;
  return div;
}

function separator(): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'separator';
  span.setAttribute('aria-hidden', 'true');
  return span;
}

function select(label: string, options: [string, string][]): HTMLSelectElement {
  const el = document.createElement('select');
  el.setAttribute('aria-label', label);
  el.title = label;
  for (const [value, text] of options) el.append(new Option(text, value));
  return el;
}

/** A select of fixed `values`; `pick` gets the one chosen, typed. */
function choice<T extends string>(
  label: string,
  values: readonly T[],
  words: (value: T) => string,
  pick: (value: T) => void,
): HTMLSelectElement {
  const el = select(
    label,
    values.map((v) => [v, words(v)]),
  );
  el.addEventListener('change', () => {
    const value = values.find((v) => v === el.value);
    if (value !== undefined) pick(value);
  });
  return el;
}

function fillOptions(el: HTMLSelectElement, all: string, values: [string, number][], chosen: string): void {
  const options = [new Option(all, '')];
  for (const [value, count] of values) options.push(new Option(`${value} (${count})`, value));
  if (chosen !== '' && !values.some(([v]) => v === chosen)) options.push(new Option(`${chosen} (none now)`, chosen));
  el.replaceChildren(...options);
  el.value = chosen;
}

function button(text: string, label: string, title: string): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.textContent = text;
  el.setAttribute('aria-label', label);
  el.title = title;
  return el;
}
