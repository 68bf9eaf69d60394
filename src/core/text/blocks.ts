// Splits a document into blocks: the unit the editor re-detects while the user types
// (everything else stays cached). Blocks tile the text: every UTF-16 offset belongs to
// exactly one block, content blocks hold no leading or trailing whitespace, and the
// whitespace between them (line breaks, blank lines, indentation, a BOM) forms `blank`
// blocks.
//
// Stability: whether a line break separates two blocks is decided from the two lines
// on either side of it plus whether their own neighbours are blank (a lone line is
// judged as a possible title). An edit can therefore only move block boundaries within
// two lines of the edited lines; boundaries further away only shift by the edit's
// length.

export type BlockKind =
  | 'paragraph'
  | 'heading'
  | 'bullet'
  /** "By Jane Doe, Reuters": who wrote the document. */
  | 'byline'
  /** "Image: Reuters |", "Photo credit: ...". */
  | 'caption'
  /** A thematic break or a line with no letters or digits ("---", "* * *"). */
  | 'rule'
  /** Site furniture: a menu, breadcrumb or cookie bar ("Accept all | Reject | Settings"). */
  | 'chrome'
  | 'blank';

export interface Block {
  start: number;
  end: number;
  text: string;
  kind: BlockKind;
}

/** What a single non-blank line looks like on its own. */
type LineKind = 'text' | 'title' | 'atx' | 'setext' | 'rule' | 'bullet' | 'byline' | 'caption' | 'chrome';

interface Line {
  /** First and one-past-last non-whitespace offsets; equal when the line is blank. */
  cs: number;
  ce: number;
  /** Offset where the line itself starts (for indentation). */
  ls: number;
  kind: LineKind;
}

const ATX = /^#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^(?:={2,}|-{2,})$/;
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|={3,})$/;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const BULLET = /^(?:[•◦▪▫‣⁃●○■□►▸▹➢➤✓✔☐☑·*+\-–—\u2460-\u2473]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\([A-Za-z0-9]{1,4}\))[ \t\u00a0]+\S/u;
const BYLINE =
  /^(?:[Bb]y|BY|(?:Written|Posted|Reporting|Reported|Story|Words|Text|Interview|Edited|Editing|Compiled) by)[ \t\u00a0]+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|the|a|an)\b)\p{Lu}/u;
const CAPTION =
  /^(?:(?:file |main |top |header |featured |cover )?(?:image|images|photo|photos|photograph|picture|pictures|illustration|graphic|video|credit|caption|source|pictured)(?: credits?| source| by)?[ \t\u00a0]*[:|–—-]|(?:photo|image|picture|illustration) by\b)/iu;
/** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
const TERMINAL = /[.!?…]["'”’»)\]]*$/u;
/** A line that ends like this cannot be a title: it ends a sentence or a clause. */
const NOT_TITLE_END = /[.!?…:;,]["'”’»)\]]*$/u;
/** Titles of people: a line ending in one continues on the next line. */
const TITLE_ABBREVIATION_END = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Hon|St)\.$/;
/** A sentence ends inside the line: it is prose, not a title. */
const INNER_SENTENCE_END = /\p{Ll}{2}[.!?]["'”’)\]]*\s+["'“‘(]?\p{Lu}/u;
const FUNCTION_WORD_END = /\b(?:of|and|or|the|a|an|to|for|in|on|at|by|with|from|as|that|which|who|its|their|our|his|her)$/i;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;
/** End-anchored patterns only look at a line's last characters: regexes scan from the start. */
const TAIL = 32;
/** A title longer than this is prose. */
const TITLE_MAX_CHARS = 160;
const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'nor',
  'but',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'with',
  'from',
  'as',
  'vs',
  'vs.',
  'via',
  'into',
  'onto',
  'over',
  'per',
  'is',
  'are',
]);

