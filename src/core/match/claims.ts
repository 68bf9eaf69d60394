// The same claim across documents: verbatim copies, quotes with small edits, paraphrases,
// and sentences that merge two claims or split one. Candidates come from an inverted index
// (word trigrams for copies, rarer content terms for paraphrases), never from all pairs, so
// 10,000 claims are matched in well under a second; each candidate pair is then scored.
import { changesBetween, type Change } from './changes';
import { featuresOf, type ClaimFeatures } from './terms';

export type MatchKind = 'verbatim' | 'edited' | 'paraphrase';
export const MATCH_KINDS: readonly MatchKind[] = ['verbatim', 'edited', 'paraphrase'];

/** One claim as the matcher reads it. */
export interface ClaimText {
  /** The document's path, as the caller names documents. */
  doc: string;
  /** Unique within the document (an annotation id, or a suggestion's key). */
  id: string;
  text: string;
  /** The document's date (YYYY-MM-DD) when known: the earliest source comes first in a group. */
  date?: string;
  /** Where the claim starts in its document, to order claims of one document. */
  start?: number;
}

/** Two claims of different documents that report the same statement. Indexes into the input. */
export interface ClaimLink {
  a: number;
  b: number;
  kind: MatchKind;
  /** 0..1: 1 for a verbatim copy. */
  score: number;
  /** Figures, dates and names that differ between the two (names only for copies and edits). */
  changes: Change[];
}

export interface ClaimGroup {
  /** Indexes into the input, earliest dated document first (undated last), then by path and position. */
  members: number[];
  links: ClaimLink[];
  /** How many documents the group spans. */
  documents: number;
}

export interface MatchResult {
  /**
   * For each claim, the first claim with the same words (itself when it is the first).
   * Copies are scored once, through it: see linkBetween for the link of any two claims.
   */
  copyOf: number[];
  /** Each copy linked to one copy in another document, and each pair of linked wordings by their first claims. */
  links: ClaimLink[];
  /** Largest first (by documents, then claims). */
  groups: ClaimGroup[];
}

export interface MatchOptions {
  /** Share of the shorter claim's words the other keeps in order, from which a pair is an edited copy (default EDITED_AT). */
  editedAt?: number;
  /** Weighted term similarity from which a pair is a paraphrase (default see PARAPHRASE_AT). */
  paraphraseAt?: number;
  /** Leave paraphrases out: copies and edits only. */
  lexicalOnly?: boolean;
}

/** Measured on test/fixtures/match/dev (npm run eval prints the figures for every setting). */
export const EDITED_AT = 0.7;
/** An edited copy also keeps this IDF-weighted share of the shorter claim's content terms. */
const EDITED_TERMS_AT = 0.6;
/** An edited copy keeps at least this many words of the other in order: a short phrase inside a long sentence is no copy. */
const MIN_KEPT_WORDS = 5;
export const PARAPHRASE_AT = 0.5;
/** Without a shared figure or name, a paraphrase needs words this close. */
const WORDS_ALONE_AT = 0.75;
/** A paraphrase shares at least this many content terms: two common words are no statement. */
const MIN_SHARED_TERMS = 3;
/** Terms in more than this share of claims (and at least 20) are the topic's, not a statement's: not used to find candidates. */
const COMMON_TERM_SHARE = 0.005;

function idfOf(features: readonly ClaimFeatures[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const f of features) for (const t of f.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = features.length;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log(1 + n / d));
  return idf;
}

