// Which annotations an export carries, shared by every format so they agree.

import { sortAnnotations, type Annotation } from '../sidecar/format';
import { LineIndex } from '../text/lines';
import { OffsetMap } from '../text/offsets';
import type { ExportDocument, ExportOptions } from './types';

/** The document's annotations to export, in position order: dismissed ones only when asked. */
export function annotationsToExport(doc: ExportDocument, options: ExportOptions): Annotation[] {
  const keep = options.includeDismissed === true
    ? doc.sidecar.annotations
    : doc.sidecar.annotations.filter((a) => a.status !== 'dismissed');
  return sortAnnotations(keep);
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
