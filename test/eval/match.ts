// Scores the same-claim matcher (src/core/match) against keys written by hand
// (test/fixtures/match/SET/key.yaml): every pair of sentences in different documents that
// report the same statement, with its kind. Run over the claims the detector finds (what
// the editor matches) and over every sentence (the matcher alone, whatever the detector
// misses), at each setting, so what each part of the method adds is measured.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { detectAll } from '../../src/core/detect';
import { linkedPairs, matchClaims, MATCH_KINDS, type ClaimText, type MatchKind, type MatchOptions } from '../../src/core/match/claims';
import { splitBlocks } from '../../src/core/text/blocks';
import { splitSentences } from '../../src/core/text/sentences';

interface KeyEnd {
  doc: string;
  quote: string;
}
interface KeyPair {
  a: KeyEnd;
  b: KeyEnd;
  kind: MatchKind;
}

export interface MatchScore {
  /** Pairs the matcher proposed, and how many of them are keyed pairs. */
  predicted: number;
  correct: number;
  /** By keyed kind: keyed pairs and how many were found. */
  byKind: Record<MatchKind, { keyed: number; found: number }>;
  /** Found pairs whose kind is the keyed one. */
  kindRight: number;
  /** Keyed pairs with an end no unit (claim or sentence) covers: the detector missed it. */
  unplaced: number;
  errors: string[];
}

function unitsOf(dir: string, over: 'claims' | 'sentences'): { units: ClaimText[]; texts: Map<string, string> } {
  const units: ClaimText[] = [];
  const texts = new Map<string, string>();
  for (const doc of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(path.join(dir, doc), 'utf8');
    texts.set(doc, text);
    if (over === 'claims') {
      for (const d of detectAll(text, { kinds: ['claim'] })) units.push({ doc, id: `${d.start}`, text: d.text, start: d.start });
    } else {
      for (const block of splitBlocks(text))
        for (const s of splitSentences(block.text, block.start)) units.push({ doc, id: `${s.start}`, text: s.text, start: s.start });
    }
  }
  return { units, texts };
}

/** The unit that covers most of a keyed quote, or undefined when none covers half of it. */
function unitFor(end: KeyEnd, units: readonly ClaimText[], texts: ReadonlyMap<string, string>): number | undefined {
  const text = texts.get(end.doc) ?? '';
  const at = text.indexOf(end.quote);
  if (at < 0) throw new Error(`key quote not in ${end.doc}: ${end.quote}`);
  let best: number | undefined;
  let bestOverlap = 0;
  units.forEach((u, i) => {
    if (u.doc !== end.doc || u.start === undefined) return;
    const overlap = Math.min(u.start + u.text.length, at + end.quote.length) - Math.max(u.start, at);
    if (overlap > bestOverlap) {
      best = i;
      bestOverlap = overlap;
    }
  });
  return bestOverlap >= end.quote.length / 2 ? best : undefined;
}

export function scoreMatching(dir: string, over: 'claims' | 'sentences', options: MatchOptions = {}): MatchScore {
  const key = parse(readFileSync(path.join(dir, 'key.yaml'), 'utf8')) as { pairs: KeyPair[] };
  const { units, texts } = unitsOf(dir, over);
  const result = matchClaims(units, options);
  const pairKey = (i: number, j: number): string => (i < j ? `${i}:${j}` : `${j}:${i}`);
  const keyed = new Map<string, KeyPair>();
  const byKind = Object.fromEntries(MATCH_KINDS.map((k) => [k, { keyed: 0, found: 0 }])) as MatchScore['byKind'];
  let unplaced = 0;
  const errors: string[] = [];
  const short = (s: string): string => s.replace(/\s+/g, ' ').slice(0, 70);
  for (const p of key.pairs) {
    byKind[p.kind].keyed++;
    const i = unitFor(p.a, units, texts);
    const j = unitFor(p.b, units, texts);
    if (i === undefined || j === undefined) {
      unplaced++;
      errors.push(
        `not a ${over === 'claims' ? 'detected claim' : 'sentence'}: ${p.kind} ${i === undefined ? p.a.doc : p.b.doc} “${short(i === undefined ? p.a.quote : p.b.quote)}”`,
      );
      continue;
    }
    if (i !== j) keyed.set(pairKey(i, j), p);
  }
  let correct = 0;
  let kindRight = 0;
  const found = new Set<string>();
  const pairs = [...linkedPairs(result, units)];
  for (const l of pairs) {
    const k = pairKey(l.a, l.b);
    const p = keyed.get(k);
    const [x, y] = [units[l.a] as ClaimText, units[l.b] as ClaimText];
    if (!p) {
      errors.push(`spurious ${l.kind} ${l.score.toFixed(2)}: ${x.doc} “${short(x.text)}” ~ ${y.doc} “${short(y.text)}”`);
      continue;
    }
    correct++;
    found.add(k);
    byKind[p.kind].found++;
    if (p.kind === l.kind) kindRight++;
    else errors.push(`kind ${l.kind} (keyed ${p.kind}) ${l.score.toFixed(2)}: ${x.doc} “${short(x.text)}” ~ ${y.doc} “${short(y.text)}”`);
  }
  for (const [k, p] of keyed)
    if (!found.has(k)) errors.push(`missed ${p.kind}: ${p.a.doc} “${short(p.a.quote)}” ~ ${p.b.doc} “${short(p.b.quote)}”`);
  return { predicted: pairs.length, correct, byKind, kindRight, unplaced, errors };
}
