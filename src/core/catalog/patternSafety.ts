// A workspace catalog is someone else's file: its control-identifier patterns run on
// every keystroke, so a pattern that can backtrack for ever would hang the editor.
// JavaScript has no timeout for a regular expression, so the bound is built in
// advance: every pattern must have a small, computable worst case. The rules, in
// the order they are checked:
//  - at most MAX_PATTERN_LENGTH characters, and it must compile;
//  - no back-references and no look-behind (their cost is not bounded by the rules
//    below), no named groups (patterns are joined into one expression);
//  - no nested quantifiers (safe-regex2's star-height test);
//  - every repetition bounded: `*`, `+` and `{n,}` are refused, `{m,n}` needs
//    n <= MAX_REPEAT; so a match is at most MAX_MATCH_LENGTH characters long;
//  - the number of ways the engine can try to match at one position (sums over
//    alternatives, products over sequences, powers over repetitions) is at most
//    MAX_PATHS;
//  - it must not match the empty text.
// With those, the work at each position is bounded by a constant, and the detector
// runs patterns on chunks of at most PATTERN_CHUNK_LENGTH characters.
import safeRegex from 'safe-regex2';

export const MAX_PATTERN_LENGTH = 800;
export const MAX_REPEAT = 32;
export const MAX_MATCH_LENGTH = 120;
export const MAX_PATHS = 20_000;
export const PATTERN_CHUNK_LENGTH = 2048;

const CAP = 1e15;

interface Shape {
  /** Upper bound of the alternatives the engine may try from one position. */
  paths: number;
  maxLength: number;
}

class Refused extends Error {}

function capped(n: number): number {
  return n > CAP ? CAP : n;
}

/** A reader for the subset of JavaScript regular-expression syntax allowed above. */
class Analyzer {
  private i = 0;
  captures = 0;
  /** The first unbounded repetition (`*`, `+`, `{n,}`), described for a message. */
  unbounded: string | undefined;

  constructor(private readonly src: string) {}

  run(): Shape {
    const shape = this.alternation();
    if (this.i < this.src.length) throw new Refused(`unbalanced ')' at character ${this.i + 1}`);
    return shape;
  }

  private peek(offset = 0): string {
    return this.src.charAt(this.i + offset);
  }

  private alternation(): Shape {
    let paths = 0;
    let maxLength = 0;
    for (;;) {
      const seq = this.sequence();
      paths = capped(paths + seq.paths);
      maxLength = Math.max(maxLength, seq.maxLength);
      if (this.peek() !== '|') return { paths, maxLength };
      this.i++;
    }
  }

