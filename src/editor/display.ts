import type { ReviewedStatus, Status } from '../core/model';
import { displayLabel } from '../core/store/labels';
import type { Suggestion } from './session';

/** Codicons of the statuses: each differs in shape, not only in colour. */
export const STATUS_ICONS: Record<Status, string> = {
  suggested: '$(lightbulb)',
  open: '$(circle-large-outline)',
  verified: '$(pass)',
  disputed: '$(warning)',
  dismissed: '$(circle-slash)',
};

/** The codicon id of a status, for tree items. */
export function statusIconId(status: Status | ReviewedStatus): string {
  return STATUS_ICONS[status].slice(2, -1);
}

/** Codicons of the built-in kinds. */
export const KIND_ICONS: Record<string, string> = { claim: 'comment-discussion', date: 'calendar', control: 'shield' };

export { excerpt } from '../core/text/excerpt';

/** A suggestion as a short phrase: "claim: commitment", "date: 2021-09", with its kind's icon unless `icon` is false. */
export function describeSuggestion(s: Suggestion, icon = true): string {
  const label = s.detection ? displayLabel(s.detection) : undefined;
  const head = icon ? `$(${KIND_ICONS[s.kind] ?? 'tag'}) ` : '';
  return `${head}${s.kind}${label ? `: ${label}` : ''}`;
}
