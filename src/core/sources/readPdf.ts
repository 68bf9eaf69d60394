// A PDF's pages as positioned text, through pdf.js (pdfjs-dist's legacy build: it runs in
// Node and in a browser or Web Worker alike). Loaded only in the CLI's process and in the
// PDF worker (see pdfjsGlobals.ts), never in the extension host itself. pdf.js parses in a worker of its own unless
// its worker module is already loaded; loaded here, it parses in this thread, in the CLI,
// the Node extension host and the web-worker one alike, with nothing fetched at run time.
import './pdfjsGlobals';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { PdfPageText, PdfTextItem } from './pdfText';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

/** What a PDF says of itself (its document information dictionary). */
export interface PdfInfo {
  title?: string;
  author?: string;
  /** When the PDF says it was created, `YYYY-MM-DD`. */
  created?: string;
}

export interface PdfContent {
  pages: PdfPageText[];
  info: PdfInfo;
}

/** A PDF date (`D:20250303120000+01'00'`) as `YYYY-MM-DD`. */
function pdfDate(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads every page's text; rejects with pdf.js's message for a file that is not a PDF, is damaged or needs a password. */
export async function readPdf(data: Uint8Array, onPage?: (page: number, of: number) => void): Promise<PdfContent> {
  // pdf.js takes the buffer over: a copy keeps the caller's bytes (hashed, kept) intact.
  const task = pdfjs.getDocument({ data: data.slice(), isEvalSupported: false, verbosity: 0, useSystemFonts: false });
  const doc = await task.promise;
  try {
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , , x, y] = item.transform as number[];
        items.push({ str: item.str, x: x ?? 0, y: y ?? 0, width: item.width, height: item.height || Math.hypot(a ?? 0, b ?? 0) });
      }
      pages.push({ width: width ?? 0, height: height ?? 0, items });
      page.cleanup();
      onPage?.(n, doc.numPages);
    }
    const meta = await doc.getMetadata();
    const info = meta.info as Record<string, unknown>;
    const title = text(info.Title);
    const author = text(info.Author);
    const created = pdfDate(info.CreationDate);
    return {
      pages,
      info: {
        ...(title === undefined ? {} : { title }),
        ...(author === undefined ? {} : { author }),
        ...(created === undefined ? {} : { created }),
      },
    };
  } finally {
    await doc.destroy();
  }
}
