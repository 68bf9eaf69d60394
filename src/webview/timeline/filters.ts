// Which items the page shows. Pure (no DOM): the filter is also what the summary line,
// the table and the saved figure agree on, and its rules are unit-tested.

import { CLAIM_TYPES, type ClaimType } from '../../core/model';
import { TIMELINE_ROLES, type TimelineRole } from '../../core/timeline/types';
import { controlsOf, normaliseText, speakerOf, type PlacedItem } from './model';

export type KindFilter = 'all' | 'claim' | 'date' | `claim:${ClaimType}`;
export const KIND_FILTERS: readonly KindFilter[] = ['all', 'claim', ...CLAIM_TYPES.map((t): KindFilter => `claim:${t}`), 'date'];

/** `reviewed` is every status a person gave; the three after it pick one of them. */
export type StatusFilter = 'all' | 'suggested' | 'reviewed' | 'open' | 'verified' | 'disputed';
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'suggested', 'reviewed', 'open', 'verified', 'disputed'];

export type RoleFilter = 'all' | TimelineRole;
export const ROLE_FILTERS: readonly RoleFilter[] = ['all', ...TIMELINE_ROLES];

export interface FilterState {
  text: string;
  kind: KindFilter;
  role: RoleFilter;
  status: StatusFilter;
  /** A speaker as `speakerOf` names it; '' for all. */
  speaker: string;
  /** A control as `controlsOf` names it; '' for all. */
  control: string;
}

export const NO_FILTER: FilterState = { text: '', kind: 'all', role: 'all', status: 'all', speaker: '', control: '' };

export function isFilterActive(filter: FilterState): boolean {
  return (
    normaliseText(filter.text) !== '' ||
    filter.kind !== 'all' ||
    filter.role !== 'all' ||
    filter.status !== 'all' ||
    filter.speaker !== '' ||
    filter.control !== ''
  );
}

export function compileFilter(filter: FilterState): (p: PlacedItem) => boolean {
  const text = normaliseText(filter.text);
  const { kind, role, status, speaker, control } = filter;
  return (p) => {
    const item = p.item;
    if (kind !== 'all') {
      if (kind === 'date' ? item.kind !== 'date' : item.kind !== 'claim') return false;
      if (kind.startsWith('claim:') && `claim:${item.claimType ?? ''}` !== kind) return false;
    }
    if (role !== 'all' && item.role !== role) return false;
    if (status !== 'all') {
      if (status === 'reviewed' ? item.status === 'suggested' : item.status !== status) return false;
    }
    if (speaker !== '' && speakerOf(item) !== speaker) return false;
    if (control !== '' && !controlsOf(item).includes(control)) return false;
    return text === '' || p.haystack.includes(text);
  };
}

/** Reads a saved or posted filter back, keeping only what is still a valid choice. */
export function sanitiseFilter(value: unknown): FilterState {
  if (typeof value !== 'object' || value === null) return NO_FILTER;
  const v = value as Record<string, unknown>;
  const pick = <T extends string>(x: unknown, allowed: readonly T[], fallback: T): T =>
    typeof x === 'string' && (allowed as readonly string[]).includes(x) ? (x as T) : fallback;
  return {
    text: typeof v.text === 'string' ? v.text : '',
    kind: pick(v.kind, KIND_FILTERS, 'all'),
    role: pick(v.role, ROLE_FILTERS, 'all'),
    status: pick(v.status, STATUS_FILTERS, 'all'),
    speaker: typeof v.speaker === 'string' ? v.speaker : '',
    control: typeof v.control === 'string' ? v.control : '',
  };
}
