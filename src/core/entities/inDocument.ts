// Who each claim's speaker is, read in its document: "Fenwick" is the "Dale Fenwick"
// introduced earlier, "the company" and "a company spokeswoman" are the organisation
// last named before them, "a TikTok letter" is TikTok, "the Company" is what a filing
// defined it as ("Halvorsen Freight Systems, Inc. (the “Company”)"), and "OAIC" is the
// "Office of the Australian Information Commissioner (OAIC)". A mention that names no one
// ("the employees", "Thursday", a control read as a subject) gets no entity. The result
// is a name as the document writes it in full; the registry (registry.ts) turns names
// into entities across documents.
import { builtinCatalog } from '../catalog/builtin';
import { ROLE_WORDS as SPEAKER_ROLE_WORDS } from '../detect/claims/speaker';
import { monthNumber, weekdayNumber } from '../detect/dates/lexicon';
import type { Catalog } from '../catalog/types';
import type { ClaimDetection, Detection } from '../model';
import { EntityRegistry } from './registry';
import { entityKey } from './key';

export interface SpokenClaim {
  start: number;
  end: number;
  speaker?: string;
}

const DETERMINER = /^(?:a|an|the|its|his|her|their|our)\s+/i;
/** Words that put the name next to them in a role: "spokesperson Dale Fenwick", "CEO Shou Zi Chew". */
const ROLE_WORDS: ReadonlySet<string> = new Set([
  ...SPEAKER_ROLE_WORDS,
  // Also before a name in news copy, and roles the claim detector need not know.
  'deputy',
  'lawyer',
  'counsel',
  'labour',
  'conservative',
  'state',
  'u.s.',
  'us',
]);
/** Days and months read as a subject ("said Thursday"): no one. */
function isDayOrMonth(word: string): boolean {
  return weekdayNumber(word) !== undefined || monthNumber(word) !== undefined || /^(?:today|yesterday)$/i.test(word);
}
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{N}&'’.-]*`;
const CONNECTOR = String.raw`(?:of|and|for|the|de|du|del|der|von|van|&)`;
/** A run of capitalised words, joined by the small words names contain ("Office of the Australian Information Commissioner"). */
const RUN = new RegExp(String.raw`${NAME_WORD}(?:[ \u00a0]+(?:${CONNECTOR}[ \u00a0]+)*${NAME_WORD})*`, 'gu');
/** "Halvorsen Freight Systems, Inc. (the “Company”)", "Office of the … Commissioner (OAIC)". */
const DEFINITION = new RegExp(
  String.raw`(${NAME_WORD}(?:,?[ \u00a0]+(?:${CONNECTOR}[ \u00a0]+)*${NAME_WORD})*)[ \u00a0]*\([ \u00a0]*(?:the[ \u00a0]+)?["“]?(\p{Lu}[\p{L}\p{N}&.-]*)["”]?[ \u00a0]*\)`,
  'gu',
);
const CONNECTOR_WORD = new RegExp(`^${CONNECTOR}$`);
const MAX_RUN_WORDS = 6;
/** Capitalised at a sentence's start, but not part of a name: "What Redfern did", "As Fenwick said". */
const LEADING_NOT_NAME =
  /^(?:the|a|an|in|on|at|as|by|for|and|but|or|so|according|after|before|while|when|where|if|said|says|what|how|why|who|this|that|these|those|it|its|we|our|they|their|he|his|she|her|there|then|also|yet|still|however|meanwhile|since|because|although|though|until|once|unlike|like|with|without|from|to|of|under|over|despite|during|last|next|only|even|both|each|every|all|some|many|most|no|not)$/i;

interface Run {
  start: number;
  words: string[];
}

function words(name: string): string[] {
  return name.split(/[ \u00a0]+/).filter((w) => w !== '');
}

/** A headline in title case ("SEC Charges Brightwater Freight Systems and Its Former CISO"): its runs are not names. */
function isTitleCaseLine(line: string): boolean {
  const ws = line.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (ws.length < 5) return false;
  return ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length >= 0.8;
}

/** Drops a leading article and whatever a role word puts before the name. */
function cleanRun(ws: string[]): string[] {
  let from = 0;
  ws.forEach((w, i) => {
    if (ROLE_WORDS.has(w.toLowerCase()) && i < ws.length - 1) from = i + 1;
  });
  const out = ws.slice(from);
  while (out.length > 0 && LEADING_NOT_NAME.test(out[0] as string)) out.shift();
  return out;
}

