// Sentence spans within one block. Intl.Segmenter does the segmentation, called per
// block: over a whole document it is quadratic in Node 20 (18 s on 1 MB against 39 ms
// paragraph by paragraph), and a block longer than a few KB (a document with no blank
// lines) is cut into windows for the same reason. Then three repairs for news text: it
// splits after abbreviations and initials ("Mr.", "D.C.", "V. Jay"), it does not split
// sentences glued without a space ("for now.Everyday"), and its spans keep trailing
// whitespace.

import type { Span } from '../model';

export interface Sentence extends Span {
  text: string;
}

let segmenter: Intl.Segmenter | undefined;

function sentenceSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return segmenter;
}

/** Abbreviations that never end a sentence: titles before a name. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'sen',
  'sens',
  'rep',
  'reps',
  'gov',
  'gen',
  'lt',
  'col',
  'capt',
  'cpt',
  'sgt',
  'cmdr',
  'adm',
  'maj',
  'rev',
  'hon',
  'pres',
  'supt',
  'messrs',
  'mt',
  'ft',
]);

/** Abbreviations that end a sentence only when a number does not follow. */
const BEFORE_NUMBERS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'no',
  'nos',
  'vol',
  'fig',
  'figs',
  'p',
  'pp',
  'para',
  // Greek and other translated citations: "article 83 par. 2 GDPR".
  'par',
  'art',
  'sec',
  'ch',
  'op',
  'ref',
  'est',
  // Statute citations: "G.L. c. 93H", "Wis. Stat. § 134.98".
  'c',
  'stat',
  'stats',
]);

/**
 * Abbreviations that may end a sentence ("in Washington, D.C. Our goal"): they do only
 * when a word that typically opens a sentence follows. Initialisms with inner dots
 * ("u.s", "d.c") are recognised by shape.
 */
const AMBIGUOUS = new Set([
  'corp',
  'inc',
  'co',
  'ltd',
  'llc',
  'plc',
  'bros',
  'jr',
  'sr',
  'st',
  'ave',
  // Spanish and Portuguese addresses: "Av. Isidora Goyenechea 3162".
  'av',
  'blvd',
  'rd',
  'dept',
  'univ',
  'assn',
  'intl',
  'govt',
  'etc',
  'vs',
  'v',
  'approx',
  'cf',
  'al',
  // States as statute citations abbreviate them ("Wis. Stat.", "Mass. Gen. Laws").
  'wis',
  'mass',
  'cal',
  'tex',
  'fla',
  'ill',
  'mich',
  'minn',
  'conn',
  'ariz',
  'colo',
  'wash',
  'pub',
  'ann',
  'reg',
  'regs',
]);

/** Words that open sentences; after an ambiguous abbreviation they mean a new sentence. */
const SENTENCE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'our',
  'his',
  'her',
  'their',
  'my',
  'your',
  'in',
  'on',
  'at',
  'as',
  'after',
  'before',
  'but',
  'and',
  'or',
  'so',
  'yet',
  'however',
  'meanwhile',
  'both',
  'all',
  'some',
  'many',
  'most',
  'each',
  'every',
  'no',
  'there',
  'here',
  'when',
  'while',
  'if',
  'although',
  'though',
  'because',
  'since',
  'according',
  'for',
  'with',
  'without',
  'from',
  'by',
  'to',
  'under',
  'over',
  'during',
  'also',
  'still',
  'then',
  'now',
  'today',
  'yesterday',
  'last',
  'next',
  'what',
  'why',
  'how',
  'who',
  'where',
  'which',
  'such',
  'other',
  'another',
  'not',
  'only',
  'even',
  'further',
  'additionally',
  'moreover',
  'instead',
  'finally',
  'first',
  'second',
  'third',
  'separately',
  'earlier',
  'later',
  'once',
  'until',
  'despite',
  'among',
  'against',
  'thus',
  'therefore',
  'unlike',
  'like',
  'more',
  'one',
  'two',
  'three',
  'several',
  'few',
]);

