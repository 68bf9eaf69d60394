// The agreement page: the figures per kind, then every disagreement; a row reveals both
// coders' versions in editors beside the page. Everything is built with textContent, so
// no quote or name from a sidecar is ever read as markup.
import { describeType, figure, pairCells } from '../../core/agree/markdown';
import type { CodedSpan } from '../../core/agree/coders';
import type { AgreementReport, Disagreement } from '../../core/agree/study';
import { isDataMessage, type AgreementVsCodeApi, type DataMessage } from './protocol';

// VS Code gives the page this once per load (the timeline page declares the same global with its own messages).
declare function acquireVsCodeApi(): AgreementVsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

type Child = Node | string;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function table(head: string[], rows: Child[][], numeric: ReadonlySet<number>, caption: string): HTMLTableElement {
  return el(
    'table',
    {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', ...(numeric.has(i) ? { class: 'num' } : {}) }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => el('td', numeric.has(i) ? { class: 'num' } : {}, c))))),
  );
}

function coderName(report: AgreementReport, i: number): string {
  return report.coders[i] ?? '?';
}

function figures(report: AgreementReport): HTMLElement {
  const two = report.coders.length === 2;
  const head = ['Kind', ...(two ? [] : ['Coders']), 'Spans', 'Exact F1', 'Overlap P', 'Overlap R', 'Overlap F1', 'Same label', "Cohen's κ"];
  const rows: Child[][] = report.kinds.flatMap((k) => k.pairs.map((p) => pairCells(report, k, p)));
  const offset = two ? 0 : 1;
  const spans = table(head, rows, new Set([2, 3, 4, 5, 7].map((i) => i + offset)), 'Spans and labels, pair by pair');
  const alphas = table(
    ['Kind', "Krippendorff's α (labels)", "Krippendorff's αᵤ (spans)"],
    [
      ...report.kinds.map((k): Child[] => [k.kind, figure(k.labelAlpha.alpha), figure(k.unitized.alpha)]),
      ['All kinds', '', figure(report.unitized.alpha)],
    ],
    new Set([1, 2]),
    'Over all coders',
  );
  const note = el(
    'p',
    { class: 'note' },
    `Precision and recall take ${coderName(report, 0)} as the reference. Overlap: spans sharing at least one character, paired one to one. ` +
      'κ and α compare the labels of overlapping pairs; αᵤ compares where spans lie over the whole text. “—”: not defined (no spans, or no variation).',
  );
  return el('section', { 'aria-labelledby': 'figures' }, el('h2', { id: 'figures' }, 'Figures'), spans, alphas, note);
}

function spanCell(span: CodedSpan | undefined): Child {
  if (!span) return el('span', { class: 'none' }, '—');
  const quote = span.quote.replace(/\s+/g, ' ');
  return el(
    'span',
    {},
    ...(span.label === '' ? [] : [el('span', { class: 'label' }, span.label), ' ']),
    el('q', {}, quote.length > 160 ? `${quote.slice(0, 159)}…` : quote),
    el('span', { class: 'offsets' }, ` ${span.start}–${span.end}`),
  );
}

function what(report: AgreementReport, d: Disagreement): string {
  return d.type === 'only' ? `only ${coderName(report, d.spanA ? d.a : d.b)}` : describeType(d.type);
}

let current: DataMessage | undefined;
const filter = { kind: '', type: '' };

function disagreements(report: AgreementReport): HTMLElement {
  const two = report.coders.length === 2;
  const section = el('section', { 'aria-labelledby': 'disagreements' });
  section.append(el('h2', { id: 'disagreements' }, `Disagreements (${report.disagreements.length})`));
  const kinds = [...new Set(report.disagreements.map((d) => d.kind))];
  const kindSelect = el(
    'select',
    { id: 'kind-filter' },
    el('option', { value: '' }, 'All kinds'),
    ...kinds.map((k) => el('option', { value: k }, k)),
  );
  const types = ['only', 'span', 'label', 'span-label'] as const;
  const typeSelect = el(
    'select',
    { id: 'type-filter' },
    el('option', { value: '' }, 'All disagreements'),
    ...types.map((t) => el('option', { value: t }, describeType(t))),
  );
  kindSelect.value = filter.kind;
  typeSelect.value = filter.type;
  section.append(
    el(
      'div',
      { class: 'filters' },
      el('label', { for: 'kind-filter' }, 'Kind '),
      kindSelect,
      el('label', { for: 'type-filter' }, ' Type '),
      typeSelect,
    ),
  );
  const rows = report.disagreements
    .map((d, index) => ({ d, index }))
    .filter(({ d }) => (filter.kind === '' || d.kind === filter.kind) && (filter.type === '' || d.type === filter.type));
  if (report.disagreements.length === 0) {
    section.append(el('p', {}, 'None: the coders marked the same spans with the same labels.'));
    return section;
  }
  const body = el('tbody');
  for (const { d, index } of rows) {
    const tr = el(
      'tr',
      { tabindex: '0', class: `disagreement ${d.type}`, 'data-index': String(index), title: 'Show both versions' },
      el('td', {}, d.document),
      el('td', {}, d.kind),
      el('td', {}, what(report, d)),
      ...(two ? [] : [el('td', {}, `${coderName(report, d.a)} × ${coderName(report, d.b)}`)]),
      el('td', {}, spanCell(d.spanA)),
      el('td', {}, spanCell(d.spanB)),
    );
    body.append(tr);
  }
  const head = [
    'Document',
    'Kind',
    'What',
    ...(two ? [] : ['Coders']),
    two ? coderName(report, 0) : 'First',
    two ? coderName(report, 1) : 'Second',
  ];
  section.append(
    el(
      'table',
      { class: 'disagreements' },
      el('caption', {}, `${rows.length} shown. Select a row (or press Enter) to open both versions side by side.`),
      el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
      body,
    ),
  );
  kindSelect.addEventListener('change', () => {
    filter.kind = kindSelect.value;
    draw();
    document.getElementById('kind-filter')?.focus();
  });
  typeSelect.addEventListener('change', () => {
    filter.type = typeSelect.value;
    draw();
    document.getElementById('type-filter')?.focus();
  });
  return section;
}

function header(message: DataMessage): HTMLElement {
  const { report } = message;
  const count = el('input', { type: 'checkbox', id: 'suggestions' });
  count.checked = message.includeSuggestions;
  count.addEventListener('change', () => {
    vscode.postMessage({ type: 'options', includeSuggestions: count.checked });
  });
  const markdown = el('button', { type: 'button', id: 'markdown' }, 'Open as Markdown');
  markdown.addEventListener('click', () => {
    vscode.postMessage({ type: 'markdown' });
  });
  const left = report.leftOut
    .map((l, i) =>
      l && l.suggestions + l.dismissed + l.orphaned > 0
        ? `${coderName(report, i)}: ${[l.suggestions > 0 ? `${l.suggestions} unreviewed suggestions` : '', l.dismissed > 0 ? `${l.dismissed} dismissed` : '', l.orphaned > 0 ? `${l.orphaned} orphaned` : ''].filter(Boolean).join(', ')} left out`
        : '',
    )
    .filter(Boolean);
  return el(
    'header',
    {},
    el('h1', {}, `Agreement: ${message.title}`),
    el(
      'p',
      {},
      `${report.documents.length} document${report.documents.length === 1 ? '' : 's'} compared${report.unpaired.length > 0 ? `; ${report.unpaired.length} not every coder has: ${report.unpaired.map((u) => u.document).join(', ')}` : ''}.`,
    ),
    ...(left.length > 0 ? [el('p', { class: 'note' }, `${left.join('; ')}.`)] : []),
    ...message.problems.map((p) => el('p', { class: 'problem', role: 'alert' }, p)),
    el('div', { class: 'toolbar' }, el('label', {}, count, ' Count unreviewed suggestions as the coders’ own'), markdown),
  );
}

function draw(): void {
  if (!current) return;
  app.replaceChildren(header(current), figures(current.report), disagreements(current.report));
}

function reveal(target: EventTarget | null): void {
  const row = target instanceof Element ? target.closest('tr.disagreement') : null;
  const index = row?.getAttribute('data-index');
  if (index !== null && index !== undefined) vscode.postMessage({ type: 'reveal', index: Number(index) });
}

app.addEventListener('click', (e) => {
  reveal(e.target);
});
app.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && e.target instanceof HTMLTableRowElement) reveal(e.target);
});
window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (!isDataMessage(e.data)) return;
  current = e.data;
  draw();
});
vscode.postMessage({ type: 'ready' });
