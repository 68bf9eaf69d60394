// Finds catalog aliases in text without scanning once per alias. One regular
// expression finds where an alias could begin (the first words of all aliases); from
// each such place a token trie of the aliases is walked, which is what gives the
// longest match and the tolerance for spacing, line breaks, hyphens and case.
import { caseModeOf, isBoundaryBlocker, isDigitCode, isDistinctive, readToken, tokenize, type Token, type TokenKind } from './tokens';
import type { CatalogEntry } from './types';

export interface AliasTerminal {
  entry: number;
  ambiguous: boolean;
}

interface TrieNode {
  /** Children for tokens that must be written exactly (acronyms, numbers, punctuation). */
  exact: Map<string, TrieNode>;
  /** Children for tokens compared case-insensitively, keyed in lower case. */
  fold: Map<string, TrieNode>;
  terminals: AliasTerminal[];
}

function newNode(): TrieNode {
  return { exact: new Map(), fold: new Map(), terminals: [] };
}

function child(map: Map<string, TrieNode>, key: string): TrieNode {
  let node = map.get(key);
  if (!node) {
    node = newNode();
    map.set(key, node);
  }
  return node;
}

export interface AliasCandidate {
  terminals: AliasTerminal[];
  start: number;
  end: number;
  lastKind: TokenKind;
}

/** A line break may split a name, a blank line may not; runs of spaces stay short. */
function gapAllowed(t: Token): boolean {
  if (t.newlines > 1) return false;
  return t.newlines === 1 ? t.gap <= 40 : t.gap <= 4;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function caseInsensitiveSource(word: string): string {
  let out = '';
  for (const ch of word) {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    out += lo !== up && lo.length === 1 && up.length === 1 ? `[${lo}${up}]` : escapeRegex(ch);
  }
  return out;
}

/** One unit of a first word's regex source: a class ("[aA]"), an escaped character or a character. */
const SOURCE_UNIT = /\[[^\]]+\]|\\.|[\s\S]/gu;

interface SourceTrie {
  children: Map<string, SourceTrie>;
  end: boolean;
}

/** The alternation of `sources` (regex sources of literal words) as one prefix-factored group. */
function trieAlternation(sources: readonly string[]): string {
  const root: SourceTrie = { children: new Map(), end: false };
  for (const src of sources) {
    let node = root;
    for (const unit of src.match(SOURCE_UNIT) ?? []) {
      let next = node.children.get(unit);
      if (!next) {
        next = { children: new Map(), end: false };
        node.children.set(unit, next);
      }
      node = next;
    }
    node.end = true;
  }
  const emit = (node: SourceTrie): string => {
    const alternatives = [...node.children].map(([unit, child]) => unit + emit(child));
    if (alternatives.length === 0) return '';
    if (!node.end && alternatives.length === 1) return alternatives[0] as string;
    // A word that ends here and one that goes on: an empty alternative last.
    return `(?:${alternatives.join('|')}${node.end ? '|' : ''})`;
  };
  return `(?:${emit(root)})`;
}

export class AliasIndex {
  private readonly root = newNode();
  /** Regex sources of first tokens: words, numbers, and the rest (punctuation). */
  private readonly wordStarts = new Set<string>();
  /** The trie nodes each lower-case first word or number leads to, to gate it on the token after. */
  private readonly gatableStarts = new Map<string, { nodes: Set<TrieNode>; kind: TokenKind }>();
  private readonly numberStarts = new Set<string>();
  private readonly otherStarts = new Set<string>();
  /** Lower-case ASCII first words, by their case-insensitive source: read by a case-insensitive trigger. */
  private readonly caselessWords = new Map<string, string>();
  /**
   * Where aliases may start: case-insensitive ASCII words (one character each in the
   * source, not "[aA]"), then all the rest. Two, because V8 stops optimising a regular
   * expression of more than 20 KB of source, and one held every first word.
   */
  private readonly triggers: readonly [RegExp, RegExp];
  /** Per trigger, the offset last searched from and what was found there, for `lastText`. */
  private lastText: string | undefined;
  private readonly searchedFrom: [number, number] = [-1, -1];
  private readonly foundAt: [number, number] = [-1, -1];
  private maxDepth = 0;

