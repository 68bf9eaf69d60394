// Keeps detections in place between an edit and the re-detection that follows it
// (debounced): detections after an edit move with it, those the edit touches are
// dropped until the block is detected again.
import type { TextChange } from '../anchor/types';
import type { Detection } from '../model';

/** `changes` are those of one editor change event, all in pre-event coordinates. */
export function shiftDetections(detections: readonly Detection[], changes: readonly TextChange[]): Detection[] {
  const sorted = [...changes].sort((a, b) => a.rangeOffset - b.rangeOffset);
  const out: Detection[] = [];
  for (const d of detections) {
    let delta = 0;
    let touched = false;
    for (const c of sorted) {
      const end = c.rangeOffset + c.rangeLength;
      // Wholly before the detection (an insertion right at its start counts as touching it).
      if (end < d.start || (end === d.start && c.rangeLength > 0)) delta += c.text.length - c.rangeLength;
      else if (c.rangeOffset >= d.end) break;
      else {
        touched = true;
        break;
      }
    }
    if (!touched) out.push(delta === 0 ? d : { ...d, start: d.start + delta, end: d.end + delta });
  }
  return out;
}
