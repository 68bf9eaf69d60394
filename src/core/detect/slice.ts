// Detecting part of a document: what the editor shows first when a large document opens,
// before the whole text has been through the detectors. The part is widened to whole
// paragraphs (every rule of the detectors stays inside its paragraph) and detected under
// the whole document's reference date, so its detections are those a full pass finds
// there, but for control identifiers whose framework is named further up (the full pass
// that follows brings those).

import type { Detection } from '../model';
import type { ControlMatcher } from './controls';
import { DocumentDetector, type DetectOptions } from './index';

/** A paragraph break: a blank line, in any line-end convention. */
const PARAGRAPH_BREAK = /\r?\n[ \t\u00a0]*\r?\n/g;

/** [start, end) widened to the paragraph breaks around it (UTF-16 offsets). */
export function widenToParagraphs(text: string, start: number, end: number): [number, number] {
  let from = 0;
  // The last break that ends at or before `start`.
  const before = text.lastIndexOf('\n\n', Math.max(0, start - 1));
  const beforeCrlf = text.lastIndexOf('\n\r\n', Math.max(0, start - 1));
  const cut = Math.max(before, beforeCrlf);
  if (cut >= 0) from = cut + 1;
  let to = text.length;
  PARAGRAPH_BREAK.lastIndex = Math.max(end, from);
  const after = PARAGRAPH_BREAK.exec(text);
  if (after) to = after.index;
  return [from, to];
}

/**
 * The detections of `text` between `start` and `end` (widened to paragraphs), in document
 * offsets and order. Cost is proportional to the slice, plus the document's opening for
 * its date.
 */
export function detectSlice(text: string, start: number, end: number, options: DetectOptions = {}, matcher?: ControlMatcher): Detection[] {
  const detector = new DocumentDetector(matcher);
  const referenceDate = detector.referenceDate(text, options);
  const [from, to] = widenToParagraphs(text, start, end);
  const found = detector.detect(text.slice(from, to), { ...options, ...(referenceDate === undefined ? {} : { referenceDate }) });
  return from === 0 ? found : found.map((d) => ({ ...d, start: d.start + from, end: d.end + from }));
}
