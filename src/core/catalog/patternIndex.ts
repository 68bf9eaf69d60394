// Control identifiers ("AC-2(1)", "PR.AA-01", "A.5.15") are found with the catalog's
// patterns, joined into one expression so the text is read once. Patterns come from
// user files too, so they run only on chunks of bounded length (see patternSafety).
import { checkPattern, PATTERN_CHUNK_LENGTH } from './patternSafety';
import { isBoundaryBlocker, isSpaceCode } from './tokens';
import type { ControlPattern } from './types';

export interface PatternHit {
  pattern: number;
  start: number;
  end: number;
}

/** After an identifier: no letter or digit, and no further `.n` or `-n` level. */
const TAIL_GUARD = '(?![0-9A-Za-z_\\u00C0-\\u024F]|[.\\-\\u2010-\\u2015][0-9])';

export class PatternIndex {
  private readonly combined: RegExp | undefined;
  /** Capture-group number of each pattern's wrapper group. */
  private readonly groupOf: number[] = [];

  constructor(patterns: readonly ControlPattern[]) {
    const parts: string[] = [];
    let group = 1;
    for (const p of patterns) {
      const verdict = checkPattern(p.regex);
      // Parsing already refused unsafe patterns; one arriving here unchecked is a defect.
      if (!verdict.ok) {
        throw new Error(`${p.origin.source}:${p.origin.line}:${p.origin.column}: pattern '${p.id}' is not safe to run: ${verdict.reason}`);
      }
      this.groupOf.push(group);
      parts.push(`(${p.regex})`);
      group += 1 + verdict.shape.captures;
    }
    this.combined = parts.length > 0 ? new RegExp(`(?:${parts.join('|')})${TAIL_GUARD}`, 'g') : undefined;
  }

  /** Identifier hits in [from, to), in order. */
  find(text: string, from = 0, to = text.length): PatternHit[] {
    const re = this.combined;
    if (!re) return [];
    const hits: PatternHit[] = [];
    for (const [cStart, cEnd] of chunks(text, from, to)) {
      const chunk = text.slice(cStart, cEnd);
      re.lastIndex = 0;
      for (let m = re.exec(chunk); m !== null; m = re.exec(chunk)) {
        const match = m;
        const start = cStart + m.index;
        if (start > 0 && isBoundaryBlocker(text.charCodeAt(start - 1))) {
          re.lastIndex = m.index + 1;
          continue;
        }
        const end = start + m[0].length;
        // The chunk may have been cut mid-word where a line had no space to cut at.
        if (end < text.length && isBoundaryBlocker(text.charCodeAt(end))) continue;
        const pattern = this.groupOf.findIndex((g) => match[g] !== undefined);
        hits.push({ pattern, start, end });
      }
    }
    return hits;
  }
}

/**
 * Cuts [from, to) into pieces of at most PATTERN_CHUNK_LENGTH characters, at white
 * space where there is some in the second half of a piece, so identifiers stay whole.
 */
export function* chunks(text: string, from: number, to: number): Generator<[number, number]> {
  let start = from;
  while (start < to) {
    let end = Math.min(to, start + PATTERN_CHUNK_LENGTH);
    if (end < to) {
      const floor = start + (PATTERN_CHUNK_LENGTH >> 1);
      let cut = end;
      while (cut > floor && !isSpaceCode(text.charCodeAt(cut - 1))) cut--;
      if (cut > floor) end = cut;
    }
    yield [start, end];
    start = end;
  }
}
