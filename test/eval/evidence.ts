// Scores the evidence suggested for commitments (src/core/store/evidenceRank.ts) on
// fictional corpora with decoys (test/eval/evidence/{dev,final}): each folder's documents
// are pre-annotated as Scan Workspace would, every commitment keyed in evidence.key.yaml
// is ranked against the folder's claims, and the top suggestion is compared with the
// statement keyed as settling it (and its verdict), or with none.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { detectAll, documentReferenceDate } from '../../src/core/detect';
import { claimFacts, rankEvidence, type ClaimFacts } from '../../src/core/store/evidenceRank';
import { preannotate } from '../../src/core/store/preannotate';
import { emptySidecar } from '../../src/core/store/sync';

interface KeyedClaim {
  document: string;
  claim: string;
}

interface KeyedCommitment extends KeyedClaim {
  verdict?: 'kept' | 'broken';
  evidence: KeyedClaim | null;
}

export interface EvidenceScore {
  /** Commitments keyed with evidence, and how many had it first. */
  settled: number;
  topRight: number;
  /** Of those right, how many with the keyed verdict proposed. */
  verdictRight: number;
  /** Mean reciprocal rank of the keyed evidence (0 when not proposed). */
  reciprocalRanks: number;
  /** Commitments keyed with none, and how many got no suggestion. */
  unsettled: number;
  abstained: number;
  errors: string[];
}

/** Every claim of the folder's documents, as Scan Workspace stores them. */
export function corpusFacts(folder: string): ClaimFacts[] {
  const out: ClaimFacts[] = [];
  for (const name of fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = fs.readFileSync(path.join(folder, name), 'utf8');
    const { sidecar } = preannotate(emptySidecar(name), text, (reference) =>
      detectAll(text, reference ? { referenceDate: reference } : {}),
    );
    out.push(...claimFacts(sidecar.annotations, name, documentReferenceDate(text)));
  }
  return out;
}

export function scoreEvidence(folder: string): EvidenceScore {
  const keys = parse(fs.readFileSync(path.join(folder, 'evidence.key.yaml'), 'utf8')) as { commitments: KeyedCommitment[] };
  const corpus = corpusFacts(folder);
  const find = (k: KeyedClaim): ClaimFacts | undefined =>
    corpus.find((f) => f.document === k.document && f.annotation.quote.includes(k.claim));
  const score: EvidenceScore = { settled: 0, topRight: 0, verdictRight: 0, reciprocalRanks: 0, unsettled: 0, abstained: 0, errors: [] };
  for (const k of keys.commitments) {
    const commitment = find(k);
    if (commitment === undefined) {
      score.errors.push(`${k.document}: commitment not found: ${k.claim}`);
      if (k.evidence === null) score.unsettled++;
      else score.settled++;
      continue;
    }
    const ranked = rankEvidence(commitment, corpus);
    const top = ranked[0];
    const said = (c: (typeof ranked)[number] | undefined): string =>
      c === undefined
        ? 'nothing'
        : `${c.facts.document}: “${c.facts.annotation.quote.slice(0, 50)}…” (${c.score}, ${c.verdict ?? 'no verdict'})`;
    if (k.evidence === null) {
      score.unsettled++;
      if (top === undefined) score.abstained++;
      else score.errors.push(`${k.claim}: keyed as settled by nothing; proposed ${said(top)}`);
      continue;
    }
    score.settled++;
    const wanted = find(k.evidence);
    const rank = wanted === undefined ? -1 : ranked.findIndex((c) => c.facts === wanted);
    if (rank >= 0) score.reciprocalRanks += 1 / (rank + 1);
    if (rank === 0) {
      score.topRight++;
      if (top?.verdict === k.verdict) score.verdictRight++;
      else score.errors.push(`${k.claim}: right evidence, verdict ${top?.verdict ?? 'none'} instead of ${k.verdict ?? 'none'}`);
    } else score.errors.push(`${k.claim}: keyed evidence ranked ${rank < 0 ? 'nowhere' : rank + 1}; first ${said(top)}`);
  }
  return score;
}
