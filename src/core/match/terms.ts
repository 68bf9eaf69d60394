// A claim's text as the matcher compares it: its words normalised (case, quote marks,
// dashes, Unicode forms), the word trigrams that find copies and edits, and the content
// terms — stems of the words that carry meaning, with near-synonyms folded together — that
// find paraphrases. Written once, so the index and the scoring always agree on a word.
import stem from 'wink-porter2-stemmer';

export interface Token {
  /** As compared: lower case, NFKC, straight quotes. */
  norm: string;
  /** As written, for showing what changed. */
  text: string;
  number: boolean;
}

export interface ClaimFeatures {
  tokens: Token[];
  /** The tokens joined by single spaces: equal for verbatim copies. */
  normalized: string;
  /** Word trigrams (or the words of a claim shorter than three). */
  shingles: Set<string>;
  /** Content terms (stems, synonyms folded), each once. */
  terms: Set<string>;
  /**
   * The terms that pin a statement down: figures, and names (a capitalised word that does
   * not begin the sentence). A journalist rewording a statement changes its words and keeps
   * these; two articles on one topic share words but seldom these.
   */
  anchors: Set<string>;
}

// Words and numbers (4.2, 1,000, 24/7, 2025-06-30, 99.9%), apostrophes inside words kept.
const TOKEN = /\p{N}+(?:[.,/:-]\p{N}+)*%?|[\p{L}\p{M}]+(?:['’][\p{L}]+)*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.normalize('NFKC').matchAll(TOKEN)) {
    const t = m[0];
    out.push({ text: t, norm: t.toLowerCase().replace(/’/g, "'"), number: /^\p{N}/u.test(t) });
  }
  return out;
}

/**
 * Function words, reporting verbs and the hedges of corporate prose: words any two
 * sentences on a topic share, which say nothing about whether they are the same statement.
 */
const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of in on at to for from by with without within into onto over under about above below ' +
    "as than then that this these those there here which who whom whose what when where why how it its it’s it's itself " +
    'we our ours us you your yours they their theirs them he his him she her hers i me my mine be is are was were been being ' +
    'am do does did done doing have has had having will would shall should can could may might must not no nor also just only ' +
    'very more most much many any all each every some such both either neither other another own same too again further once ' +
    'said says say told tell according added stated noted explained wrote claims claimed company companys firm spokesperson ' +
    'statement announced today yesterday week year years month months new now still even well however while because if ' +
    'post blog wrote writes according spokesman spokeswoman chief officer executive ceo cto ciso director head vice president'
  ).split(/\s+/),
);

/**
 * Near-synonyms of the domain folded to one term, stem to stem: a paraphrase changes words
 * like these while keeping the statement. Kept short on purpose: each pair here also makes
 * two unrelated sentences on the same topic look closer.
 */
const SYNONYMS: Record<string, string> = {};
for (const group of [
  ['user', 'peopl', 'custom', 'consum', 'client', 'individu'],
  ['safe', 'safer', 'safeti'],
  ['team', 'staff', 'employe', 'personnel'],
  ['constant', 'continu', 'continuous', 'alway', 'clock', 'nonstop'],
  ['ensur', 'guarante', 'keep', 'make'],
  ['protect', 'safeguard', 'shield', 'defend'],
  ['complet', 'finish', 'achiev', 'attain'],
  ['start', 'begin', 'began', 'launch', 'commenc', 'introduc', 'roll'],
  ['stop', 'block', 'prevent', 'thwart'],
  ['attack', 'attempt', 'intrus'],
  ['breach', 'incid', 'compromis'],
  ['data', 'inform', 'record'],
  ['sell', 'sold', 'monetis', 'monet'],
  ['quarter', 'three-month'],
  ['million', 'm'],
  ['independ', 'extern', 'third-parti'],
  ['audit', 'assess', 'review', 'examin'],
  ['fix', 'patch', 'remedi', 'resolv'],
  ['hire', 'recruit', 'employ'],
  ['invest', 'spend', 'commit'],
  ['notifi', 'alert', 'tell', 'told'],
]) {
  for (const word of group) SYNONYMS[word] ??= group[0] as string;
}

/** Small numbers as words, so "two days" and "2 days" share a figure. */
const NUMBER_WORDS: Record<string, string> = {
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  twelve: '12',
  twice: '2',
  double: '2',
  doubled: '2',
};

/** A word's term: its stem, folded with its near-synonyms; undefined for a function word. */
export function termOf(token: Token): string | undefined {
  if (token.number) return token.norm.replace(/,/g, '');
  const spelled = NUMBER_WORDS[token.norm];
  if (spelled !== undefined) return spelled;
  const word = token.norm.replace(/'s$/, '');
  if (word.length < 2 || STOPWORDS.has(word)) return undefined;
  const stemmed = stem(word);
  return SYNONYMS[stemmed] ?? stemmed;
}

/**
 * Whether a token pins the statement down rather than its topic: a figure that is not a
 * year, a single digit or a standard's number (ISO 27001, SOC 2), or a capitalised word
 * that does not begin the sentence and is not an acronym (ISO, GDPR, FTC name the topic).
 */
function isAnchor(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.number) {
    const previous = tokens[i - 1];
    const acronymBefore = previous !== undefined && /^\p{Lu}{2,}$/u.test(previous.text);
    return !/^(?:1[89]|20)\d\d$/.test(t.norm) && !/^\d$/.test(t.norm) && !acronymBefore;
  }
  return i > 0 && /^\p{Lu}/u.test(t.text) && !/^\p{Lu}{2,}$/u.test(t.text);
}

export function featuresOf(text: string): ClaimFeatures {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.norm);
  const shingles = new Set<string>();
  if (words.length < 3) shingles.add(words.join(' '));
  for (let i = 0; i + 3 <= words.length; i++) shingles.add(`${words[i] ?? ''} ${words[i + 1] ?? ''} ${words[i + 2] ?? ''}`);
  const terms = new Set<string>();
  const anchors = new Set<string>();
  tokens.forEach((t, i) => {
    const term = termOf(t);
    if (term === undefined) return;
    terms.add(term);
    if (isAnchor(tokens, i)) anchors.add(term);
  });
  return { tokens, normalized: words.join(' '), shingles, terms, anchors };
}
