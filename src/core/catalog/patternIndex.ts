// Control identifiers ("AC-2(1)", "PR.AA-01", "A.5.15") are found with the catalog's
// patterns, joined into one expression so the text is read once. Patterns come from
// user files too, so they run only on chunks of bounded length (see patternSafety).
import { checkPattern, MAX_MATCH_LENGTH, PATTERN_CHUNK_LENGTH } from './patternSafety';
import { isBoundaryBlocker } from './tokens';
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
  /** Each pattern alone, anchored, for the patterns a hit hides (shadowedAt). */
  private readonly alone: RegExp[] = [];

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
      this.alone.push(new RegExp(`(?:${p.regex})${TAIL_GUARD}`, 'y'));
      group += 1 + verdict.shape.captures;
    }
    this.combined = parts.length > 0 ? new RegExp(`(?:${parts.join('|')})${TAIL_GUARD}`, 'g') : undefined;
  }

  /**
   * Identifier hits in [from, to), in order. The text is read a chunk at a time (see
   * patternSafety), but a hit may start anywhere in a chunk and run past its end: each
   * chunk is read with OVERLAP characters more, and only hits starting in the chunk
   * itself are taken. So the hits are those of one pass over the whole range, whatever
   * the range's start: an identifier with a space in it ("AC-2 (1)") is not cut where a
   * chunk happens to end, and detecting part of a document finds there what detecting
   * all of it finds.
   */
  find(text: string, from = 0, to = text.length): PatternHit[] {
    const re = this.combined;
    if (!re) return [];
    const hits: PatternHit[] = [];
    // Where the next hit may start: a hit consumes its text, as in one pass.
    let next = from;
    for (let cStart = from; cStart < to;) {
      const cEnd = Math.min(to, cStart + PATTERN_CHUNK_LENGTH);
      const base = Math.max(cStart, next);
      if (base >= cEnd) {
        cStart = cEnd;
        continue;
      }
      const chunk = text.slice(base, Math.min(to, cEnd + OVERLAP));
      re.lastIndex = 0;
      for (let m = re.exec(chunk); m !== null && base + m.index < cEnd; m = re.exec(chunk)) {
        const match = m;
        const start = base + m.index;
        if (start > 0 && isBoundaryBlocker(text.charCodeAt(start - 1))) {
          re.lastIndex = m.index + 1;
          continue;
        }
        const end = start + m[0].length;
        next = end;
        if (end < text.length && isBoundaryBlocker(text.charCodeAt(end))) continue;
        const pattern = this.groupOf.findIndex((g) => match[g] !== undefined);
        hits.push({ pattern, start, end });
      }
      cStart = cEnd;
    }
    return hits;
  }

  /**
   * The hits that patterns after `primary` make at `start`, which the joined expression
   * hides by taking the first pattern that matches there: "Article 46" is PIPA's to it,
   * and may be the LGPD's in a Brazilian text. Read as find() reads a hit, up to `to`
   * and no further past `start` than a chunk's overlap.
   */
  shadowedAt(text: string, start: number, primary: number, to = text.length): PatternHit[] {
    const hits: PatternHit[] = [];
    const chunk = text.slice(start, Math.min(to, start + OVERLAP));
    for (let pattern = primary + 1; pattern < this.alone.length; pattern++) {
      const re = this.alone[pattern] as RegExp;
      re.lastIndex = 0;
      const m = re.exec(chunk);
      if (m === null) continue;
      const end = start + m[0].length;
      if (end < text.length && isBoundaryBlocker(text.charCodeAt(end))) continue;
      hits.push({ pattern, start, end });
    }
    return hits;
  }
}

/**
 * How far past its chunk a hit starting in it may be read: a match is at most
 * MAX_MATCH_LENGTH long, and the guard after it and a pattern's look-ahead read a few
 * characters more.
 */
const OVERLAP = 2 * MAX_MATCH_LENGTH + 8;
