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
  private readonly trigger: RegExp;
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
    const gated = this.gatedStarts();
    const words = byLength(this.wordStarts).filter((src) => !gated.has(src));
    const ascii = words.filter((src) => /^(?:\[[A-Za-z]|[A-Za-z])/.test(src));
    const nonAscii = words.filter((src) => !ascii.includes(src));
    const numbers = byLength(this.numberStarts).filter((src) => !gated.has(src));
    // Factored into a trie ("[aA](?:[cC][tT]|[gG]…)"): the engine then reads each
    // character once at a place instead of once per first word, and only whether some
    // first word matches there is used, so the order of the alternatives does not matter.
    const parts = [
      ...(ascii.length > 0 ? [`\\b${trieAlternation(ascii)}(?![A-Za-z])`] : []),
      ...(gated.size > 0 ? [`\\b(?:${[...gated.values()].join('|')})`] : []),
      ...(nonAscii.length > 0 ? [`${trieAlternation(nonAscii)}(?![A-Za-z])`] : []),
      ...(numbers.length > 0 ? [`\\b${trieAlternation(numbers)}(?![0-9])`] : []),
      ...byLength(this.otherStarts),
    ];
    // A regex that can never match, for a catalog without aliases.
    this.trigger = new RegExp(parts.length > 0 ? parts.join('|') : '[^\\s\\S]', 'g');
  }

  /**
   * Lower-case first words and numbers that are never an alias alone and go on in few
   * ways ("the" of "the 1933 Act", "45" of "45 CFR"), each with a lookahead for the
   * tokens that may follow: prose is full of them, and without the lookahead every one
   * would be walked for nothing. The lookahead reads a superset of what the walk
   * accepts, so no alias is lost.
   */
  private gatedStarts(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [source, { nodes, kind }] of this.gatableStarts) {
      // `\b` comes before a gated word, and only ASCII letters have one.
      if (kind === 'word' && !/^\[[a-z]/.test(source)) continue;
      const follows = new Set<string>();
      let gate = true;
      for (const node of nodes) {
        if (node.terminals.length > 0) gate = false;
        for (const key of node.exact.keys()) follows.add(followSource(key, false));
        for (const key of node.fold.keys()) follows.add(followSource(key, true));
      }
      if (!gate || follows.size === 0 || follows.size > MAX_GATED_FOLLOWS || follows.has('')) continue;
      const runsOn = kind === 'word' ? '(?![A-Za-z])' : '(?![0-9])';
      out.set(source, `${source}${runsOn}(?=${GAP_SOURCE}(?:${[...follows].join('|')}))`);
    }
    return out;
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

  /**
   * The next offset at or after `from` where an alias may start, or -1. The regex
   * only knows first words; candidatesAt decides whether an alias is really there.
   */
  nextStart(text: string, from: number): number {
    this.trigger.lastIndex = from;
    const m = this.trigger.exec(text);
    return m ? m.index : -1;
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
 * lacks U+0085 and U+200B), or a hyphen for a space ("SOC-2").
 */
const GAP_SOURCE = '[\\s\\u0085\\u200b]*[-\\u2010-\\u2015\\u2212\\ufe63\\uff0d]?';

/** A regex source that matches the start of a token whose (folded) text is `key`; '' if there is none. */
function followSource(key: string, fold: boolean): string {
  if (!/^[\x20-\x7e]+$/.test(key)) return '';
  if (key === '-') return '[-\\u2010-\\u2015\\u2212\\ufe63\\uff0d]';
  if (key === "'") return "['\\u2018\\u2019\\u02bc\\u2032`]";
  if (key === '"') return '["\\u201c\\u201d\\u201e\\u2033]';
  return fold ? caseInsensitiveSource(key) : escapeRegex(key);
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
