// Keyword in context: every place a phrase or a pattern occurs in a text, with the words
// around it, as concordances show them. The search a researcher types runs over a whole
// corpus in the extension host, so a pattern that could backtrack for ever is refused.
import safeRegex from 'safe-regex2';

export interface CorpusQuery {
  /** A phrase (matched as written, case and spacing aside) or, with `regex`, a pattern. */
  text: string;
  regex?: boolean;
  /** Match case exactly (default: not). */
  caseSensitive?: boolean;
}

export interface Hit {
  /** UTF-16 offsets of the match. */
  start: number;
  end: number;
  /** Up to `context` characters before and after, on the match's line side, whitespace folded. */
  left: string;
  match: string;
  right: string;
  /** 1-based. */
  line: number;
}

/** Hits kept per document: a search that matches everywhere says so rather than listing it all. */
export const MAX_HITS_PER_DOCUMENT = 500;

/**
 * The expression a query searches with, or why it cannot be searched: `/…/` in the text
 * means a pattern too. A phrase matches its words with any whitespace between them.
 */
export function compileQuery(query: CorpusQuery): { ok: true; pattern: RegExp } | { ok: false; reason: string } {
  let text = query.text.trim();
  let regex = query.regex === true;
  let flags = query.caseSensitive === true ? 'gu' : 'giu';
  const slashed = /^\/(.+)\/([imsu]*)$/s.exec(text);
  if (slashed) {
    regex = true;
    text = slashed[1] ?? '';
    if (slashed[2]?.includes('i') === true && !flags.includes('i')) flags += 'i';
  }
  if (text === '') return { ok: false, reason: 'type a phrase or a /pattern/ to find' };
  const source = regex ? text : text.split(/\s+/).map(escapeRegExp).join('\\s+');
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, flags);
  } catch (error) {
    return { ok: false, reason: `the pattern does not compile: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (regex) {
    if (/\\[1-9]|\\k</.test(source)) return { ok: false, reason: 'back-references are not allowed in a corpus search' };
    // A repetition inside a repetition can take exponential time on some text: refused, as for catalog patterns.
    if (!safeRegex(source, { limit: 25 }))
      return { ok: false, reason: 'the pattern nests repetitions and could take for ever on some text; simplify it' };
    if (pattern.test('')) return { ok: false, reason: 'the pattern matches empty text' };
    pattern.lastIndex = 0;
  }
  return { ok: true, pattern };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function fold(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Every hit of `pattern` in `text`, in order, at most MAX_HITS_PER_DOCUMENT; `truncated` when there were more. */
export function findHits(text: string, pattern: RegExp, context = 50): { hits: Hit[]; truncated: boolean } {
  const hits: Hit[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let line = 1;
  let counted = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    if (hits.length === MAX_HITS_PER_DOCUMENT) return { hits, truncated: true };
    for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    const start = m.index;
    const end = start + m[0].length;
    hits.push({
      start,
      end,
      left: fold(text.slice(Math.max(0, start - context), start)).trimStart(),
      match: fold(m[0]),
      right: fold(text.slice(end, end + context)).trimEnd(),
      line,
    });
  }
  return { hits, truncated: false };
}
