// A document's controls with what decided them, kept up to date after an edit without
// matching the whole text again.
//
// Matching has two parts of different reach (controlWindow.ts). What scanControls finds
// at a place depends on the text SCAN_MARGIN around it; whether confirmControls confirms
// a pending identifier, on the text up to CONTROL_REACH around it (its section, its
// list). So after an edit the scan is the previous one, moved by the edit's length,
// with a scan of a narrow window around the change spliced in; and the identifiers are
// the previous ones with those pending within CONTROL_REACH of the change confirmed
// again. Only confirmNames, which reads the scan's findings and not the text, runs over
// the whole document: an abbreviation defined once, or a spelling several entries share,
// is decided by the whole document, so an edit anywhere may change it. The property
// tests hold the result to detectControls on the new text.

import type { ControlDetection } from '../model';
import type { TextSpanChange } from '../text/blocks';
import { CONTROL_REACH, SCAN_MARGIN, scanWithin } from './controlWindow';
import {
  confirmControls,
  decideControls,
  namesNeedDocument,
  scanControls,
  shiftPending,
  type ControlMatcher,
  type ControlScan,
} from './controls';
import { syncAfter, syncBefore } from './syncPoints';

/** A document's controls with what they were decided from. */
export interface DocumentControls {
  /** The scan of the whole document. */
  readonly scan: ControlScan;
  /** Every pending identifier of the scan that confirmControls confirmed. */
  readonly identifiers: readonly ControlDetection[];
  /** What detectControls returns for the document. */
  readonly detections: ControlDetection[];
  /** Whether names in it are decided by the whole document. */
  readonly needsDocument: boolean;
}

function decided(text: string, scan: ControlScan, identifiers: readonly ControlDetection[], matcher: ControlMatcher): DocumentControls {
  return {
    scan,
    identifiers,
    detections: decideControls(text, scan, identifiers, matcher),
    needsDocument: namesNeedDocument(scan),
  };
}

/** The controls of `text`, matched over all of it. */
export function documentControls(text: string, matcher: ControlMatcher): DocumentControls {
  const scan = scanControls(text, matcher);
  const identifiers = scan.pending.length === 0 ? [] : confirmControls(text, scan.pending, matcher);
  return decided(text, scan, identifiers, matcher);
}

/** The items of `items` before `from`, then `middle`, then those at or after `oldTo` moved by `delta`: in order when all three are. */
function splice<T extends { start: number }>(
  items: readonly T[],
  from: number,
  oldTo: number,
  middle: readonly T[],
  move: (item: T) => T,
): T[] {
  const out: T[] = [];
  for (const item of items) if (item.start < from) out.push(item);
  for (const item of middle) out.push(item);
  for (const item of items) if (item.start >= oldTo) out.push(move(item));
  return out;
}

/**
 * `d` moved by `by`, built field by field: a document's thousands of controls are moved
 * after every edit, and a spread of objects of several shapes is several times slower.
 */
function movedControl(d: ControlDetection, by: number): ControlDetection {
  const out: ControlDetection = { kind: 'control', start: d.start + by, end: d.end + by, text: d.text, id: d.id };
  if (d.framework !== undefined) out.framework = d.framework;
  if (d.controlId !== undefined) out.controlId = d.controlId;
  return out;
}

/** [from, to) of `text` widened by `reach` around the change, to sync points. */
function around(text: string, change: TextSpanChange, reach: number): { from: number; to: number } {
  return {
    from: syncBefore(text, Math.max(0, syncBefore(text, change.start) - reach)),
    to: syncAfter(text, Math.min(text.length, syncAfter(text, change.newEnd) + reach)),
  };
}

/** The controls of `text`, the text of `previous` after `change`. */
export function splicedControls(
  previous: DocumentControls,
  text: string,
  change: TextSpanChange,
  matcher: ControlMatcher,
): DocumentControls {
  const delta = change.newEnd - change.oldEnd;
  const moved = (d: ControlDetection): ControlDetection => movedControl(d, delta);
  const scanned = around(text, change, SCAN_MARGIN);
  const { scan: window } = scanWithin(text, scanned.from, scanned.to, matcher);
  const was = previous.scan;
  const [from, oldTo] = [scanned.from, scanned.to - delta];
  const scan: ControlScan = {
    detections: splice(was.detections, from, oldTo, window.detections, moved),
    pending: splice(was.pending, from, oldTo, window.pending, (p) => shiftPending(p, delta)),
    pendingNames: splice(was.pendingNames, from, oldTo, window.pendingNames, (p) => ({
      start: p.start + delta,
      end: p.end + delta,
      text: p.text,
      entries: p.entries,
    })),
    choices: splice(was.choices, from, oldTo, window.choices, (c) => ({ ...c, start: c.start + delta })),
    heads: splice(was.heads, from, oldTo, window.heads, (h) => ({ ...h, start: h.start + delta, end: h.end + delta })),
  };
  // Identifiers are confirmed again wherever the change may reach their verdict.
  const confirming = around(text, change, CONTROL_REACH);
  const again = scan.pending.filter((p) => p.start >= confirming.from && p.start < confirming.to);
  const confirmed = again.length === 0 ? [] : confirmControls(text, again, matcher);
  const identifiers = splice(previous.identifiers, confirming.from, confirming.to - delta, confirmed, moved);
  return decided(text, scan, identifiers, matcher);
}

/**
 * documentControls in steps of about `stepChars`, yielding between them, for a large
 * document opened: the same result, with the event loop given back meanwhile.
 */
export function* documentControlsInSteps(
  text: string,
  matcher: ControlMatcher,
  stepChars: number,
): Generator<void, DocumentControls, void> {
  const scan: ControlScan = { detections: [], pending: [], pendingNames: [], choices: [], heads: [] };
  const identifiers: ControlDetection[] = [];
  for (let from = 0; from < text.length;) {
    const to = syncAfter(text, Math.min(text.length, from + stepChars));
    const { scan: part } = scanWithin(text, from, to, matcher);
    for (const d of part.detections) scan.detections.push(d);
    for (const p of part.pending) scan.pending.push(p);
    for (const p of part.pendingNames) scan.pendingNames.push(p);
    for (const c of part.choices) scan.choices.push(c);
    for (const h of part.heads) scan.heads.push(h);
    if (part.pending.length > 0) for (const d of confirmControls(text, part.pending, matcher)) identifiers.push(d);
    from = to;
    yield;
  }
  return decided(text, scan, identifiers, matcher);
}