/** A lone line at most this many words long without final punctuation is a heading. */
const LONE_TITLE_MAX_WORDS = 20;
/** Between other lines, a line must be shorter to be one: it may be an unfinished sentence. */
const INNER_HEADLINE_MAX_WORDS = 14;
/** Inside a paragraph, a title must be shorter: wrapped lines are usually longer. A run of
 * capitalised words this long is a headline ("SEC Charges Acme and Its Former CISO Over …"):
 * prose never capitalises so many words in a row. */
const INNER_TITLE_MAX_WORDS = 20;
/**
 * A line without final punctuation beside another such line (a headline over its deck, a
 * list of linked headlines) may be this long: a news deck runs to 25 words or so, and
 * prose that breaks its lines ends the last of them with punctuation.
 */
const HEADLINE_PAIR_MAX_WORDS = 30;
/**
 * An unpunctuated line this short, followed by a line that starts with a capital, ends a
 * block: a label, a heading or a date line above text ("What we have agreed to do",
 * "March 14, 2025"), as web pages copied to text are laid out. Hard-wrapped prose breaks
 * its lines near a fixed width (60–80 characters), so its lines are longer than this
 * unless the next word is very long.
 */
const SHORT_UNTERMINATED_MAX_CHARS = 48;
const SHORT_UNTERMINATED_MAX_WORDS = 8;
/** Separators of a menu or breadcrumb line, and how many make one. */
const CHROME_SEPARATOR = /\s(?:\||\/|›|»|>|·)\s/g;
const CHROME_MIN_SEPARATORS = 2;
/** Words in one item of a menu or breadcrumb. */
const CHROME_ITEM_MAX_WORDS = 5;
const SHORT_LINE_MAX_WORDS = 16;
const CAPTION_MAX_WORDS = 14;

function isSpace(c: number): boolean {
  // ASCII whitespace, NBSP, BOM, and the Unicode spaces; line breaks are handled apart.
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

function tail(s: string): string {
  return s.length > TAIL ? s.slice(s.length - TAIL) : s;
}

function wordCount(s: string): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(s) !== null) n++;
  return n;
}

/** Title Case or ALL CAPS: every word that carries meaning starts with a capital or digit. */
function looksLikeTitle(s: string): boolean {
  if (s.length > TITLE_MAX_CHARS) return false;
  const end = tail(s);
  if (NOT_TITLE_END.test(end) || FUNCTION_WORD_END.test(end)) return false;
  WORD.lastIndex = 0;
  let words = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(s)) !== null) {
    words++;
    if (words > INNER_TITLE_MAX_WORDS) return false;
    const w = m[0];
    const first = w.charAt(0);
    if (first.toLowerCase() !== first || (first >= '0' && first <= '9')) continue;
    if (words > 1 && SMALL_WORDS.has(w.toLowerCase())) continue;
    return false;
  }
  return words > 0;
}

/** First letters of the words that open a byline or a caption (a cheap test before the patterns). */
const BYLINE_INITIALS = new Set('BbWPRSTIEC');
const CAPTION_INITIALS = new Set('FfMmTtHhCcIiPpVvSsGg');

function classifyLine(s: string): LineKind {
  const c = s.charCodeAt(0);
  const upper = c >= 0x41 && c <= 0x5a;
  if (!upper) {
    if (c === 0x23 && ATX.test(s)) return 'atx';
    if (SETEXT_UNDERLINE.test(s)) return 'setext';
    if (THEMATIC.test(s)) return 'rule';
    const lower = c >= 0x61 && c <= 0x7a;
    if (!lower && !(c >= 0x30 && c <= 0x39) && !HAS_WORD_CHAR.test(s)) return 'rule';
    // Bullets start with a symbol, a digit, "(" or a lower-case letter: never A–Z.
    if (BULLET.test(s)) return 'bullet';
  }
  const first = s.charAt(0);
  if (BYLINE_INITIALS.has(first) && BYLINE.test(s) && !TERMINAL.test(tail(s)) && wordCount(s) <= SHORT_LINE_MAX_WORDS) {
    return 'byline';
  }
  if (CAPTION_INITIALS.has(first) && CAPTION.test(s) && (s.endsWith('|') || wordCount(s) <= CAPTION_MAX_WORDS)) {
    return 'caption';
  }
  // Before titles: "Home / Newsroom / Enforcement" is Title Case too.
  if (isChrome(s)) return 'chrome';
  if (looksLikeTitle(s)) return 'title';
  return 'text';
}

