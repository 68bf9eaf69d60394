// Who a sentence attributes its content to, when it says so: "according to X", "X said",
// "…," said X", "reported by X", "it was stated in X". Pronoun speakers ("she remarked")
// are reported as such so the caller can resolve them against the previous sentence.

export interface Attribution {
  /** The speaker as written, with a leading article in lower case ("the letter"). */
  speaker: string;
  /** True when the text only says "he", "she" or "they". */
  pronoun: boolean;
}

/**
 * Reporting verbs. Callers skip attribution for sentences without a `report` cue, so
 * every verb here must also be a trigger of a `report` rule in lexicon.ts.
 */
const REPORT_VERB =
  /\b(?:said|says|say|stated|states|told|tells|announced|announces|explained|explains|noted|notes|added|adds|claimed|claims|wrote|writes|remarked|confirmed|confirms|acknowledged|acknowledges|admitted|admits|denied|denies|recogni[sz]ed|outlined|outlines|informed|informs|reported|reports|argued|argues|insisted|insists|warned|warns|testified|disclosed|discloses|revealed|reveals|emphasi[sz]ed|stressed|asserted|contended|maintained|alleged|alleges|responded|replied|commented|tweeted|declared|promised|pledged|vowed|suggested|predicted|estimated|believes|believed)\b/g;

/** Reporting verbs that are also plural nouns ("the reports", "her notes"). */
const NOUN_TOO: ReadonlySet<string> = new Set(['reports', 'notes', 'claims', 'states', 'comments', 'estimates', 'admits']);
/** Any reporting verb, for a look ahead (REPORT_VERB is global and keeps its place). */
const LATER_REPORT = new RegExp(REPORT_VERB.source);

const ACCORDING_TO = /\baccording\s+to\b/gi;
const BY_AGENT =
  /\b(?:reported|stated|said|announced|confirmed|revealed|disclosed|claimed|written|published|seen|obtained|reviewed)\s+by\b/gi;
const PASSIVE_IN =
  /\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:stated|said|recogni[sz]ed|noted|reported|acknowledged|confirmed|claimed|announced|revealed|disclosed|outlined|explained|written|admitted|conceded)\s+in\b/gi;
const PASSIVE_BARE =
  /\bit\s+(?:was|is|has\s+been)\s+(?:stated|said|recogni[sz]ed|noted|reported|acknowledged|confirmed|claimed|announced|revealed|disclosed|outlined|explained|written|admitted|conceded)\b/i;
const IN_DOCUMENT =
  /^(?:In|Within)\s+((?:a|an|the|its|his|her|their)\s+(?:[\p{L}-]+\s+){0,2}?(?:letter|statement|post|blog\s+post|report|filing|interview|email|memo|note|document|press\s+release|testimony|submission|response|complaint|lawsuit|affidavit|notice))\b/u;

