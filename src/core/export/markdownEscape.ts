// Escaping text for the Markdown report so it renders as exactly what it says, and nothing
// more: a backslash goes only before a character that would otherwise start or end
// something (emphasis, a link, a code span, HTML, an entity, a list, a heading, a table
// column), judged by CommonMark's rules in the place the text is put. File names such as
// `000_f02a.txt` and dates such as `2024-06-10` are written as they are.
//
// Each context is one line: line breaks become spaces (callers that keep lines split
// first), and spaces at either end are dropped, as Markdown drops them when rendering.

/**
 * Where the text goes:
 * - `inline`: inside a line Marginalia starts (a list item's fields, a sentence);
 * - `heading`: the text of an ATX heading (`## TEXT`);
 * - `table-cell`: a GFM table cell (`| TEXT |`);
 * - `line`: the start of a block's line, as each quoted line after `> ` is.
 */
export type MarkdownContext = 'inline' | 'heading' | 'table-cell' | 'line';

const WHITESPACE = /\s/u;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** An entity or numeric character reference, which Markdown would decode (`&amp;`, `&#35;`). */
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;
/** A GitHub emoji shortcode (`:smile:`), shown as a picture there. */
const SHORTCODE = /^:[a-z0-9_+-]+:/;

function isWhitespace(c: string | undefined): boolean {
  return c !== undefined && WHITESPACE.test(c);
}

function isAlphanumeric(c: string | undefined): boolean {
  return c !== undefined && ALPHANUMERIC.test(c);
}

/**
 * Whether a run of `*`, `_` or `~` can open or close emphasis (or strikethrough). A run
 * with whitespace on both sides can do neither, and so can an `_` run inside a word (CommonMark's
 * flanking rules). The ends of the text count as neither, since what is put next to them
 * is not known here.
 */
function runIsInert(c: string, before: string | undefined, after: string | undefined): boolean {
  if (isWhitespace(before) && isWhitespace(after)) return true;
  return c === '_' && isAlphanumeric(before) && isAlphanumeric(after);
}

/**
 * Which characters the inline constructs need escaped; `pipes`: also `|`, which separates
 * table columns (and could make a quoted line with the next one a table).
 */
function inlineEscapes(chars: readonly string[], pipes: boolean): boolean[] {
  const escape = chars.map(() => false);
  for (let i = 0; i < chars.length;) {
    const c = chars[i] as string;
    if (c === '*' || c === '_' || c === '~') {
      let j = i;
      while (chars[j] === c) j++;
      // Every character of the run: an escaped first one would leave the rest a run.
      if (!runIsInert(c, chars[i - 1], chars[j])) for (let k = i; k < j; k++) escape[k] = true;
      i = j;
      continue;
    }
    const next = chars[i + 1];
    const rest = (): string => chars.slice(i, i + 40).join('');
    switch (c) {
      // A backslash escapes the punctuation after it; at the end it could escape ours.
      case '\\':
        escape[i] = next === undefined || ASCII_PUNCTUATION.test(next);
        break;
      // Any backtick could pair with another in the same line, ours included.
      case '`':
        escape[i] = true;
        break;
      // An unmatched `]` is text; escaping every `[` leaves nothing for it to close.
      case '[':
        escape[i] = true;
        break;
      // A tag, a comment or an autolink starts with `<` and a letter, `/`, `!` or `?`.
      case '<':
        escape[i] = next !== undefined && /[A-Za-z/!?]/.test(next);
        break;
      case '&':
        escape[i] = ENTITY.test(rest());
        break;
      case ':':
        escape[i] = SHORTCODE.test(rest());
        break;
      case '|':
        escape[i] = pipes;
        break;
      default:
        break;
    }
    i++;
  }
  return escape;
}

/**
 * The character (code-point index) that makes the start of a line something other than
 * paragraph text: a heading, a quote, a list item, a thematic break, a setext underline,
 * a fence. Escaping it leaves a paragraph.
 */
function lineStartEscape(line: string): number | undefined {
  if (/^#{1,6}(?:[ \t]|$)/.test(line) || line.startsWith('>')) return 0;
  if (/^[-+*](?:[ \t]|$)/.test(line)) return 0;
  if (/^(?:=+|-+)[ \t]*$/.test(line) || /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return 0;
  if (/^~{3,}/.test(line)) return 0;
  const ordered = /^(\d{1,9})[.)](?:[ \t]|$)/.exec(line);
  return ordered === null ? undefined : (ordered[1] as string).length;
}

/**
 * `text` escaped so that, put in `context`, it renders as itself: only the characters
 * that would otherwise change the rendering get a backslash.
 */
export function escapeMarkdown(text: string, context: MarkdownContext = 'inline'): string {
  const line = text.replace(/\r\n|\r|\n/g, ' ').trim();
  const chars = Array.from(line);
  const escape = inlineEscapes(chars, context === 'table-cell' || context === 'line');
  if (context === 'line') {
    const at = lineStartEscape(line);
    if (at !== undefined) escape[at] = true;
  }
  if (context === 'heading') {
    // A heading's closing sequence, `#`s at the end after a space, would be taken off.
    let k = chars.length;
    while (k > 0 && chars[k - 1] === '#') k--;
    if (k < chars.length && (k === 0 || isWhitespace(chars[k - 1]))) escape[k] = true;
  }
  return chars.map((c, i) => (escape[i] === true ? `\\${c}` : c)).join('');
}
