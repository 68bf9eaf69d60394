// Whether the PDF a text was made from can go into an export beside it (REFI-QDA's
// PDFSource). Only the very file Add Source read: a PDF changed since would not be the
// one the text, and so the annotations' positions, came from.
import type { SidecarSource } from '../sidecar/format';
import { sha256HexOfBytes } from '../sidecar/sha256';

/** The PDF the source's text was made from, if the sidecar names one: where, relative to the sidecar's folder. */
export function originalPdfPath(source: SidecarSource): string | undefined {
  return source.originalType === 'pdf' ? source.original : undefined;
}

/**
 * The original's bytes when they are the ones the text was made from, else why not (for
 * the user: the export then carries the text alone). `bytes` is undefined when the file
 * could not be read.
 */
export function checkedOriginal(source: SidecarSource, bytes: Uint8Array | undefined): Uint8Array | string {
  const name = source.original ?? 'the original';
  if (bytes === undefined) return `${name} is not beside the text, or cannot be read; the text is exported without it`;
  if (source.originalSha256 !== undefined && sha256HexOfBytes(bytes) !== source.originalSha256)
    return `${name} changed since the text was made from it (its SHA-256 differs); add it again to annotate the new version. The text is exported without it`;
  return bytes;
}
