// JavaScript strings and VS Code count UTF-16 code units; the sidecar and the exports
// count Unicode code points so that other tools (Python, brat, W3C consumers) agree on
// them. These helpers convert at that boundary.

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Converts offsets in one direction or the other for a given text. Building one is
 * O(n) in the number of astral characters; each conversion is O(log n), so converting
 * every annotation of a large document stays cheap.
 */
export class OffsetMap {
  /** UTF-16 index of each astral character's high surrogate, ascending. */
  private readonly astral: number[] = [];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isHighSurrogate(c) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.astral.push(i);
        i++;
      }
    }
  }

  /** Number of code points in the text. */
  get codePointLength(): number {
    return this.text.length - this.astral.length;
  }

  /** UTF-16 offset → code-point offset. An offset inside a surrogate pair counts the pair as one. */
  toCodePoint(utf16: number): number {
    if (utf16 < 0 || utf16 > this.text.length) {
      throw new RangeError(`UTF-16 offset ${utf16} is outside 0..${this.text.length}`);
    }
    // Number of astral characters that start strictly before utf16.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.astral[mid] as number) < utf16) lo = mid + 1;
      else hi = mid;
    }
    // A pair that starts right before utf16 (utf16 points at its low surrogate) has only
    // contributed its first unit, which is still one code point.
    const pairs = lo;
    const splitPair = pairs > 0 && (this.astral[pairs - 1] as number) === utf16 - 1 ? 1 : 0;
    return utf16 - pairs + splitPair;
  }

  /** Code-point offset → UTF-16 offset. */
  toUtf16(codePoint: number): number {
    if (codePoint < 0 || codePoint > this.codePointLength) {
      throw new RangeError(`code-point offset ${codePoint} is outside 0..${this.codePointLength}`);
    }
    // The k-th astral character sits at code point astral[k] - k; count those before.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.astral[mid] as number) - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }
}
