// A claim's parts: the controls and dates detected in its sentence, each with the role it
// plays. A control is what the claim is `about`; a date is `due` when it is the deadline
// or target of something still to happen ("we will … by the end of 2025", "within 72
// hours", "is expected to decide in the coming months"), `when` when it says when
// something happened or was said ("In March, we announced", "last month"), and no link at
// all when it is a frequency or a length of service ("twice a year", "24 months of
// credit monitoring"). Rules, read from the sentence around each date; measured by
// `npm run eval` (Links) against keys made by hand (test/eval/links/README.md).

import type { ClaimDetection, ControlDetection, DateDetection, Detection, DetectionLink } from '../model';

/** Words that make what follows a deadline: "by", "no later than", "within". */
const DEADLINE_BEFORE =
  /\b(?:by|before|until|till|no later than|not later than|within|due(?: by| in)?|ahead of|in time for|prior to|on or before)\s*$/i;
/** The same words opening the date's own text ("by the end of the year", "within 72 hours"). */
const DEADLINE_START = /^(?:by|before|until|till|no later than|not later than|within|ahead of|prior to|on or before)\b/i;
/** What makes a sentence look ahead: a future, an obligation, an intention, a plan or an expectation. */
const FORWARD =
  /\b(?:will|shall|won't|must|need to|has to|have to|going to|plans? to|planning to|planned|intends? to|intend(?:ed|s)? to|intention to|expects? to|expected to|expects|expect|aims? to|goal is|target(?:s|ed)?|scheduled|roadmap|due to|agreed to|agrees to|commits? to|committed to|undertakes? to|undertook to|promised|is to|are to|required to|ordered|should|would|set to|on track to)\b|['’]ll\b/i;
/** A date said to lie ahead relative to the text's own time. */
const AHEAD = /\b(?:next|coming|upcoming|later this|near future|months ahead|weeks ahead|the future|soon)\b/i;
/** A date said to lie behind. */
const BEHIND = /\b(?:last|ago|earlier|since|past|previous|yesterday|so far|to date)\b/i;
/** A frequency, not a time: "twice a year", "every 90 days", "quarterly", "per day of delay". */
const FREQUENCY = /\b(?:every|each|annually|annual|quarterly|monthly|weekly|daily|twice|once a|per|a year$)\b/i;
/** A target set for the date, which stays its due date once passed: "on the roadmap for Q3 2024", "scheduled for", "due in". */
const TARGET_BEFORE =
  /\b(?:scheduled|planned|slated|targeted|expected|promised|due|roadmap|deadline|target date)["'”’]?\s+(?:for|in|on|by|of)?\s*$/i;
/** A date that says when something was written or said: "in a post dated 2020", "said on Thursday". */
const SAID_BEFORE =
  /\b(?:dated|posted|published|stated|said|says|announced|wrote|written|reported|confirmed|filed|told \w+)\s+(?:on|in)?\s*$/i;
/** A negation before a deadline word makes it the time something finally happened: "did not … until February 2024". */
const NEGATED_UNTIL = /\b(?:not|never|n't)\b[^.;]*\buntil\s*$/i;

/** How many characters before a date are read for a deadline word. */
const BEFORE_WINDOW = 24;

/** The first and last day (`YYYY-MM-DD`; a month's last day written 31) of an ISO date at any precision, or of a quarter (`2026-Q3`). */
export function periodOf(value: string): [string, string] {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    const pad = (n: number): string => String(n).padStart(2, '0');
    return [`${quarter[1] ?? ''}-${pad(first)}-01`, `${quarter[1] ?? ''}-${pad(first + 2)}-31`];
  }
  if (/^\d{4}$/.test(value)) return [`${value}-01-01`, `${value}-12-31`];
  if (/^\d{4}-\d{2}$/.test(value)) return [`${value}-01`, `${value}-31`];
  return [value.slice(0, 10), value.slice(0, 10)];
}

/** -1, 0 or 1: whether `value` lies wholly before `reference`, overlaps it, or lies wholly after it (both ISO, any precision). */
export function compareToReference(value: string, reference: string): -1 | 0 | 1 {
  const [from, to] = periodOf(value);
  const [refFrom, refTo] = periodOf(reference);
  if (from > refTo) return 1;
  if (to < refFrom) return -1;
  return 0;
}

function roleOfDate(text: string, claim: ClaimDetection, date: DateDetection, reference: string | undefined): 'due' | 'when' | undefined {
  const before = text.slice(Math.max(claim.start, date.start - BEFORE_WINDOW), date.start);
  const own = date.text;
  if (FREQUENCY.test(own)) return undefined;
  const deadline = DEADLINE_BEFORE.test(before) || DEADLINE_START.test(own);
  const value = date.endValue ?? date.value;
  const anchor = date.reference ?? reference;
  const position = value === undefined || anchor === undefined ? undefined : compareToReference(value, anchor);
  const lead = text.slice(claim.start, date.start);
  const forward = claim.type === 'commitment' || FORWARD.test(lead) || FORWARD.test(text.slice(date.end, claim.end).slice(0, 40));
  // The date's own "until" counts as written before it.
  const untilOwn = /^(?:until|till)\b/i.exec(own);
  if (SAID_BEFORE.test(before) || NEGATED_UNTIL.test(untilOwn ? `${before} ${untilOwn[0]}` : before)) return 'when';
  if (TARGET_BEFORE.test(before)) return 'due';
  if (deadline && (forward || position === 1)) return 'due';
  if (position === -1 || BEHIND.test(own)) return 'when';
  if (value === undefined && date.relative && !AHEAD.test(own)) {
    // A length of time with no deadline word: how long something took, or a service's length.
    return claim.type === 'commitment' ? undefined : 'when';
  }
  if (forward && (position === 1 || AHEAD.test(own) || (position === 0 && deadline))) return 'due';
  if (forward && position === undefined && FORWARD.test(lead)) return 'due';
  return 'when';
}

/**
 * The links of `claim` to the dates and controls of `parts` inside its span, in
 * document order. `reference` is the document's date, which says whether an absolute
 * date lies ahead; relative ones carry their own.
 */
export function inferLinks(
  text: string,
  claim: ClaimDetection,
  parts: readonly (DateDetection | ControlDetection)[],
  reference?: string,
): DetectionLink[] {
  const out: DetectionLink[] = [];
  for (const target of parts) {
    if (target.start < claim.start || target.end > claim.end) continue;
    if (target.kind === 'control') {
      out.push({ role: 'about', target });
      continue;
    }
    const role = roleOfDate(text, claim, target, reference);
    if (role !== undefined) out.push({ role, target });
  }
  return out;
}

/** The links of every claim of `detections` (sorted by start), by claim. */
export function linksOf(text: string, detections: readonly Detection[], reference?: string): Map<ClaimDetection, DetectionLink[]> {
  const parts = detections.filter((d): d is DateDetection | ControlDetection => d.kind !== 'claim');
  const out = new Map<ClaimDetection, DetectionLink[]>();
  let first = 0;
  for (const d of detections) {
    if (d.kind !== 'claim') continue;
    while (first < parts.length && (parts[first] as DateDetection | ControlDetection).end <= d.start) first++;
    const inside: (DateDetection | ControlDetection)[] = [];
    for (let i = first; i < parts.length && (parts[i] as DateDetection | ControlDetection).start < d.end; i++) {
      inside.push(parts[i] as DateDetection | ControlDetection);
    }
    const links = inferLinks(text, d, inside, reference);
    if (links.length > 0) out.set(d, links);
  }
  return out;
}
