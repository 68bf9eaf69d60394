// pdfjs-dist types its API, not its worker module; only its presence matters here (readPdf.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