/** The first word of a segment, after opening quotes and brackets. */
const FIRST_WORD = /^\s*["'“‘([]*([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u;
/** Two lower-case letters or digits, sentence punctuation, then a capitalised word: "now.Everyday". */
const GLUED = /(?<![A-Za-z0-9./@:_-])[A-Za-z0-9'’-]*[a-z0-9]{2}[.!?]+(?=[A-Z][a-z]+(?:[\s,;:'’]|$))/g;
/** Cheap test for GLUED. */
const MAYBE_GLUED = /[a-z0-9][.!?][A-Z]/;
/** Leading material that is not part of the sentence: bullets, emoji (not © ® ™, which mean something). */
const LEADING_JUNK =
  /^(?:[\s\uFEFF•◦▪▫‣⁃●○■□►▸▹➢➤✓✔☐☑·\u2460-\u2473]|(?![\u00a9\u00ae\u2122])\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D)+/u;
const LIST_MARKER = /^(?:#{1,6}|[-*+–—]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\([A-Za-z0-9]{1,4}\))[ \t\u00a0]+/;
const BRACKETED_ITEM = /^\((?:[a-z]|[ivx]{1,4}|\d{1,3})\)[ \t\u00a0]+/;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const LINE_BREAKS = /[\r\n\u2028\u2029\u0085]/g;

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x85 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isClosingPunctuation(c: number): boolean {
  // " ' ” ’ ) ]
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** Starts a sentence as is: nothing to strip before it. */
function isCleanStart(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x22 || c === 0x201c || c === 0x2018 || c === 0x27 || c === 0x28;
}

/**
 * The word before the full stop that ends `input[from, end)`, dots inside it included
 * ("D.C", "Corp", "V"), or undefined when the segment does not end in a full stop.
 */
function abbreviationBefore(input: string, from: number, end: number): string | undefined {
  let i = end - 1;
  while (i >= from && isSpace(input.charCodeAt(i))) i--;
  while (i >= from && isClosingPunctuation(input.charCodeAt(i))) i--;
  if (i < from || input.charCodeAt(i) !== 0x2e) return undefined;
  const dot = i;
  i--;
  while (i >= from && dot - i <= 12) {
    const c = input.charCodeAt(i);
    if (!(isAsciiAlnum(c) || c === 0x2e)) break;
    i--;
  }
  return dot - i > 1 ? input.slice(i + 1, dot) : undefined;
}

function isInitialism(token: string): boolean {
  // "U.S", "D.C", "e.g": letters with a dot between each.
  if (token.length < 3) return false;
  for (let i = 0; i < token.length; i++) {
    const dot = token.charCodeAt(i) === 0x2e;
    if ((i % 2 === 1) !== dot) return false;
  }
  return true;
}

/** Whether the segment ending in an abbreviation `token` continues into the one at `pos`. */
function continuesAfter(token: string, input: string, pos: number): boolean {
  const lower = token.toLowerCase();
  const initial = token.length === 1 && token >= 'A' && token <= 'Z';
  if (!(TITLES.has(lower) || BEFORE_NUMBERS.has(lower) || initial || AMBIGUOUS.has(lower) || isInitialism(token))) {
    return false;
  }
  // A section sign counts as a number: "Stat. § 134.98".
  if (BEFORE_NUMBERS.has(lower) && /^\s*§/.test(input.slice(pos, pos + 4))) return true;
  // No sentence opens with a section or paragraph sign or an ampersand: "18 C.F.R. §
  // 39.7(e)", "FERC Stats. & Regs. ¶ 31,204".
  if (/^\s*[§¶&]/.test(input.slice(pos, pos + 4))) return true;
  const first = FIRST_WORD.exec(input.slice(pos, pos + FIRST_WORD_WINDOW));
  if (first === null) return false;
  const word = first[1] as string;
  const c = word.charCodeAt(0);
  const startsWithDigit = c >= 0x30 && c <= 0x39;
  const lowerCase = word.charAt(0) !== word.charAt(0).toUpperCase();
  if (TITLES.has(lower)) return true;
  if (BEFORE_NUMBERS.has(lower)) return startsWithDigit;
  // "V. Jay" goes on; "Plan B. The" ends.
  if (initial) return !lowerCase && !SENTENCE_OPENERS.has(word.toLowerCase());
  return startsWithDigit || lowerCase || !SENTENCE_OPENERS.has(word.toLowerCase());
}

/**
 * Intl.Segmenter slows down more than linearly on long inputs (a 400 KB paragraph takes
 * most of a minute), so a long block is segmented in windows of about this many code
 * units, each cut just after a sentence-final mark where there is one.
 */
const SEGMENT_WINDOW = 4096;
/** How much of the next segment is enough to read its first word. */
const FIRST_WORD_WINDOW = 64;
/** A full stop, question or exclamation mark, closing quotes, then whitespace. */
const STOP_THEN_SPACE = /[.!?…]["'”’)\]]*\s+/g;

/** Appends where sentences start (other than at 0) in `input`, segmenting window by window. */
function segmentInWindows(input: string, starts: number[]): void {
  const segmenter = sentenceSegmenter();
  let from = 0;
  while (from < input.length) {
    let to = input.length;
    if (to - from > SEGMENT_WINDOW) {
      to = windowEnd(input, from + (SEGMENT_WINDOW >> 1), from + SEGMENT_WINDOW);
    }
    const part = from === 0 && to === input.length ? input : input.slice(from, to);
    const segments = segmenter.segment(part);
    let pos = 0;
    while (pos < part.length) {
      const seg = segments.containing(pos);
      if (seg === undefined) break;
      if (pos > 0) starts.push(from + pos);
      pos = seg.index + seg.segment.length;
    }
    if (to < input.length) starts.push(to);
    from = to;
  }
}

/** Closing punctuation in ASCII, as Unicode's sentence-break rules class it (Close). */
function isAsciiClose(c: number): boolean {
  // " ' ( ) [ ] { }
  return c === 0x22 || c === 0x27 || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

/**
 * Where sentences start (other than at 0) in a short printable-ASCII text, by the
 * Unicode sentence-break rules the segmenter follows (UAX #29 SB6-SB11), in the common
 * cases only; false, having appended nothing, when the text has anything else, and then
 * the segmenter decides. Much cheaper than the segmenter on ordinary prose.
 */
function asciiStarts(input: string, starts: number[]): boolean {
  const n = input.length;
  if (n > SEGMENT_WINDOW) return false;
  const mark = starts.length;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) {
      starts.length = mark;
      return false;
    }
    if (c !== 0x2e && c !== 0x21 && c !== 0x3f) continue;
    // A run of terminators; the last one says whether it is a full stop (ATerm) or not.
    let j = i + 1;
    while (j < n) {
      const d = input.charCodeAt(j);
      if (d !== 0x2e && d !== 0x21 && d !== 0x3f) break;
      j++;
    }
    const aterm = input.charCodeAt(j - 1) === 0x2e;
    const end = j;
    while (j < n && isAsciiClose(input.charCodeAt(j))) j++;
    while (j < n && input.charCodeAt(j) === 0x20) j++;
    i = j - 1;
    if (j >= n) continue;
    const next = input.charCodeAt(j);
    if (j === end) {
      // Nothing between the mark and what follows: "2.0" and "e.g" go on; the rest is left to the segmenter.
      if (aterm && ((next >= 0x30 && next <= 0x39) || (next >= 0x61 && next <= 0x7a))) continue;
      starts.length = mark;
      return false;
    }
    if (!aterm) {
      if (isAsciiAlnum(next) || next === 0x22 || next === 0x27 || next === 0x28 || next === 0x5b) {
        starts.push(j);
        continue;
      }
      starts.length = mark;
      return false;
    }
    // After a full stop the sentence goes on if the next letter, past digits, spaces and
    // brackets, is lower case.
    let k = j;
    while (k < n) {
      const d = input.charCodeAt(k);
      if ((d >= 0x61 && d <= 0x7a) || (d >= 0x41 && d <= 0x5a)) break;
      if (!((d >= 0x30 && d <= 0x39) || d === 0x20 || isAsciiClose(d))) {
        starts.length = mark;
        return false;
      }
      k++;
    }
    if (k >= n) {
      starts.length = mark;
      return false;
    }
    const letter = input.charCodeAt(k);
    if (letter >= 0x41 && letter <= 0x5a) starts.push(j);
  }
  return true;
}

/** A place in (lo, hi] to end a window: after the last sentence-final mark, else after a space. */
function windowEnd(input: string, lo: number, hi: number): number {
  let best = -1;
  STOP_THEN_SPACE.lastIndex = lo;
  let m: RegExpExecArray | null;
  while ((m = STOP_THEN_SPACE.exec(input)) !== null && m.index + m[0].length <= hi) best = m.index + m[0].length;
  if (best > lo) return best;
  for (let i = hi; i > lo; i--) if (isSpace(input.charCodeAt(i - 1))) return i;
  return hi;
}

const SENTENCE_STOP = /[.!?…\u3002\uff01\uff1f]/;

/**
 * Whether the text holds no sentence punctuation before its final run: a heading, a
 * bullet item or a one-sentence paragraph, which needs no segmenter.
 */
function isOneSentence(text: string): boolean {
  const first = text.search(SENTENCE_STOP);
  if (first < 0) return true;
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(isSpace(c) || isClosingPunctuation(c) || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026)) return false;
  }
  return true;
}

