// The controls of a whole document whose names only the whole document decides (an
// abbreviation defined once, a spelling several entries share: confirmNames), kept up to
// date after an edit without matching the whole text again.
//
// confirmNames reads the scan of the whole document, but that scan is local: what
// scanControls finds at a place depends on the text a bounded distance around it
// (controlWindow.ts). So after an edit the scan is the previous one outside a window
// around the change, moved by the edit's length, and a scan of the window inside it;
// likewise for the identifiers confirmControls confirmed. Only confirmNames, which is
// cheap (it reads the scan's findings, not the text), runs over the whole document
// again. The property tests hold the result to detectControls on the new text.

import type { ControlDetection } from '../model';
import { scanWithin } from './controlWindow';
import {
  confirmControls,
  confirmNames,
  namesNeedDocument,
  scanControls,
  shiftPending,
  withIdentifiers,
  type ControlMatcher,
  type ControlScan,
} from './controls';

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
  const names = confirmNames(text, scan, matcher);
  return {
    scan,
    identifiers,
    detections: identifiers.length === 0 ? names : withIdentifiers(names, identifiers),
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
 * The controls of `text` after an edit of `previous`'s text, where [from, to) of `text`
 * (sync points; see controlWindow.ts) is a window around the change reaching at least
 * CONTROL_REACH beyond it on each side, and `delta` is the edit's change in length: the
 * window was [from, to - delta) before it.
 */
export function splicedControls(
  previous: DocumentControls,
  text: string,
  from: number,
  to: number,
  delta: number,
  matcher: ControlMatcher,
): DocumentControls {
  const oldTo = to - delta;
  const { scan: window } = scanWithin(text, from, to, matcher);
  const was = previous.scan;
  const scan: ControlScan = {
    detections: splice(was.detections, from, oldTo, window.detections, (d) => ({ ...d, start: d.start + delta, end: d.end + delta })),
    pending: splice(was.pending, from, oldTo, window.pending, (p) => shiftPending(p, delta)),
    pendingNames: splice(was.pendingNames, from, oldTo, window.pendingNames, (p) => ({ ...p, start: p.start + delta, end: p.end + delta })),
    choices: splice(was.choices, from, oldTo, window.choices, (c) => ({ ...c, start: c.start + delta })),
  };
  const confirmed = window.pending.length === 0 ? [] : confirmControls(text, window.pending, matcher);
  const identifiers = splice(previous.identifiers, from, oldTo, confirmed, (d) => ({ ...d, start: d.start + delta, end: d.end + delta }));
  return decided(text, scan, identifiers, matcher);
}
