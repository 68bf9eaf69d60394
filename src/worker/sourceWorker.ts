// The PDF worker: reads a PDF into a source text (core/sources) off the extension host's
// thread, in a worker thread (Node host) or a Web Worker (web host). pdf.js and the
// stand-ins it needs for browser globals live here only, never in the shared host.
import { sourceFromPdf, SourceRefused } from '../core/sources/pdfSource';
import type { SourceAnswer, SourceRequest } from './sourceProtocol';
import { parentPort } from './host/port';

parentPort<SourceRequest, SourceAnswer>((request, answer) => {
  sourceFromPdf(request.bytes, request.original, request.today, (page, of) => {
    answer({ type: 'page', page, of });
  }).then(
    (made) => {
      answer({ type: 'made', made });
    },
    (error: unknown) => {
      if (error instanceof SourceRefused) answer({ type: 'refused', reason: error.message });
      else answer({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    },
  );
});
