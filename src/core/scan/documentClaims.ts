// A document's claims as matching across documents sees them: the claims its sidecar
// keeps (accepted, reviewed, or stored as suggestions by a scan; not dismissed, not
// orphaned) and the detector's claims no annotation covers yet. The CLI's `match` and the
// editor's claim index both read a document this way, so they group the same claims.
import type { ClaimDetection, Detection, Status } from '../model';
import type { Annotation } from '../sidecar/format';
import { pendingSuggestions } from '../store/suggestions';
import type { OffsetMap } from '../text/offsets';

export interface DocumentClaim {
  /** The annotation's id, or `~START` for a suggestion no sidecar holds (ids never contain `~`). */
  id: string;
  text: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  /** The annotation's status; `suggested` for a suggestion the detector makes now. */
  status: Status;
  /** Claim type, when known. */
  type?: string;
  speaker?: string;
}

/** The claims of one document (its sidecar's annotations, the detector's findings), in text order; `offsets` is the text's (detections count UTF-16 units). */
export function documentClaims(stored: readonly Annotation[], detections: readonly Detection[], offsets: OffsetMap): DocumentClaim[] {
  const claims: DocumentClaim[] = stored
    .filter((a) => a.kind === 'claim' && a.orphaned !== true && a.status !== 'dismissed')
    .map((a) => ({
      id: a.id,
      text: a.quote,
      start: a.start,
      end: a.end,
      status: a.status,
      ...(a.label === undefined ? {} : { type: a.label }),
      ...(a.speaker === undefined ? {} : { speaker: a.speaker }),
    }));
  const pending = pendingSuggestions(
    detections.filter((d): d is ClaimDetection => d.kind === 'claim'),
    stored,
    offsets,
  ) as ClaimDetection[];
  for (const d of pending) {
    const start = offsets.toCodePoint(d.start);
    claims.push({
      id: `~${start}`,
      text: d.text,
      start,
      end: offsets.toCodePoint(d.end),
      status: 'suggested',
      type: d.type,
      ...(d.speaker === undefined ? {} : { speaker: d.speaker }),
    });
  }
  return claims.sort((a, b) => a.start - b.start || a.end - b.end);
}