/**
 * Sentences of one block of text. `base` is added to every offset, so pass the block's
 * start to get document offsets. Spans exclude surrounding whitespace, a leading list
 * marker or emoji, and contain at least one letter or digit. Line breaks inside the
 * block (hard-wrapped text) do not end a sentence.
 */
export function splitSentences(text: string, base = 0): Sentence[] {
  LINE_BREAKS.lastIndex = 0;
  const input = LINE_BREAKS.test(text) ? text.replace(LINE_BREAKS, ' ') : text;
  // Where the segmenter starts a new sentence, then the cuts that survive the repairs.
  const raw: number[] = [];
  if (!isOneSentence(input) && !asciiStarts(input, raw)) segmentInWindows(input, raw);
  const cuts: number[] = [];
  let prevStart = 0;
  for (const pos of raw) {
    // A full stop with nothing after it before the next word ("CPG 1.E", "ID.RA-01") is
    // inside a reference; text glued after a sentence ("for now.Everyday") is GLUED's.
    if (input.charCodeAt(pos - 1) === 0x2e) continue;
    const token = abbreviationBefore(input, prevStart, pos);
    if (token === undefined || !continuesAfter(token, input, pos)) {
      cuts.push(pos);
      prevStart = pos;
    }
  }
  let added = false;
  if (MAYBE_GLUED.test(input)) {
    GLUED.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = GLUED.exec(input)) !== null) {
      cuts.push(m.index + m[0].length);
      added = true;
    }
  }
  if (added) cuts.sort((a, b) => a - b);
  cuts.push(text.length);

  const out: Sentence[] = [];
  let from = 0;
  // Only the block's first sentence can start with a list marker.
  let seenText = false;
  for (const cut of cuts) {
    if (cut <= from) continue;
    let s = from;
    let e = cut;
    from = cut;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    if (s < e && !isCleanStart(text.charCodeAt(s))) {
      const lead = LEADING_JUNK.exec(text.slice(s, Math.min(e, s + 16)));
      if (lead !== null) s += lead[0].length;
      if (!seenText) {
        const marker = LIST_MARKER.exec(text.slice(s, Math.min(e, s + 16)));
        if (marker !== null) s += marker[0].length;
      }
    } else if (!seenText && s < e && isAsciiAlnum(text.charCodeAt(s))) {
      const marker = LIST_MARKER.exec(text.slice(s, Math.min(e, s + 16)));
      if (marker !== null) s += marker[0].length;
    } else if (!seenText && s < e) {
      // "(a) engage a vendor…", "(iv) …": an item letter in brackets, not "(Reuters) -".
      const marker = BRACKETED_ITEM.exec(text.slice(s, Math.min(e, s + 8)));
      if (marker !== null) s += marker[0].length;
    }
    // A marker alone on its line ("-" then a line break): the sentence starts on the next.
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e <= s) continue;
    const sentence = text.slice(s, e);
    if (!isAsciiAlnum(sentence.charCodeAt(0)) && !HAS_WORD_CHAR.test(sentence)) continue;
    seenText = true;
    out.push({ start: base + s, end: base + e, text: sentence });
  }
  return out;
}
