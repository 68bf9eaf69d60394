// Line and column of UTF-16 offsets: built once per text, each lookup O(log lines).

export interface LineOptions {
  /**
   * A CR not followed by LF ends a line too, as editors count; without it only LF does
   * (YAML positions and the CLI's file:line:column, which CRLF files read the same way).
   */
  loneCr?: boolean;
}

export class LineIndex {
  /** UTF-16 offset at which each line starts. */
  private readonly starts: number[] = [0];

  constructor(text: string, options: LineOptions = {}) {
    if (!options.loneCr) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column (UTF-16) of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }

  /** UTF-16 offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[line - 1] as number;
  }
}