/**
 * A menu, breadcrumb or cookie bar: short items separated by " | ", " / ", " › " or " · ",
 * not ending a sentence. A Markdown table row starts with "|" and is not one.
 */
function isChrome(s: string): boolean {
  if (s.charCodeAt(0) === 0x7c || TERMINAL.test(tail(s))) return false;
  CHROME_SEPARATOR.lastIndex = 0;
  let separators = 0;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = CHROME_SEPARATOR.exec(s)) !== null) {
    if (wordCount(s.slice(from, m.index)) > CHROME_ITEM_MAX_WORDS) return false;
    separators++;
    from = m.index + m[0].length;
  }
  return separators >= CHROME_MIN_SEPARATORS;
}

const OTHER_LINE_BREAKS = /[\r\u2028\u2029\u0085]/;

/** The lines of text[from, to): `from` and `to` may cut a line, whose piece is then a line of its own. */
function scanLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let i = from;
  const n = to;
  // Most texts break lines with LF alone: then indexOf finds line ends far faster.
  const lfOnly = !OTHER_LINE_BREAKS.test(from === 0 && to === text.length ? text : text.slice(from, to));
  while (i <= n) {
    const ls = i;
    if (lfOnly) {
      const lf = text.indexOf('\n', i);
      i = lf < 0 || lf > n ? n : lf;
    } else {
      while (i < n && !isLineBreak(text.charCodeAt(i))) i++;
    }
    const le = i;
    let cs = ls;
    while (cs < le && isSpace(text.charCodeAt(cs))) cs++;
    let ce = le;
    while (ce > cs && isSpace(text.charCodeAt(ce - 1))) ce--;
    lines.push({ cs, ce, ls, kind: cs < ce ? classifyLine(text.slice(cs, ce)) : 'text' });
    if (i >= n) break;
    // CRLF is one break.
    i += text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a && i + 1 < n ? 2 : 1;
  }
  return lines;
}

function isBlank(line: Line): boolean {
  return line.cs === line.ce;
}

function isIndented(line: Line): boolean {
  return line.cs - line.ls >= 2;
}

