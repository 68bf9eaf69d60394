// From the cues of a sentence to a verdict: claim or not, its type, the cues to show and
// a confidence.

import type { ClaimType } from '../../model';
import type { CueHit } from './cues';

/** Evidence a sentence needs to count as a claim (cue weights add up to it). */
export const CLAIM_THRESHOLD = 1.0;

/**
 * The score at which a specific type wins over assertion. A sentence with such a strong
 * cue is of the first such type in the order commitment, denial, comparison: a plan that
 * mentions a superlative ("hire the world's top experts") is a plan, and a denial inside
 * a commitment ("a job that is never done") does not undo it. Assertion is what is left:
 * dates, numbers and reporting verbs make a sentence a claim but say nothing about its
 * type when a specific cue is there.
 */
const SPECIFIC_TYPE_SCORE = 1.0;
const MAX_CUES = 6;

export interface Verdict {
  type: ClaimType;
  cues: string[];
  confidence: number;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The verdict for a sentence's cues, or undefined when they do not make it a claim. */
export function classify(hits: readonly CueHit[], forcedType?: ClaimType): Verdict | undefined {
  let commitment = 0;
  let denial = 0;
  let comparison = 0;
  let assertion = 0;
  let other = 0;
  for (const h of hits) {
    switch (h.role) {
      case 'commitment':
        commitment += h.weight;
        break;
      case 'denial':
        denial += h.weight;
        break;
      case 'comparison':
        comparison += h.weight;
        break;
      case 'assertion':
        assertion += h.weight;
        break;
      case 'hedge':
        break;
      default:
        other += h.weight;
    }
  }
  const evidence = commitment + denial + comparison + assertion + other;
  if (evidence < CLAIM_THRESHOLD) return undefined;
  let type: ClaimType;
  if (forcedType !== undefined) type = forcedType;
  else if (commitment >= SPECIFIC_TYPE_SCORE) type = 'commitment';
  else if (denial >= SPECIFIC_TYPE_SCORE) type = 'denial';
  else if (comparison >= SPECIFIC_TYPE_SCORE) type = 'comparison';
  else {
    // No strong specific cue: the best-supported type, assertion on ties.
    type = 'assertion';
    let best = assertion;
    if (commitment > best) {
      type = 'commitment';
      best = commitment;
    }
    if (denial > best) {
      type = 'denial';
      best = denial;
    }
    if (comparison > best) type = 'comparison';
  }
  const typed = commitment + denial + comparison + assertion;
  const own = type === 'commitment' ? commitment : type === 'denial' ? denial : type === 'comparison' ? comparison : assertion;
  const share = typed > 0 ? Math.max(0, own) / typed : 0.5;
  const sure = 1 - 0.5 * Math.exp(-(evidence - CLAIM_THRESHOLD));
  const confidence = round2(Math.min(0.99, Math.max(0.05, sure * (0.7 + 0.3 * share))));
  return { type, cues: shownCues(hits, type), confidence };
}

function isShowable(h: CueHit): boolean {
  return h.role !== 'anchor' && h.role !== 'opinion' && h.role !== 'hedge' && h.role !== 'veto';
}

function needsCleaning(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0 || (c === 0x20 && text.charCodeAt(i + 1) === 0x20)) return true;
  }
  return false;
}

/** Reused between calls: the candidate cues of one sentence. */
const candidates: CueHit[] = [];

/**
 * The words to show for a verdict: cues of its type first, then the other evidence, in
 * text order; weak cues (a lone -ed verb) only when there is nothing better, and none
 * that overlaps one already shown ("March 3" makes "3" redundant).
 */
function shownCues(hits: readonly CueHit[], type: ClaimType): string[] {
  let anyShown = false;
  for (const h of hits) if (h.shown && isShowable(h)) anyShown = true;
  candidates.length = 0;
  for (const h of hits) if (isShowable(h) && (h.shown || !anyShown)) candidates.push(h);
  // Insertion sort: a handful of cues, type first, then by position.
  for (let i = 1; i < candidates.length; i++) {
    const h = candidates[i] as CueHit;
    const key = (h.role === type ? 0 : 1e9) + h.index;
    let j = i - 1;
    while (j >= 0) {
      const o = candidates[j] as CueHit;
      if ((o.role === type ? 0 : 1e9) + o.index <= key) break;
      candidates[j + 1] = o;
      j--;
    }
    candidates[j + 1] = h;
  }
  const out: string[] = [];
  let picked = 0;
  for (let i = 0; i < candidates.length && out.length < MAX_CUES; i++) {
    const h = candidates[i] as CueHit;
    let overlaps = false;
    for (let k = 0; k < picked; k++) {
      const p = candidates[k] as CueHit;
      if (p.index < h.index + h.text.length && h.index < p.index + p.text.length) overlaps = true;
    }
    const text = needsCleaning(h.text) ? h.text.trim().replace(/\s+/g, ' ') : h.text;
    if (overlaps || out.some((o) => o.toLowerCase() === text.toLowerCase())) continue;
    // Keep the picked ones at the front of the array.
    candidates[i] = candidates[picked] as CueHit;
    candidates[picked] = h;
    picked++;
    out.push(text);
  }
  return out;
}
