// The claims detector: finds sentences that assert something a researcher could verify
// or dispute about what an organisation did, does, will do, or is. Each sentence is
// scored on cues (claims/cues.ts), unless it is one of the things that are never claims
// (claims/filters.ts); headings, bylines, captions and rules are skipped as blocks.
//
// Speakers: what the sentence attributes itself to (claims/speaker.ts); "he"/"she"/
// "they" take the last named speaker earlier in the same block. First person outside
// quotes ("we", "our"; "I", "my") takes the organisation (or the author) that the
// document's (first) byline names, when it has one; otherwise it stays undefined,
// since a corporate "we" is only as good as the byline that says whose it is.
//
// What a block's claims depend on, for callers that re-detect only the edited blocks:
// the block itself, for a bullet the nearest block before it that is neither a bullet, a
// blank, a rule nor site chrome, and the document's first byline block.

import type { ClaimDetection, ClaimType, Span } from '../model';
import { splitBlocks, type Block } from '../text/blocks';
import { splitSentences } from '../text/sentences';
import { nextIntro, readsAsList, startIntros } from './listIntro';
import { classify, type Verdict } from './claims/classify';
import {
  continuesLeadIn,
  parseByline,
  introducesNoClaims,
  introducesPlans,
  lowerCaseAction,
  isPlanAction,
  statementLeadIn,
  leadsIntoCommitments,
  leadsIntoFindings,
  type Byline,
} from './claims/context';
import { findCues, hasReport, hasVeto, hedgesOf, type CueHit } from './claims/cues';
import { ATTRIBUTED_WEIGHT } from './claims/lexicon';
import { afterSpeakerLabel, claimStartAfterFeeling, vetoOf } from './claims/filters';
import { attributeSpeaker, type Attribution } from './claims/speaker';

export interface DetectClaimsOptions {
  /** The blocks of `text` from splitBlocks, when the caller already has them. */
  blocks?: Block[];
  /** Only report claims in blocks that overlap this span (context is still read). */
  within?: Span;
}

