// What anchoring works on. Offsets here are UTF-16 (JavaScript and VS Code indices); the
// sidecar stores code points and converts at its boundary (sidecar/anchors.ts).

/** Context kept on each side of a quote, in code points: what the sidecar stores as prefix and suffix. */
export const CONTEXT_LENGTH = 32;

export interface Anchor {
  /** UTF-16 offset of the quote's first code unit. */
  start: number;
  /** UTF-16 offset one past its last code unit. */
  end: number;
  /** The text between start and end when it was last anchored. */
  quote: string;
  /** Up to CONTEXT_LENGTH code points before the quote. */
  prefix: string;
  /** Up to CONTEXT_LENGTH code points after it. */
  suffix: string;
  /** Quote not found: start/end are its last known position, a hint only. */
  orphaned?: boolean;
}

/** One change of an editor change event, in the document's coordinates before the event. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}
