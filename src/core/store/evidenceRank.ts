// Evidence suggested for a commitment: the later claims of the corpus that may show
// whether it was kept, ranked. A candidate ranks high when the same entity said it, it is
// about the same controls, it shares the commitment's words, and it says something was
// done ("completed", "received its report": kept) or was not ("delayed", "has not yet":
// broken), which proposes the verdict. Statements made before the commitment, by someone
// else, or that only look ahead ("remains committed", "will renew") are left out or sink.
// Measured on fixtures with decoys (test/eval/evidence, `npm run eval`).
import { periodOf } from '../detect/links';
import { entityKey } from '../entities/key';
import type { EntityRegistry } from '../entities/registry';
import type { Verdict } from '../model';
import type { Annotation } from '../sidecar/format';

/** A claim with what ranking needs to know of it, from its links and its document. */
export interface ClaimFacts {
  annotation: Annotation;
  /** Its document, as the caller names documents (a path). */
  document: string;
  /** Its document's date (`source.published`), if known. */
  published?: string;
  /** The latest of its `when` dates (ISO, any precision), if any. */
  when?: string;
  /** Labels of the controls it is about. */
  controls: string[];
  /** The key of the entity that said it (entities/key.ts), if known. */
  entity?: string;
  /** The entity's name as shown. */
  entityName?: string;
}

export interface EvidenceCandidate {
  facts: ClaimFacts;
  score: number;
  /** What it would make the commitment, when it says. */
  verdict?: Extract<Verdict, 'kept' | 'broken'>;
  /** Why it ranks where it does, for the person to judge. */
  reasons: string[];
}

/** The facts of every claim among one document's annotations. */
export function claimFacts(
  annotations: readonly Annotation[],
  document: string,
  published: string | undefined,
  registry?: EntityRegistry,
): ClaimFacts[] {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const labels = (ids: readonly string[] | undefined): string[] =>
    (ids ?? []).map((id) => byId.get(id)).flatMap((t) => (t === undefined ? [] : [t.label ?? t.quote]));
  const out: ClaimFacts[] = [];
  for (const a of annotations) {
    if (a.kind !== 'claim' || a.status === 'dismissed') continue;
    const when = labels(a.when)
      .filter((v) => /^\d{4}/.test(v))
      .sort()
      .pop();
    const said = a.entity ?? a.speaker;
    const resolved = a.entity === undefined || registry === undefined ? undefined : registry.resolve(a.entity);
    const facts: ClaimFacts = { annotation: a, document, controls: [...new Set(labels(a.about))] };
    if (published !== undefined) facts.published = published;
    if (when !== undefined) facts.when = when;
    // Only a resolved entity counts as a speaker: "the company" alone could be anyone.
    if (a.entity !== undefined) {
      facts.entity = resolved?.id ?? entityKey(a.entity);
      facts.entityName = resolved?.name ?? a.entity;
    } else if (said !== undefined && /^\p{Lu}/u.test(said)) {
      facts.entity = entityKey(said);
      facts.entityName = said;
    }
    out.push(facts);
  }
  return out;
}

const KEPT =
  /\b(?:completed|achieved|obtained|received|passed|earned|gained|attained|finished|launched|rolled out|enabled|met|was awarded|were awarded|has been certified|was certified|is now certified|now holds|went live|delivered)\b/i;
