// A fast reader for the layout the writer produces (block maps and lists, one-line quoted
// or plain scalars, one-line flow lists of scalars, comments, blank lines). The general
// `yaml` parser takes seconds on ten thousand annotations; this takes milliseconds. It
// recognises only a strict subset of YAML and gives up (returns undefined) on anything
// else, including any construct whose meaning it is not certain of, and the caller then
// uses the full parser. It never reports errors itself: the full parser does that.
// Its promise, checked by differential tests (test/unit/sidecar/fast-parse.property.test.ts):
// whenever it returns a tree, the full parser (yaml-tree.ts) reads the text without error
// and returns the same tree, offsets included.

import type { Scalar, TreeEntry, TreeMap, TreeNode, TreeSeq } from './tree';

class GiveUp extends Error {}

const giveUp = (): never => {
  throw new GiveUp();
};

/** The parsed tree, or undefined when the text needs the full parser. */
export function fastParseTree(text: string): TreeNode | undefined {
  if (text.length === 0 || text.charCodeAt(0) === 0xfeff) return undefined;
  // The `yaml` package ends lines at LF and CRLF only: a lone CR is part of the line
  // (`a: 1\r` is the string "1\r"). Rather than mirror that, leave such files to it.
  if (LONE_CR.test(text)) return undefined;
  try {
    return new FastParser(text).document();
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}

const KEY_START = /[A-Za-z_]/;
const KEY_CHAR = /[A-Za-z0-9_-]/;
// First characters that make a plain scalar mean something other than a string, or that
// need YAML's finer rules (indicators, numbers, signs): leave those to the full parser.
// A lone `~` is null, but the writer writes `~#` and the like plain: see plain().
const PLAIN_UNSAFE_START = /[-?:,[\]{}#&*!|>'"%@`.+\s]/;
const CORE_SPECIAL = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;
const LONE_CR = /\r(?!\n)/;
// A key YAML reads as null or a boolean is not a string key (and `Null` and `NULL` are the
// same key): any casing of these words is left to the full parser.
const KEY_SPECIAL = /^(?:null|true|false)$/i;
// The full parser refuses implicit keys longer than 1,024 characters; no field name comes
// near, so stop well short of the limit instead of mirroring how it is counted.
const MAX_KEY_LENGTH = 1000;
// Maps and lists nested deeper than this are left to the full parser, which enforces the
// real limit (MAX_NESTING in tree.ts) and reports it. The writer's layout is 4 deep.
const MAX_FAST_DEPTH = 16;

class FastParser {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Leading spaces of each line, or -1 for a blank or comment-only line. */
  private readonly indents: number[] = [];
  private cur = 0;

  constructor(private readonly text: string) {
    let start = 0;
    while (start <= text.length) {
      let nl = text.indexOf('\n', start);
      if (nl === -1) nl = text.length;
      // CRLF ends a line like LF; a CR with no LF after it never reaches here (LONE_CR).
      const end = nl > start && nl < text.length && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      let i = start;
      while (i < end && text.charCodeAt(i) === 32) i++;
      const c = i < end ? text.charCodeAt(i) : -1;
      if (c === 9) giveUp();
      this.starts.push(start);
      this.ends.push(end);
      this.indents.push(c === -1 || c === 35 /* # */ ? -1 : i - start);
      if (nl === text.length) break;
      start = nl + 1;
    }
  }

  document(): TreeNode {
    const first = this.nextContent();
    if (first < 0 || this.indents[first] !== 0) giveUp();
    const root = this.map(0, 1);
    if (this.nextContent() >= 0) giveUp();
    return root;
  }

  private nextContent(): number {
    while (this.cur < this.indents.length && this.indents[this.cur] === -1) this.cur++;
    return this.cur < this.indents.length ? this.cur : -1;
  }

  private isDash(line: number, indent: number): boolean {
    const p = (this.starts[line] as number) + indent;
    if (this.text.charCodeAt(p) !== 45 /* - */) return false;
    return p + 1 === this.ends[line] || this.text.charCodeAt(p + 1) === 32;
  }

  /** Key at `pos` on `line`: returns the key and the offset after its colon. */
  private keyAt(line: number, pos: number): { key: string; after: number } | undefined {
    const end = this.ends[line] as number;
    const t = this.text;
    if (pos >= end || !KEY_START.test(t.charAt(pos))) return undefined;
    let i = pos + 1;
    while (i < end && KEY_CHAR.test(t.charAt(i))) i++;
    if (t.charCodeAt(i) !== 58 /* : */) return undefined;
    if (i + 1 < end && t.charCodeAt(i + 1) !== 32) return undefined;
    const key = t.slice(pos, i);
    if (key.length > MAX_KEY_LENGTH || KEY_SPECIAL.test(key)) giveUp();
    return { key, after: i + 1 };
  }

  /** A block map at `indent`, `depth` levels deep (the top level is 1). */
  private map(indent: number, depth: number, firstLine?: number): TreeMap {
    if (depth > MAX_FAST_DEPTH) giveUp();
    const entries: TreeEntry[] = [];
    const seen = new Set<string>();
    let offset = -1;
    const entry = (line: number): void => {
      const pos = (this.starts[line] as number) + indent;
      const k = this.keyAt(line, pos) ?? giveUp();
      if (seen.has(k.key)) giveUp();
      seen.add(k.key);
      if (offset < 0) offset = pos;
      entries.push({ key: k.key, keyOffset: pos, value: this.value(line, k.after, indent, depth) });
    };
    if (firstLine !== undefined) entry(firstLine);
    for (;;) {
      const line = this.nextContent();
      if (line < 0) break;
      const ind = this.indents[line] as number;
      if (ind < indent) break;
      if (ind > indent) giveUp();
      if (this.isDash(line, ind)) break;
      entry(line);
    }
    return { type: 'map', entries, offset };
  }

  /** The value after `key:` that ends at `after` on `line`, for a map at `indent` and `depth`. */
  private value(line: number, after: number, indent: number, depth: number): TreeNode {
    const end = this.ends[line] as number;
    const p = this.skipSpaces(after, end);
    this.cur = line + 1;
    if (p === end || this.text.charCodeAt(p) === 35) {
      // The full parser places an empty value after the spaces that follow the colon.
      const empty: TreeNode = { type: 'scalar', value: null, offset: p };
      const next = this.nextContent();
      if (next < 0) return empty;
      const ind = this.indents[next] as number;
      if (ind >= indent && this.isDash(next, ind)) return this.seq(ind, depth + 1);
      if (ind > indent) return this.map(ind, depth + 1);
      return empty;
    }
    const node = this.inline(line, p);
    const next = this.nextContent();
    if (next >= 0 && (this.indents[next] as number) > indent) giveUp();
    return node;
  }

  private seq(indent: number, depth: number): TreeSeq {
    if (depth > MAX_FAST_DEPTH) giveUp();
    const items: TreeNode[] = [];
    let offset = -1;
    for (;;) {
      const line = this.nextContent();
      if (line < 0) break;
      const ind = this.indents[line] as number;
      if (ind < indent) break;
      if (ind > indent) giveUp();
      if (!this.isDash(line, ind)) break;
      const dash = (this.starts[line] as number) + ind;
      if (offset < 0) offset = dash;
      const end = this.ends[line] as number;
      let p = dash + 1;
      while (p < end && this.text.charCodeAt(p) === 32) p++;
      if (p === end || this.text.charCodeAt(p) === 35) giveUp();
      if (this.keyAt(line, p) !== undefined) {
        items.push(this.map(p - (this.starts[line] as number), depth + 1, line));
      } else {
        this.cur = line + 1;
        items.push(this.inline(line, p));
        const next = this.nextContent();
        if (next >= 0 && (this.indents[next] as number) > indent) giveUp();
      }
    }
    return { type: 'seq', items, offset };
  }

  /** A one-line scalar or flow list starting at `p`; the rest of the line must be a comment or nothing. */
  private inline(line: number, p: number): TreeNode {
    const end = this.ends[line] as number;
    const t = this.text;
    const c = t.charCodeAt(p);
    let node: TreeNode;
    let q: number;
    if (c === 91 /* [ */) {
      const items: TreeNode[] = [];
      q = p + 1;
      q = this.skipSpaces(q, end);
      if (t.charCodeAt(q) === 93 /* ] */) {
        q++;
      } else {
        for (;;) {
          const item = this.scalarAt(q, end, true);
          items.push({ type: 'scalar', value: item.value, offset: q });
          q = this.skipSpaces(item.next, end);
          const d = t.charCodeAt(q);
          if (d === 93) {
            q++;
            break;
          }
          if (d !== 44 /* , */) giveUp();
          q = this.skipSpaces(q + 1, end);
          if (t.charCodeAt(q) === 93) giveUp();
        }
      }
      node = { type: 'seq', items, offset: p };
    } else {
      const s = this.scalarAt(p, end, false);
      node = { type: 'scalar', value: s.value, offset: p };
      q = s.next;
    }
    // Only spaces, or at least one space and then a comment, may follow.
    const rest = q;
    q = this.skipSpaces(q, end);
    if (q < end && !(t.charCodeAt(q) === 35 && q > rest)) giveUp();
    return node;
  }

  private skipSpaces(p: number, end: number): number {
    while (p < end && this.text.charCodeAt(p) === 32) p++;
    return p;
  }

  private scalarAt(p: number, end: number, flow: boolean): { value: Scalar; next: number } {
    const c = this.text.charCodeAt(p);
    if (c === 34 /* " */) return this.doubleQuoted(p, end);
    if (c === 39 /* ' */) return this.singleQuoted(p, end);
    return this.plain(p, end, flow);
  }

  private plain(p: number, end: number, flow: boolean): { value: Scalar; next: number } {
    const t = this.text;
    if (p >= end || PLAIN_UNSAFE_START.test(t.charAt(p))) giveUp();
    let i = p;
    while (i < end) {
      const c = t.charCodeAt(i);
      if (c < 32) giveUp();
      if (c === 32 && t.charCodeAt(i + 1) === 35) break;
      if (c === 58 /* : */ && (i + 1 === end || t.charCodeAt(i + 1) === 32 || flow)) giveUp();
      if (flow && (c === 44 || c === 91 || c === 93 || c === 123 || c === 125)) break;
      i++;
    }
    let j = i;
    while (j > p && t.charCodeAt(j - 1) === 32) j--;
    const raw = t.slice(p, j);
    const first = raw.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      if (!DECIMAL.test(raw)) giveUp();
      return { value: Number(raw), next: j };
    }
    if (raw === '~') giveUp();
    if (CORE_SPECIAL.test(raw)) {
      if (raw === 'true') return { value: true, next: j };
      if (raw === 'false') return { value: false, next: j };
      if (raw === 'null') return { value: null, next: j };
      giveUp();
    }
    return { value: raw, next: j };
  }

  private singleQuoted(p: number, end: number): { value: Scalar; next: number } {
    const t = this.text;
    let out = '';
    let i = p + 1;
    for (;;) {
      const q = t.indexOf("'", i);
      if (q === -1 || q >= end) giveUp();
      out += t.slice(i, q);
      if (t.charCodeAt(q + 1) === 39 && q + 1 < end) {
        out += "'";
        i = q + 2;
      } else {
        return { value: checkPrintable(out), next: q + 1 };
      }
    }
  }

  private doubleQuoted(p: number, end: number): { value: Scalar; next: number } {
    const t = this.text;
    let out = '';
    let i = p + 1;
    for (;;) {
      let j = i;
      while (j < end) {
        const c = t.charCodeAt(j);
        if (c === 34 || c === 92) break;
        j++;
      }
      if (j >= end) giveUp();
      // Only the raw text must be printable: escapes may stand for anything, and the
      // writer escapes a CRLF source's line breaks as "\r\n".
      out += checkPrintable(t.slice(i, j));
      if (t.charCodeAt(j) === 34) return { value: out, next: j + 1 };
      const e = t.charAt(j + 1);
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i = j + 2;
        continue;
      }
      const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = t.slice(j + 2, j + 2 + width);
      if (width === 0 || hex.length !== width || !/^[0-9A-Fa-f]+$/.test(hex) || j + 2 + width > end) giveUp();
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) giveUp();
      out += width === 8 ? String.fromCodePoint(code) : String.fromCharCode(code);
      i = j + 2 + width;
    }
  }
}

const ESCAPES: Record<string, string | undefined> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/** Raw control characters (other than tab) are left to the full parser. */
function checkPrintable(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(s)) giveUp();
  return s;
}