function startsLowercase(text: string, line: Line): boolean {
  const c = text.charAt(line.cs);
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/** Lines whose kind makes them a block of their own. */
const STANDALONE: ReadonlySet<LineKind> = new Set<LineKind>(['atx', 'rule', 'byline', 'caption', 'title', 'chrome']);

/** Whether a line break between two adjacent non-blank lines starts a new block. */
function breaksBetween(text: string, prev: Line, next: Line, prevBlockKind: LineKind, after: Line | undefined): boolean {
  if (next.kind === 'setext') return prev.kind !== 'text' && prev.kind !== 'title';
  if (prev.kind === 'setext') return true;
  if (STANDALONE.has(prev.kind) || STANDALONE.has(next.kind)) return true;
  if (next.kind === 'bullet') return true;
  if (prevBlockKind === 'bullet') {
    // A bullet item runs on over indented or lower-case lines (hard wrap).
    return !(isIndented(next) || startsLowercase(text, next));
  }
  const prevText = text.slice(Math.max(prev.cs, prev.ce - TAIL), prev.ce);
  if (TITLE_ABBREVIATION_END.test(prevText)) return false;
  if (!TERMINAL.test(prevText)) {
    if (!startsCapitalOrDigit(text, next)) return false;
    if (isShortLabel(text, prev, prevText)) return true;
    // Lines that each start with a capital and stop without punctuation, as headlines,
    // lists of links and labels do. Hard-wrapped prose goes on in lower case on most
    // lines, so three capitalised line starts in a row (or two before a blank line) are
    // rare there.
    return (
      startsCapitalOrDigit(text, prev) &&
      !FUNCTION_WORD_END.test(prevText) &&
      !OPEN_END.test(prevText) &&
      (after === undefined || isBlank(after) || startsCapitalOrDigit(text, after))
    );
  }
  return !startsLowercase(text, next);
}

/** An unpunctuated short line that does not stop mid-phrase (see SHORT_UNTERMINATED_MAX_CHARS). */
function isShortLabel(text: string, line: Line, lineTail: string): boolean {
  if (line.ce - line.cs > SHORT_UNTERMINATED_MAX_CHARS) return false;
  if (FUNCTION_WORD_END.test(lineTail) || OPEN_END.test(lineTail)) return false;
  return wordCount(text.slice(line.cs, line.ce)) <= SHORT_UNTERMINATED_MAX_WORDS;
}

/** A line ending like this goes on: a comma, a dash, an opening bracket or quote. */
const OPEN_END = /[,;\-–—([{“‘/&+]$/u;

function startsCapitalOrDigit(text: string, line: Line): boolean {
  const c = text.charAt(line.cs);
  return (c !== c.toLowerCase() && c === c.toUpperCase()) || (c >= '0' && c <= '9') || c === '"' || c === '“';
}

/** A sentence that lost its full stop: it opens with a clause ("On Wednesday, while …, the company"). Headlines do not. */
const OPENING_CLAUSE = /^(?:On|In|At|After|Before|While|When|Since|During|Following|As|Because|Although|Though|Once|Until)\b[^,]{0,60},\s/;

/** A filing's item heading: "Item 1.05 Material Cybersecurity Incidents." */
const FORM_ITEM = /^Item\s+\d{1,2}(?:\.\d{1,2})?[A-Z]?\.?\s+\p{Lu}/u;
const FORM_ITEM_MAX_WORDS = 10;

/** "2. Information we collect" alone between blank lines: a numbered section heading. */
const NUMBERED = /^\d{1,2}(?:\.\d{1,2})*\.?\s/;
const NUMBERED_HEADING_MAX_WORDS = 8;

/** A reference closing a heading: "1. Failure to comply with the rules on cookies (Article 82 of the French Data Protection Act)". */
const CLOSING_REFERENCE = /\s*\([^()\r\n]{1,80}\)\s*$/;

function isNumberedHeading(s: string): boolean {
  if (!NUMBERED.test(s) || NOT_TITLE_END.test(tail(s))) return false;
  return wordCount(s.replace(CLOSING_REFERENCE, '')) <= NUMBERED_HEADING_MAX_WORDS + 1;
}

function blockKind(text: string, run: Line[], first: number, last: number, lone: boolean): BlockKind {
  const head = run[first] as Line;
  if (last > first && (run[last] as Line).kind === 'setext') return 'heading';
  switch (head.kind) {
    case 'atx':
    case 'title':
      return 'heading';
    case 'rule':
    case 'setext':
      return 'rule';
    case 'byline':
      return 'byline';
    case 'caption':
      return 'caption';
    case 'chrome':
      return 'chrome';
    case 'bullet':
      return lone && first === last && isNumberedHeading(text.slice(head.cs, head.ce)) ? 'heading' : 'bullet';
    case 'text':
      break;
  }
  if (first === last) {
    // One line without final punctuation: a heading, a headline, a label or a link (a
    // lone one may be longer). A Markdown table row is text.
    const s = text.slice(head.cs, head.ce);
    if (FORM_ITEM.test(s) && wordCount(s) <= FORM_ITEM_MAX_WORDS) return 'heading';
    if (
      s.charCodeAt(0) !== 0x7c &&
      s.length <= TITLE_MAX_CHARS &&
      !NOT_TITLE_END.test(tail(s)) &&
      !INNER_SENTENCE_END.test(s) &&
      !OPENING_CLAUSE.test(s) &&
      wordCount(s) <=
        (lone ? LONE_TITLE_MAX_WORDS : unterminatedBeside(text, run, first) ? HEADLINE_PAIR_MAX_WORDS : INNER_HEADLINE_MAX_WORDS)
    ) {
      return 'heading';
    }
  }
  return 'paragraph';
}

/** Whether the line before or after run[at], in the same run of lines, is text without final punctuation. */
function unterminatedBeside(text: string, run: readonly Line[], at: number): boolean {
  const unterminated = (line: Line | undefined): boolean =>
    line !== undefined &&
    !isBlank(line) &&
    (line.kind === 'text' || line.kind === 'title') &&
    !NOT_TITLE_END.test(tail(text.slice(line.cs, line.ce)));
  return unterminated(run[at - 1]) || unterminated(run[at + 1]);
}

/**
 * Splits `text` into blocks that tile it. Paragraphs are separated by blank lines;
 * headings (Markdown `#` and setext, Title Case or ALL CAPS lines, a lone line without
 * final punctuation), bullet items, bylines, captions and rules are blocks of their
 * own; lines of a paragraph that end a sentence and are followed by a capitalised line
 * (one paragraph per line, as in wire copy) are blocks of their own too. CRLF, CR, a
 * BOM and NBSP are whitespace.
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  splitRange(text, 0, text.length, blocks);
  return blocks;
}

/** A line of spaces or tabs between two line feeds: blank to splitBlocks too. */
const BLANK_LINE = /\n[ \t]*\r?\n/g;

/**
 * splitBlocks(text), about `stepChars` of text at a time, yielding in between (the
 * editor's first pass over a large document gives the event loop back). The text is cut
 * only where a run of lines starts after a blank line, so each piece is split as the
 * whole text would be (the property tests hold it to splitBlocks).
 */
export function* splitBlocksInSteps(text: string, stepChars: number): Generator<void, Block[], void> {
  const blocks: Block[] = [];
  for (let from = 0; from < text.length;) {
    let to = text.length;
    BLANK_LINE.lastIndex = Math.max(from, Math.min(text.length, from + stepChars));
    const m = BLANK_LINE.exec(text);
    if (m) {
      to = m.index + m[0].length;
      while (to < text.length && (isSpace(text.charCodeAt(to)) || isLineBreak(text.charCodeAt(to)))) to++;
    }
    splitRange(text, from, to, blocks);
    from = to;
    if (from < text.length) yield;
  }
  return blocks;
}

/**
 * The blocks of text[from, to) appended to `out`, blank ones included. `from` and `to`
 * must not cut a run of non-blank lines: each is 0, the text's end, or a position in
 * whitespace next to a blank line, so that the runs in between are split as splitBlocks
 * splits them in the whole text.
 */
function splitRange(text: string, from: number, to: number, out: Block[]): void {
  const lines = scanLines(text, from, to);
  let pos = from;
  const emit = (start: number, end: number, kind: BlockKind): void => {
    if (start > pos) out.push({ start: pos, end: start, text: text.slice(pos, start), kind: 'blank' });
    out.push({ start, end, text: text.slice(start, end), kind });
    pos = end;
  };

  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i] as Line)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && !isBlank(lines[j + 1] as Line)) j++;
    // lines[i..j] is a run of non-blank lines; cut it where breaksBetween says so.
    const lone = i === j;
    let first = i;
    let blockHead: LineKind = (lines[i] as Line).kind;
    for (let k = i; k <= j; k++) {
      const atEnd = k === j || breaksBetween(text, lines[k] as Line, lines[k + 1] as Line, blockHead, lines[k + 2]);
      if (!atEnd) continue;
      // A line is lone between blank lines, or between site furniture and a blank line (a
      // headline under a menu bar).
      const apart =
        lone ||
        (first === k &&
          (first === i || STANDALONE.has((lines[first - 1] as Line).kind)) &&
          (k === j || STANDALONE.has((lines[k + 1] as Line).kind)));
      emit((lines[first] as Line).cs, (lines[k] as Line).ce, blockKind(text, lines, first, k, apart));
      first = k + 1;
      if (first <= j) blockHead = (lines[first] as Line).kind;
    }
    i = j + 1;
  }
  if (pos < to) out.push({ start: pos, end: to, text: text.slice(pos, to), kind: 'blank' });
}

