// The messages between the page and the extension (src/editor/timeline/timelinePanel.ts),
// and the state VS Code keeps for a hidden panel. The page checks what it receives: a
// message it does not understand is ignored rather than half-drawn.

import { CLAIM_TYPES, STATUSES, VERDICTS } from '../../core/model';
import { TIMELINE_ROLES, type Timeline, type TimelineItem } from '../../core/timeline/types';
import { NO_FILTER, sanitiseFilter, type FilterState } from './filters';
import { LANE_MODES, type LaneMode } from './model';

export type SaveFormat = 'svg' | 'png';

export type PageMessage =
  | { type: 'ready' }
  | { type: 'reveal'; key: string }
  | { type: 'save'; format: 'svg'; data: string }
  | { type: 'save'; format: 'png'; data: string };

export interface DataMessage {
  type: 'data';
  timeline: Timeline;
  title: string;
  /** `YYYY-MM-DD`. */
  today: string;
}

export type ExtensionMessage = DataMessage | { type: 'save'; format: SaveFormat };

/** The API VS Code gives a webview page, once per page load. */
export interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}

declare global {
  function acquireVsCodeApi(): VsCodeApi;
}

export type ViewMode = 'chart' | 'table';
export type SortColumn = 'date' | 'role' | 'kind' | 'quote' | 'speaker' | 'controls' | 'document' | 'status';
export const SORT_COLUMNS: readonly SortColumn[] = ['date', 'role', 'kind', 'quote', 'speaker', 'controls', 'document', 'status'];

export interface TableSort {
  column: SortColumn;
  descending: boolean;
}

/** What the user chose, kept across hiding the panel and across data updates. */
export interface PersistedState {
  lanes: LaneMode;
  filter: FilterState;
  /** The visible time span [start, end] in ms since the epoch; absent: fit everything. */
  domain?: [number, number];
  view: ViewMode;
  sort: TableSort;
}

export const INITIAL_STATE: PersistedState = {
  lanes: 'document',
  filter: NO_FILTER,
  view: 'chart',
  sort: { column: 'date', descending: false },
};

export function restoreState(saved: unknown): PersistedState {
  if (typeof saved !== 'object' || saved === null) return INITIAL_STATE;
  const s = saved as Record<string, unknown>;
  const lanes = LANE_MODES.find((m) => m === s.lanes) ?? INITIAL_STATE.lanes;
  const domain = Array.isArray(s.domain) && s.domain.length === 2 ? s.domain.map(Number) : [];
  const [d0, d1] = domain;
  const sortIn = typeof s.sort === 'object' && s.sort !== null ? (s.sort as Record<string, unknown>) : {};
  const column = SORT_COLUMNS.find((c) => c === sortIn.column) ?? 'date';
  const state: PersistedState = {
    lanes,
    filter: sanitiseFilter(s.filter),
    view: s.view === 'table' ? 'table' : 'chart',
    sort: { column, descending: sortIn.descending === true },
  };
  if (d0 !== undefined && d1 !== undefined && Number.isFinite(d0) && Number.isFinite(d1) && d1 > d0) state.domain = [d0, d1];
  return state;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * An item with the fields the page relies on; the optional ones kept only when well-formed.
 * One malformed item is dropped rather than breaking the whole drawing (its dates then
 * count as unreadable only if they are there to read).
 */
export function readItem(raw: unknown): TimelineItem | undefined {
  if (!isRecord(raw) || typeof raw.key !== 'string' || typeof raw.from !== 'string' || typeof raw.to !== 'string') return undefined;
  const kind = raw.kind === 'claim' ? 'claim' : raw.kind === 'date' ? 'date' : undefined;
  const role = TIMELINE_ROLES.find((r) => r === raw.role);
  const status = STATUSES.find((s) => s === raw.status);
  if (!kind || !role || !status) return undefined;
  const precision = (['year', 'quarter', 'month', 'week', 'day'] as const).find((p) => p === raw.precision) ?? 'day';
  const item: TimelineItem = {
    key: raw.key,
    doc: str(raw.doc),
    annotationId: str(raw.annotationId),
    kind,
    role,
    status,
    value: str(raw.value),
    from: raw.from,
    to: raw.to,
    precision,
    quote: str(raw.quote),
    dateText: str(raw.dateText),
    speaker: str(raw.speaker),
    entity: str(raw.entity),
    controls: Array.isArray(raw.controls) ? raw.controls.filter((c): c is string => typeof c === 'string') : [],
    start: typeof raw.start === 'number' ? raw.start : 0,
    end: typeof raw.end === 'number' ? raw.end : 0,
  };
  const claimType = CLAIM_TYPES.find((t) => t === raw.claimType);
  if (claimType) item.claimType = claimType;
  const verdict = VERDICTS.find((v) => v === raw.verdict);
  if (verdict) item.verdict = verdict;
  if (raw.documentDate === true) item.documentDate = true;
  return item;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The extension's message, if it is one this page understands. */
export function readExtensionMessage(data: unknown): ExtensionMessage | undefined {
  if (!isRecord(data)) return undefined;
  if (data.type === 'save' && (data.format === 'svg' || data.format === 'png')) return { type: 'save', format: data.format };
  if (data.type !== 'data' || !isRecord(data.timeline)) return undefined;
  const t = data.timeline;
  const items: unknown = t.items;
  if (!Array.isArray(items)) return undefined;
  return {
    type: 'data',
    timeline: {
      items: (items as unknown[]).flatMap((raw) => {
        const item = readItem(raw);
        return item ? [item] : [];
      }),
      undated: typeof t.undated === 'number' ? t.undated : 0,
      documents: typeof t.documents === 'number' ? t.documents : 0,
    },
    title: typeof data.title === 'string' ? data.title : 'Timeline',
    today: typeof data.today === 'string' ? data.today : '',
  };
}