/** A noun phrase right after `pos`, cut before prepositions, clauses and punctuation. */
const NP_AFTER =
  /^\s+((?:(?:a|an|the|its|his|her|their|our)\s+)?(?:[\p{L}\p{N}][\p{L}\p{N}'’.&-]*\s+){0,5}?[\p{L}\p{N}][\p{L}\p{N}'’&-]*(?:\.(?=\p{L}))?[\p{L}\p{N}'’&-]*)(?=[,;:!?"”)]|\.(?:\s|$)|\s+(?:from|on|in|at|to|by|of|dated|seen|published|sent|released|issued|obtained|reviewed|last|this|earlier|which|that|who|when|and|but|for|with|about|said|says|published|citing|after|before|as)\b|\s*$)/u;
/** After a quote and comma, the reporting verb comes first: `," said Jane Doe`. */
const INVERTED_BEFORE = /[,"”]\s*$/;
const NAME_AFTER = /^\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|bin|al|da|del|der|la|le)){0,4})/u;

/** Between a subject and its reporting verb. */
const SKIPPABLE = new Set([
  'has',
  'have',
  'had',
  'also',
  'previously',
  'later',
  'recently',
  'further',
  'earlier',
  'publicly',
  'again',
  'repeatedly',
  'then',
  'separately',
  'subsequently',
  'first',
  'quickly',
  'once',
  'reportedly',
  'allegedly',
  'initially',
  'originally',
  'officially',
  'privately',
  'formally',
  'jointly',
  'already',
  'now',
  'today',
  'yesterday',
  'never',
  'long',
  'since',
  'explicitly',
  'clearly',
  'specifically',
]);

const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their', 'our', 'this', 'that']);

/** Heads of a speaker noun phrase that is not a name. */
const SPEAKER_NOUNS = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'spokespeople',
  'official',
  'officials',
  'executive',
  'executives',
  'representative',
  'representatives',
  'source',
  'sources',
  'person',
  'people',
  'statement',
  'letter',
  'report',
  'post',
  'filing',
  'document',
  'memo',
  'email',
  'lawsuit',
  'complaint',
  'survey',
  'study',
  'analysis',
  'company',
  'firm',
  'group',
  'agency',
  'ministry',
  'department',
  'regulator',
  'regulators',
  'court',
  'judge',
  'lawmaker',
  'lawmakers',
  'senator',
  'senators',
  'researcher',
  'researchers',
  'analyst',
  'analysts',
  'expert',
  'experts',
  'chief',
  'ceo',
  'founder',
  'director',
  'officer',
  'adviser',
  'advisor',
  'aide',
  'engineer',
  'engineers',
  'employee',
  'employees',
  'investigator',
  'investigators',
  'prosecutor',
  'prosecutors',
  'police',
  'government',
  'administration',
  'commission',
  'committee',
  'board',
  'paper',
  'article',
  'newspaper',
  'outlet',
  'platform',
  'app',
  'business',
  'team',
  'blog',
  'site',
  'website',
  'startup',
  'operator',
  'provider',
  'vendor',
  'maker',
  'manager',
  'president',
  'chairman',
  'chairwoman',
  'founders',
  'insider',
  'insiders',
  'user',
  'users',
  'critics',
  'critic',
]);

/** Capitalised at a sentence start, but not part of a name ("As reported by …"). */
const LEADING_FUNCTION_WORDS = new Set([
  'as',
  'in',
  'on',
  'at',
  'after',
  'before',
  'but',
  'and',
  'or',
  'so',
  'if',
  'when',
  'while',
  'since',
  'because',
  'although',
  'however',
  'also',
  'then',
  'for',
  'with',
  'by',
  'from',
  'to',
  'of',
  'meanwhile',
  'separately',
  'additionally',
  'still',
  'yet',
  'earlier',
  'later',
  'first',
  'previously',
]);

const PRONOUNS = new Set(['he', 'she', 'they']);
const NOT_SPEAKERS = new Set(['it', 'we', 'i', 'you', 'this', 'that', 'which', 'who', 'there']);

/** Words naming a role: in "TikTok CEO Shou Zi Chew" the name follows the last one. */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  'ceo',
  'cfo',
  'cto',
  'ciso',
  'coo',
  'cso',
  'chief',
  'officer',
  'president',
  'vice',
  'chairman',
  'chairwoman',
  'chair',
  'director',
  'senator',
  'sen.',
  'rep.',
  'representative',
  'congressman',
  'congresswoman',
  'governor',
  'gov.',
  'secretary',
  'minister',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'founder',
  'co-founder',
  'judge',
  'justice',
  'commissioner',
  'mayor',
  'ambassador',
  'attorney',
  'general',
  'prime',
  'head',
  'executive',
  'manager',
  'analyst',
  'professor',
  'prof.',
  'dr.',
  'mr.',
  'mrs.',
  'ms.',
  'republican',
  'republicans',
  'democrat',
  'democrats',
  'democratic',
  'leader',
  'chancellor',
  'commissioner',
  'lawmaker',
  'researcher',
  'engineer',
  'partner',
]);

/** Connecting words a name may contain ("Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'bin', 'al', 'da', 'del', 'la', 'le', 'du']);

const MAX_MODIFIERS = 4;
/** How far before its verb a subject can start ("Tennessee Senator Marsha Blackburn"). */
const SUBJECT_WINDOW = 80;

function isCapitalised(token: string): boolean {
  const c = token.charAt(0);
  return c !== c.toLowerCase();
}

function isWordToken(token: string): boolean {
  return /^[\p{L}\p{N}]/u.test(token);
}

