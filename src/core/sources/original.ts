// Which originals Add Source reads, by the file's extension, and the one entry point the
// CLI and the editor's worker call.
import { sourceFromHtml } from './htmlSource';
import { sourceFromPdf, SourceRefused, type MadeSource } from './pdfSource';

export const ORIGINAL_EXTENSIONS = { pdf: ['pdf'], html: ['html', 'htm', 'xhtml'] } as const;

/** The kind of original a file name is, or undefined for one Add Source does not read. */
export function originalKind(name: string): 'pdf' | 'html' | undefined {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if ((ORIGINAL_EXTENSIONS.pdf as readonly string[]).includes(ext)) return 'pdf';
  if ((ORIGINAL_EXTENSIONS.html as readonly string[]).includes(ext)) return 'html';
  return undefined;
}

/** Makes a text source of a PDF or a saved web page; rejects with SourceRefused, saying why, for one it cannot. */
export async function sourceFromOriginal(
  bytes: Uint8Array,
  original: string,
  today: string,
  onPage?: (page: number, of: number) => void,
): Promise<MadeSource> {
  const kind = originalKind(original);
  if (kind === 'pdf') return sourceFromPdf(bytes, original, today, onPage);
  if (kind === 'html') return sourceFromHtml(bytes, original, today);
  throw new SourceRefused(`not a PDF or a saved web page (.pdf, .html, .htm, .xhtml)`);
}