function postings(features: readonly ClaimFeatures[], of: (f: ClaimFeatures) => Iterable<string>): Map<string, number[]> {
  const index = new Map<string, number[]>();
  features.forEach((f, i) => {
    for (const key of of(f)) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  return index;
}

/**
 * How many words of one claim the other keeps in the same order (their longest common
 * subsequence): a changed figure or an added clause costs a word or two, not a whole
 * run of trigrams, and a claim inside a sentence that merges two keeps all its words.
 */
function keptWords(x: ClaimFeatures, y: ClaimFeatures): number {
  const a = x.tokens;
  const b = y.tokens;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const word = (a[i - 1] as { norm: string }).norm;
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        word === (b[j - 1] as { norm: string }).norm
          ? (previous[j - 1] as number) + 1
          : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** How much an anchor (a figure or a name) weighs against an ordinary word of the same rarity. */
const ANCHOR_WEIGHT = 3;

function weightOf(term: string, f: ClaimFeatures, idf: ReadonlyMap<string, number>): number {
  return (idf.get(term) ?? 0) * (f.anchors.has(term) ? ANCHOR_WEIGHT : 1);
}

/**
 * Weighted overlap of content terms, figures and names weighing most; relative to the
 * smaller side (a sentence that merges two claims still contains each one's terms),
 * tempered by Dice so that a short sentence inside a long, unrelated one does not count.
 * Undefined below MIN_SHARED_TERMS shared terms, and when no anchor is shared unless the
 * words alone are very close: same-topic articles share vocabulary, not figures and names.
 */
function termSimilarity(a: ClaimFeatures, b: ClaimFeatures, idf: ReadonlyMap<string, number>): number | undefined {
  let shared = 0;
  let sharedAnchors = 0;
  let common = 0;
  for (const t of a.terms) {
    if (!b.terms.has(t)) continue;
    shared++;
    if (a.anchors.has(t) || b.anchors.has(t)) sharedAnchors++;
    common += Math.max(weightOf(t, a, idf), weightOf(t, b, idf));
  }
  if (shared < MIN_SHARED_TERMS) return undefined;
  let wa = 0;
  let wb = 0;
  for (const t of a.terms) wa += weightOf(t, a, idf);
  for (const t of b.terms) wb += weightOf(t, b, idf);
  const containment = Math.min(1, common / Math.min(wa, wb));
  const dice = Math.min(1, (2 * common) / (wa + wb));
  const similarity = Math.sqrt(containment * dice);
  return sharedAnchors > 0 || similarity >= WORDS_ALONE_AT ? similarity : undefined;
}

function sharesAny<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** The IDF-weighted share of the smaller claim's content terms the other has. */
function termContainment(a: ClaimFeatures, b: ClaimFeatures, idf: ReadonlyMap<string, number>): number {
  let common = 0;
  let wa = 0;
  let wb = 0;
  for (const t of a.terms) {
    const w = idf.get(t) ?? 0;
    wa += w;
    if (b.terms.has(t)) common += w;
  }
  for (const t of b.terms) wb += idf.get(t) ?? 0;
  const smaller = Math.min(wa, wb);
  return smaller === 0 ? 1 : common / smaller;
}

/** How many of a claim's trigrams find its candidate copies, and how many of its terms its candidate paraphrases: its rarest ones. */
const CANDIDATE_SHINGLES = 6;
const CANDIDATE_TERMS = 8;

function rarest(keys: ReadonlySet<string>, index: ReadonlyMap<string, readonly number[]>, count = CANDIDATE_SHINGLES): string[] {
  if (keys.size <= count) return [...keys];
  return [...keys].sort((a, b) => (index.get(a)?.length ?? 0) - (index.get(b)?.length ?? 0)).slice(0, count);
}

/** Scores one candidate pair; undefined when it is not the same statement. */
function scorePair(
  x: ClaimFeatures,
  y: ClaimFeatures,
  idf: ReadonlyMap<string, number>,
  options: MatchOptions,
): { kind: MatchKind; score: number } | undefined {
  if (x.normalized === y.normalized && x.normalized !== '') return { kind: 'verbatim', score: 1 };
  // Two statements that each name several figures and names and share none are about other
  // things, however alike their frame ("Acme said it covers 78,928 …", "Globex said it covers 12,345 …").
  if (x.anchors.size >= 2 && y.anchors.size >= 2 && !sharesAny(x.anchors, y.anchors)) return undefined;
  const kept = keptWords(x, y);
  const containment = kept / Math.max(1, Math.min(x.tokens.length, y.tokens.length));
  // The words kept must be the statement's, not only its frame: most of its content terms too.
  if (kept >= MIN_KEPT_WORDS && containment >= (options.editedAt ?? EDITED_AT) && termContainment(x, y, idf) >= EDITED_TERMS_AT)
    return { kind: 'edited', score: containment };
  if (options.lexicalOnly === true) return undefined;
  const similarity = termSimilarity(x, y, idf);
  if (similarity !== undefined && similarity >= (options.paraphraseAt ?? PARAPHRASE_AT)) return { kind: 'paraphrase', score: similarity };
  return undefined;
}

/**
 * What changed between two versions worth a fact-checker's eye. A paraphrase names things
 * its own way, so only its figures and dates count; where one side is much longer (a
 * sentence that merges two claims, or half of one split in two), what the longer adds is
 * the other claim, not a change, so only replaced values count.
 */
function changesOf(a: string, b: string, fa: ClaimFeatures, fb: ClaimFeatures, kind: MatchKind): Change[] {
  const changes = changesBetween(a, b).filter((c) => kind !== 'paraphrase' || c.kind !== 'name');
  const ratio = Math.min(fa.tokens.length, fb.tokens.length) / Math.max(1, fa.tokens.length, fb.tokens.length);
  return ratio < 0.6 ? changes.filter((c) => c.from !== undefined && c.to !== undefined) : changes;
}

/** Finds every pair of claims in different documents that report the same statement, and groups them. */
export function matchClaims(claims: readonly ClaimText[], options: MatchOptions = {}): MatchResult {
  const steps = matching(claims, options);
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/**
 * The same, giving way to `pause` every few milliseconds: an extension host matching a
 * large workspace stays responsive (a hover shows without waiting for the whole build).
 */
export async function matchClaimsAsync(
  claims: readonly ClaimText[],
  pause: () => Promise<void>,
  options: MatchOptions = {},
  sliceMs = 15,
): Promise<MatchResult> {
  const steps = matching(claims, options);
  let since = Date.now();
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
    if (Date.now() - since >= sliceMs) {
      await pause();
      since = Date.now();
    }
  }
}

/** Claims with the same words (a wire story reposted a hundred times, a press release's boilerplate): scored once, through the first of them. */
interface CopyClass {
  first: number;
  members: number[];
  docs: Set<string>;
}

/** Whether two classes hold a pair of claims in different documents (claims of one document are never linked to each other). */
function crossDocument(x: CopyClass, y: CopyClass): boolean {
  if (x.docs.size > 1 || y.docs.size > 1) return true;
  const [a] = x.docs;
  return a === undefined || !y.docs.has(a);
}

/** The work of matchClaims, one step per distinct wording (yields between them). */
function* matching(claims: readonly ClaimText[], options: MatchOptions): Generator<void, MatchResult> {
  // Identical texts share their features: reposts repeat sentences word for word.
  const byText = new Map<string, ClaimFeatures>();
  const features = claims.map((c) => {
    const known = byText.get(c.text);
    if (known) return known;
    const f = featuresOf(c.text);
    byText.set(c.text, f);
    return f;
  });
  yield;
  const idf = idfOf(features);
  const copyOf: number[] = [];
  const classes: CopyClass[] = [];
  const classOf: number[] = [];
  const byWords = new Map<string, number>();
  claims.forEach((c, i) => {
    const words = (features[i] as ClaimFeatures).normalized;
    const known = words === '' ? undefined : byWords.get(words);
    const k = known ?? classes.length;
    if (known === undefined) {
      classes.push({ first: i, members: [], docs: new Set() });
      if (words !== '') byWords.set(words, k);
    }
    const cls = classes[k] as CopyClass;
    cls.members.push(i);
    cls.docs.add(c.doc);
    classOf.push(k);
    copyOf.push(cls.first);
  });
  const links: ClaimLink[] = [];
  // Each copy is linked to one copy in another document: a hundred copies make ninety-nine
  // links, not 4,950; what holds for one copy holds for all (see linkBetween).
  for (const cls of classes) {
    if (cls.docs.size < 2) continue;
    const firstDoc = (claims[cls.first] as ClaimText).doc;
    const elsewhere = cls.members.find((m) => (claims[m] as ClaimText).doc !== firstDoc) as number;
    for (const m of cls.members) {
      if (m === cls.first) continue;
      const to = (claims[m] as ClaimText).doc !== firstDoc ? cls.first : elsewhere;
      const [a, b] = m < to ? [m, to] : [to, m];
      const changes = changesOf(
        (claims[a] as ClaimText).text,
        (claims[b] as ClaimText).text,
        features[a] as ClaimFeatures,
        features[b] as ClaimFeatures,
        'verbatim',
      );
      links.push({ a, b, kind: 'verbatim', score: 1, changes });
    }
  }
  // Different wordings are compared by their first claims.
  const firsts = classes.map((c) => c.first);
  const firstFeatures = firsts.map((i) => features[i] as ClaimFeatures);
  const byShingle = postings(firstFeatures, (f) => f.shingles);
  const common = Math.max(20, Math.ceil(firsts.length * COMMON_TERM_SHARE));
  const byTerm = postings(firstFeatures, (f) => f.terms);
  for (let x = 0; x < firsts.length; x++) {
    const fi = firstFeatures[x] as ClaimFeatures;
    const candidates = new Set<number>();
    // A copy shares its rarest trigrams: sentence frames ("the company said it") are in every
    // other claim and would make every pair a candidate.
    for (const s of rarest(fi.shingles, byShingle)) for (const y of byShingle.get(s) ?? []) if (y > x) candidates.add(y);
    // Paraphrases share few trigrams: two rarer content terms in common make a candidate.
    const hits = new Map<number, number>();
    for (const t of rarest(fi.terms, byTerm, CANDIDATE_TERMS)) {
      const list = byTerm.get(t) ?? [];
      if (list.length > common) continue;
      for (const y of list) if (y > x) hits.set(y, (hits.get(y) ?? 0) + 1);
    }
    for (const [y, n] of hits) if (n >= 2) candidates.add(y);
    for (const y of candidates) {
      if (!crossDocument(classes[x] as CopyClass, classes[y] as CopyClass)) continue;
      const fj = firstFeatures[y] as ClaimFeatures;
      const scored = scorePair(fi, fj, idf, options);
      if (!scored) continue;
      // Classes are numbered in the order of their first claims: i < j.
      const [i, j] = [firsts[x] as number, firsts[y] as number];
      const changes = changesOf((claims[i] as ClaimText).text, (claims[j] as ClaimText).text, fi, fj, scored.kind);
      links.push({ a: i, b: j, ...scored, changes });
    }
    yield;
  }
  links.sort((p, q) => p.a - q.a || p.b - q.b);
  return { copyOf, links, groups: groupsOf(claims, links, copyOf) };
}

function earliestFirst(claims: readonly ClaimText[]): (i: number, j: number) => number {
  return (i, j) => {
    const x = claims[i] as ClaimText;
    const y = claims[j] as ClaimText;
    if (x.date !== y.date) return x.date === undefined ? 1 : y.date === undefined ? -1 : x.date.localeCompare(y.date);
    return x.doc.localeCompare(y.doc) || (x.start ?? 0) - (y.start ?? 0);
  };
}

/** Connected claims (copies of one wording always together), one group each; the earliest dated source first. */
function groupsOf(claims: readonly ClaimText[], links: readonly ClaimLink[], copyOf: readonly number[]): ClaimGroup[] {
  const parent = [...copyOf];
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    parent[i] = r;
    return r;
  };
  for (const l of links) {
    const ra = find(l.a);
    const rb = find(l.b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const members = new Map<number, number[]>();
  const groupLinks = new Map<number, ClaimLink[]>();
  for (const l of links) {
    const r = find(l.a);
    const list = groupLinks.get(r);
    if (list) list.push(l);
    else groupLinks.set(r, [l]);
  }
  for (const r of groupLinks.keys()) members.set(r, []);
  claims.forEach((_, i) => members.get(find(i))?.push(i));
  const order = earliestFirst(claims);
  return [...members]
    .map(([r, list]) => {
      const sorted = list.sort(order);
      return { members: sorted, links: groupLinks.get(r) ?? [], documents: new Set(sorted.map((i) => (claims[i] as ClaimText).doc)).size };
    })
    .sort((p, q) => q.documents - p.documents || q.members.length - p.members.length || order(p.members[0] ?? 0, q.members[0] ?? 0));
}

function turned(changes: readonly Change[]): Change[] {
  return changes.map((c) => ({
    kind: c.kind,
    ...(c.to === undefined ? {} : { from: c.to }),
    ...(c.from === undefined ? {} : { to: c.from }),
  }));
}

const linkIndexes = new WeakMap<MatchResult, Map<string, ClaimLink>>();

function linkIndex(result: MatchResult): Map<string, ClaimLink> {
  let index = linkIndexes.get(result);
  if (!index) {
    index = new Map(result.links.map((l) => [`${l.a}:${l.b}`, l]));
    linkIndexes.set(result, index);
  }
  return index;
}

/**
 * The link between claims `i` and `j`, read from `i` to `j`; undefined when they are not
 * the same statement or are in one document. Copies with the same words share their
 * first claim's links: a hundred reposts are linked once, and still each to the others.
 */
export function linkBetween(result: MatchResult, claims: readonly ClaimText[], i: number, j: number): ClaimLink | undefined {
  if (i === j || claims[i]?.doc === claims[j]?.doc) return undefined;
  const index = linkIndex(result);
  const direct = index.get(`${Math.min(i, j)}:${Math.max(i, j)}`);
  const [fi, fj] = [result.copyOf[i] ?? i, result.copyOf[j] ?? j];
  const l =
    direct ??
    (fi === fj ? { a: i, b: j, kind: 'verbatim' as const, score: 1, changes: [] } : index.get(`${Math.min(fi, fj)}:${Math.max(fi, fj)}`));
  if (!l) return undefined;
  const forward = direct ? l.a === i : fi === fj || l.a === fi;
  return { ...l, a: i, b: j, changes: forward ? l.changes : turned(l.changes) };
}

/** Every pair of claims in different documents that report the same statement, each once (i < j). */
export function* linkedPairs(result: MatchResult, claims: readonly ClaimText[]): Generator<ClaimLink> {
  for (const g of result.groups) {
    const members = [...g.members].sort((x, y) => x - y);
    for (let p = 0; p < members.length; p++)
      for (let q = p + 1; q < members.length; q++) {
        const l = linkBetween(result, claims, members[p] as number, members[q] as number);
        if (l) yield l;
      }
  }
}

/** How the member at `position` of a group joined it: its link from the earliest member before it that it is linked to. */
export function joinedBy(result: MatchResult, claims: readonly ClaimText[], group: ClaimGroup, position: number): ClaimLink | undefined {
  const me = group.members[position];
  if (me === undefined) return undefined;
  for (let p = 0; p < position; p++) {
    const l = linkBetween(result, claims, group.members[p] as number, me);
    if (l) return l;
  }
  return undefined;
}
