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

/** A `/`-separated document path as a relative IRI reference: each segment percent-encoded. */
export function pathReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** RFC 3986 appendix B: scheme, authority (with its `//`), path, query, fragment. */
const URI_PARTS = /^([^:/?#]+:)(\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?(#.*)?$/;

/**
 * `path` resolved against `baseUri` (RFC 3986 §5.2 for a relative-path reference: the
 * base's last segment is replaced, then dot segments removed, §5.2.4). Written here rather
 * than with `URL`, which the browser-safe core's typings do not have.
 */
export function resolveAgainst(baseUri: string, path: string): string {
  const m = URI_PARTS.exec(baseUri);
  if (m === null) throw new Error(`not an absolute URI: ${baseUri}`);
  const [, scheme = '', authority = '', basePath = ''] = m;
  const dir = authority !== '' && basePath === '' ? '/' : basePath.slice(0, basePath.lastIndexOf('/') + 1);
  return `${scheme}${authority}${removeDotSegments(dir + pathReference(path))}`;
}

/** RFC 3986 §5.2.4 for an absolute path: `.` dropped, `..` removes the segment before it (never the root). */
function removeDotSegments(path: string): string {
  if (!/(^|\/)\.\.?(\/|$)/.test(path)) return path;
  const out: string[] = [];
  const segments = path.split('/');
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..' && out.length > 1) out.pop();
      if (last) out.push('');
    } else out.push(segment);
  });
  return out.join('/');
}

/**
 * The source's IRI. With a base URI: the document's path resolved against it, so the path
 * the other formats give is visible in the IRI and the IRI is absolute, as the Web
 * Annotation model's `source` must be. Without one: the URI the caller knows, else a
 * `urn:` naming the path.
 */
export function sourceUri(path: string, uri: string | undefined, baseUri?: string): string {
  if (baseUri !== undefined) return resolveAgainst(baseUri, path);
  return uri ?? `urn:x-marginalia:source:${pathReference(path)}`;
}

/**
 * Where a source's original is (`source.original`, relative to the sidecar's folder) as a
 * `/`-separated path relative to the export's root, given the text's own `docPath`. Dot
 * segments are resolved; a path that climbs above the root keeps its leading `..`.
 */
export function originalPath(docPath: string, original: string): string {
  const out = docPath.split('/').slice(0, -1);
  for (const segment of original.split('/')) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}
