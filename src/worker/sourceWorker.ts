// The PDF worker: reads a PDF into a source text (core/sources) off the extension host's
// thread, in a worker thread (Node host) or a Web Worker (web host). pdf.js and the
// stand-ins it needs for browser globals live here only, never in the shared host.
import { sourceFromOriginal } from '../core/sources/original';
import { SourceRefused } from '../core/sources/pdfSource';
import type { SourceAnswer, SourceRequest } from './sourceProtocol';
import { parentPort } from './host/port';

parentPort<SourceRequest, SourceAnswer>((request, answer) => {
  // pdf.js writes its warnings (a missing native canvas, fonts it does not need for text)
  // to the console: this worker's console is Marginalia's, and they go to its log.
  const toLog = (...parts: unknown[]): void => {
    answer({ type: 'log', message: parts.map(String).join(' ') });
  };
  console.log = toLog;
  console.warn = toLog;
  console.error = toLog;
  sourceFromOriginal(request.bytes, request.original, request.today, (page, of) => {
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
