// The domain vocabulary shared by every room of Marginalia. Offsets here are UTF-16
// code units (JavaScript string indices), end exclusive; the sidecar, the CLI's JSON
// and the standoff exports convert to Unicode code points at their boundary
// (see text/offsets.ts).

export type Kind = 'claim' | 'date' | 'control';
export const KINDS: readonly Kind[] = ['claim', 'date', 'control'];

export type ClaimType = 'commitment' | 'assertion' | 'denial' | 'comparison';
export const CLAIM_TYPES: readonly ClaimType[] = ['commitment', 'assertion', 'denial', 'comparison'];

/**
 * Where an annotation stands in review. `suggested`: stored by a detector (a scan,
 * `detect --write`) and not yet looked at by a person: machine output, never to be
 * presented as a judgment. Every other status is a person's decision: `open` (accepted,
 * to be checked), `verified`, `disputed`, `dismissed` (rejected; kept so the detector's
 * finding is not suggested again).
 */
export type Status = 'suggested' | 'open' | 'verified' | 'disputed' | 'dismissed';
export const STATUSES: readonly Status[] = ['suggested', 'open', 'verified', 'disputed', 'dismissed'];
/** The statuses a person gives: everything but `suggested`. */
export type ReviewedStatus = Exclude<Status, 'suggested'>;
export const REVIEWED_STATUSES: readonly ReviewedStatus[] = ['open', 'verified', 'disputed', 'dismissed'];

export function isReviewed(status: Status): status is ReviewedStatus {
  return status !== 'suggested';
}

/**
 * A researcher's verdict on a commitment: whether it was kept. Absent: still open. A
 * person's decision, signed like a status (reviewer, reviewed).
 */
export type Verdict = 'kept' | 'broken' | 'disputed' | 'unverifiable';
export const VERDICTS: readonly Verdict[] = ['kept', 'broken', 'disputed', 'unverifiable'];

export type Origin = 'detected' | 'manual';

export interface Span {
  /** UTF-16 offset of the first code unit. */
  start: number;
  /** UTF-16 offset one past the last code unit. */
  end: number;
}

interface DetectionBase extends Span {
  /** The exact source text of the span. */
  text: string;
}

export interface ControlDetection extends DetectionBase {
  kind: 'control';
  /** Catalog id of the standard, law, regulator or programme (`iso-27001`). */
  id: string;
  /** For a control identifier such as `AC-2(1)`: the catalog id of its framework. */
  framework?: string;
  /** For a control identifier: the identifier as normalised (`AC-2(1)`, `A.5.15`). */
  controlId?: string;
}

/** Parts of a calendar date; `stated` ones were in the text, `implied` ones were filled in. */
export type DatePart = 'year' | 'quarter' | 'month' | 'day' | 'weekday';

export interface DateDetection extends DetectionBase {
  kind: 'date';
  /** ISO 8601 at the stated precision (`2020`, `2021-09`, `2020-06-10`); absent when unresolved. */
  value?: string;
  /** For a range: its end, at its own precision. */
  endValue?: string;
  /** True for expressions relative to the reference date ("last month"). */
  relative: boolean;
  stated: DatePart[];
  implied: DatePart[];
  /** The reference date (`YYYY-MM-DD`) that relative parts were resolved against. */
  reference?: string;
}

export interface ClaimDetection extends DetectionBase {
  kind: 'claim';
  type: ClaimType;
  /** The words that made this sentence a claim of this type; shown to the user. */
  cues: string[];
  /** Who the text attributes the claim to, when it says ("TikTok", "Blackburn"). */
  speaker?: string;
  /** Hedging words found in the sentence ("may", "could"). */
  hedges: string[];
  /** 0..1: how sure the detector is that this sentence is a claim of this type. */
  confidence: number;
}

export type Detection = ControlDetection | DateDetection | ClaimDetection;

/**
 * How a claim links to the annotations that are its parts, and the kind each role
 * links to: `about` the controls it names, `due` its deadline or target dates, `when`
 * the dates it happened or was made.
 */
export const LINK_ROLES = ['about', 'due', 'when'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];
export const LINK_TARGET_KIND: Readonly<Record<LinkRole, 'control' | 'date'>> = { about: 'control', due: 'date', when: 'date' };

/** A claim's link to a date or control detected in its sentence. */
export interface DetectionLink {
  role: LinkRole;
  target: DateDetection | ControlDetection;
}