/** Where an edited text differs from the text before: [start, oldEnd) became [start, newEnd). */
export interface TextSpanChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export interface Resplit {
  /** splitBlocks of the new text. */
  blocks: Block[];
  /**
   * blocks[from, to) are new; they replace the old blocks [from, oldTo). The blocks before
   * `from` are the old ones (the same objects), those from `to` on are the old ones from
   * `oldTo` on, moved by the edit's length (same text and kind).
   */
  from: number;
  to: number;
  oldTo: number;
}

/** Line breaks in a blank block, CRLF counting as one. */
function breaksIn(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLineBreak(c) && !(c === 0x0d && s.charCodeAt(i + 1) === 0x0a)) n++;
  }
  return n;
}

/**
 * Whether blocks[i] is a content block that starts a run of non-blank lines: the first
 * content block, or one after a blank block holding a blank line (two line breaks). A
 * run's blocks depend on its own lines only, so splitting can start again there.
 */
function startsRun(blocks: readonly Block[], i: number): boolean {
  const b = blocks[i] as Block;
  if (b.kind === 'blank') return false;
  if (i === 0) return true;
  const before = blocks[i - 1] as Block;
  return before.kind === 'blank' && (i === 1 || breaksIn(before.text) >= 2);
}

/** Whether blocks[i] is a content block after a blank block that holds a blank line. */
function afterBlankLine(blocks: readonly Block[], i: number): boolean {
  const before = blocks[i - 1];
  return i >= 1 && (blocks[i] as Block).kind !== 'blank' && before?.kind === 'blank' && breaksIn(before.text) >= 2;
}

