// A document's detections kept the way the detector finds them, block by block, each
// block's detections counted from the block's start: an edit then moves the blocks
// after it without copying one of their detections, and a reader that needs only the
// visible part, or a count, makes no copy of the rest. toArray() gives them all as
// plain detections in document offsets.

import type { Detection } from '../model';

/** The detections of one block: `found` (claims and dates) and `controls`, each sorted, counted from their own base. */
export interface DetectionPiece {
  /** Added to the offsets in `found` to make them document offsets. */
  readonly foundBy: number;
  readonly found: readonly Detection[];
  /** Added to the offsets in `controls`. */
  readonly controlsBy: number;
  readonly controls: readonly Detection[];
  /** Document offsets of the first start and the last end among them. */
  readonly first: number;
  readonly last: number;
}

const byPosition = (a: Detection, ab: number, b: Detection, bb: number): number =>
  a.start + ab - (b.start + bb) || a.end + ab - (b.end + bb);

/**
 * A copy of `d`, `by` further on. One spread per kind, identical as they look: each
 * spread learns the shapes it copies, and a single one that saw every shape of every
 * kind copied two to three times slower.
 */
export function shifted(d: Detection, by: number): Detection {
  switch (d.kind) {
    case 'claim':
      return { ...d, start: d.start + by, end: d.end + by };
    case 'date':
      return { ...d, start: d.start + by, end: d.end + by };
    case 'control':
      return { ...d, start: d.start + by, end: d.end + by };
  }
}

export function makePiece(
  foundBy: number,
  found: readonly Detection[],
  controlsBy: number,
  controls: readonly Detection[],
): DetectionPiece {
  let first = Infinity;
  let last = -Infinity;
  for (const d of found) {
    first = Math.min(first, d.start + foundBy);
    last = Math.max(last, d.end + foundBy);
  }
  for (const d of controls) {
    first = Math.min(first, d.start + controlsBy);
    last = Math.max(last, d.end + controlsBy);
  }
  return { foundBy, found, controlsBy, controls, first, last };
}

/** The same piece `by` further on. */
export function movePiece(p: DetectionPiece, by: number): DetectionPiece {
  return by === 0
    ? p
    : {
        foundBy: p.foundBy + by,
        found: p.found,
        controlsBy: p.controlsBy + by,
        controls: p.controls,
        first: p.first + by,
        last: p.last + by,
      };
}

/**
 * Detections in document order (by start, then end; where a claim or date and a control
 * share both, the claim or date first), held in pieces. Immutable: a new detection pass
 * makes a new set, sharing the pieces that did not change.
 */
export class DetectionSet {
  readonly size: number;

  constructor(private readonly pieces: readonly DetectionPiece[]) {
    let n = 0;
    for (const p of pieces) n += p.found.length + p.controls.length;
    this.size = n;
  }

  static readonly EMPTY = new DetectionSet([]);

  /** Detections already in document offsets and order. */
  static of(detections: readonly Detection[]): DetectionSet {
    return detections.length === 0 ? DetectionSet.EMPTY : new DetectionSet([makePiece(0, detections, 0, [])]);
  }

  /**
   * Calls `visit` with each detection, in order, as stored, and the offset to add to its
   * start and end. Nothing is copied: `visit` must neither change nor keep `d`.
   */
  forEach(visit: (d: Detection, by: number) => void): void {
    for (const p of this.pieces) visitPiece(p, visit);
  }

  /** Copies of every detection, in document offsets and order: the caller's to keep. */
  toArray(): Detection[] {
    const out: Detection[] = [];
    this.forEach((d, by) => {
      out.push(by === 0 ? { ...d } : shifted(d, by));
    });
    return out;
  }

  /** Copies of the detections that overlap [from, to] (ends included), in order. */
  overlapping(from: number, to: number): Detection[] {
    const out: Detection[] = [];
    for (const p of this.pieces) {
      if (p.last < from || p.first > to) continue;
      visitPiece(p, (d, by) => {
        if (d.end + by >= from && d.start + by <= to) out.push(by === 0 ? { ...d } : shifted(d, by));
      });
    }
    return out;
  }
}

/** A piece's detections in order: a stable merge of its two sorted lists, `found` first on ties. */
function visitPiece(p: DetectionPiece, visit: (d: Detection, by: number) => void): void {
  const { found, controls, foundBy, controlsBy } = p;
  let i = 0;
  let j = 0;
  while (i < found.length && j < controls.length) {
    const f = found[i] as Detection;
    const c = controls[j] as Detection;
    if (byPosition(f, foundBy, c, controlsBy) <= 0) {
      visit(f, foundBy);
      i++;
    } else {
      visit(c, controlsBy);
      j++;
    }
  }
  for (; i < found.length; i++) visit(found[i] as Detection, foundBy);
  for (; j < controls.length; j++) visit(controls[j] as Detection, controlsBy);
}
