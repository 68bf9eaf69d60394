// Claims at each sensitivity level (src/core/detect/sensitivity.ts): how many claims the
// editor would underline and what that costs in recall. Used by `npm run eval` and by the
// unit test that keeps the default level honest.
//
// Besides P, R and F1 (scored as in score.ts: `maybe` entries are free), each row gives
//   - suggestions: claims shown, and per 1,000 words of the documents;
//   - sentences: the share of the documents' sentences (every block but blank lines and
//     rules, headings included) that carry a claim underline;
//   - on yes: the share of suggestions that overlap a `yes` entry. P counts a claim on a
//     `maybe` entry as right, so when P is already 1 at every floor this is the only
//     figure that shows whether a higher floor keeps the surer claims;
//   - cut: how many fewer suggestions than the first (most sensitive) row.
import type { ClaimDetection, Detection } from '../../src/core/model';
import { CLAIM_CONFIDENCE_FLOOR, CLAIM_SENSITIVITIES, meetsSensitivity } from '../../src/core/detect/sensitivity';
import { splitBlocks } from '../../src/core/text/blocks';
import { splitSentences } from '../../src/core/text/sentences';
import {
  combine,
  emptyScore,
  f1,
  locate,
  overlaps,
  precision,
  recall,
  scoreKind,
  type GoldEntry,
  type KindScore,
  type Located,
} from './score';

/** A word: letters and digits, with inner apostrophes, dots and hyphens ("AES-256", "U.S"). */
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Sentences of every block but blank lines and rules (headings and bylines count as one or more). */
export function countSentences(text: string): number {
  let n = 0;
  for (const b of splitBlocks(text)) {
    if (b.kind === 'blank' || b.kind === 'rule') continue;
    n += splitSentences(b.text, b.start).length;
  }
  return n;
}

/** A keyed document with its claim detections, ready to be filtered at several levels. */
export interface ClaimDocument {
  text: string;
  gold: Located[];
  claims: ClaimDetection[];
  words: number;
  sentences: number;
}

export function claimDocument(text: string, gold: readonly GoldEntry[], detections: readonly Detection[]): ClaimDocument {
  return {
    text,
    gold: locate(text, gold),
    claims: detections.filter((d): d is ClaimDetection => d.kind === 'claim'),
    words: countWords(text),
    sentences: countSentences(text),
  };
}

export interface DensityRow {
  /** The level's name, or the floor for a sweep. */
  label: string;
  floor: number;
  score: KindScore;
  suggestions: number;
  /** Suggestions that overlap a `yes` entry. */
  onYes: number;
  words: number;
  sentences: number;
}

/** Scores the claims that `keep` lets through over all `docs`. */
export function densityRow(docs: readonly ClaimDocument[], label: string, floor: number, keep: (c: ClaimDetection) => boolean): DensityRow {
  const scores: KindScore[] = [];
  let suggestions = 0;
  let onYes = 0;
  let words = 0;
  let sentences = 0;
  for (const doc of docs) {
    const kept = doc.claims.filter(keep);
    scores.push(scoreKind('claim', doc.text, doc.gold, kept));
    suggestions += kept.length;
    onYes += kept.filter((c) => doc.gold.some((g) => g.label === 'yes' && g.spans.some((s) => overlaps(s, c)))).length;
    words += doc.words;
    sentences += doc.sentences;
  }
  const score = combine([emptyScore('claim'), ...scores]);
  return { label, floor, score, suggestions, onYes, words, sentences };
}

/** One row per sensitivity level, from the most sensitive (lowest floor) down, through the editor's own filter. */
export function sensitivityRows(docs: readonly ClaimDocument[]): DensityRow[] {
  const levels = [...CLAIM_SENSITIVITIES].sort((a, b) => CLAIM_CONFIDENCE_FLOOR[a] - CLAIM_CONFIDENCE_FLOOR[b]);
  return levels.map((level) => densityRow(docs, level, CLAIM_CONFIDENCE_FLOOR[level], (c) => meetsSensitivity(c, level)));
}

/** One row per confidence floor, for calibrating the levels (`npm run eval -- --sweep`). */
export function floorSweep(docs: readonly ClaimDocument[], floors: readonly number[]): DensityRow[] {
  return floors.map((floor) => densityRow(docs, floor.toFixed(2), floor, (c) => c.confidence >= floor));
}

export const perThousandWords = (r: DensityRow): number => (r.words === 0 ? 0 : (1000 * r.suggestions) / r.words);
export const sentenceShare = (r: DensityRow): number => (r.sentences === 0 ? 0 : r.suggestions / r.sentences);
export const yesShare = (r: DensityRow): number => (r.suggestions === 0 ? 1 : r.onYes / r.suggestions);

/** The rows as a text table, led by their labels when `firstColumn` names them; `cut` is measured against the first row. */
export function formatDensityTable(rows: readonly DensityRow[], firstColumn?: string): string[] {
  const base = rows[0]?.suggestions ?? 0;
  const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;
  const lead = firstColumn === undefined ? '' : `${firstColumn.padEnd(8)} `;
  const header = `${lead}${'floor'.padStart(5)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'claims'.padStart(6)} ${'/1k words'.padStart(9)} ${'sentences'.padStart(9)} ${'on yes'.padStart(6)} ${'cut'.padStart(5)}`;
  return [
    header,
    ...rows.map((r) =>
      [
        ...(firstColumn === undefined ? [] : [r.label.padEnd(8)]),
        r.floor.toFixed(2).padStart(5),
        precision(r.score).toFixed(3).padStart(6),
        recall(r.score).toFixed(3).padStart(6),
        f1(r.score).toFixed(3).padStart(6),
        String(r.suggestions).padStart(6),
        perThousandWords(r).toFixed(1).padStart(9),
        pct(sentenceShare(r)).padStart(9),
        pct(yesShare(r)).padStart(6),
        (base === 0 ? '-' : pct(1 - r.suggestions / base)).padStart(5),
      ].join(' '),
    ),
  ];
}
