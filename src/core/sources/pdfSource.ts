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
      ...leftOutByPage(made.leftOut, content.pages.length),
    },
    pageCount: content.pages.length,
    leftOut: made.leftOut,
  };
}

/** The printed number in a page-number line: "Page 4 of 12" → "4", "– iv –" → "iv". */
function printedNumber(line: string): string {
  const rest = line.replace(/^\s*(?:page|p\.|seite|página|pagina)\s*/i, '');
  return /\d{1,4}|[ivxlcdm]{1,6}/i.exec(rest)?.[0] ?? line;
}

/**
 * What was left out of each page's text, as the sidecar keeps it: one entry per page ("" for
 * none) of its printed number, running header and footer; a list only when some page has one.
 */
function leftOutByPage(leftOut: readonly LeftOut[], pageCount: number): Pick<Provenance, 'pageLabels' | 'headers' | 'footers'> {
  const lists = { pageLabels: [] as string[][], headers: [] as string[][], footers: [] as string[][] };
  for (const list of Object.values(lists)) for (let p = 0; p < pageCount; p++) list.push([]);
  for (const line of leftOut) {
    const list = line.role === 'page number' ? lists.pageLabels : line.role === 'header' ? lists.headers : lists.footers;
    list[line.page - 1]?.push(line.role === 'page number' ? printedNumber(line.text) : line.text);
  }
  const out: Pick<Provenance, 'pageLabels' | 'headers' | 'footers'> = {};
  for (const [key, list] of Object.entries(lists) as [keyof typeof lists, string[][]][])
    if (list.some((lines) => lines.length > 0)) out[key] = list.map((lines) => lines.join(key === 'pageLabels' ? ' ' : '\n'));
  return out;
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