  private sequence(): Shape {
    let paths = 1;
    let maxLength = 0;
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const term = this.term();
      paths = capped(paths * term.paths);
      maxLength += term.maxLength;
    }
    return { paths, maxLength };
  }

  private term(): Shape {
    const at = this.i;
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    if (q.max === Infinity) {
      this.unbounded ??= `unbounded repetition '${this.src.slice(at, this.i)}' at character ${at + 1}; write a bound such as {1,${MAX_REPEAT}}`;
      return { paths: CAP, maxLength: CAP };
    }
    if (q.max > MAX_REPEAT) {
      throw new Refused(`repetition {${q.min},${q.max}} at character ${at + 1} exceeds ${MAX_REPEAT}`);
    }
    let paths = 0;
    for (let k = q.min; k <= q.max; k++) paths = capped(paths + capped(atom.paths ** k));
    return { paths, maxLength: atom.maxLength * q.max };
  }

  private quantifier(): { min: number; max: number } | undefined {
    const c = this.peek();
    let q: { min: number; max: number } | undefined;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    if (q) {
      this.i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return undefined;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length;
      q = { min, max };
    } else {
      return undefined;
    }
    if (this.peek() === '?') this.i++;
    return q;
  }

  private atom(): Shape {
    const c = this.peek();
    const at = this.i + 1;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '*' || c === '+' || c === '?') throw new Refused(`nothing to repeat at character ${at}`);
    this.i++;
    if (c === '^' || c === '$') return { paths: 1, maxLength: 0 };
    return { paths: 1, maxLength: 1 };
  }

  private group(): Shape {
    const at = this.i + 1;
    const rest = this.src.slice(this.i);
    let lookahead = false;
    if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      throw new Refused(`look-behind at character ${at} is not allowed`);
    } else if (rest.startsWith('(?<')) {
      throw new Refused(`named group at character ${at} is not allowed; use (?:...)`);
    } else if (rest.startsWith('(?:')) {
      this.i += 3;
    } else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      this.i += 3;
      lookahead = true;
    } else if (rest.startsWith('(?')) {
      throw new Refused(`unsupported group syntax at character ${at}`);
    } else {
      this.i += 1;
      this.captures++;
    }
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Refused(`unclosed group opened at character ${at}`);
    this.i++;
    return lookahead ? { paths: inner.paths, maxLength: 0 } : inner;
  }

  private charClass(): Shape {
    const at = this.i + 1;
    this.i++;
    if (this.peek() === '^') this.i++;
    // A ']' right after '[' or '[^' is an ordinary character in JavaScript without 'u'.
    if (this.peek() === ']') this.i++;
    while (this.i < this.src.length && this.peek() !== ']') {
      this.i += this.peek() === '\\' ? 2 : 1;
    }
    if (this.peek() !== ']') throw new Refused(`unclosed character class opened at character ${at}`);
    this.i++;
    return { paths: 1, maxLength: 1 };
  }

  private escape(): Shape {
    const at = this.i + 1;
    const next = this.peek(1);
    if (/[1-9]/.test(next) || next === 'k') {
      throw new Refused(`back-reference at character ${at} is not allowed`);
    }
    this.i += 2;
    if (next === 'b' || next === 'B') return { paths: 1, maxLength: 0 };
    if (next === 'x') this.i += 2;
    else if (next === 'u') this.i += this.peek() === '{' ? this.src.indexOf('}', this.i) - this.i + 1 : 4;
    else if (next === 'c') this.i += 1;
    return { paths: 1, maxLength: 1 };
  }
}

export interface PatternShape {
  paths: number;
  maxLength: number;
  /** Capturing groups in the pattern. */
  captures: number;
}

/** Why `source` may not be used as a control-identifier pattern, or its shape if it may. */
export function checkPattern(source: string): { ok: true; shape: PatternShape } | { ok: false; reason: string } {
  if (source.length === 0) return { ok: false, reason: 'the pattern is empty' };
  if (source.length > MAX_PATTERN_LENGTH) {
    return { ok: false, reason: `the pattern is ${source.length} characters long; the limit is ${MAX_PATTERN_LENGTH}` };
  }
  let compiled: RegExp;
  try {
    compiled = new RegExp(source);
  } catch (err) {
    return { ok: false, reason: `the pattern does not compile: ${(err as Error).message}` };
  }
  const analyzer = new Analyzer(source);
  let shape: Shape;
  try {
    shape = analyzer.run();
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.message };
    throw err;
  }
  // safe-regex2 measures star height: a repetition inside a repetition. With unbounded
  // repetition that is the classic catastrophic case; with bounded ones (`(?:\s?x)?`)
  // the cost is what the path count below measures.
  if (analyzer.unbounded !== undefined && !safeRegex(source, { limit: 10_000 })) {
    return { ok: false, reason: 'the pattern nests repetitions and could backtrack catastrophically' };
  }
  if (analyzer.unbounded !== undefined) return { ok: false, reason: analyzer.unbounded };
  if (shape.maxLength > MAX_MATCH_LENGTH) {
    return { ok: false, reason: `a match could be ${shape.maxLength} characters long; the limit is ${MAX_MATCH_LENGTH}` };
  }
  if (shape.paths > MAX_PATHS) {
    return {
      ok: false,
      reason: `the pattern has too many ways to match (${shape.paths >= CAP ? 'over 10^15' : shape.paths}; the limit is ${MAX_PATHS}); simplify alternatives inside repetitions`,
    };
  }
  if (compiled.test('') || new RegExp(`^(?:${source})$`).test('')) {
    return { ok: false, reason: 'the pattern matches empty text' };
  }
  return { ok: true, shape: { ...shape, captures: analyzer.captures } };
}
