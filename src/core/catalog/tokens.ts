// Aliases and document text are compared token by token, not character by character:
// that is what lets "ISO 27001", "ISO\u00A027001", "ISO27001" and "ISO-27001" all be
// one spelling, and "SOC\n2" survive a line break, without listing every variant.
// A token is a run of letters, a run of digits, or one other character; spaces only
// separate tokens. Letter/digit boundaries split tokens so "SOC2" reads as SOC + 2.

export type TokenKind = 'word' | 'num' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Hyphen and quote variants are folded to `-`, `'` and `"`. */
  text: string;
  start: number;
  end: number;
  /** Characters of white space between the previous token and this one. */
  gap: number;
  /** Line breaks inside that gap (CRLF counts once). */
  newlines: number;
}

const WORD_RE = /[\p{L}\p{M}]/u;

export function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  // Surrogates are never letters of the scripts the catalog names are written in.
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return WORD_RE.test(String.fromCharCode(code));
}

export function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Letters, digits and `_`: what may not touch either end of a match. */
export function isBoundaryBlocker(code: number): boolean {
  return isDigitCode(code) || code === 0x5f || isWordCode(code);
}

export function isSpaceCode(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0xa0) return code === 0x85;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isNewlineCode(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029;
}

export function isHyphenCode(code: number): boolean {
  return code === 0x2d || (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0xff0d;
}

/** One character of punctuation as the catalog writes it. */
export function foldPunct(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && isHyphenCode(code)) return '-';
  if (ch === '\u2018' || ch === '\u2019' || ch === '\u02bc' || ch === '\u2032' || ch === '`') return "'";
  if (ch === '\u201c' || ch === '\u201d' || ch === '\u201e' || ch === '\u2033') return '"';
  return ch;
}

/**
 * The token starting at or after `pos` (white space skipped), or undefined at `limit`.
 * Reads no further than needed, so the matcher can walk a few tokens from any offset.
 */
export function readToken(text: string, pos: number, limit: number = text.length): Token | undefined {
  let i = pos;
  let newlines = 0;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) break;
    if (isNewlineCode(c) && !(c === 0x0d && text.charCodeAt(i + 1) === 0x0a)) newlines++;
    i++;
  }
  if (i >= limit) return undefined;
  const start = i;
  const first = text.charCodeAt(i);
  let kind: TokenKind;
  if (isDigitCode(first)) {
    kind = 'num';
    while (i < limit && isDigitCode(text.charCodeAt(i))) i++;
  } else if (isWordCode(first)) {
    kind = 'word';
    while (i < limit && isWordCode(text.charCodeAt(i))) i++;
  } else {
    kind = 'punct';
    const pair = first >= 0xd800 && first <= 0xdbff && i + 1 < limit;
    i += pair ? 2 : 1;
  }
  const raw = text.slice(start, i);
  return { kind, text: kind === 'punct' ? foldPunct(raw) : raw, start, end: i, gap: start - pos, newlines };
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (;;) {
    const t = readToken(text, pos);
    if (!t) return out;
    out.push(t);
    pos = t.end;
  }
}

/** How a word of an alias may be written in a document. */
export type CaseMode = 'exact' | 'fold' | 'title';

function hasLower(s: string): boolean {
  return s !== s.toUpperCase();
}

function hasUpper(s: string): boolean {
  return s !== s.toLowerCase();
}

/** "ISO", "EU", "II": capitals only, two letters or more; "SCCs" is a plural one. */
export function isAcronym(word: string): boolean {
  if (word.length >= 3 && word.endsWith('s') && isAcronym(word.slice(0, -1))) return true;
  return word.length >= 2 && hasUpper(word) && !hasLower(word);
}

/** "FedRAMP", "ePrivacy": a capital after the first letter next to lower-case ones. */
function isCamel(word: string): boolean {
  return hasLower(word) && hasUpper(word.slice(1)) && !isAcronym(word);
}

/**
 * An alias with an acronym, a number or a camel-case word cannot be an ordinary phrase,
 * so its other words may be written in any case ("NIST cybersecurity framework").
 * Without one ("Privacy Shield", "Cyber Essentials") it must keep its capitals, or
 * "our privacy shield" would count.
 */
export function isDistinctive(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.kind === 'num' || (t.kind === 'word' && (isAcronym(t.text) || isCamel(t.text))));
}

/**
 * How the document may write one word of an alias. A capitalised first word keeps its
 * capital even in a distinctive alias: prose capitalises names ("Data Protection Act
 * 2018"), and it spares the matcher a look at every lower-case "data" in a text.
 */
export function caseModeOf(token: Token, distinctive: boolean, first = false): CaseMode {
  if (token.kind !== 'word') return 'exact';
  const w = token.text;
  if (!hasUpper(w)) return 'fold';
  // All capitals, single letters included ("U" of "U.S."), and plural acronyms ("SCCs").
  if (!hasLower(w) || isAcronym(w)) return 'exact';
  if (isCamel(w)) return 'fold';
  return distinctive && !first ? 'fold' : 'title';
}

/**
 * Key under which two aliases would match the same text, used to refuse one alias
 * written for two entries: case-folded, spacing ignored.
 */
export function aliasCollisionKey(alias: string): string {
  return tokenize(alias)
    .map((t) => t.text.toLowerCase())
    .join('\u0001');
}
