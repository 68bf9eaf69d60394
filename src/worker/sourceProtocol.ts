// Messages between Add Source (src/editor/sources/addSource.ts) and the PDF worker
// (sourceWorker.ts): plain data, copied by structured clone.
import type { MadeSource } from '../core/sources/pdfSource';

export interface SourceRequest {
  type: 'read';
  bytes: Uint8Array;
  /** The PDF's path relative to the folder its text goes in. */
  original: string;
  today: string;
}

export type SourceProgress = { type: 'page'; page: number; of: number };

/** What pdf.js writes to the console (its warnings), for Marginalia's log instead. */
export interface SourceLog {
  type: 'log';
  message: string;
}

export type SourceAnswer =
  SourceProgress | SourceLog | { type: 'made'; made: MadeSource } | { type: 'refused'; reason: string } | { type: 'failed'; error: string };