  constructor(entries: readonly CatalogEntry[]) {
    entries.forEach((entry, index) => {
      for (const alias of entry.aliases) this.add(alias, { entry: index, ambiguous: false });
      for (const alias of entry.ambiguousAliases) this.add(alias, { entry: index, ambiguous: true });
    });
    const byLength = (set: Set<string>): string[] => [...set].sort((a, b) => b.length - a.length);
    // Most aliases begin with a letter or digit, so a word boundary can come first: it
    // lets the engine skip the middles of words, several times faster on prose. Words
    // starting with a letter outside ASCII ("Österreichische") have no `\b` before them.
    // A gated first word keeps its place in the trie, its lookahead after it: each source
    // is one word's, so no two sources share a lookahead's prefix and the trie never
    // branches inside one. As a separate alternation, tried at every word boundary, 80
    // gated words made the trigger twenty times slower.
    const words = byLength(this.wordStarts);
    const caseless = words
      .filter((src) => this.caselessWords.has(src))
      .map((src) => escapeRegex(this.caselessWords.get(src) as string) + (this.gateOf(src, true) ?? ''));
    const asciiStart = (src: string): boolean => /^(?:\[[A-Za-z]|[A-Za-z])/.test(src);
    const ascii = words.filter((src) => !this.caselessWords.has(src) && asciiStart(src));
    const nonAscii = words.filter((src) => !asciiStart(src));
    const numbers = byLength(this.numberStarts).map((src) => src + (this.gateOf(src, false) ?? ''));
    // Factored into a trie ("[aA](?:[cC][tT]|[gG]…)"): the engine then reads each
    // character once at a place instead of once per first word, and only whether some
    // first word matches there is used, so the order of the alternatives does not matter.
    const parts = [
      ...(ascii.length > 0 ? [`\\b${trieAlternation(ascii)}(?![A-Za-z])`] : []),
      ...(nonAscii.length > 0 ? [`${trieAlternation(nonAscii)}(?![A-Za-z])`] : []),
      ...(numbers.length > 0 ? [`\\b${trieAlternation(numbers)}(?![0-9])`] : []),
      ...byLength(this.otherStarts),
    ];
    // A regex that can never match, for a catalog without aliases.
    const never = '[^\\s\\S]';
    this.triggers = [
      new RegExp(caseless.length > 0 ? `\\b${trieAlternation(caseless)}(?![A-Za-z])` : never, 'gi'),
      new RegExp(parts.length > 0 ? parts.join('|') : never, 'g'),
    ];
  }

  /**
   * Lower-case first words and numbers that are never an alias alone and go on in few
   * ways ("the" of "the 1933 Act", "45" of "45 CFR"), each with a lookahead for the
   * tokens that may follow: prose is full of them, and without the lookahead every one
   * would be walked for nothing. The lookahead reads a superset of what the walk
   * accepts, so no alias is lost. Undefined for a first word that is not gated; in the
   * case-insensitive trigger (`caseless`) the words after need no case classes.
   */
  private gateOf(source: string, caseless: boolean): string | undefined {
    const start = this.gatableStarts.get(source);
    if (start === undefined) return undefined;
    const follows = new Set<string>();
    for (const node of start.nodes) {
      if (node.terminals.length > 0) return undefined;
      for (const key of node.exact.keys()) follows.add(followSource(key, caseless ? 'caseless' : 'exact'));
      for (const key of node.fold.keys()) follows.add(followSource(key, caseless ? 'caseless' : 'fold'));
    }
    if (follows.size === 0 || follows.size > MAX_GATED_FOLLOWS || follows.has('')) return undefined;
    const runsOn = start.kind === 'word' ? '(?![A-Za-z])' : '(?![0-9])';
    return `${runsOn}(?=${GAP_SOURCE}(?:${[...follows].join('|')}))`;
  }

  private add(alias: string, terminal: AliasTerminal): void {
    const tokens = tokenize(alias);
    if (tokens.length === 0) return;
    const distinctive = isDistinctive(tokens);
    let nodes = [this.root];
    tokens.forEach((token, i) => {
      const mode = caseModeOf(token, distinctive, i === 0);
      const next: TrieNode[] = [];
      for (const node of nodes) {
        if (mode === 'fold') next.push(child(node.fold, token.text.toLowerCase()));
        else next.push(child(node.exact, token.text));
      }
      if (mode === 'title') {
        // Capitalised as written, or all in capitals as in a heading.
        for (const node of nodes) next.push(child(node.exact, token.text.toUpperCase()));
      }
      if (i === 0) {
        // A token is a whole run of letters (or of digits), so a first word may not run
        // on into more letters, nor a first number into more digits: "Reg" (Reg S-P)
        // is not the start of "Regulators", nor "5" (5 U.S.C.) of "53".
        const group = token.kind === 'word' ? this.wordStarts : token.kind === 'num' ? this.numberStarts : this.otherStarts;
        const source = mode === 'fold' ? caseInsensitiveSource(token.text) : escapeRegex(token.text);
        group.add(source);
        if (mode === 'fold' && token.kind === 'word' && /^[a-z]+$/.test(token.text.toLowerCase())) {
          this.caselessWords.set(source, token.text.toLowerCase());
        }
        if ((mode === 'fold' && token.kind === 'word') || token.kind === 'num') {
          const reached = this.gatableStarts.get(source) ?? { nodes: new Set<TrieNode>(), kind: token.kind };
          next.forEach((n) => reached.nodes.add(n));
          this.gatableStarts.set(source, reached);
        }
        if (mode === 'title') group.add(escapeRegex(token.text.toUpperCase()));
      }
      nodes = [...new Set(next)];
    });
    for (const node of nodes) {
      if (!node.terminals.some((t) => t.entry === terminal.entry && t.ambiguous === terminal.ambiguous)) {
        node.terminals.push(terminal);
      }
    }
    this.maxDepth = Math.max(this.maxDepth, tokens.length);
  }

  /** Characters of each trigger's source, which must stay under V8's 20 KB optimisation limit. */
  get triggerSourceLengths(): readonly number[] {
    return this.triggers.map((t) => t.source.length);
  }

  /**
   * The next offset at or after `from` where an alias may start, or -1. The regex
   * only knows first words; candidatesAt decides whether an alias is really there.
   */
  nextStart(text: string, from: number): number {
    if (text !== this.lastText) {
      this.lastText = text;
      this.searchedFrom.fill(-1);
    }
    let next = -1;
    for (let i = 0; i < 2; i++) {
      // A search from an earlier offset still holds if it found nothing before `from`:
      // no trigger starts between the two, whatever lastIndex the search began at.
      let at = this.foundAt[i] as number;
      const searched = this.searchedFrom[i] as number;
      if (searched < 0 || searched > from || (at >= 0 && at < from)) {
        const trigger = this.triggers[i] as RegExp;
        trigger.lastIndex = from;
        const m = trigger.exec(text);
        at = m ? m.index : -1;
        this.searchedFrom[i] = from;
        this.foundAt[i] = at;
      }
      if (at >= 0 && (next < 0 || at < next)) next = at;
    }
    return next;
  }

  /** Every alias that matches from exactly `start`, longest first; boundaries unchecked at the end. */
  candidatesAt(text: string, start: number, limit = text.length): AliasCandidate[] {
    const first = readToken(text, start, limit);
    if (!first || first.start !== start) return [];
    if (start > 0 && isBoundaryBlocker(text.charCodeAt(start - 1))) return [];
    if (first.kind === 'num' && !numberStartAllowed(text, start)) return [];
    const out: AliasCandidate[] = [];
    this.walk(this.root, text, first, undefined, start, limit, 0, out);
    out.sort((a, b) => b.end - a.end);
    return out;
  }

  private walk(
    node: TrieNode,
    text: string,
    token: Token,
    prevKind: TokenKind | undefined,
    start: number,
    limit: number,
    depth: number,
    out: AliasCandidate[],
  ): void {
    if (depth >= this.maxDepth) return;
    if (prevKind !== undefined && !gapAllowed(token)) return;
    const targets: TrieNode[] = [];
    const exact = node.exact.get(token.text);
    if (exact) targets.push(exact);
    if (token.kind === 'word') {
      const folded = node.fold.get(token.text.toLowerCase());
      if (folded) targets.push(folded);
    }
    for (const target of targets) {
      if (target.terminals.length > 0) {
        out.push({ terminals: target.terminals, start, end: token.end, lastKind: token.kind });
      }
      const next = readToken(text, token.end, limit);
      if (!next) continue;
      this.walk(target, text, next, token.kind, start, limit, depth + 1, out);
      // "SOC-2", "ISO-27001": a hyphen between letters and digits may stand for a space.
      if (next.text === '-' && next.gap === 0 && token.kind !== 'punct') {
        const after = readToken(text, next.end, limit);
        if (after && after.gap === 0 && after.kind !== 'punct' && after.kind !== token.kind) {
          this.walk(target, text, after, token.kind, start, limit, depth + 1, out);
        }
      }
    }
  }
}

/** Few enough words after a first word for a lookahead to be cheaper than a walk. */
const MAX_GATED_FOLLOWS = 6;

/**
 * What may stand between two tokens of an alias: the white space readToken skips (\s
 * lacks U+0085 and U+200B), or a hyphen for a space ("SOC-2"). One class, a superset.
 */
const GAP_SOURCE = '[\\s\\u0085\\u200b\\u2010-\\u2015\\u2212\\ufe63\\uff0d-]*';

/**
 * A regex source that matches the start of a token whose (folded) text is `key`; '' if
 * there is none. Two characters of it are enough to spare a walk, and keep the trigger
 * short: V8 stops optimising a regular expression of more than 20 KB of source (the
 * trigger became twenty times slower when the gates pushed it over).
 */
function followSource(key: string, mode: 'exact' | 'fold' | 'caseless'): string {
  if (!/^[\x20-\x7e]+$/.test(key)) return '';
  if (key === '-') return '[-\\u2010-\\u2015\\u2212\\ufe63\\uff0d]';
  if (key === "'") return "['\\u2018\\u2019\\u02bc\\u2032`]";
  if (key === '"') return '["\\u201c\\u201d\\u201e\\u2033]';
  const start = key.slice(0, 2);
  return mode === 'fold' ? caseInsensitiveSource(start) : escapeRegex(start);
}

/** A number that continues another one ("1-800-53", "+1 800") is not a name. */
function numberStartAllowed(text: string, start: number): boolean {
  const prev = text.charCodeAt(start - 1);
  if (prev === 0x2b /* + */) return false;
  if ((prev === 0x2d || prev === 0x2e || prev === 0x2f) && isDigitCode(text.charCodeAt(start - 2))) return false;
  return true;
}

function isLowerAscii(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/** Whether a match may end at `end`: no letter or digit right after, and no number running on. */
export function endBoundaryAllowed(text: string, end: number, lastKind: TokenKind): boolean {
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  if (isBoundaryBlocker(next)) return false;
  // A web address: "FINRA.org", "ICO.org.uk".
  if (next === 0x2e && isLowerAscii(text.charCodeAt(end + 1))) return false;
  if (lastKind === 'num' && (next === 0x2d || next === 0x2e) && isDigitCode(text.charCodeAt(end + 1))) return false;
  if (lastKind === 'num' && next >= 0x2010 && next <= 0x2015 && isDigitCode(text.charCodeAt(end + 1))) return false;
  return true;
}