const BROKEN =
  /\b(?:delayed|postponed|slipped|missed|pushed back|has not yet|have not yet|had not|did not|didn['’]t|failed to|would not be|will not be|not be finished|still not|abandoned|dropped|cancell?ed|behind schedule|fell short|withdrawn)\b/i;
const FORWARD =
  /\b(?:will|plans? to|planning to|expects? to|aims? to|intends? to|remains committed|committed to|is pursuing|are pursuing|pursuing|continues to work|working towards?)\b/i;

const STOP = new Set(
  'a an the and or of to in on for by with at from its it their our we is are was were be been has have had that this these those said says will would also all any as about into than then its which who after before not no until'.split(
    ' ',
  ),
);

/** Content words, crudely stemmed, so "accounts" meets "account" and "encrypt" meets "encryption". */
function words(text: string, drop: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []) {
    if (STOP.has(raw) || drop.has(raw) || /^\d+$/.test(raw)) continue;
    const stem = raw.replace(/(?:ation|ing|ed|es|s)$/, '').slice(0, 7);
    if (!CUE_STEMS.has(stem)) out.add(stem);
  }
  return out;
}

/** The last day of a claim's time: its latest `when`, else its document's date. */
function timeOf(f: ClaimFacts): string | undefined {
  const t = f.when ?? f.published;
  return t === undefined ? undefined : periodOf(t)[1];
}

/** Whether `later` was said after `commitment` was made: a later document, or later in the same one. */
function isLater(commitment: ClaimFacts, later: ClaimFacts): boolean | undefined {
  if (later.document === commitment.document) return later.annotation.start > commitment.annotation.end;
  const made = commitment.published === undefined ? undefined : periodOf(commitment.published)[1];
  const said = later.published === undefined ? timeOf(later) : periodOf(later.published)[1];
  if (made === undefined || said === undefined) return undefined;
  return said > made;
}

export interface RankOptions {
  /** Candidates scoring below this are not proposed (the default was set on the dev fixtures). */
  floor?: number;
  /** At most this many. */
  limit?: number;
}

export const EVIDENCE_FLOOR = 4;
/** Without a control in common, the share of the commitment's words a candidate must have. */
const MIN_OVERLAP = 0.3;
/** Words that say whether something was done, not what: left out of the words compared. */
const CUE_STEMS = new Set([
  'complet',
  'achiev',
  'obtain',
  'receiv',
  'finish',
  'enabl',
  'deliver',
  'launch',
  'plan',
  'expect',
  'aim',
  'intend',
]);

/** The claims of `corpus` that may settle `commitment`, best first, each with its score, proposed verdict and reasons. */
export function rankEvidence(commitment: ClaimFacts, corpus: readonly ClaimFacts[], options: RankOptions = {}): EvidenceCandidate[] {
  const floor = options.floor ?? EVIDENCE_FLOOR;
  const nameWords = new Set((commitment.entityName ?? '').toLowerCase().split(/\s+/));
  const promised = words(commitment.annotation.quote, nameWords);
  const out: EvidenceCandidate[] = [];
  for (const f of corpus) {
    const a = f.annotation;
    if (a === commitment.annotation || (f.document === commitment.document && a.id === commitment.annotation.id)) continue;
    const later = isLater(commitment, f);
    if (later === false) continue;
    const reasons: string[] = [];
    let score = 0;
    if (later === undefined) score -= 1;
    if (commitment.entity !== undefined && f.entity !== undefined) {
      if (f.entity !== commitment.entity) continue;
      score += 3;
      reasons.push(`same speaker (${f.entityName ?? f.entity})`);
    }
    const shared = f.controls.filter((c) => commitment.controls.includes(c));
    if (shared.length > 0) {
      score += 2 * Math.min(2, shared.length);
      reasons.push(`about ${shared.join(', ')}`);
    } else if (commitment.controls.length > 0 && f.controls.length > 0) {
      score -= 2;
    }
    const said = words(a.quote, nameWords);
    const common = [...promised].filter((w) => said.has(w)).length;
    const overlap = promised.size === 0 ? 0 : common / promised.size;
    // Same matter or nothing: the same control, or enough of the same words.
    if (shared.length === 0 && overlap < MIN_OVERLAP) continue;
    score += 4 * overlap;
    if (overlap >= 0.3) reasons.push(`${Math.round(overlap * 100)}% of its words`);
    const broken = BROKEN.exec(a.quote);
    const kept = broken === null ? KEPT.exec(a.quote) : null;
    let verdict: EvidenceCandidate['verdict'];
    if (broken !== null) {
      verdict = 'broken';
      score += 3;
      reasons.push(`“${broken[0]}”: broken?`);
    } else if (kept !== null && !FORWARD.test(a.quote.slice(0, kept.index))) {
      verdict = 'kept';
      score += 3;
      reasons.push(`“${kept[0]}”: kept?`);
    } else {
      // Settles nothing: looking ahead, or saying nothing was done.
      score -= FORWARD.test(a.quote) ? 3 : 1;
    }
    const when = timeOf(f);
    if (when !== undefined) reasons.push(`said ${f.when ?? f.published ?? when}`);
    if (score >= floor)
      out.push({ facts: f, score: Math.round(score * 100) / 100, ...(verdict === undefined ? {} : { verdict }), reasons });
  }
  out.sort((x, y) => y.score - x.score || (timeOf(x.facts) ?? '').localeCompare(timeOf(y.facts) ?? ''));
  return out.slice(0, options.limit ?? 5);
}
