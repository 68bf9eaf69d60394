// Identifiers the exchange formats need (URIs, GUIDs), derived from content so that
// exporting the same annotations twice gives the same files: diffs and tests stay stable.

import { sha256Hex } from '../sidecar/sha256';

/**
 * A name-based UUID (RFC 9562 layout, version 5 bits, SHA-256 instead of SHA-1 since only
 * stability matters here), lower-case, from the given parts.
 */
export function stableUuid(...parts: string[]): string {
  const h = sha256Hex(parts.join('\u0000'));
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The source's URI: the one the caller knows, or a `urn:` naming its path. */
export function sourceUri(path: string, uri: string | undefined): string {
  return uri ?? `urn:x-marginalia:source:${path.split('/').map(encodeURIComponent).join('/')}`;
}
