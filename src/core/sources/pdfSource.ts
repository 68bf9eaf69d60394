// A PDF made into a text source: its text as a reader sees it, and the provenance its
// sidecar keeps (original, hash, type, title, the day it was made, the page map, the date
// it was published when the text or the PDF says it). Shared by `add-source` and the
// editor's Add Source, so both make the same bytes.
import { documentReferenceDate } from '../detect';
import { FORMAT_VERSION, type Sidecar, type SidecarSource } from '../sidecar/format';
import { sha256HexOfBytes } from '../sidecar/sha256';
import { pdfText, type LeftOut } from './pdfText';
import type { PdfContent } from './readPdf';

/** What a source text is named after its original: `report.pdf` → `report.pdf.txt`. */
export const SOURCE_TEXT_SUFFIX = '.txt';

/** The original cannot be made into text; the message says why (without the file's name), for the user. */
export class SourceRefused extends Error {}

export type Provenance = Omit<SidecarSource, 'file' | 'sha256'>;

export interface MadeSource {
  text: string;
  provenance: Provenance;
  pageCount: number;
  leftOut: LeftOut[];
}

/**
 * Reads a PDF into a source text. `original` is the PDF's path relative to the folder the
 * text goes in; `today` the day it is made (YYYY-MM-DD). Rejects with SourceRefused for a
 * file that is not a PDF, is damaged, needs a password, or has no text layer.
 */
export async function sourceFromPdf(
  bytes: Uint8Array,
  original: string,
  today: string,
  onPage?: (page: number, of: number) => void,
): Promise<MadeSource> {
  let content: PdfContent;
  try {
    // pdf.js is loaded when a PDF is read, not with the CLI's other commands.
    const { readPdf } = await import('./readPdf');
    content = await readPdf(bytes, onPage);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = /password/i.test(message) ? 'it needs a password' : `it could not be read as a PDF (${message})`;
    throw new SourceRefused(reason);
  }
  const made = pdfText(content.pages);
  if (made.scanned)
    throw new SourceRefused(
      `no text layer in its ${content.pages.length} page${content.pages.length === 1 ? '' : 's'} (a scanned document?); run it through OCR first`,
    );
  // The date the text states at its top is the publication's; a PDF's creation date is only a fallback.
  const published = documentReferenceDate(made.text) ?? content.info.created;
  return {
    text: made.text,
    provenance: {
      ...(published === undefined ? {} : { published }),
      original,
      originalSha256: sha256HexOfBytes(bytes),
      originalType: 'pdf',
      ...(content.info.title === undefined ? {} : { title: content.info.title }),
      added: today,
      pages: made.pages.map((p) => p.start),
    },
    pageCount: content.pages.length,
    leftOut: made.leftOut,
  };
}

/**
 * The sidecar of a made source: a new one, or the existing one (already read against the
 * new text, so its annotations are re-anchored) with its provenance replaced. A date set
 * by hand (`published`) is kept.
 */
export function sidecarOfSource(existing: Sidecar | undefined, textFile: string, made: MadeSource): Sidecar {
  const kept = existing?.source.published;
  const source: SidecarSource = {
    ...(existing?.source ?? {}),
    file: textFile,
    ...made.provenance,
    ...(kept === undefined ? {} : { published: kept }),
  };
  return { marginalia: FORMAT_VERSION, source, annotations: existing?.annotations ?? [] };
}

export { pageOf } from '../sidecar/pages';
