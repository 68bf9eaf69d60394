// The messages between the PDF viewer page and the extension (src/editor/sources/pdfViewer.ts).

/** Turn to a page and mark a quote on it (the annotation's text, as Add Source made it). */
export interface GotoRequest {
  /** Counts requests, so the extension knows which one a report answers. */
  seq: number;
  /** 1-based. */
  page: number;
  quote?: string;
  /** Which of the quote's occurrences on the page, counted from 0 (a short quote may repeat there). */
  occurrence?: number;
}

export type ViewerMessage =
  { type: 'open'; name: string; data: Uint8Array | ArrayBuffer; goto?: GotoRequest } | ({ type: 'goto' } & GotoRequest);

/** What the page did: a request answered (the page shown, the marks drawn), or why it could not. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'opened'; pages: number }
  | { type: 'shown'; seq: number; page: number; marks: number; pages: number }
  | { type: 'error'; message: string };

export interface PdfVsCodeApi {
  postMessage(message: PageMessage): void;
}

function isGoto(r: Record<string, unknown>): boolean {
  return (
    typeof r['seq'] === 'number' &&
    typeof r['page'] === 'number' &&
    (r['quote'] === undefined || typeof r['quote'] === 'string') &&
    (r['occurrence'] === undefined || typeof r['occurrence'] === 'number')
  );
}

/** Whether a message from the extension is one the page acts on; anything else is ignored. */
export function isViewerMessage(m: unknown): m is ViewerMessage {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (r['type'] === 'goto') return isGoto(r);
  const data = r['data'];
  if (r['type'] !== 'open' || typeof r['name'] !== 'string' || !(data instanceof Uint8Array || data instanceof ArrayBuffer)) return false;
  const goto = r['goto'];
  return goto === undefined || (typeof goto === 'object' && goto !== null && isGoto(goto as Record<string, unknown>));
}

/** Whether a message from the page is one the extension acts on. */
export function isPageMessage(m: unknown): m is PageMessage {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  switch (r['type']) {
    case 'ready':
      return true;
    case 'opened':
      return typeof r['pages'] === 'number';
    case 'shown':
      return (
        typeof r['seq'] === 'number' && typeof r['page'] === 'number' && typeof r['marks'] === 'number' && typeof r['pages'] === 'number'
      );
    case 'error':
      return typeof r['message'] === 'string';
    default:
      return false;
  }
}
