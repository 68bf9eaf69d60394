// The table view: the same filtered items as the chart, one row each (an item in several
// control lanes is one row), sortable, each row revealing its annotation.

import type { PlacedItem } from './model';
import { compareMarksInTime, speakerOf } from './model';
import { describeKind, describeStatus, formatSpan, truncate } from './describe';
import { colourClass } from './layout';
import type { SortColumn, TableSort } from './protocol';

const COLUMNS: { column: SortColumn; title: string }[] = [
  { column: 'date', title: 'Date' },
  { column: 'role', title: 'Role' },
  { column: 'kind', title: 'Kind' },
  { column: 'quote', title: 'Quote' },
  { column: 'speaker', title: 'Speaker' },
  { column: 'controls', title: 'Controls' },
  { column: 'document', title: 'Document' },
  { column: 'status', title: 'Status' },
];

/**
 * Rows are shown a page at a time: laying out 10,000 rows of wrapped quotes takes seconds,
 * and a table that long is read by filtering it, not by scrolling it.
 */
export const PAGE_ROWS = 500;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function sortKey(p: PlacedItem, column: SortColumn): string {
  const item = p.item;
  switch (column) {
    case 'date':
      return '';
    case 'role':
      return item.role;
    case 'kind':
      return describeKind(item);
    case 'quote':
      return item.quote;
    case 'speaker':
      return speakerOf(item);
    case 'controls':
      return item.controls.join(', ');
    case 'document':
      return item.doc;
    case 'status':
      return item.status;
  }
}

export function sortRows(items: readonly PlacedItem[], sort: TableSort): PlacedItem[] {
  const sign = sort.descending ? -1 : 1;
  const keys = new Map(items.map((p) => [p, sortKey(p, sort.column)]));
  return items.slice().sort((a, b) => sign * (collator.compare(keys.get(a) ?? '', keys.get(b) ?? '') || compareMarksInTime(a, b)));
}

export interface TableEvents {
  reveal(key: string): void;
  sort(sort: TableSort): void;
}

export class TableView {
  readonly element: HTMLDivElement;
  private readonly table: HTMLTableElement;
  private readonly tbody: HTMLTableSectionElement;
  private readonly headers = new Map<SortColumn, HTMLTableCellElement>();
  private readonly more: HTMLButtonElement;
  private readonly caption: HTMLParagraphElement;
  private rows: PlacedItem[] = [];
  private shown = 0;

  constructor(
    parent: HTMLElement,
    private readonly events: TableEvents,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'table-frame';
    this.table = document.createElement('table');
    this.table.className = 'timeline-table';
    this.table.setAttribute('aria-label', 'Timeline as a table');
    const thead = this.table.createTHead();
    const headRow = thead.insertRow();
    for (const { column, title } of COLUMNS) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.className = `col-${column}`;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = title;
      button.setAttribute('aria-label', `Sort by ${title.toLowerCase()}`);
      button.addEventListener('click', () => {
        const current = th.getAttribute('aria-sort');
        this.events.sort({ column, descending: current === 'ascending' });
      });
      th.append(button);
      headRow.append(th);
      this.headers.set(column, th);
    }
    this.tbody = this.table.createTBody();
    this.tbody.addEventListener('click', (e) => {
      const row = e.target instanceof Element ? e.target.closest('tr') : null;
      const key = row?.dataset.key;
      // A click on the button is handled there; one elsewhere on the row reveals as well.
      if (key !== undefined && !(e.target instanceof HTMLButtonElement)) this.events.reveal(key);
    });
    this.caption = document.createElement('p');
    this.caption.className = 'table-caption';
    this.caption.id = 'table-caption';
    this.more = document.createElement('button');
    this.more.type = 'button';
    this.more.className = 'more-rows';
    this.more.setAttribute('aria-label', 'Show more rows');
    this.more.addEventListener('click', () => {
      this.appendRows(PAGE_ROWS);
    });
    this.element.append(this.table, this.caption, this.more);
    parent.append(this.element);
  }

  /** Shows `items` sorted, the first page of them; returns the number of rows in all. */
  render(items: readonly PlacedItem[], sort: TableSort): number {
    for (const [column, th] of this.headers) {
      if (column === sort.column) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    this.rows = sortRows(items, sort);
    this.shown = 0;
    this.tbody.replaceChildren();
    this.appendRows(PAGE_ROWS);
    return this.rows.length;
  }

  private appendRows(count: number): void {
    const fragment = document.createDocumentFragment();
    const to = Math.min(this.rows.length, this.shown + count);
    for (let i = this.shown; i < to; i++) {
      const p = this.rows[i];
      if (p) fragment.append(this.row(p));
    }
    this.tbody.append(fragment);
    this.shown = to;
    const total = this.rows.length;
    const fmt = new Intl.NumberFormat('en-US');
    this.caption.textContent = to < total ? `Showing the first ${fmt.format(to)} rows of ${fmt.format(total)}.` : '';
    this.caption.hidden = to >= total;
    this.more.hidden = to >= total;
    this.more.textContent = `Show ${fmt.format(Math.min(PAGE_ROWS, total - to))} more`;
    document.body.dataset.tableRows = String(total);
    document.body.dataset.tableShown = String(to);
  }

  private row(p: PlacedItem): HTMLTableRowElement {
    const item = p.item;
    const tr = document.createElement('tr');
    tr.dataset.key = item.key;
    tr.className = item.status === 'suggested' ? 'suggested' : 'reviewed';
    const date = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'reveal';
    button.textContent = formatSpan(p);
    button.title = `${item.value} (${item.precision}): reveal in the document`;
    button.addEventListener('click', () => {
      this.events.reveal(item.key);
    });
    date.append(button);
    const kind = document.createElement('td');
    kind.className = 'kind';
    const dot = document.createElement('span');
    dot.className = `dot ${colourClass(item)}`;
    kind.append(dot, describeKind(item));
    const quote = cell(truncate(item.quote, 200));
    quote.title = item.quote;
    const speaker =
      item.entity && item.speaker && item.entity !== item.speaker ? `${item.speaker} (${item.entity})` : item.entity || item.speaker;
    tr.append(
      date,
      cell(item.documentDate ? 'made (document date)' : item.role, 'role'),
      kind,
      quote,
      cell(speaker),
      cell(item.controls.join(', ')),
      cell(item.doc),
      cell(describeStatus(item)),
    );
    return tr;
  }
}

function cell(text: string, className = ''): HTMLTableCellElement {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.textContent = text;
  return td;
}