/** Lower-cases a leading article so "The letter" at a sentence start reads "the letter". */
function normalise(np: string): string {
  const trimmed = /\s\s|[\n\t\u00a0]/.test(np) ? np.trim().replace(/\s+/g, ' ') : np.trim();
  return trimmed.replace(/^(?:A|An|The|Its|His|Her|Their|Our)\s/, (d) => d.toLowerCase());
}

/** "Tennessee Senator Blackburn" → "Blackburn"; a name after the last role word. */
function stripRoles(tokens: string[]): string[] {
  let lastRole = -1;
  tokens.forEach((t, i) => {
    if (ROLE_WORDS.has(t.toLowerCase())) lastRole = i;
  });
  if (lastRole >= 0 && lastRole < tokens.length - 1) {
    const rest = tokens.slice(lastRole + 1);
    if (rest.every((t) => isCapitalised(t) || NAME_PARTICLES.has(t))) return rest;
  }
  return tokens;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200b);
}

function isLetterOrDigit(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f))
  );
}

function isInnerTokenChar(c: number): boolean {
  // ' ’ . & - inside a word ("O’Brien", "U.S.", "AT&T", "Chinese-owned").
  return c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x26 || c === 0x2d;
}

/**
 * Reads a sentence's tokens backwards from an offset without splitting it all: words
 * (starting with a letter or digit, with ' ’ . & - inside) and single punctuation marks.
 */
class BackwardTokens {
  private pos: number;

  constructor(
    private readonly s: string,
    private readonly lo: number,
    end: number,
  ) {
    this.pos = end;
  }

  /** The previous token, or undefined at the start of the window. */
  previous(): string | undefined {
    const s = this.s;
    let e = this.pos;
    while (e > this.lo && isSpace(s.charCodeAt(e - 1))) e--;
    if (e <= this.lo) return undefined;
    const c = s.charCodeAt(e - 1);
    if (!isLetterOrDigit(c) && !isInnerTokenChar(c)) {
      this.pos = e - 1;
      return s.charAt(e - 1);
    }
    let b = e;
    while (b > this.lo && (isLetterOrDigit(s.charCodeAt(b - 1)) || isInnerTokenChar(s.charCodeAt(b - 1)))) b--;
    // A word starts with a letter or digit: leading marks are tokens of their own.
    while (b < e && !isLetterOrDigit(s.charCodeAt(b))) b++;
    if (b === e) {
      this.pos = e - 1;
      return s.charAt(e - 1);
    }
    this.pos = b;
    return s.slice(b, e);
  }
}

