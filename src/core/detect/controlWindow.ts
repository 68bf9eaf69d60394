// Controls of part of a document, exactly as detecting the whole document finds them
// there: what lets re-detection after an edit, and the stepwise pass over a large
// document, match controls near the edit (or in the current step) only.
//
// Two facts make it possible. A mention never spans a blank line (an alias may cross
// one line break, not two; an identifier is short and has no blank line in it), so a
// scan of the text is in the same state after every blank line whatever came before.
// And what decides a mention reaches a bounded distance: its sentence or a few hundred
// characters for names and for identifiers named beside their framework
// (contextWindow.ts), and for the others the section, list or paragraph around them, up
// to the reaches of scope.ts. So the controls in [from, to), two such "sync points",
// are those of a scan of the text from a little before `from` to a little after `to`,
// the identifiers that need their framework confirmed against the whole document.
//
// detectControls (controls.ts) is scanControls followed by confirmControls, merged;
// controlsWithin is the same composition over a window, and the property tests hold the
// two to the same result.

import { CONTEXT_RADIUS, SENTENCE_REACH } from '../catalog/contextWindow';
import { LIST_REACH, QUALIFIED_BEFORE, SECTION_AFTER, SECTION_BEFORE, WIDE_BEFORE } from '../catalog/scope';
import type { ControlDetection } from '../model';
import { confirmControls, namesNeedDocument, scanControls, shiftPending, type ControlMatcher, type ControlScan } from './controls';
import { syncAfter, syncBefore } from './syncPoints';

/**
 * How far an edit can change a control's verdict: an identifier's framework may be named
 * up to the furthest rule's reach before or after it, or vouched for by a sibling up to
 * LIST_REACH away that looks as far again. Doubled, so a rule widened a little (the
 * catalog and the rules are tuned) does not silently break re-detection; the property
 * tests would catch a larger change.
 */
export const CONTROL_REACH = 2 * (Math.max(QUALIFIED_BEFORE, SECTION_BEFORE + SECTION_AFTER, WIDE_BEFORE) + LIST_REACH);

/** Read beyond a window on each side, so mentions near its edges see their whole context. */
export const SCAN_MARGIN = 4 * (CONTEXT_RADIUS + SENTENCE_REACH);

/**
 * What scanControls finds on the whole `text` starting in [from, to), in document
 * offsets, for `from` and `to` at sync points (0, the text's length, or a value of
 * syncBefore or syncAfter); and whether the text read around the window holds names
 * only the whole document decides.
 */
export function scanWithin(text: string, from: number, to: number, matcher: ControlMatcher): { scan: ControlScan; needsDocument: boolean } {
  const scanFrom = syncBefore(text, Math.max(0, from - SCAN_MARGIN));
  const scanTo = syncAfter(text, Math.min(text.length, to + SCAN_MARGIN));
  const piece = scanFrom === 0 && scanTo === text.length ? text : text.slice(scanFrom, scanTo);
  const scan = scanControls(piece, matcher);
  const needsDocument = namesNeedDocument(scan);
  const inside = (d: { start: number }): boolean => d.start + scanFrom >= from && d.start + scanFrom < to;
  const move = <T extends { start: number }>(items: readonly T[], shift: (item: T) => T): T[] => {
    const out: T[] = [];
    for (const item of items) if (inside(item)) out.push(scanFrom === 0 ? item : shift(item));
    return out;
  };
  return {
    scan: {
      detections: move(scan.detections, (d) => ({ ...d, start: d.start + scanFrom, end: d.end + scanFrom })),
      pending: move(scan.pending, (p) => shiftPending(p, scanFrom)),
      pendingNames: move(scan.pendingNames, (p) => ({ ...p, start: p.start + scanFrom, end: p.end + scanFrom })),
      choices: move(scan.choices, (c) => ({ ...c, start: c.start + scanFrom })),
      heads: move(scan.heads, (h) => ({ ...h, start: h.start + scanFrom, end: h.end + scanFrom })),
    },
    needsDocument,
  };
}

/**
 * The controls of the whole `text` that start in [from, to), sorted, for `from` and `to`
 * at sync points. Undefined when the window holds a name only the whole document decides
 * (an abbreviation defined elsewhere, a spelling several entries share): the caller then
 * matches the whole text, or splices (controlSplice.ts).
 */
export function controlsWithin(text: string, from: number, to: number, matcher: ControlMatcher): ControlDetection[] | undefined {
  if (from >= to) return [];
  const { scan, needsDocument } = scanWithin(text, from, to, matcher);
  // Names only the whole document decides (confirmNames): the window cannot.
  if (needsDocument) return undefined;
  if (scan.pending.length === 0) return scan.detections;
  const confirmed = confirmControls(text, scan.pending, matcher);
  if (confirmed.length === 0) return scan.detections;
  return [...scan.detections, ...confirmed].sort((a, b) => a.start - b.start || b.end - a.end);
}