class DocumentNames {
  readonly runs: Run[] = [];
  readonly definitions = new Map<string, string>();
  /** Keys of the short forms a document defines in quotes, ("the “Company”"), which name a party. */
  readonly quotedDefinitions = new Set<string>();
  private readonly sentenceStartOnly = new Map<string, boolean>();
  // Memos: a long document names the same few speakers thousands of times.
  private readonly expanded = new Map<string, string>();
  private readonly people = new Map<string, boolean>();

  constructor(private readonly text: string) {
    let lineStart = 0;
    for (const line of text.split('\n')) {
      if (!isTitleCaseLine(line)) {
        RUN.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = RUN.exec(line)) !== null) {
          // "Senator Marsha Blackburn of Tennessee" also holds the name before "of".
          // "… said Marcus Ilunga. The SEC …": a full stop after a word ends the name.
          const all = words(m[0]);
          const stop = all.findIndex((w, k) => k < all.length - 1 && /\p{Ll}{2}\.$/u.test(w));
          if (stop >= 0) {
            RUN.lastIndex = m.index + m[0].indexOf(all[stop] as string) + (all[stop] as string).length;
            all.splice(stop + 1);
            all[stop] = (all[stop] as string).slice(0, -1);
          }
          const cut = all.findIndex((w) => CONNECTOR_WORD.test(w));
          for (const part of cut > 0 ? [all, all.slice(0, cut)] : [all]) {
            const ws = cleanRun(part);
            if (ws.length > 0 && ws.length <= MAX_RUN_WORDS) this.runs.push({ start: lineStart + m.index, words: ws });
          }
        }
      }
      lineStart += line.length + 1;
    }
    DEFINITION.lastIndex = 0;
    let d: RegExpExecArray | null;
    while ((d = DEFINITION.exec(text)) !== null) {
      const long = cleanRun(words(d[1] as string))
        .join(' ')
        .replace(/,$/, '');
      const short = d[2] as string;
      if (long === '' || entityKey(long) === entityKey(short)) continue;
      this.definitions.set(entityKey(short), long);
      if (/["“]/.test(d[0].slice(d[0].lastIndexOf('(')))) this.quotedDefinitions.add(entityKey(short));
    }
  }

  /**
   * The fuller name a short one stands for: what the document defines it as, the first
   * run that ends with it ("Fenwick" → "Dale Fenwick"), or a longer speaker that starts
   * with it ("Tallowmere" → "Tallowmere Money"; not "TikTok" → "TikTok U.S.", which only
   * occurs as a run).
   */
  expand(name: string, speakers: ReadonlySet<string>): string {
    let known = this.expanded.get(name);
    if (known === undefined) this.expanded.set(name, (known = this.expandOnce(name, speakers)));
    return known;
  }

  private expandOnce(name: string, speakers: ReadonlySet<string>): string {
    const defined = this.definitions.get(entityKey(name));
    if (defined !== undefined) return defined;
    const ws = words(name);
    for (const run of this.runs) {
      if (run.words.length <= ws.length || run.words.length > ws.length + 3) continue;
      // "Exchange Commission" is the "Securities and Exchange Commission"; "TikTok" is not "Douyin and TikTok".
      if (ws.length === 1 && run.words.some((w) => CONNECTOR_WORD.test(w))) continue;
      if (ws.every((w, i) => run.words[run.words.length - ws.length + i] === w)) return run.words.join(' ');
    }
    for (const speaker of speakers) {
      const longer = words(speaker);
      if (longer.length > ws.length && longer.length <= ws.length + 3 && ws.every((w, i) => longer[i] === w)) return speaker;
    }
    return name;
  }

  /** True when a one-word name is only ever written at a sentence's start ("Full reports are…"), so may be no name. */
  onlyAtSentenceStart(name: string): boolean {
    const known = this.sentenceStartOnly.get(name);
    if (known !== undefined) return known;
    let only = this.text.includes(name);
    for (let i = this.text.indexOf(name); i >= 0 && only; i = this.text.indexOf(name, i + 1)) {
      const before = this.text.slice(Math.max(0, i - 3), i).trimEnd();
      if (before !== '' && !/[.!?:]$/.test(before)) only = false;
    }
    this.sentenceStartOnly.set(name, only);
    return only;
  }

  /** Whether a name is written as a person's: after a role word, or followed by one in apposition. */
  looksLikePerson(name: string): boolean {
    let known = this.people.get(name);
    if (known === undefined) this.people.set(name, (known = this.looksLikePersonOnce(name)));
    return known;
  }

  private looksLikePersonOnce(name: string): boolean {
    for (let i = this.text.indexOf(name); i >= 0; i = this.text.indexOf(name, i + 1)) {
      const before =
        words(this.text.slice(Math.max(0, i - 30), i))
          .pop()
          ?.toLowerCase() ?? '';
      if (ROLE_WORDS.has(before)) return true;
      const after = this.text.slice(i + name.length, i + name.length + 40);
      const apposition = /^,\s+(?:the\s+|a\s+|an\s+)?((?:[\p{L}-]+\s+){0,2}[\p{L}.-]+)/u.exec(after);
      if (apposition !== null && words(apposition[1] as string).some((w) => ROLE_WORDS.has(w.toLowerCase()))) return true;
    }
    return false;
  }
}

