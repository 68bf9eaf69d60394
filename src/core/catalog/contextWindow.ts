// Some names and identifiers are too short to trust alone ("CA-1", "A1.2", "CCM"):
// they count only when their framework is named close by, meaning within the same
// sentence or within CONTEXT_RADIUS characters either side, whichever reaches further.
// Identifiers may also find it further away, in their section or list (scope.ts);
// ContextMentions serves those wider questions.
import { isDigitCode, isWordCode, tokenize, type Token } from './tokens';

export const CONTEXT_RADIUS = 200;
/** A sentence longer than this is not followed further. */
export const SENTENCE_REACH = 600;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function tokenSource(t: Token): string {
  if (t.kind !== 'punct') return escapeRegex(t.text);
  if (t.text === '-') return '[-\\u2010-\\u2015\\u2212]';
  if (t.text === "'") return "['\\u2018\\u2019\\u02bc]";
  if (t.text === '"') return '["\\u201c\\u201d]';
  return escapeRegex(t.text);
}

/**
 * A phrase as a regex source tolerant of spacing variants, as aliases are. Runs of
 * spacing are unbounded: bounded ones (`\\s{1,4}`) are unrolled by the regex compiler,
 * and compiling the catalog's contexts took most of a second the first time a document
 * named the entries; for context, which only vouches for a mention nearby, an odd run of
 * spaces is no reason to refuse.
 */
export function phraseSource(phrase: string): string | undefined {
  const parts = phraseParts(phrase);
  return parts.length === 0 ? undefined : parts.join('');
}

/** phraseSource in pieces: the first token's source, then each further token's with the spacing before it. */
function phraseParts(phrase: string): string[] {
  const tokens = tokenize(phrase);
  if (tokens.length === 0) return [];
  const parts = [tokenSource(tokens[0] as Token)];
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1] as Token;
    const cur = tokens[i] as Token;
    const gap = prev.kind === 'punct' || cur.kind === 'punct' ? '\\s*' : prev.kind === cur.kind ? '\\s+' : '[\\s\\-]*';
    parts.push(gap + tokenSource(cur));
  }
  return parts;
}

interface PartNode {
  readonly next: Map<string, { source: string; node: PartNode }>;
  /** Whether a phrase ends here. */
  end: boolean;
  /** The longest source below. */
  longest: number;
}

/**
 * Phrases as one alternation factored on their shared beginnings ("Texas Attorney
 * General", "Texas AG", "Texans"...): at a place where a phrase may start, the engine
 * tries the first pieces once each instead of every phrase in turn, which is what a
 * context of every state's phrases spent its time on. Longer continuations are tried
 * first, as the longest phrase was before.
 */
function factoredSource(phrases: readonly string[][]): string {
  const root: PartNode = { next: new Map(), end: false, longest: 0 };
  for (const parts of phrases) {
    let node = root;
    let remaining = parts.reduce((n, p) => n + p.length, 0);
    for (const part of parts) {
      node.longest = Math.max(node.longest, remaining);
      // Contexts are matched case-insensitively, so pieces differing in case are one.
      const key = part.toLowerCase();
      let step = node.next.get(key);
      if (step === undefined) {
        step = { source: part, node: { next: new Map(), end: false, longest: 0 } };
        node.next.set(key, step);
      }
      remaining -= part.length;
      node = step.node;
    }
    node.end = true;
  }
  const emit = (node: PartNode): string =>
    [...node.next.values()]
      .sort((a, b) => b.source.length + b.node.longest - (a.source.length + a.node.longest))
      .map(({ source, node: below }) => {
        if (below.next.size === 0) return source;
        return `${source}(?:${emit(below)})${below.end ? '?' : ''}`;
      })
      .join('|');
  return emit(root);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Whether a context mention may start at `i`: no letter, digit, `_` or `+` just before
 * it, and no number running on into it ("800-53-1234" does not name SP 800-53). The
 * boundaries aliases have (aliasIndex.ts). Checked here rather than by a look-behind in
 * each context's regex, which made every one of them slower to compile.
 */
function startsFree(text: string, i: number): boolean {
  if (i <= 0) return true;
  const c = text.charCodeAt(i - 1);
  if (c < 0x80) {
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2b) return false;
  } else {
    // A letter outside the Basic Multilingual Plane is a surrogate pair.
    const pair = c >= 0xdc00 && c <= 0xdfff && i >= 2 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
    const point = pair ? String.fromCharCode(text.charCodeAt(i - 2), c) : String.fromCharCode(c);
    if (LETTER_OR_DIGIT.test(point)) return false;
  }
  const joiner = c === 0x2d || c === 0x2e || c === 0x2f || (c >= 0x2010 && c <= 0x2015);
  if (!joiner || i < 2) return true;
  const d = text.charCodeAt(i - 2);
  return !(d >= 0x30 && d <= 0x39);
}

