// Which annotations an export carries, shared by every format so they agree.

import { sortAnnotations, type Annotation } from '../sidecar/format';
import type { ExportDocument, ExportOptions } from './types';

/** The document's annotations to export, in position order: dismissed ones only when asked. */
export function annotationsToExport(doc: ExportDocument, options: ExportOptions): Annotation[] {
  const keep = options.includeDismissed === true
    ? doc.sidecar.annotations
    : doc.sidecar.annotations.filter((a) => a.status !== 'dismissed');
  return sortAnnotations(keep);
}

/** Line numbers (1-based) of code-point offsets in a text, computed in one pass. */
export class LineIndex {
  /** Code-point offset at which each line starts. */
  private readonly starts: number[] = [0];

  constructor(text: string) {
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      cp++;
      // CRLF ends one line: the LF does; a lone CR also ends one.
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.starts.push(cp);
    }
  }

  /** 1-based line of a code-point offset. */
  lineOf(codePoint: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.starts[mid] as number) <= codePoint) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
