// The boundary between the sidecar (code points) and anchoring (UTF-16).

import type { Anchor } from '../anchor/types';
import type { OffsetMap } from '../text/offsets';
import type { Annotation } from './format';

/**
 * The annotation's anchor in UTF-16 offsets of the text `map` was built from. Offsets past
 * the end (an orphan's old hint, or a source that shrank) are clamped: they are hints.
 */
export function toAnchor(a: Annotation, map: OffsetMap): Anchor {
  const max = map.codePointLength;
  const anchor: Anchor = {
    start: map.toUtf16(Math.min(a.start, max)),
    end: map.toUtf16(Math.min(a.end, max)),
    quote: a.quote,
    prefix: a.prefix,
    suffix: a.suffix,
  };
  if (a.orphaned) anchor.orphaned = true;
  return anchor;
}

/** The annotation with the anchor's position, quote and context (code points). */
export function withAnchor(a: Annotation, anchor: Anchor, map: OffsetMap): Annotation {
  const out: Annotation = {
    ...a,
    start: map.toCodePoint(anchor.start),
    end: map.toCodePoint(anchor.end),
    quote: anchor.quote,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
  };
  if (anchor.orphaned) out.orphaned = true;
  else delete out.orphaned;
  return out;
}