/**
 * Whether a context mention may end at `i`: no letter or digit outside ASCII after it.
 * The regex checks ASCII ones itself; a Unicode letter class in it, folded for case, made
 * each context several times slower to compile and to run. A longer phrase glued to such
 * a letter then hides a shorter one starting at the same place, which no real text has.
 */
function endsFree(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c) || c < 0x80) return true;
  const point = String.fromCodePoint(text.codePointAt(i) ?? c);
  return !LETTER_OR_DIGIT.test(point);
}

/** The global twin of each context (see nextMention). */
const GLOBAL = new WeakMap<RegExp, RegExp>();

/** The same test as `context`, global, to list every place a framework is named; undefined for no context. */
export function globalContext(context: RegExp | undefined): RegExp | undefined {
  if (context === undefined) return undefined;
  let global = GLOBAL.get(context);
  if (global === undefined) {
    global = context.global ? context : new RegExp(context.source, `${context.flags}g`);
    GLOBAL.set(context, global);
  }
  return global;
}

/**
 * The next mention of a context at or after `global.lastIndex` in `text`, as
 * `global.exec` finds it, where a mention may start (startsFree); null when none.
 */
export function nextMention(global: RegExp, text: string): RegExpExecArray | null {
  for (let m = global.exec(text); m !== null; m = global.exec(text)) {
    if (m[0].length > 0 && startsFree(text, m.index) && endsFree(text, m.index + m[0].length)) return m;
    // On by one character, not one code unit: a regex with the u flag would step back
    // to the start of a surrogate pair and find the same mention again, for ever.
    global.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return null;
}

/**
 * A word as contexts compare it: lower case, with the two letters whose case folding a
 * case-insensitive regex knows and toLowerCase does not ("ſ", final "ς").
 */
function foldWord(word: string): string {
  const lower = word.toLowerCase();
  return /[ſς]/.test(lower) ? lower.replace(/ſ/g, 's').replace(/ς/g, 'σ') : lower;
}

/**
 * The words each phrase of a context needs, in lower case: a window holding every word
 * of none of them cannot hold the context, which is found out without the regex (or
 * compiling it, which the first document to ask pays). Case-insensitive alternations of
 * hundreds of phrases (every state's words for "the Attorney General") were tried at
 * almost every position of a window; and one spelling every state shares asks each
 * state's own context in turn about the same window, whose words are read once for all
 * of them (WindowWords).
 */
export class WordGate {
  private constructor(private readonly phrases: readonly (readonly string[])[]) {}

  /** The gate of these phrases; undefined when one of them has no word to need. */
  static of(phrases: readonly string[]): WordGate | undefined {
    const needs = phrases.map((p) => [
      ...new Set(
        tokenize(p)
          .filter((t) => t.kind !== 'punct')
          .map((t) => foldWord(t.text)),
      ),
    ]);
    return needs.every((words) => words.length > 0) ? new WordGate(needs) : undefined;
  }

  /** Whether some phrase has all its words among `words`. */
  admits(words: ReadonlySet<string>): boolean {
    return this.phrases.some((needs) => needs.every((w) => words.has(w)));
  }
}

const GATES = new WeakMap<RegExp, WordGate>();
/** Contexts with at least this many phrases check their words first even when asked alone. */
const GATE_ALONE_FROM = 24;
const GATE_ALONE = new WeakSet<RegExp>();
/**
 * A text this short has its words checked first whatever the context: reading them costs
 * less than the regex, and far less than compiling it (one word before a name asks
 * every state's context).
 */
const SHORT_TEXT = 64;

/** The words of text[from, to), folded, for asking many contexts about the same window. */
export class WindowWords {
  private readonly words = new Set<string>();

  constructor(text: string, from: number, to: number) {
    // The word and number tokens readToken would give, read without making tokens.
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      const digit = isDigitCode(c);
      if (!digit && !isWordCode(c)) {
        i++;
        continue;
      }
      const start = i;
      i++;
      if (digit) while (i < to && isDigitCode(text.charCodeAt(i))) i++;
      else while (i < to && isWordCode(text.charCodeAt(i))) i++;
      this.words.add(foldWord(text.slice(start, i)));
    }
  }

  /** Whether a context (or a gate) may occur in the window: false only when it certainly does not. */
  mayHold(context: RegExp | WordGate): boolean {
    const gate = context instanceof WordGate ? context : GATES.get(context);
    return gate === undefined || gate.admits(this.words);
  }
}

