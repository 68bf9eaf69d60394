// Which annotations an export carries, shared by every format so they agree.

import { LINK_ROLES, sortAnnotations, type Annotation } from '../sidecar/format';
import { LineIndex } from '../text/lines';
import { OffsetMap } from '../text/offsets';
import type { ExportDocument, ExportFile, ExportOptions, ExportResult, ExportSkip } from './types';

/** An annotation no person has reviewed: machine output, exported only when asked for. */
export function isSuggestion(a: Annotation): boolean {
  return a.status === 'suggested';
}

/**
 * The document's annotations to export, in position order: the reviewed ones, and
 * unreviewed suggestions and dismissed ones only when asked.
 */
export function annotationsToExport(doc: ExportDocument, options: ExportOptions): Annotation[] {
  const keep = doc.sidecar.annotations.filter((a) => {
    if (a.status === 'suggested') return options.includeSuggestions === true;
    if (a.status === 'dismissed') return options.includeDismissed === true;
    return true;
  });
  return sortAnnotations(withoutLinksOutside(keep));
}

/**
 * The annotations with each claim's links kept only to annotations among them: a link
 * to an unreviewed suggestion left out of the export (or to an id the file lacks) would
 * name nothing in it.
 */
function withoutLinksOutside(list: readonly Annotation[]): Annotation[] {
  const ids = new Set(list.map((a) => a.id));
  return list.map((a) => {
    if (!LINK_ROLES.some((r) => a[r]?.some((id) => !ids.has(id)))) return a;
    const out: Annotation = { ...a };
    for (const role of LINK_ROLES) {
      const kept = a[role]?.filter((id) => ids.has(id));
      if (kept === undefined || kept.length === 0) Reflect.deleteProperty(out, role);
      else out[role] = kept;
    }
    return out;
  });
}

/** Unreviewed suggestions of the documents that the options leave out. */
export function suggestionsLeftOut(docs: readonly ExportDocument[], options: ExportOptions): number {
  if (options.includeSuggestions === true) return 0;
  return docs.reduce((n, d) => n + d.sidecar.annotations.filter(isSuggestion).length, 0);
}

/** The result of an export that wrote `exported`, with the counts every format reports alike. */
export function exportResult(
  files: ExportFile[],
  exported: readonly Annotation[],
  skipped: ExportSkip[],
  docs: readonly ExportDocument[],
  options: ExportOptions,
): ExportResult {
  return {
    files,
    count: exported.length,
    suggestions: exported.filter(isSuggestion).length,
    suggestionsLeftOut: suggestionsLeftOut(docs, options),
    skipped,
  };
}

/** Line numbers (1-based) of code-point offsets; LF, CRLF and a lone CR each end a line, as in editors. */
export class CodePointLines {
  private readonly lines: LineIndex;
  private readonly offsets: OffsetMap;

  constructor(text: string) {
    this.lines = new LineIndex(text, { loneCr: true });
    this.offsets = new OffsetMap(text);
  }

  /** 1-based line of a code-point offset. */
  lineOf(codePoint: number): number {
    return this.lines.position(this.offsets.toUtf16(codePoint)).line;
  }
}