/** Index of the last block starting at or before `pos` (0 when none does). */
export function blockAt(blocks: readonly Block[], pos: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((blocks[mid] as Block).start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * splitBlocks(text) for a text that differs from the one `old` was split from only by
 * `change`, splitting again just the runs of lines the change touched: from the last run
 * that starts at or before the change (its blank line untouched) to the first run whose
 * blank line lies wholly after it. The rest is taken from `old`, moved by the change's
 * length. Exactly what splitBlocks gives (the property tests hold it to that).
 */
export function resplitBlocks(old: readonly Block[], text: string, change: TextSpanChange): Resplit {
  const delta = change.newEnd - change.oldEnd;
  if (old.length === 0) {
    const blocks = splitBlocks(text);
    return { blocks, from: 0, to: blocks.length, oldTo: 0 };
  }
  // The left anchor: a run start at or before the change; the blocks before the blank
  // block in front of it stay as they are.
  let left = blockAt(old, change.start);
  while (left > 0 && !(startsRun(old, left) && (old[left] as Block).start <= change.start)) left--;
  const keep = left <= 1 ? 0 : left - 1;
  const from = keep === 0 ? 0 : (old[keep - 1] as Block).end;
  // The right anchor: the first run start whose blank block begins at or after the
  // change's old end, so that blank line is in the unchanged tail of both texts.
  let right = blockAt(old, change.oldEnd);
  while (right < old.length && !(afterBlankLine(old, right) && (old[right - 1] as Block).start >= change.oldEnd)) right++;
  const to = right < old.length ? (old[right] as Block).start + delta : text.length;
  const blocks: Block[] = old.slice(0, keep);
  splitRange(text, from, to, blocks);
  const newTo = blocks.length;
  for (let i = right; i < old.length; i++) {
    const b = old[i] as Block;
    blocks.push(delta === 0 ? b : { start: b.start + delta, end: b.end + delta, text: b.text, kind: b.kind });
  }
  return { blocks, from: keep, to: newTo, oldTo: right };
}
