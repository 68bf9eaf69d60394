// Where an annotation's quote lies among a PDF page's text pieces, so the viewer can mark
// it on the page. The text Add Source made differs from the page's pieces in ways a reader
// does not see — words split at a line end with a hyphen, ligatures ("ﬁ"), soft hyphens,
// spaces, a line break — so both are compared as their letters and digits only, case
// folded; each letter remembers the piece and the characters it came from.

/** Characters `from`–`to` (UTF-16, end exclusive) of piece `item`. */
export interface PieceSpan {
  item: number;
  from: number;
  to: number;
}

/** What a search found: the spans on the page, and whether they hold the whole quote or only its start or end. */
export interface QuoteOnPage {
  spans: PieceSpan[];
  part: 'whole' | 'start' | 'end';
}

/** The shortest start or end of a quote that still names a place: fewer letters match anywhere. */
const MIN_PART_LETTERS = 8;

interface Letters {
  text: string;
  /** For each letter of `text`: its piece and the piece's characters it came from. */
  origin: { item: number; from: number; to: number }[];
}

/** A character's letters and digits as compared: compatibility-decomposed (ligatures), marks dropped, lower case. */
function foldChar(ch: string): string {
  return ch
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

function lettersOf(pieces: readonly string[]): Letters {
  let text = '';
  const origin: Letters['origin'] = [];
  pieces.forEach((piece, item) => {
    let i = 0;
    for (const ch of piece) {
      const folded = foldChar(ch);
      for (const letter of folded) {
        text += letter;
        origin.push({ item, from: i, to: i + ch.length });
      }
      i += ch.length;
    }
  });
  return { text, origin };
}

function fold(quote: string): string {
  let out = '';
  for (const ch of quote) out += foldChar(ch);
  return out;
}

/** The letters `start`–`end` of the page as spans of its pieces, one per piece touched. */
function spansOf(letters: Letters, start: number, end: number): PieceSpan[] {
  const spans: PieceSpan[] = [];
  for (let k = start; k < end; k++) {
    const o = letters.origin[k];
    if (o === undefined) continue;
    const last = spans[spans.length - 1];
    if (last !== undefined && last.item === o.item) last.to = Math.max(last.to, o.to);
    else spans.push({ item: o.item, from: o.from, to: o.to });
  }
  return spans;
}

/** The longest n (≥ MIN_PART_LETTERS) for which `found(n)` holds, found holding for every n below one that it holds for. */
function longest(max: number, found: (n: number) => boolean): number | undefined {
  if (max < MIN_PART_LETTERS || !found(MIN_PART_LETTERS)) return undefined;
  let lo = MIN_PART_LETTERS;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (found(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many times the quote, compared as findQuote compares it, occurs in a text (the page's text before an annotation). */
export function occurrencesIn(text: string, quote: string): number {
  const q = fold(quote);
  if (q === '') return 0;
  const t = fold(text);
  let n = 0;
  for (let at = t.indexOf(q); at >= 0; at = t.indexOf(q, at + q.length)) n++;
  return n;
}

/**
 * The quote among a page's pieces: the whole of it where the page has it (its
 * `occurrence`-th time there, counted from 0, or its last where the page has it fewer times); else, for a
 * quote that runs over a page turn, the longest start of it on the page (`'start'`, its
 * last occurrence: the page turns after it, though a running footer may follow) or the
 * longest end of it (`'end'`, its first occurrence), whichever is longer. Undefined where
 * the page has neither, or the quote has no letters.
 */
export function findQuote(pieces: readonly string[], quote: string, occurrence = 0): QuoteOnPage | undefined {
  const q = fold(quote);
  if (q === '') return undefined;
  const letters = lettersOf(pieces);
  // The annotated occurrence of a quote the page repeats ("GDPR"); the last it has where it has fewer.
  let whole = letters.text.indexOf(q);
  for (let n = 0, next = whole; n < occurrence && next >= 0; n++) {
    next = letters.text.indexOf(q, next + q.length);
    if (next >= 0) whole = next;
  }
  if (whole >= 0) return { spans: spansOf(letters, whole, whole + q.length), part: 'whole' };
  const head = longest(q.length - 1, (n) => letters.text.includes(q.slice(0, n)));
  const tail = longest(q.length - 1, (n) => letters.text.includes(q.slice(q.length - n)));
  if (head !== undefined && head >= (tail ?? 0)) {
    const at = letters.text.lastIndexOf(q.slice(0, head));
    return { spans: spansOf(letters, at, at + head), part: 'start' };
  }
  if (tail !== undefined) {
    const at = letters.text.indexOf(q.slice(q.length - tail));
    return { spans: spansOf(letters, at, at + tail), part: 'end' };
  }
  return undefined;
}
