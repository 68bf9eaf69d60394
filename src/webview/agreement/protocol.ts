// The messages between the agreement page and the extension (src/editor/agree/agreementPanel.ts).
import type { AgreementReport } from '../../core/agree/study';

export type PageMessage =
  { type: 'ready' } | { type: 'reveal'; index: number } | { type: 'options'; includeSuggestions: boolean } | { type: 'markdown' };

export interface DataMessage {
  type: 'data';
  report: AgreementReport;
  /** What is compared with what, for the heading ("this workspace × ../ben", "working tree × HEAD~1"). */
  title: string;
  includeSuggestions: boolean;
  /** Problems met while reading the coders' sidecars, one line each. */
  problems: string[];
}

export interface AgreementVsCodeApi {
  postMessage(message: PageMessage): void;
}

/** Whether a message from the extension is one the page can draw; anything else is ignored. */
export function isDataMessage(m: unknown): m is DataMessage {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  const report: unknown = r['report'];
  if (typeof report !== 'object' || report === null) return false;
  const fields = report as Record<string, unknown>;
  return (
    r['type'] === 'data' &&
    typeof r['title'] === 'string' &&
    typeof r['includeSuggestions'] === 'boolean' &&
    Array.isArray(r['problems']) &&
    Array.isArray(fields['coders']) &&
    Array.isArray(fields['kinds']) &&
    Array.isArray(fields['disagreements'])
  );
}
