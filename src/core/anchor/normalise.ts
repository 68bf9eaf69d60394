// Whitespace-insensitive matching: every run of whitespace (spaces, tabs, CR, LF, NBSP,
// other Unicode spaces) becomes one space, so a quote still matches after its lines were
// reflowed or its line endings turned into CRLF. Offsets map back to the real text.

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function normaliseSpace(s: string): string {
  let out = '';
  let segment = 0;
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const sp = isSpace(s.charCodeAt(i));
    if (sp && !inSpace) {
      out += s.slice(segment, i) + ' ';
      inSpace = true;
    } else if (!sp && inSpace) {
      segment = i;
      inSpace = false;
    }
  }
  return inSpace ? out : out + s.slice(segment);
}

export class NormalisedText {
  readonly text: string;
  /** Real offset where each normalised character starts. */
  private readonly starts: Int32Array;
  /** Real offset one past the real text of each normalised character. */
  private readonly ends: Int32Array;
  /** Normalised index of each real offset (the run's index for offsets inside a run). */
  private readonly index: Int32Array;

  constructor(readonly original: string) {
    const n = original.length;
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.index = new Int32Array(n + 1);
    const parts: string[] = [];
    let segment = 0;
    let k = 0;
    let inSpace = false;
    for (let i = 0; i < n; i++) {
      const sp = isSpace(original.charCodeAt(i));
      if (sp && inSpace) {
        this.ends[k - 1] = i + 1;
        this.index[i] = k - 1;
        continue;
      }
      if (sp) {
        parts.push(original.slice(segment, i), ' ');
        inSpace = true;
      } else if (inSpace) {
        segment = i;
        inSpace = false;
      }
      this.starts[k] = i;
      this.ends[k] = i + 1;
      this.index[i] = k;
      k++;
    }
    if (!inSpace) parts.push(original.slice(segment));
    this.index[n] = k;
    this.text = parts.join('');
  }

  /** The real span of normalised [start, end). */
  toReal(start: number, end: number): { start: number; end: number } {
    if (end <= start) {
      const at = start < this.text.length ? (this.starts[start] as number) : this.original.length;
      return { start: at, end: at };
    }
    return { start: this.starts[start] as number, end: this.ends[end - 1] as number };
  }

  /** The normalised offset of a real one. */
  toNormalised(real: number): number {
    return this.index[Math.max(0, Math.min(real, this.original.length))] as number;
  }
}