const CONNECTIVES = new Set(['and', 'or', 'but', 'that', 'which', 'who', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as']);

/** The subject of a reporting verb at `verbIndex`, read backwards from it. */
function subjectBefore(sentence: string, verbIndex: number): Attribution | undefined {
  const tokens = new BackwardTokens(sentence, Math.max(0, verbIndex - SUBJECT_WINDOW), verbIndex);
  let head = tokens.previous();
  while (head !== undefined && SKIPPABLE.has(head.toLowerCase())) head = tokens.previous();
  if (head === ',') {
    // "Northwind Cloud, a leading provider of databases, today announced": skip the apposition.
    let t = tokens.previous();
    while (t !== undefined && t !== ',' && t !== '—' && t !== '–') t = tokens.previous();
    head = t === undefined ? undefined : tokens.previous();
  }
  if (head === undefined) return undefined;
  const lower = head.toLowerCase();
  if (PRONOUNS.has(lower)) return { speaker: lower, pronoun: true };
  if (NOT_SPEAKERS.has(lower) || !isWordToken(head)) return undefined;
  if (isCapitalised(head)) {
    const run: string[] = [];
    let t: string | undefined = head;
    while (t !== undefined && isWordToken(t) && (isCapitalised(t) || NAME_PARTICLES.has(t))) {
      run.unshift(t);
      t = tokens.previous();
    }
    while (run.length > 0 && (NAME_PARTICLES.has(run[0] as string) || LEADING_FUNCTION_WORDS.has((run[0] as string).toLowerCase()))) {
      run.shift();
    }
    if (run.length === 0) return undefined;
    if (run.length === 1 && NOT_SPEAKERS.has((run[0] as string).toLowerCase())) return undefined;
    return { speaker: normalise(stripRoles(run).join(' ')), pronoun: false };
  }
  if (!SPEAKER_NOUNS.has(lower)) return undefined;
  const np: string[] = [head];
  while (np.length <= MAX_MODIFIERS) {
    const t = tokens.previous();
    if (t === undefined || !isWordToken(t)) break;
    if (DETERMINERS.has(t.toLowerCase())) {
      np.unshift(t);
      break;
    }
    if (NOT_SPEAKERS.has(t.toLowerCase()) || CONNECTIVES.has(t.toLowerCase())) break;
    np.unshift(t);
  }
  return { speaker: normalise(np.join(' ')), pronoun: false };
}

const ANONYMOUS_SOURCE =
  /\b((?:(?:two|three|several|some|many|a\s+few)\s+)?(?:people|persons?|sources?|officials?|executives?|employees?)\s+(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of)\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)\s*,?\s*$/;

/** "two people familiar with the matter said". */
function anonymousSource(sentence: string, verbIndex: number): Attribution | undefined {
  const m = ANONYMOUS_SOURCE.exec(sentence.slice(Math.max(0, verbIndex - SUBJECT_WINDOW), verbIndex));
  return m === null ? undefined : { speaker: (m[1] as string).replace(/\s+/g, ' '), pronoun: false };
}

function npAfter(sentence: string, pos: number): string | undefined {
  const m = NP_AFTER.exec(sentence.slice(pos, pos + 120));
  if (m === null) return undefined;
  const np = normalise(m[1] as string);
  if (NOT_SPEAKERS.has(np.toLowerCase())) return undefined;
  return np;
}

/** The speaker a sentence attributes itself to, if it names one. */
export function attributeSpeaker(sentence: string): Attribution | undefined {
  ACCORDING_TO.lastIndex = 0;
  const acc = sentence.includes('ccording') ? ACCORDING_TO.exec(sentence) : null;
  if (acc !== null) {
    const np = npAfter(sentence, acc.index + acc[0].length);
    if (np !== undefined) return { speaker: np, pronoun: false };
  }

  REPORT_VERB.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REPORT_VERB.exec(sentence)) !== null) {
    // "SOC 2 Type II reports, the company said": a plural noun, not a verb, where a comma
    // or a clause's end follows it and another reporting verb comes later.
    const end = m.index + m[0].length;
    if (
      NOUN_TOO.has(m[0].toLowerCase()) &&
      /^\s*(?:[,.;:)]|$)/.test(sentence.slice(end, end + 3)) &&
      LATER_REPORT.test(sentence.slice(end))
    )
      continue;
    const before = sentence.slice(Math.max(0, m.index - 4), m.index);
    if (INVERTED_BEFORE.test(before)) {
      const name = NAME_AFTER.exec(sentence.slice(m.index + m[0].length, m.index + m[0].length + 80));
      if (name !== null) return { speaker: normalise(stripRoles((name[1] as string).split(/\s+/)).join(' ')), pronoun: false };
      const np = npAfter(sentence, m.index + m[0].length);
      if (np !== undefined && /^(?:a|an|the|its|his|her|their)\s/i.test(np)) return { speaker: np, pronoun: false };
      continue;
    }
    const subject = subjectBefore(sentence, m.index) ?? anonymousSource(sentence, m.index);
    if (subject !== undefined) return subject;
  }

  // Cheap substring tests keep the rarer patterns off most sentences.
  const agent = sentence.includes(' by ') ? afterPattern(sentence, BY_AGENT) : undefined;
  if (agent !== undefined) return { speaker: agent, pronoun: false };
  const inDocument = sentence.includes(' in ') ? afterPattern(sentence, PASSIVE_IN) : undefined;
  if (inDocument !== undefined) return { speaker: inDocument, pronoun: false };
  const doc = IN_DOCUMENT.exec(sentence);
  if (doc !== null && PASSIVE_BARE.test(sentence)) return { speaker: normalise(doc[1] as string), pronoun: false };
  return undefined;
}

/** The noun phrase right after the first match of `re`. */
function afterPattern(sentence: string, re: RegExp): string | undefined {
  re.lastIndex = 0;
  const m = re.exec(sentence);
  return m === null ? undefined : npAfter(sentence, m.index + m[0].length);
}