/** Whether `context` is mentioned in text[from, to), read as a text of its own. */
export function contextIn(context: RegExp, text: string, from: number, to: number, words?: WindowWords): boolean {
  if (from >= to) return false;
  if (words !== undefined) {
    if (!words.mayHold(context)) return false;
  } else if ((to - from <= SHORT_TEXT || GATE_ALONE.has(context)) && !new WindowWords(text, from, to).mayHold(context)) {
    return false;
  }
  const global = globalContext(context) as RegExp;
  global.lastIndex = 0;
  return nextMention(global, text.slice(from, to)) !== null;
}

/** Compiles context phrases into one test; undefined when there are none. */
export function compileContext(phrases: Iterable<string>): RegExp | undefined {
  const unique = [...new Set(phrases)];
  const pieces = unique.map(phraseParts).filter((parts) => parts.length > 0);
  if (pieces.length === 0) return undefined;
  // Only where a phrase can begin is the rest tried: the look-behind below is costly at
  // every position of a window, and most positions start no phrase.
  const firsts = new Set<string>();
  for (const phrase of unique) {
    const c = phrase.trimStart().charAt(0);
    if (c !== '') firsts.add(c);
  }
  const plain = [...firsts].every((c) => /^[\p{L}\p{N}]$/u.test(c));
  const gate = plain ? `(?=[${[...firsts].join('')}])` : '';
  // The boundaries aliases have (aliasIndex.ts): no letter or digit on either side, and
  // no number running on, so "800-53-1234" or "+1 800" do not name SP 800-53. The start
  // is checked by nextMention; the end depends on which phrase matched, so stays here for
  // ASCII (a letter beyond ASCII is checked by nextMention, see endsFree).
  // The ASCII look-behind only saves trying every phrase inside words, where most
  // positions are; unlike one over all letters it costs next to nothing to compile.
  const re = new RegExp(`${gate}(?<![0-9A-Za-z_+])(?:${factoredSource(pieces)})(?![0-9A-Za-z_]|[-.\\u2010-\\u2015]\\d)`, 'iu');
  const words = WordGate.of(unique);
  if (words !== undefined) {
    GATES.set(re, words);
    if (unique.length >= GATE_ALONE_FROM) GATE_ALONE.add(re);
  }
  return re;
}

function isSentenceEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x0a && text.charCodeAt(i + 1) === 0x0a) return true;
  if (c === 0x0a && text.charCodeAt(i + 1) === 0x0d) return true;
  if ((c === 0x2e || c === 0x21 || c === 0x3f) && /\s/.test(text.charAt(i + 1))) return true;
  return false;
}

/** The span searched for context around [start, end): its sentence or the radius, whichever is wider. */
export function contextWindow(text: string, start: number, end: number): { from: number; to: number } {
  const floor = Math.max(0, start - SENTENCE_REACH);
  let sentenceStart = start - 1;
  while (sentenceStart >= floor && !isSentenceEnd(text, sentenceStart)) sentenceStart--;
  sentenceStart = Math.max(floor, sentenceStart + 1);
  const ceil = Math.min(text.length, end + SENTENCE_REACH);
  let sentenceEnd = end;
  while (sentenceEnd < ceil && !isSentenceEnd(text, sentenceEnd)) sentenceEnd++;
  return {
    from: Math.min(Math.max(0, start - CONTEXT_RADIUS), sentenceStart),
    to: Math.max(Math.min(text.length, end + CONTEXT_RADIUS), Math.min(ceil, sentenceEnd + 1)),
  };
}

/** Whether `context` occurs near [start, end), not counting the match itself. */
export function hasContext(text: string, start: number, end: number, context: RegExp | undefined): boolean {
  if (!context) return false;
  const { from, to } = contextWindow(text, start, end);
  return contextIn(context, text, from, start) || contextIn(context, text, end, to);
}

/**
 * Every place `context` occurs in [from, to), found in one pass so that many
 * identifiers can then ask about wide windows by binary search, not by re-reading them.
 */
export class ContextMentions {
  /** Start and end of each mention, in order; mentions do not overlap. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(text: string, context: RegExp | undefined, from: number, to: number) {
    const re = globalContext(context);
    if (!re) return;
    // lastIndex on the whole text, not a slice: nextMention then sees the real
    // character before `from`, and nothing is copied.
    re.lastIndex = from;
    for (let m = nextMention(re, text); m !== null && m.index < to; m = nextMention(re, text)) {
      this.starts.push(m.index);
      this.ends.push(m.index + m[0].length);
    }
  }

  /** Whether a whole mention lies within [from, to). */
  within(from: number, to: number): boolean {
    const { starts, ends } = this;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && (ends[lo] as number) <= to;
  }

  /** Whether a mention lies near [start, end) as hasContext reads "near", not counting the match itself. */
  near(text: string, start: number, end: number): boolean {
    const { from, to } = contextWindow(text, start, end);
    return this.within(from, start) || this.within(end, to);
  }
}
