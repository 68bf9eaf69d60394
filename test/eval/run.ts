// `npm run eval`: precision, recall and F1 of each detector against the answer keys in
// ../shared/corpus (or MARGINALIA_SHARED/corpus), and how often the attribute is right
// (control catalog id, date value at the stated precision, claim type); then, per
// corpus, the claims the editor shows at each sensitivity level (test/eval/sensitivity.ts).
//   npm run eval [-- --verbose] [-- --sweep]   (--sweep: claims at every confidence floor 0–0.95)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectAll } from '../../src/core/detect';
import type { Kind } from '../../src/core/model';
import { loadCorpus } from './corpus';
import { combine, f1, precision, recall, scoreKind, type GoldKey, type KindScore } from './score';
import { claimDocument, floorSweep, formatDensityTable, sensitivityRows, type ClaimDocument } from './sensitivity';

const verbose = process.argv.includes('--verbose');
const sweep = process.argv.includes('--sweep');
const root = path.resolve(__dirname, '..', '..', '..');
const shared = path.join(process.env.MARGINALIA_SHARED ?? path.join(root, '..', 'shared'), 'corpus');

interface Corpus {
  title: string;
  keys: string;
  /** Where the documents are; a key's `source` names its document in this folder. */
  documents: string;
}

const CORPORA: Corpus[] = [
  { title: 'Shared corpus (real documents; the detectors were tuned on them)', keys: shared, documents: shared },
  {
    title: 'Held-out corpus (samples/corpus, keyed by hand blind to the detectors)',
    keys: path.join(root, 'test', 'eval', 'keys'),
    documents: path.join(root, 'samples', 'corpus'),
  },
];

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const num = (x: number): string => x.toFixed(3);
const kinds: [Kind, keyof GoldKey, string][] = [['control', 'controls', 'catalog id'], ['date', 'dates', 'value'], ['claim', 'claims', 'type']];

function evaluate(corpus: Corpus): void {
  if (!fs.existsSync(corpus.keys)) {
    console.log(`${corpus.title}: no keys at ${corpus.keys} (set MARGINALIA_SHARED for the shared corpus)\n`);
    return;
  }
  const documents = loadCorpus(corpus.keys, corpus.documents);
  const perKind = new Map<Kind, KindScore[]>();
  const claimDocuments: ClaimDocument[] = [];
  console.log(`${corpus.title}\n${corpus.keys} (${documents.length} documents)\n`);
  console.log(`${'document'.padEnd(34)} ${'kind'.padEnd(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}  tp fp fn  attribute`);
  for (const { source, text, key } of documents) {
    const detections = detectAll(text);
    claimDocuments.push(claimDocument(text, key.claims, detections));
    for (const [kind, field, attribute] of kinds) {
      const s = scoreKind(kind, text, key[field], detections);
      perKind.set(kind, [...(perKind.get(kind) ?? []), s]);
      const attr = s.attributeChecked === 0 ? '-' : `${s.attributeRight}/${s.attributeChecked} ${attribute}`;
      console.log(`${source.slice(0, 34).padEnd(34)} ${kind.padEnd(8)} ${num(precision(s)).padStart(6)} ${num(recall(s)).padStart(6)} ${num(f1(s)).padStart(6)}  ${String(s.truePositives).padStart(2)} ${String(s.falsePositives).padStart(2)} ${String(s.falseNegatives).padStart(2)}  ${attr}`);
      if (verbose) {
        for (const m of s.misses) console.log(`    missed:   ${m.replace(/\s+/g, ' ').slice(0, 110)}`);
        for (const m of s.spurious) console.log(`    spurious: ${m.replace(/\s+/g, ' ').slice(0, 110)}`);
        for (const m of s.wrongAttribute) console.log(`    wrong:    ${m.replace(/\s+/g, ' ').slice(0, 140)}`);
      }
    }
  }
  console.log(`\n${'overall'.padEnd(34)} ${'kind'.padEnd(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}  right attribute`);
  for (const [kind, , attribute] of kinds) {
    const s = combine(perKind.get(kind) ?? []);
    const attr = s.attributeChecked === 0 ? '-' : `${pct(s.attributeRight / s.attributeChecked)} ${attribute} (${s.attributeRight}/${s.attributeChecked})`;
    console.log(`${''.padEnd(34)} ${kind.padEnd(8)} ${num(precision(s)).padStart(6)} ${num(recall(s)).padStart(6)} ${num(f1(s)).padStart(6)}  ${attr}`);
  }
  console.log('\nClaims at each sensitivity level (marginalia.claimSensitivity; dates and controls are always shown).');
  console.log('claims: suggestions shown; sentences: share of the documents\' sentences underlined; on yes: share of');
  console.log('suggestions on a `yes` entry (P counts `maybe` ones as right); cut: fewer suggestions than at `high`.\n');
  for (const line of formatDensityTable(sensitivityRows(claimDocuments), 'level')) console.log(line);
  if (sweep) {
    console.log('\nClaims by confidence floor (cut: fewer suggestions than at floor 0).\n');
    const floors = Array.from({ length: 20 }, (_, i) => i / 20);
    for (const line of formatDensityTable(floorSweep(claimDocuments, floors))) console.log(line);
  }
  console.log('');
}

for (const corpus of CORPORA) evaluate(corpus);