/** Weight of an imperative bullet in a list about plans: a plan, not yet a checkable one. */
const PLAN_ITEM_WEIGHT = 0.7;
/** Weight of a bullet that completes "… it will:": the lead-in's modal, as strong as a "will". */
const LEAD_IN_ITEM_WEIGHT = 1.5;
/** A plan item's deadline, labelled as action-item tables write it ("Target: Q1 2027", "Due: March 31"). */
const ITEM_DEADLINE = /(?:^|[\s.;(])(?:Target(?:\s+date)?|Due(?:\s+date)?|Deadline|ETA)\s*:\s*\S/;
const ITEM_DEADLINE_WEIGHT = 0.5;
/** A list item under plans that says when it comes: "opening in the first half of 2027", "planned for 2028". */
const ITEM_AHEAD =
  /\b(?:opening|launching|planned|scheduled|slated|targeted|expected|due|coming)\s+(?:in|for|by|on|from|at|later|soon|early|next)\b/i;
/** A block that opens with a bare "No." answers a question; the sentence after it says what is not so. */
const ANSWER_NO = /^No[.!]$/;
/** Evidence that sentence gets: a denial, as strong as a "not" in its main clause. */
const ANSWER_NO_WEIGHT = 1.0;
/** Evidence a bullet gets from completing a finding ("found that Kestrelmoor:" then "• kept …"): the lead-in's reporting verb. */
const FINDING_ITEM_WEIGHT = 0.6;

const CLAIM_BLOCKS: ReadonlySet<Block['kind']> = new Set<Block['kind']>(['paragraph', 'bullet']);
const QUOTED = /["“][^"”]*(?:["”]|$)/g;
const OPENS_QUOTE = /^["“]/;
const FIRST_PLURAL = /\b(?:we|our|us|ours)\b/i;
const FIRST_SINGULAR = /\b(?:I|[Mm]y|[Mm]e|[Mm]ine)\b/;

/** What a sentence's own text says, before its block and neighbours are considered. */
interface SentenceCues {
  /** The sentence is never a claim (a veto, nothing after a feeling, or a vetoing cue). */
  skip: boolean;
  /**
   * Skipped only as an instruction to the reader ("disable the accounts …"): after a lead-in
   * such as "Tamarack must:" the same words are an obligation, so its cues are kept.
   */
  instruction?: true;
  hits: readonly CueHit[];
  attribution: Attribution | undefined;
  /** The verdict without and with the anchor of an attribution, once known (null: none). */
  plain?: Verdict | null;
  anchored?: Verdict | null;
  /** The hedges among `hits`, once a claim needed them. */
  hedges?: string[];
}

function attributedAnchor(): CueHit {
  return { role: 'anchor', weight: ATTRIBUTED_WEIGHT, index: 0, text: '', shown: false, report: false };
}

/** Distinct sentences remembered within one call; repeated boilerplate is analysed once. */
const MAX_MEMO = 4096;

/** A refusal to answer a question: "declined to say whether", "would not confirm if". */
const REFUSED_QUESTION =
  /^(?:declined|declines|refused|refuses|would\s+not|wouldn['’]t)\b[^,;]*?\s+(?:whether|if|how|when|why|what|who|which)\b/i;

/**
 * Drops the commitment cues inside a question the sentence refuses to answer: "declined
 * to say whether JVH intends to pay" plans nothing; it is a denial.
 */
function dropRefusedPlans(s: string, hits: CueHit[]): void {
  let refused = Infinity;
  for (const h of hits) {
    if (h.role === 'denial' && h.index < refused && REFUSED_QUESTION.test(s.slice(h.index, h.index + h.text.length + 12)))
      refused = h.index;
  }
  if (refused === Infinity) return;
  let k = 0;
  for (const h of hits) if (!(h.role === 'commitment' && h.index > refused)) hits[k++] = h;
  hits.length = k;
}

/**
 * Where a clause after the main one starts: ", which", ", while", ", none of them". Not
 * ", and" or "; ": a coordinate clause is often the point ("we received a demand, and we
 * did not pay it").
 */
const CLAUSE_BREAK = /,\s+(?:which|while|although|though|whereas|none|neither)\b/g;
/** How much of its weight a denial keeps in a clause after the main one. */
const LATE_DENIAL_SHARE = 0.5;

/**
 * A denial in a clause after a main clause that states something ("carried out an
 * inspection …, which led to five findings, none of them rated high") tells less about
 * the sentence than one in its main clause: it keeps part of its weight, so the type
 * follows the main clause.
 */
function demoteLateDenials(s: string, hits: CueHit[]): void {
  let firstDenial = Infinity;
  for (const h of hits) if (h.role === 'denial' && h.index < firstDenial) firstDenial = h.index;
  if (firstDenial === Infinity) return;
  CLAUSE_BREAK.lastIndex = 0;
  const b = CLAUSE_BREAK.exec(s);
  if (b === null || b.index >= firstDenial) return;
  const main = hits.some(
    (h) => h.index < b.index && h.weight >= 0.4 && (h.role === 'assertion' || h.role === 'commitment' || h.role === 'comparison'),
  );
  if (!main) return;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as CueHit;
    if (h.role === 'denial' && h.index > b.index) hits[i] = { ...h, weight: h.weight * LATE_DENIAL_SHARE };
  }
}

/** Roles that name a claim's type by themselves. */
function isSpecific(role: CueHit['role']): boolean {
  return role === 'commitment' || role === 'denial' || role === 'comparison';
}

/** How much of its weight a cue of another type keeps in a clause after a semicolon. */
const AFTER_SEMICOLON_SHARE = 0.5;

/**
 * "Orum did not preserve logs on two servers; MSIT will refer the matter to the police":
 * the clause before a semicolon sets the type, as readers and keys type such a sentence;
 * a cue of another type after it keeps half its weight.
 */
function demoteAfterSemicolon(s: string, hits: CueHit[]): void {
  const semicolon = s.indexOf('; ');
  if (semicolon < 0) return;
  // The type the first clause names first.
  let lead: CueHit | undefined;
  for (const h of hits) {
    if (h.index < semicolon && isSpecific(h.role) && h.weight >= 0.6 && (lead === undefined || h.index < lead.index)) lead = h;
  }
  if (lead === undefined) return;
  const role = lead.role;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as CueHit;
    if (h.index > semicolon && isSpecific(h.role) && h.role !== role) hits[i] = { ...h, weight: h.weight * AFTER_SEMICOLON_SHARE };
  }
}

function analyse(s: string): SentenceCues {
  const label = afterSpeakerLabel(s);
  const said = label === 0 ? s : s.slice(label);
  const veto = vetoOf(said);
  if (veto !== undefined && veto !== 'instruction') return { skip: true, hits: [], attribution: undefined };
  const from = label + claimStartAfterFeeling(said);
  if (from >= s.length) return { skip: true, hits: [], attribution: undefined };
  const hits: CueHit[] = [];
  findCues(s, hits, from);
  if (hasVeto(hits)) return { skip: true, hits: [], attribution: undefined };
  dropRefusedPlans(s, hits);
  demoteLateDenials(s, hits);
  demoteAfterSemicolon(s, hits);
  if (veto === 'instruction') return { skip: true, instruction: true, hits, attribution: undefined };
  // Every attribution goes through a reporting verb the lexicon knows, so sentences
  // without one skip the search.
  return { skip: false, hits, attribution: hasReport(hits) ? attributeSpeaker(s) : undefined };
}

function findByline(blocks: readonly Block[]): Byline | undefined {
  const byline = blocks.find((b) => b.kind === 'byline');
  return byline === undefined ? undefined : parseByline(byline.text);
}

function firstPersonSpeaker(sentence: string, byline: Byline | undefined): string | undefined {
  if (byline === undefined) return undefined;
  const unquoted = sentence.includes('"') || sentence.includes('“') ? sentence.replace(QUOTED, ' ') : sentence;
  if (byline.organisation !== undefined && FIRST_PLURAL.test(unquoted)) return byline.organisation;
  if (byline.author !== undefined && FIRST_SINGULAR.test(unquoted)) return byline.author;
  return undefined;
}

/** Whether a block is in the span asked for; an empty span asks for the block around it. */
function overlaps(b: Block, span: Span | undefined): boolean {
  if (span === undefined) return true;
  if (span.start === span.end) return b.start <= span.start && span.start <= b.end;
  return b.start < span.end && b.end > span.start;
}

/** An empty or crossed box opening a line: a form's option (a ticked one, ☑ ✓, is a checklist's statement). */
const FORM_BOX = /^\s*[☐☒]/u;

/** Claims in `text`, in document order. */
export function detectClaims(text: string, options: DetectClaimsOptions = {}): ClaimDetection[] {
  const blocks = options.blocks ?? splitBlocks(text);
  const byline = findByline(blocks);
  const out: ClaimDetection[] = [];
  const memo = new Map<string, SentenceCues>();
  // What introduces the bullets (listIntro.ts): the last block that is not one, or an item
  // ending in a colon over the items nested under it. Its readings are kept while it stays.
  const lists = startIntros();
  let intro: Block | undefined;
  let introPlans: boolean | undefined;
  let introModal: boolean | undefined;
  let introFindings: boolean | undefined;
  let introStatement: ClaimType | null | undefined;
  let introNoClaims: boolean | undefined;

  for (const block of blocks) {
    // Past the span asked for nothing is found; lists are read only up to it.
    if (options.within !== undefined && block.start > options.within.end) break;
    if (!readsAsList(block.kind)) continue;
    const itemIntro = nextIntro(lists, block);
    const current = block.kind === 'bullet' ? itemIntro : block;
    if (current !== intro) {
      intro = current;
      introPlans = undefined;
      introModal = undefined;
      introFindings = undefined;
      introStatement = undefined;
      introNoClaims = undefined;
    }
    if (!CLAIM_BLOCKS.has(block.kind) || !overlaps(block, options.within)) continue;
    if (block.kind === 'bullet' && intro !== undefined && (introNoClaims ??= introducesNoClaims(intro.text))) continue;
    // A form's box to tick ("☐ Written communications pursuant to Rule 425…"): an option, not a statement.
    if (FORM_BOX.test(block.text)) continue;

    let lastSpeaker: string | undefined;
    let first = true;
    let afterNo = false;
    for (const sentence of splitSentences(block.text, block.start)) {
      const s = sentence.text;
      const isFirst = first;
      first = false;
      // "No. Bucket access is a customer setting.": an FAQ's answer that denies what was asked.
      const answersNo = afterNo;
      afterNo = isFirst && ANSWER_NO.test(s);
      let cached = memo.get(s);
      if (cached === undefined) {
        if (memo.size >= MAX_MEMO) memo.clear();
        cached = analyse(s);
        memo.set(s, cached);
      }
      if (cached.skip && cached.instruction !== true) continue;
      let forced: ClaimType | undefined;
      let planVerb: string | undefined;
      let itemWeight = PLAN_ITEM_WEIGHT;
      let finding = false;
      let ahead: RegExpExecArray | null = null;
      if (block.kind === 'bullet' && isFirst && intro !== undefined) {
        if (
          cached.instruction !== true &&
          isPlanAction(s) &&
          (introPlans ??=
            (intro.kind === 'paragraph' || intro.kind === 'heading' || intro.kind === 'bullet') && introducesPlans(intro.text))
        ) {
          forced = 'commitment';
          // "Owner: … Target: by January 15, 2027.": the item's own deadline makes the plan checkable.
          if (ITEM_DEADLINE.test(block.text)) itemWeight = PLAN_ITEM_WEIGHT + ITEM_DEADLINE_WEIGHT;
        } else if (
          continuesLeadIn(s) &&
          (introModal ??=
            (intro.kind === 'paragraph' || intro.kind === 'bullet' || intro.kind === 'heading') && leadsIntoCommitments(intro.text))
        ) {
          forced = 'commitment';
          itemWeight = LEAD_IN_ITEM_WEIGHT;
        } else if (
          cached.instruction !== true &&
          ((ahead = ITEM_AHEAD.exec(s)) !== null || lowerCaseAction(s)) &&
          (introPlans ??=
            (intro.kind === 'paragraph' || intro.kind === 'heading' || intro.kind === 'bullet') && introducesPlans(intro.text))
        ) {
          // "The company plans two further regions:" then "• Strasbourg, opening in the first half of 2027";
          // "Focus for FY2026/27" then "• reach Maturity Level Two by June 2027;".
          forced = 'commitment';
        }
        if (forced === undefined && continuesLeadIn(s)) {
          // "We do not:" then "• share your data with anyone": the lead-in's practice, or its denial.
          introStatement ??=
            ((intro.kind === 'paragraph' || intro.kind === 'bullet' || intro.kind === 'heading') && statementLeadIn(intro.text)) || null;
          if (introStatement !== null) {
            forced = introStatement;
            itemWeight = LEAD_IN_ITEM_WEIGHT;
          }
        }
        if (forced !== undefined) planVerb = ahead?.[0] ?? s.slice(0, s.search(/\s|$/));
        else if (
          continuesLeadIn(s) &&
          (introFindings ??= (intro.kind === 'paragraph' || intro.kind === 'bullet') && leadsIntoFindings(intro.text))
        )
          finding = true;
      }
      if (cached.skip && forced === undefined) continue;
      // A reported statement with a named speaker is a claim even with little else.
      const attribution = cached.attribution;
      const anchored = attribution !== undefined && (!attribution.pronoun || lastSpeaker !== undefined);
      let verdict: Verdict | undefined;
      if (finding || answersNo) {
        const hits = cached.hits.slice();
        if (answersNo) hits.push({ role: 'denial', weight: ANSWER_NO_WEIGHT, index: 0, text: '', shown: false, report: false });
        else hits.push({ role: 'anchor', weight: FINDING_ITEM_WEIGHT, index: 0, text: '', shown: false, report: false });
        if (anchored) hits.push(attributedAnchor());
        verdict = classify(hits, undefined);
      } else if (forced === undefined) {
        // The verdict depends only on the sentence and whether it is anchored: reuse it.
        let known = anchored ? cached.anchored : cached.plain;
        if (known === undefined) {
          const hits = anchored ? [...cached.hits, attributedAnchor()] : cached.hits;
          known = classify(hits, undefined) ?? null;
          if (anchored) cached.anchored = known;
          else cached.plain = known;
        }
        verdict = known === null ? undefined : { type: known.type, cues: known.cues.slice(), confidence: known.confidence };
      } else {
        const hits = cached.hits.slice();
        hits.push({ role: forced, weight: itemWeight, index: 0, text: planVerb as string, shown: true, report: false });
        if (anchored) hits.push(attributedAnchor());
        verdict = classify(hits, forced);
      }
      if (verdict === undefined) continue;

      let speaker: string | undefined;
      if (attribution !== undefined && !attribution.pronoun) {
        speaker = attribution.speaker;
        lastSpeaker = speaker;
      } else if (attribution !== undefined || (OPENS_QUOTE.test(s) && lastSpeaker !== undefined)) {
        // "She remarked …", or a quotation going on from the sentence before.
        speaker = lastSpeaker;
      } else {
        speaker = firstPersonSpeaker(s, byline);
      }

      const claim: ClaimDetection = {
        kind: 'claim',
        start: sentence.start,
        end: sentence.end,
        text: s,
        type: verdict.type,
        cues: verdict.cues,
        hedges: (cached.hedges ??= hedgesOf(cached.hits)).slice(),
        confidence: verdict.confidence,
      };
      if (speaker !== undefined) claim.speaker = speaker;
      out.push(claim);
    }
  }
  return out;
}