interface Mention {
  at: number;
  name: string;
}

/** Every place where one of `names` (mention → full name) is written, in document order. */
function mentionsOf(text: string, names: ReadonlyMap<string, string>): Mention[] {
  const out: Mention[] = [];
  const variants = [...names].flatMap(([written, full]): [string, string][] => {
    // A name opening a sentence: "The Chinese-owned … platform said" for "the Chinese-owned … platform".
    const capital = written.charAt(0).toUpperCase() + written.slice(1);
    return capital === written
      ? [[written, full]]
      : [
          [written, full],
          [capital, full],
        ];
  });
  for (const [written, full] of variants) {
    if (written.length < 2) continue;
    for (let i = text.indexOf(written); i >= 0; i = text.indexOf(written, i + written.length)) {
      const before = text.charAt(i - 1);
      const after = text.charAt(i + written.length);
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      out.push({ at: i, name: full });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

function lastBefore(mentions: readonly Mention[], at: number): string | undefined {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as Mention).at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : (mentions[lo - 1] as Mention).name;
}

type Reading = { kind: 'name'; name: string } | { kind: 'anaphor'; head: string; definite: boolean } | { kind: 'none' };

/** A role written as an acronym: CISO, CEO, DPO. */
const ROLE_ACRONYM = /^C[A-Z]?[A-Z]O$|^DPO$/;
/** Heads that only a company can be: "the company" is never the regulator named last. */
const COMPANY_HEADS = new Set([
  'company',
  'firm',
  'business',
  'startup',
  'provider',
  'vendor',
  'operator',
  'lender',
  'bank',
  'insurer',
  'retailer',
  'app',
  'platform',
]);
const PUBLIC_BODY =
  /\b(?:Board|Commission|Commissioner|Authority|Office|Agency|Centre|Center|Directorate|Court|Ministry|Department|Regulator|Parliament|Council|Government|Police|Committee|Senate|Congress|Supervisor|Inspectorate)\b|^(?:[A-Z]{2,6})$/;
/** Heads that stand for their organisation even after "a": "a company spokeswoman", "a spokesperson". */
const SPOKESPEOPLE = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople']);
/** Document nouns: "the letter" is the letter named before ("a TikTok letter"). */
const DOCUMENT_NOUNS = new Set(['letter', 'statement', 'post', 'filing', 'email', 'memo', 'notice', 'release', 'website', 'blog']);
/** Heads of a speaker phrase that stand for the organisation last named: "the company", "a company spokeswoman". */
const ORGANISATION_ANAPHORS: ReadonlySet<string> = new Set([
  ...COMPANY_HEADS,
  ...SPOKESPEOPLE,
  ...DOCUMENT_NOUNS,
  'hospital',
  'group',
  'organisation',
  'organization',
]);

/** What a speaker phrase is: a name (perhaps inside "a TikTok letter"), a phrase standing for the last organisation, or no one. */
function read(speaker: string, names: DocumentNames): Reading {
  const cleaned = speaker.trim().replace(/[.,;:]+$/, '');
  const bare = words(cleaned.replace(DETERMINER, ''));
  // "the CISO", "CTO", "the Director": a role, not a name ("the spokesman" speaks for the organisation).
  if (
    bare.length > 0 &&
    bare.every((w) => (ROLE_WORDS.has(w.toLowerCase()) && !SPOKESPEOPLE.has(w.toLowerCase())) || ROLE_ACRONYM.test(w))
  ) {
    return { kind: 'none' };
  }
  const defined = names.definitions.get(entityKey(cleaned));
  if (defined !== undefined) return { kind: 'name', name: defined };
  const determined = DETERMINER.test(cleaned);
  const ws = words(cleaned.replace(DETERMINER, ''));
  if (ws.length === 0) return { kind: 'none' };
  const head = (ws[ws.length - 1] as string).toLowerCase();
  // "the CISO", "the Director": a role, not a name.
  if (!determined && ws.every((w) => /^\p{Lu}|^\p{N}/u.test(w))) return { kind: 'name', name: ws.join(' ') };
  if (/^\p{Lu}/u.test(ws[0] as string) && ws.every((w, i) => i === 0 || /^\p{Lu}/u.test(w) || /^(?:of|and|for|the)$/.test(w))) {
    return { kind: 'name', name: ws.join(' ') };
  }
  // "a TikTok letter", "the SEC’s order", "a Stratocell spokesperson": the name inside.
  const named = ws.slice(0, -1).filter((w) => /^\p{Lu}/u.test(w));
  if (named.length > 0) return { kind: 'name', name: named.join(' ').replace(/['’]s$/, '') };
  if (!ORGANISATION_ANAPHORS.has(head)) return { kind: 'none' };
  const definite = !/^(?:a|an)\s/i.test(cleaned);
  // "a second vendor", "a company" introduce someone new; "a company spokeswoman" speaks for the last one.
  if (!definite && !SPOKESPEOPLE.has(head)) return { kind: 'none' };
  return { kind: 'anaphor', head, definite };
}

function isNoName(
  name: string,
  names: DocumentNames,
  controls: readonly { start: number; end: number }[],
  claim: SpokenClaim,
  text: string,
): boolean {
  if (isDayOrMonth(name)) return true;
  if (words(name).length === 1 && names.onlyAtSentenceStart(name)) return true;
  const at = text.indexOf(name, claim.start);
  return at >= 0 && at < claim.end && controls.some((c) => c.start < at + name.length && at < c.end);
}

/**
 * The full name of each claim's speaker, or undefined where it names no one (same order
 * as `claims`, which are in document order). `controls` are the document's control
 * detections, whose names are not speakers.
 */
export function resolveSpeakers(
  text: string,
  claims: readonly SpokenClaim[],
  registry: EntityRegistry = new EntityRegistry(),
  controls: readonly { start: number; end: number }[] = [],
): (string | undefined)[] {
  if (!claims.some((c) => c.speaker !== undefined)) return claims.map(() => undefined);
  const names = new DocumentNames(text);
  // A phrase the entities file lists ("the Chinese-owned social media platform") is its entity as written.
  const readings = claims.map((c): Reading | undefined => {
    if (c.speaker === undefined) return undefined;
    const listed = registry.listed(c.speaker);
    return listed !== undefined ? { kind: 'name', name: listed.name } : read(c.speaker, names);
  });
  const spoken = new Set(readings.flatMap((r) => (r?.kind === 'name' ? [r.name] : [])));
  const full = readings.map((r, i) => {
    if (r?.kind !== 'name') return undefined;
    const listed = registry.listed(r.name);
    if (listed !== undefined) return listed.name;
    return isNoName(r.name, names, controls, claims[i] as SpokenClaim, text) ? undefined : names.expand(r.name, spoken);
  });
  if (!readings.some((r) => r?.kind === 'anaphor')) return full;

  // Organisations a phrase like "the company" can stand for: those the registry lists,
  // the parties the document defines ("the “Company”"), and the named speakers that are
  // not people.
  const organisations = new Map<string, string>();
  for (const name of registry.organisationNames()) organisations.set(name, registry.listed(name)?.name ?? name);
  for (const [short, long] of names.definitions) if (names.quotedDefinitions.has(short)) organisations.set(long, long);
  readings.forEach((r, i) => {
    const name = full[i];
    if (r?.kind !== 'name' || name === undefined) return;
    if (registry.isPerson(name) || (registry.listed(name) === undefined && names.looksLikePerson(name))) return;
    organisations.set(r.name, name);
    organisations.set(name, name);
  });
  const mentions = mentionsOf(text, organisations);
  const companies = mentions.filter((m) => !PUBLIC_BODY.test(m.name) && registry.listed(m.name)?.type !== 'person');
  // "the letter" is the letter last named: "a TikTok letter" makes it TikTok's.
  const lastByHead = new Map<string, string>();
  return readings.map((r, i) => {
    const speaker = claims[i]?.speaker;
    const head = speaker === undefined ? undefined : words(speaker).pop()?.toLowerCase();
    let out: string | undefined = full[i];
    if (r?.kind === 'anaphor') {
      const antecedent = r.definite && DOCUMENT_NOUNS.has(r.head) ? lastByHead.get(r.head) : undefined;
      const candidates = COMPANY_HEADS.has(r.head) ? companies : mentions;
      out = antecedent ?? lastBefore(candidates, (claims[i] as SpokenClaim).start);
    }
    if (out !== undefined && head !== undefined) lastByHead.set(head, out);
    return out;
  });
}

let builtinRegulators: ReadonlySet<string> | undefined;

/** Ids of the catalog entries that speak: regulators and standards bodies ("the SEC said"). */
function speakingIds(catalog: Catalog | undefined): ReadonlySet<string> {
  const ids = (c: Catalog): Set<string> =>
    new Set(c.entries.filter((e) => e.category === 'regulator' || e.category === 'standards-body').map((e) => e.id));
  if (catalog !== undefined) return ids(catalog);
  return (builtinRegulators ??= ids(builtinCatalog()));
}

/**
 * Spans of the controls that cannot be speakers: standards, laws and programmes ("NIS2
 * reports still…"). Regulators speak ("the SEC said"), so theirs are left out.
 */
export function unspokenControlSpans(detections: readonly Detection[], catalog?: Catalog): { start: number; end: number }[] {
  const speaking = speakingIds(catalog);
  return detections.filter((d) => d.kind === 'control' && !speaking.has(d.id) && !(d.framework !== undefined && speaking.has(d.framework)));
}

/** The entity name of each claim of `detections` (any order) whose speaker names someone. */
export function speakerEntities(
  text: string,
  detections: readonly Detection[],
  registry?: EntityRegistry,
  catalog?: Catalog,
): Map<ClaimDetection, string> {
  const claims = detections.filter((d): d is ClaimDetection => d.kind === 'claim').sort((a, b) => a.start - b.start);
  const names = resolveSpeakers(text, claims, registry, unspokenControlSpans(detections, catalog));
  const out = new Map<ClaimDetection, string>();
  claims.forEach((c, i) => {
    const name = names[i];
    if (name !== undefined) out.set(c, name);
  });
  return out;
}

/** How much text before a claim a hover on a large document reads for its speaker's entity. */
export const NEAR_WINDOW = 64 * 1024;

/**
 * The entity of one claim, read from at most `window` characters before it (from a line
 * start) and a quarter of that after it (the speakers named later say which names are
 * organisations): what a hover on a large document can afford after every edit. Names
 * introduced further away are not seen.
 */
export function speakerEntityNear(
  text: string,
  detections: readonly Detection[],
  claim: ClaimDetection,
  registry?: EntityRegistry,
  window = NEAR_WINDOW,
): string | undefined {
  if (claim.speaker === undefined) return undefined;
  let cut = Math.max(0, claim.start - window);
  if (cut > 0) cut = text.indexOf('\n', cut) + 1 || cut;
  if (cut > claim.start) cut = claim.start;
  let stop = Math.min(text.length, claim.end + (window >> 2));
  if (stop < text.length) stop = Math.max(claim.end, text.lastIndexOf('\n', stop));
  const near = detections.filter((d) => d.start >= cut && d.end <= stop).map((d) => ({ ...d, start: d.start - cut, end: d.end - cut }));
  for (const [c, name] of speakerEntities(text.slice(cut, stop), near, registry)) {
    if (c.start === claim.start - cut && c.end === claim.end - cut) return name;
  }
  return undefined;
}
