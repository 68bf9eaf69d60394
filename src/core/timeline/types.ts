// What the timeline shows: one mark per dated thing in the corpus. Built from annotations
// (reviewed and suggested) by items.ts; drawn by the webview (src/webview/timeline) and,
// as a static figure, by svg.ts for the annotated edition.

import type { ClaimType, Status, Verdict } from '../model';

/**
 * Why a mark sits where it does: `due`, a claim's deadline or target date (its `due`
 * link); `made`, when a claim was made or happened (its `when` link, else the document's
 * date); `mentioned`, a date annotation no claim links to.
 */
export type TimelineRole = 'due' | 'made' | 'mentioned';
export const TIMELINE_ROLES: readonly TimelineRole[] = ['due', 'made', 'mentioned'];

/** How precisely the text states the date: a year is a span of the axis, a day a point. */
export type TimelinePrecision = 'year' | 'quarter' | 'month' | 'week' | 'day';

export interface TimelineItem {
  /** Unique within one timeline: the document, the annotation, the role and the date's place. */
  key: string;
  /** The document, as ExportDocument.path names it (`reports/acme.txt`). */
  doc: string;
  /** The annotation the mark stands for: the claim for `due`/`made`, the date for `mentioned`. */
  annotationId: string;
  kind: 'claim' | 'date';
  /** For a claim: commitment, assertion, denial or comparison. */
  claimType?: ClaimType;
  role: TimelineRole;
  /** `suggested` for machine findings nobody reviewed; dismissed and orphaned ones are not shown. */
  status: Status;
  /** For a commitment: the researcher's verdict. */
  verdict?: Verdict;
  /** The date as stored (`2025`, `2025-Q3`, `2025-06`, `2025-06-10`, `2025-01/2025-03`). */
  value: string;
  /** First day the mark covers, `YYYY-MM-DD`. */
  from: string;
  /** Last day the mark covers (inclusive), `YYYY-MM-DD`; equal to `from` for a day. */
  to: string;
  /** The precision of `value` (of its start, for a range). */
  precision: TimelinePrecision;
  /** True when a `made` mark stands on the document's date, not on a date in its text. */
  documentDate?: boolean;
  /** The annotated text: the claim's sentence, or the date's words. */
  quote: string;
  /** The date's own words ("by the end of 2025"); the document's date for `documentDate`. */
  dateText: string;
  /** The speaker as written ('' when none). */
  speaker: string;
  /** The entity the speaker is, by its listed name ('' when unknown). */
  entity: string;
  /** Catalog ids (or quotes) of the controls a claim is about. */
  controls: string[];
  /** Code-point offsets of the annotation in its document: what revealing it selects. */
  start: number;
  end: number;
}

/** A timeline of a corpus, and what it could not place. */
export interface Timeline {
  items: TimelineItem[];
  /** Date annotations (not dismissed) whose value is unresolved: counted, not drawn. */
  undated: number;
  /** Documents the timeline was built from. */
  documents: number;
}
